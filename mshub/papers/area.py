"""What the position papers contribute to the forum (the area contract, mshub.core.areas)."""

from __future__ import annotations

from typing import Any

from mshub.core.areas import Area, DemoStep, RecordSource


def _api_routes(router: Any) -> None:
    from mshub.papers import api

    router.register("papers", api.PaperViewSet, basename="paper")


def _demo(demo: Any) -> None:
    from mshub.papers.demo import build_papers

    build_papers(demo)


def _delete_forum(forum: Any) -> None:
    """The forum's papers with their hearings, comments and revisions (in the order they protect); their
    stored PDFs go once the deletion is committed."""
    from django.db import transaction

    from mshub.papers.models import Comment, Hearing, Paper, PaperRevision

    storage = Paper._meta.get_field("pdf").storage
    files = list(Paper.objects.filter(forum=forum).exclude(pdf="").values_list("pdf", flat=True))

    def remove_files() -> None:
        for name in files:
            if storage.exists(name):
                storage.delete(name)

    transaction.on_commit(remove_files)
    Comment.objects.filter(forum=forum).delete()
    Hearing.objects.filter(forum=forum).delete()
    Paper.objects.filter(forum=forum).update(published_revision=None)
    PaperRevision.objects.filter(paper__forum=forum)._raw_delete(PaperRevision.objects.db)  # append-only rows
    Paper.objects.filter(forum=forum).delete()


def _erase_person(person: Any) -> None:
    """Comments written from an account erasure closes (the person's own, and any holding their
    email: ``people.erasure.accounts_of``) lose their author: the text and the stakeholder group
    stay, since the disposition table and the hearing's balance are the paper's record, and the
    closed account (scrubbed by the erasure) no longer links them to anyone. A digest is never sent
    to an erased account (``services.hearings.pending_digest``)."""
    from mshub.papers.models import Comment
    from mshub.people.erasure import accounts_of

    accounts = [account.pk for account in accounts_of(person)]
    Comment.objects.filter(author__in=accounts).update(author=None)


def _related_records(forum: Any, user: Any, obj: Any) -> list[Any]:
    """On a consultation's page: this forum's position papers that answer it, those the reader may read."""
    from django.utils.translation import gettext as _

    from mshub.consultations.models import Consultation
    from mshub.papers.access import readable
    from mshub.papers.models import Paper

    if not isinstance(obj, Consultation):
        return []
    papers = readable(Paper.objects.filter(forum=forum, consultation=obj), user, forum).select_related("forum")
    return [
        RecordSource(
            label=_("Position paper: %(title)s (%(state)s)") % {"title": p.title, "state": p.get_state_display()},
            url=p.urls.paper,
        )
        for p in papers.order_by("created_at", "pk")
    ]


AREA = Area(
    label="papers",
    urls="mshub.papers.urls",
    rules="mshub.papers.rules",
    demo_steps=(DemoStep(39, _demo),),  # after the working groups (38)
    api_routes=_api_routes,
    on_forum_delete=_delete_forum,
    on_person_erase=_erase_person,
    related_records=_related_records,
    delete_order=44,  # before the working groups (43): a paper belongs to a group
)
