from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "mshub.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self) -> None:
        from django.conf import settings

        if settings.PDF_WARM_UP:  # the processes that render report PDFs load WeasyPrint and the fonts first
            from mshub.core.background import warm_up_with
            from mshub.meetings.reports.pdf import warm_up

            warm_up_with(warm_up)
