from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "mshub.people"
    label = "people"
    verbose_name = _("Stakeholder registry")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from mshub.core.models import Forum
        from mshub.people.vocabularies import seed_on_forum_created

        post_save.connect(seed_on_forum_created, sender=Forum, dispatch_uid="people-seed-vocabularies")
