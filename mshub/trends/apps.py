from django.apps import AppConfig
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
        )
