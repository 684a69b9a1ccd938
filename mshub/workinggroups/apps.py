from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkingGroupsConfig(AppConfig):
    name = "mshub.workinggroups"
    label = "workinggroups"
    verbose_name = _("Working groups")

    def ready(self) -> None:
        from mshub.topics.registry import register

        register(
            "workinggroups.WorkingGroup",
            kind="working-group",
            label=_("Working groups"),
            date_path="created_at",
            permission="workinggroups.change_workinggroup",
            view_permission="workinggroups.view_workinggroup",
            related=("forum",),
            url=lambda group: group.urls.group,
            text=lambda group: " ".join([group.name_ja, group.name_en, group.charter_ja, group.charter_en]),
            order=70,
        )
