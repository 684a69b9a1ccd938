from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from mshub.accounts import views as account_views
from mshub.core.areas import installed_areas

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("mshub.accounts.urls")),
    path("i18n/setlang/", account_views.set_language, name="set_language"),
    path("i18n/js/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("api/", include("mshub.api.urls")),
    path("", include("mshub.core.urls")),
    # each installed area's pages (``Area.urls``), in INSTALLED_APPS order
    *(path("<slug:forum>/", include(area.urls)) for area in installed_areas() if area.urls),
]
