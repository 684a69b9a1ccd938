from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "mshub.core"
    label = "core"
    verbose_name = _("Forums")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers every permission)
