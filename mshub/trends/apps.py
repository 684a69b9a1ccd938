from django.apps import AppConfig
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _


class TrendsConfig(AppConfig):
    name = "mshub.trends"
    label = "trends"
    verbose_name = _("Trends")

    def ready(self) -> None:
        from mshub.topics.registry import register

        register(
            "trends.TrendItem",
            kind="trend-item",
            label=_("Trend items"),
            date_path="date",
            permission="trends.change_trenditem",
            view_permission="trends.view_trenditem",  # working notes: members read them, the public never
            related=("forum",),
            text=lambda item: " ".join([item.title, strip_tags(item.summary_ja), strip_tags(item.summary_en)]),
            order=60,
        )
