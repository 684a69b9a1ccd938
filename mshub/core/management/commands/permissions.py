"""Print the permission registry as a role × permission table (docs/roles.md embeds it)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import rules
from django.core.management.base import BaseCommand

from mshub.core.models.forums import PUBLIC_RANK, ROLE_RANK, Forum, Role
from mshub.core.permissions import PERMISSIONS

COLUMNS = ["public", "member", "wg_chair", "steering", "secretariat"]


def _user(rank: int) -> Any:
    return SimpleNamespace(is_authenticated=rank > PUBLIC_RANK, is_active=True, pk=-1, _mshub_ranks={0: rank})


def permission_matrix(public_forum: bool = True) -> list[tuple[str, list[bool]]]:
    forum = Forum(pk=0, slug="probe", is_public=public_forum)
    ranks = [PUBLIC_RANK] + [ROLE_RANK[Role(c)] for c in COLUMNS[1:]]
    return [(name, [bool(rules.has_perm(name, _user(rank), forum)) for rank in ranks]) for name in PERMISSIONS]


def markdown_table() -> str:
    lines = ["| permission | " + " | ".join(COLUMNS) + " |", "|---|" + "---|" * len(COLUMNS)]
    for name, allowed in permission_matrix():
        cells = ["✓" if ok else "·" for ok in allowed]
        if name in {"people.view_person_contact", "people.change_person_contact", "people.export_person"}:
            name += " (also: the person themself)"
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


START, END = "<!-- permissions:start -->\n", "<!-- permissions:end -->"


class Command(BaseCommand):
    help = "Print every permission and which roles hold it (public forum), as a Markdown table."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--update", metavar="FILE", help="replace the table between the markers in FILE")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["update"]:
            self.stdout.write(markdown_table(), ending="")
            return
        from pathlib import Path

        path = Path(options["update"])
        text = path.read_text(encoding="utf-8")
        head, rest = text.split(START, 1)
        path.write_text(head + START + markdown_table() + END + rest.split(END, 1)[1], encoding="utf-8")
        self.stdout.write(f"updated {path}")
