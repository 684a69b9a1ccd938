from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "mshub.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self) -> None:
        from django.conf import settings

        _register_topics()

        if settings.PDF_WARM_UP:  # the processes that render report PDFs load WeasyPrint and the fonts first
            from mshub.core.background import warm_up_with
            from mshub.meetings.reports.pdf import warm_up

            warm_up_with(warm_up)


def _register_topics() -> None:
    """Meetings, agenda items and the minutes' Q/A/C entries can be put under topics (docs/topics.md)."""
    from mshub.topics.registry import register

    register(
        "meetings.Meeting",
        kind="meeting",
        label=_("Meetings"),
        date_path="start",
        permission="meetings.change_meeting",
        view_permission="meetings.view_meeting",
        related=("forum", "series"),
        order=10,
    )
    register(
        "meetings.AgendaItem",
        kind="agenda-item",
        label=_("Agenda items"),
        date_path="meeting__start",
        permission="meetings.change_meeting",
        forum_path="meeting__forum",
        rule_path="meeting",
        view_permission="meetings.view_meeting",
        related=("meeting__forum", "meeting__series"),
        url=lambda item: item.meeting.urls.meeting,
        order=20,
    )
    register(
        "meetings.Intervention",
        kind="intervention",
        label=_("Questions, answers and comments"),
        date_path="item__meeting__start",
        permission="meetings.edit_minutes",
        forum_path="item__meeting__forum",
        rule_path="item.meeting",
        view_permission="meetings.view_report",
        related=("item__meeting__forum", "item__meeting__series"),
        url=lambda entry: entry.item.meeting.urls.report,
        order=30,
    )
