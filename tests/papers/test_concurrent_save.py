"""Two editors save from the same base revision at the same instant, on two real database
connections (one per thread: Django gives each thread its own): exactly one revision 2 is written,
the other editor gets the conflict with the text they typed, and nothing else is written.

Runs on SQLite (the suite's file database, tests' settings: WAL, IMMEDIATE transactions, a busy
timeout — the two writers queue on the file lock) and on PostgreSQL (``DATABASE_URL=postgres://…``:
the second UPDATE … WHERE revision_count = 1 waits for the first transaction, then matches nothing).
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from mshub.core.models.events import ActivityEntry
from mshub.papers.models import Paper, PaperRevision
from mshub.papers.services.revisions import RevisionConflictError, latest_revision, save_revision

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_editors_saving_from_the_same_base_at_once_never_overwrite_each_other(paper_world):
    paper = paper_world.paper
    base = latest_revision(paper).text
    texts = {
        "甲": base.replace("強調する", "重視する"),
        "乙": base.replace("以上。", "以上、提案する。"),
    }
    actors = {"甲": paper_world.member, "乙": paper_world.second_member}
    barrier = threading.Barrier(2)
    saved: dict[str, PaperRevision] = {}
    conflicts: dict[str, RevisionConflictError] = {}
    errors: list[BaseException] = []
    vendors: list[str] = []
    connections: list[int] = []

    def edit(who: str) -> None:
        try:
            mine = Paper.objects.get(pk=paper.pk)  # loaded on this thread's own connection
            vendors.append(connection.vendor)
            connections.append(id(connection.connection) if connection.connection else 0)
            barrier.wait(timeout=10)
            saved[who] = save_revision(mine, base_number=1, text=texts[who], message=who, actor=actors[who])
        except RevisionConflictError as conflict:
            conflicts[who] = conflict
        except BaseException as exc:  # pragma: no cover - shown in the assertion
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=edit, args=(who,)) for who in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(t.is_alive() for t in threads)
    assert errors == []
    assert len(set(connections)) == 2, "each editor saved on its own database connection"
    assert len(saved) == 1, (saved, conflicts)
    assert len(conflicts) == 1, (saved, conflicts)
    (winner, revision), (loser, conflict) = next(iter(saved.items())), next(iter(conflicts.items()))
    assert revision.number == 2
    assert conflict.current.number == 2
    assert conflict.base is not None
    assert conflict.base.number == 1
    assert conflict.text == texts[loser].strip() + "\n"  # what the loser typed, as it would have been stored
    assert conflict.message == loser
    paper.refresh_from_db()
    assert paper.revision_count == 2
    rows = list(PaperRevision.objects.filter(paper=paper).order_by("number").values_list("number", "message"))
    assert rows == [(1, "原案"), (2, winner)]
    assert PaperRevision.objects.get(paper=paper, number=2).text.strip() == texts[winner].strip()
    assert ActivityEntry.objects.filter(verb="papers.revision_saved").count() == 1
    assert vendors[0] in {"sqlite", "postgresql"}
