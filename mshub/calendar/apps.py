from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarConfig(AppConfig):
    name = "mshub.calendar"
    label = "calendar"
    verbose_name = _("International calendar")

    def ready(self) -> None:
        from mshub.topics.registry import register

        # an event every forum shares: each forum tags it for itself (docs/topics.md)
        register(
            "calendar.ExternalEvent",
            kind="event",
            label=_("International events"),
            date_path="first_day",
            permission="calendar.change_event",
            view_permission="calendar.view_calendar",
            forum_path=None,
            url=lambda event: event.urls.event,
            order=40,
        )
