"""``/api/v1/``: the JSON API. One router per forum-scoped area, plus the schema and docs."""

from __future__ import annotations

from typing import Any

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView
from rest_framework import routers
from rest_framework.permissions import AllowAny
from rest_framework.routers import DefaultRouter, SimpleRouter

from mshub.core.api import ForumViewSet
from mshub.core.areas import register_api_routes

app_name = "api"


class APIRootView(routers.APIRootView):
    """The API's index lists its endpoints; each endpoint checks its own permission."""

    permission_classes = [AllowAny]


def build_urlpatterns() -> list[Any]:
    """The API's routes for the areas installed now (the site's URLconf, ``mshub/urls.py``, includes them)."""
    site_router = DefaultRouter()
    site_router.APIRootView = APIRootView
    site_router.register("forums", ForumViewSet, basename="forum")

    forum_router = SimpleRouter()
    register_api_routes(forum_router)  # each installed area's ``Area.api_routes``

    return [
        path("schema/", SpectacularAPIView.as_view(), name="schema"),
        path("docs/", SpectacularRedocView.as_view(url_name="api:schema"), name="docs"),
        path("v1/", include(site_router.urls)),
        path("v1/<slug:forum>/", include(forum_router.urls)),
    ]
