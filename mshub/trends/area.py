"""What the trends contribute to the forum (the area contract, mshub.core.areas)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from mshub.core.areas import Area, DemoStep, MenuEntry


def _api_routes(router: Any) -> None:
    from mshub.trends import api

    router.register("trend-items", api.TrendItemViewSet, basename="trenditem")


def _delete_forum(forum: Any) -> None:
    """The forum's trend items (their tags with them), then its feeds and their runs."""
    from django.contrib.contenttypes.models import ContentType

    from mshub.topics.models import TopicTag
    from mshub.trends.models import FeedRun, TrendFeed, TrendItem

    content_type = ContentType.objects.get_for_model(TrendItem)
    TopicTag.objects.filter(forum=forum, content_type=content_type).delete()
    TrendItem.objects.filter(forum=forum).delete()
    FeedRun.objects.filter(forum=forum).delete()
    TrendFeed.objects.filter(forum=forum).delete()


def _demo(demo: Any) -> None:
    from mshub.trends.demo import build_trends

    build_trends(demo)


AREA = Area(
    label="trends",
    urls="mshub.trends.urls",
    rules="mshub.trends.rules",
    menu=(MenuEntry(47, _("Trends"), "trends:index", "trends.view_trenditem"),),
    demo_steps=(DemoStep(37, _demo),),
    api_routes=_api_routes,
    on_forum_delete=_delete_forum,
    delete_order=42,
)
