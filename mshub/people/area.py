"""What the stakeholder registry contributes to the forum (the area contract, mshub.core.areas)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from mshub.core.areas import Area, DemoStep, MenuEntry, Vocabulary


def _home_context(view: Any) -> dict[str, Any]:
    context: dict[str, Any] = {"organization_count": view.forum.organizations.count()}
    if view.request.user.has_perm("people.view_person", view.forum):
        context["person_count"] = view.forum.persons.count()
    return context


def _api_routes(router: Any) -> None:
    from mshub.people import api

    router.register("stakeholder-groups", api.StakeholderGroupViewSet, basename="stakeholdergroup")
    router.register("organizations", api.OrganizationViewSet, basename="organization")
    router.register("persons", api.PersonViewSet, basename="person")


def _create_forum(forum: Any) -> None:
    """A new forum starts with the default stakeholder groups, organisation kinds and genders."""
    from mshub.people.vocabularies import seed_vocabularies

    seed_vocabularies(forum)


def _delete_forum(forum: Any) -> None:
    """Persons before organisations: an organisation is protected by the affiliations to it."""
    from mshub.people.models import Organization, Person

    Person.objects.filter(forum=forum).delete()
    Organization.objects.filter(forum=forum).delete()


def _demo(demo: Any) -> None:
    from mshub.people.demo import build_community

    build_community(demo)


def _demo_counts(slug: str) -> dict[str, int]:
    from mshub.people.models import Organization, Person

    return {
        "organizations": Organization.objects.filter(forum__slug=slug).count(),
        "people": Person.objects.filter(forum__slug=slug).count(),
    }


AREA = Area(
    label="people",
    urls="mshub.people.urls",
    rules="mshub.people.rules",
    menu=(
        MenuEntry(20, _("People"), "people:person-list", "people.view_person"),
    ),  # the registry is one entry: organisations and stakeholder groups are linked from its pages
    # (templates/people/_registry_nav.html), so that the forum menu stays one line on a desktop
    home_panel="people/_home_panel.html",
    home_context=_home_context,
    home_order=20,
    demo_steps=(DemoStep(20, _demo),),
    demo_counts=_demo_counts,
    api_routes=_api_routes,
    on_forum_create=_create_forum,
    on_forum_delete=_delete_forum,
    delete_order=20,
    vocabularies=(
        Vocabulary(
            10,
            "stakeholder-groups",
            "people.StakeholderGroup",
            _("Stakeholder groups"),
            "people.change_vocabulary",
            ("igf_category",),
        ),
        Vocabulary(
            20, "organization-kinds", "people.OrganizationKind", _("Kinds of organisation"), "people.change_vocabulary"
        ),
        Vocabulary(30, "genders", "people.Gender", _("Gender categories"), "people.change_vocabulary"),
    ),
)
