from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from mshub.accounts import views as account_views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("mshub.accounts.urls")),
    path("i18n/setlang/", account_views.set_language, name="set_language"),
    path("i18n/js/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("api/", include("mshub.api.urls")),
    path("", include("mshub.core.urls")),
    path("<slug:forum>/", include("mshub.people.urls")),
    path("<slug:forum>/", include("mshub.meetings.urls")),
    path("<slug:forum>/", include("mshub.archive.urls")),
]
