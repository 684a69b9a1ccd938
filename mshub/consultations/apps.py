from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "mshub.consultations"
    label = "consultations"
    verbose_name = _("Public consultations")

    def ready(self) -> None:
        from mshub.topics.registry import register

        # a consultation every forum shares, dated by its deadline: each forum tags it for itself
        register(
            "consultations.Consultation",
            kind="consultation",
            label=_("Public consultations"),
            date_path="closes",
            permission="consultations.change_consultation",
            view_permission="consultations.view_consultation",
            forum_path=None,
            url=lambda consultation: consultation.urls.detail,
            text=lambda c: " ".join([c.title_ja, c.title_en, c.summary_ja, c.summary_en]),
            order=50,
        )
