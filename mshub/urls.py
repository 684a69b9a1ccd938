"""The site's URLconf: accounts, the API, core's pages, then each installed area under ``/<forum>/``.

Built by ``build_urlpatterns`` from the areas installed when it runs, so that a URLconf made with
other installed apps (the test-only area in ``tests/sample_area``) mounts their pages and API too.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from mshub.accounts import views as account_views
from mshub.api import urls as api_urls
from mshub.core.areas import installed_areas


def build_urlpatterns() -> list[Any]:
    return [
        path("admin/", admin.site.urls),
        path("accounts/", include("mshub.accounts.urls")),
        path("i18n/setlang/", account_views.set_language, name="set_language"),
        path("i18n/js/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
        path("api/", include((api_urls.build_urlpatterns(), api_urls.app_name))),
        path("", include("mshub.core.urls")),
        # each installed area's pages (``Area.urls``), in INSTALLED_APPS order
        *(path("<slug:forum>/", include(area.urls)) for area in installed_areas() if area.urls),
    ]


urlpatterns = build_urlpatterns()
