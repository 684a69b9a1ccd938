"""What the archive contributes to the forum (the area contract, mshub.core.areas)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from mshub.core.areas import Area, DemoStep, MenuEntry


def _demo(demo: Any) -> None:
    from mshub.archive.demo import build_archive

    if demo.is_main:  # the task force has no archive
        build_archive(demo.forum, demo.secretariat)


def _record_sources(forum: Any, user: Any, obj: Any) -> list[Any]:
    from mshub.archive.provenance import record_sources

    return record_sources(forum, user, obj)


AREA = Area(
    label="archive",
    urls="mshub.archive.urls",
    rules="mshub.archive.rules",
    menu=(MenuEntry(70, _("Archive"), "archive:index", "archive.import_documents", manage=True),),
    demo_steps=(DemoStep(40, _demo, slow=True),),
    record_sources=_record_sources,
)
