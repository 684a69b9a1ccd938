from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _set_up_new_forum(sender: Any, instance: Any, created: bool, raw: bool = False, **kwargs: Any) -> None:
    """Each installed area's ``on_forum_create``, however the forum was saved (not for fixtures)."""
    if created and not raw:
        from mshub.core.areas import forum_creators

        for create in forum_creators():
            create(instance)


class CoreConfig(AppConfig):
    name = "mshub.core"
    label = "core"
    verbose_name = _("Forums")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from . import pagecache, permissions
        from .models import Forum

        permissions.register_area_rules()  # every installed area's rules.py, into the one registry
        post_save.connect(_set_up_new_forum, sender=Forum, dispatch_uid="core-set-up-new-forum")
        pagecache.connect()  # a saved or deleted record raises its forum's content_version
