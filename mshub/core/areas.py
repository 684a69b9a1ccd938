"""The area contract: what each installed area contributes, and the registry that collects it.

An area is a Django app (``mshub.people``, ``mshub.meetings``, …) with a module ``area.py`` that
defines ``AREA = Area(...)``. Core never imports an area by name: it loops over the installed apps
(in ``INSTALLED_APPS`` order) and reads what their ``AREA`` declares:

- ``urls``: its URLconf, mounted under ``/<forum>/`` (``mshub/urls.py``);
- ``rules``: the dotted path of the area's ``rules.py``, whose ``PERMISSIONS`` dict joins the one
  registry (``mshub.core.permissions.PERMISSIONS``, printed by ``manage.py permissions``);
- ``menu``: the forum menu's entries, each with the permission it needs and its place (``order``);
- ``home_panel``: a template included on the forum's home page, and ``home_context`` filling it;
- ``demo_steps``: the area's part of ``manage.py loaddemo``, run in ``order`` across all areas
  (``demo_counts``: what it reports);
- ``api_routes``: registers the area's viewsets on the per-forum API router;
- ``on_forum_create``: sets up the area's part of a new forum (its default vocabularies …), run in
  ``INSTALLED_APPS`` order however the forum is saved (a service, the admin, a fixture);
- ``on_forum_delete``: deletes the area's records of a forum, run highest ``delete_order`` first;
- ``on_person_erase``: erases what the area holds about a person (``mshub.people.erasure``);
- ``vocabularies``: the area's controlled vocabularies (``Vocabulary``), edited on the one
  vocabularies page (``mshub.core.views.vocabularies``) by the holders of each one's permission.
- ``record_sources``: where a shared record (an international event, a consultation) came from, as
  this forum may tell this reader: ``record_sources(forum, user, obj)`` returns ``RecordSource``
  lines (a label and a link). The archive declares one (its documents that fed the record), so that
  the calendar's and the consultations' pages show their provenance without importing the archive:
  they ask ``sources_of(forum, user, obj)`` (the template tag ``{% record_sources obj as s %}``).
  Each area answers for its own forum only, and only to readers who may see what it links to.
- ``related_records``: the area's records that answer or build on a shared record, in the same shape
  (``related_records(forum, user, obj)``; ``related_to``, the tag ``{% related_records obj as r %}``):
  the papers area lists the position papers that answer a consultation on the consultation's page.
  Same rules: this forum's records only, and only those the reader may see.

docs/architecture.md, "Adding an area", walks through a new area.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.apps import apps


@dataclass(frozen=True)
class MenuEntry:
    """One item of the forum menu: shown to those who hold ``permission`` on the forum."""

    order: int  # place among every area's entries (core's Home is 0, Settings 100)
    label: Any  # a lazy translation
    url_name: str  # reversed with the forum's slug: ``"people:person-list"``
    permission: str
    manage: bool = False  # running the forum (members, log, settings …): under the menu's "Manage"


@dataclass(frozen=True)
class DemoStep:
    """A step of the demo: ``build(demo)`` with the demo being built (``mshub.core.demo.DemoBuild``)."""

    order: int
    build: Callable[[Any], None]
    slow: bool = False  # left out by ``loaddemo --no-meetings``


@dataclass(frozen=True)
class Vocabulary:
    """A controlled vocabulary the secretariat edits: a ``VocabularyTerm`` (the forum's own list) or a
    ``SiteVocabularyTerm`` (the installation's, shared by every forum)."""

    order: int  # place on the vocabularies page
    kind: str  # in the URL: ``/<forum>/vocabularies/<kind>/`` (the model's ``vocabulary_kind``)
    model: str  # "app_label.ModelName"
    label: Any  # a lazy translation
    permission: str  # needed to see and edit it
    fields: tuple[str, ...] = ()  # the model's own fields, after the names (e.g. a body's web site)


@dataclass(frozen=True)
class RecordSource:
    """One line of a record's provenance: "From the archive: briefing.pdf, p. 3", linking to it."""

    label: str
    url: str


@dataclass(frozen=True)
class Area:
    label: str  # the app label
    urls: str | None = None  # dotted path of the URLconf mounted under ``/<forum>/``
    rules: str | None = None  # dotted path of a module with ``PERMISSIONS: dict[str, predicate]``
    menu: tuple[MenuEntry, ...] = ()
    home_panel: str | None = None  # template name
    home_context: Callable[[Any], dict[str, Any]] | None = None  # called with the ForumHomeView
    home_order: int = 0
    demo_steps: tuple[DemoStep, ...] = ()
    demo_counts: Callable[[str], dict[str, int]] | None = None  # what ``loaddemo`` reports for a forum slug
    api_routes: Callable[[Any], None] | None = None  # called with the per-forum SimpleRouter
    on_forum_create: Callable[[Any], None] | None = None  # called with the new forum, in its transaction
    on_forum_delete: Callable[[Any], None] | None = None
    delete_order: int = 0  # higher first: records that protect others go before what they protect
    on_person_erase: Callable[[Any], None] | None = None
    vocabularies: tuple[Vocabulary, ...] = ()
    # (forum, user, obj) → where obj came from, as this forum shows it to this reader
    record_sources: Callable[[Any, Any, Any], list[RecordSource]] | None = None
    # (forum, user, obj) → this area's records that answer or build on obj, as this reader may see them
    related_records: Callable[[Any, Any, Any], list[RecordSource]] | None = None


def installed_areas() -> Iterator[Area]:
    """Every installed app's ``AREA``, in ``INSTALLED_APPS`` order."""
    yield from _areas_of(tuple(config.name for config in apps.get_app_configs()))


@lru_cache(maxsize=8)
def _areas_of(app_names: tuple[str, ...]) -> tuple[Area, ...]:
    """The areas of these apps, looked up once per set of installed apps: the menu of every page
    asks, and ``find_spec`` searches the file system each time."""
    found = []
    for name in app_names:
        module_name = f"{name}.area"
        if find_spec(module_name) is None:
            continue
        area = getattr(import_module(module_name), "AREA", None)
        if isinstance(area, Area):
            found.append(area)
    return tuple(found)


def menu_entries() -> list[MenuEntry]:
    return sorted((entry for area in installed_areas() for entry in area.menu), key=lambda entry: entry.order)


def demo_steps() -> list[DemoStep]:
    return sorted((step for area in installed_areas() for step in area.demo_steps), key=lambda step: step.order)


def demo_counters() -> list[Callable[[str], dict[str, int]]]:
    return [area.demo_counts for area in installed_areas() if area.demo_counts is not None]


def home_panels() -> list[Area]:
    return sorted((area for area in installed_areas() if area.home_panel), key=lambda area: area.home_order)


def forum_creators() -> list[Callable[[Any], None]]:
    return [area.on_forum_create for area in installed_areas() if area.on_forum_create is not None]


def forum_deleters() -> list[Callable[[Any], None]]:
    """The areas' ``on_forum_delete``, highest ``delete_order`` first."""
    ordered = sorted(installed_areas(), key=lambda area: area.delete_order, reverse=True)
    return [area.on_forum_delete for area in ordered if area.on_forum_delete is not None]


def person_erasers() -> list[Callable[[Any], None]]:
    return [area.on_person_erase for area in installed_areas() if area.on_person_erase is not None]


def vocabularies() -> list[Vocabulary]:
    return sorted((v for area in installed_areas() for v in area.vocabularies), key=lambda v: v.order)


def register_api_routes(router: Any) -> None:
    for area in installed_areas():
        if area.api_routes is not None:
            area.api_routes(router)


def related_to(forum: Any, user: Any, obj: Any) -> list[RecordSource]:
    """Every installed area's ``related_records`` for ``obj`` read through ``forum`` by ``user``."""
    return [r for area in installed_areas() if area.related_records for r in area.related_records(forum, user, obj)]


def sources_of(forum: Any, user: Any, obj: Any) -> list[RecordSource]:
    """Every installed area's ``record_sources`` for ``obj`` read through ``forum`` by ``user``."""
    return [line for area in installed_areas() if area.record_sources for line in area.record_sources(forum, user, obj)]
