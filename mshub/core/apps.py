from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "mshub.core"
    label = "core"
    verbose_name = _("Forums")

    def ready(self) -> None:
        from . import permissions

        permissions.register_area_rules()  # every installed area's rules.py, into the one registry
