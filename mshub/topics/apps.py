from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TopicsConfig(AppConfig):
    name = "mshub.topics"
    label = "topics"
    verbose_name = _("Topics")

    def ready(self) -> None:
        from mshub.topics.registry import register

        # The registry's people (an area below topics, which cannot register itself): members only
        # see them, so a topic's page and the API show a tagged person to members only.
        register(
            "people.Person",
            kind="person",
            label=_("People"),
            date_path="created_at",
            permission="people.change_person",
            view_permission="people.view_person",
            related=("forum",),
            order=90,
        )
