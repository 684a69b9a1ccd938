"""Every write the consultation screens make, each in one transaction with its activity-log entry.

A shared consultation is written through ``create_consultation`` / ``update_consultation``: both
validate it, append a revision (what it now is, who, through which forum, why) and log it in that
forum's activity log. An edit claims the row at the version the editor loaded (``save_versioned``):
if someone saved in between, ``EditConflictError`` and nothing is written. A forum's response is
saved the same way, and names only a person of that forum's registry.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils.translation import gettext as _

from mshub.consultations.models import (
    Consultation,
    ConsultationDocument,
    ConsultationQuestion,
    ConsultationResponse,
    ConsultationRevision,
)
from mshub.consultations.models.consultation import REVISED_FIELDS, snapshot
from mshub.core.concurrency import save_versioned
from mshub.core.models import Forum
from mshub.core.models.events import record
from mshub.core.uploads import check_upload

PROOF_MAX_BYTES = 10 * 1024 * 1024


class ConsultationError(ValueError):
    """A change refused, with a message for the person who asked for it."""


def _revise(consultation: Consultation, forum: Forum | None, actor: Any, message: str, changed: list[str]) -> None:
    last = consultation.revisions.aggregate(n=models.Max("number"))["n"] or 0
    ConsultationRevision.objects.create(
        consultation=consultation,
        number=last + 1,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        forum=forum,
        message=message[:300],
        fields=snapshot(consultation),
        changed=changed,
    )


def _cleaned(pairs: Iterable[tuple[str, str]] | None) -> list[tuple[str, str]] | None:
    if pairs is None:
        return None
    return [(a.strip(), b.strip()) for a, b in pairs if a.strip() or b.strip()]


def _lists_changed(
    consultation: Consultation, questions: list[tuple[str, str]] | None, documents: list[tuple[str, str]] | None
) -> list[str]:
    changed = []
    if consultation.pk is None:
        return [name for name, new in (("questions", questions), ("documents", documents)) if new]
    if questions is not None and questions != list(
        consultation.questions.order_by("number").values_list("text_ja", "text_en")
    ):
        changed.append("questions")
    if documents is not None and documents != list(
        consultation.documents.order_by("position", "pk").values_list("title", "url")
    ):
        changed.append("documents")
    return changed


def _write_lists(
    consultation: Consultation, questions: list[tuple[str, str]] | None, documents: list[tuple[str, str]] | None
) -> None:
    """Replace the questions (numbered 1, 2 …) and documents given (``ValidationError`` on a bad address)."""
    if questions is not None:
        consultation.questions.all().delete()
        for number, (ja, en) in enumerate(questions, start=1):
            question = ConsultationQuestion(consultation=consultation, number=number, text_ja=ja, text_en=en)
            question.full_clean()
            question.save()
    if documents is not None:
        consultation.documents.all().delete()
        for position, (title, url) in enumerate(documents, start=1):
            document = ConsultationDocument(consultation=consultation, position=position, title=title or url, url=url)
            document.full_clean()
            document.save()


@transaction.atomic
def create_consultation(
    forum: Forum | None,
    actor: Any = None,
    *,
    message: str = "",
    questions: Iterable[tuple[str, str]] | None = None,
    documents: Iterable[tuple[str, str]] | None = None,
    **fields: Any,
) -> Consultation:
    """A new shared consultation (``ValidationError`` with a message per field if it does not hold)."""
    consultation = Consultation(**fields)
    consultation.full_clean()
    consultation.save()
    _write_lists(consultation, _cleaned(questions), _cleaned(documents))
    _revise(consultation, forum, actor, message, [])
    if forum is not None:
        record(forum, actor, "consultations.created", consultation)
    return consultation


@transaction.atomic
def update_consultation(
    consultation: Consultation,
    loaded_version: int,
    forum: Forum,
    actor: Any = None,
    *,
    message: str = "",
    questions: Iterable[tuple[str, str]] | None = None,
    documents: Iterable[tuple[str, str]] | None = None,
) -> list[str]:
    """Save an edited consultation unless someone saved it since ``loaded_version`` (``EditConflictError``).

    Returns the fields that changed; with none, nothing is written."""
    consultation.full_clean()
    saved = Consultation.objects.select_related("body").get(pk=consultation.pk)
    before, after = snapshot(saved), snapshot(consultation)
    questions, documents = _cleaned(questions), _cleaned(documents)
    changed = [name for name in REVISED_FIELDS if before[name] != after[name]]
    changed += _lists_changed(consultation, questions, documents)
    if not changed:
        return []
    save_versioned(consultation, loaded_version)  # claims the row: the lists are part of the record
    _write_lists(
        consultation, questions if "questions" in changed else None, documents if "documents" in changed else None
    )
    _revise(consultation, forum, actor, message, changed)
    record(forum, actor, "consultations.changed", consultation, fields=changed)
    return changed


# ---- what a forum adds ----------------------------------------------------------------------


def response_of(forum: Forum, consultation: Consultation) -> ConsultationResponse:
    """This forum's response (unsaved and undecided if it has none yet)."""
    found = ConsultationResponse.objects.filter(forum=forum, consultation=consultation).first()
    return found or ConsultationResponse(forum=forum, consultation=consultation)


RESPONSE_FIELDS = ("person_in_charge", "decision", "note", "paper_url", "paper", "submitted_at", "proof_url")


@transaction.atomic
def save_response(
    response: ConsultationResponse,
    loaded_version: int | None,
    actor: Any = None,
    *,
    proof: UploadedFile | None = None,
    remove_proof: bool = False,
) -> list[str]:
    """Save this forum's response (``EditConflictError`` if someone saved it since ``loaded_version``).

    ``proof``: a file checked like a material (type by content, size at most ``PROOF_MAX_BYTES``)."""
    forum = response.forum
    person = response.person_in_charge
    if person is not None and person.forum_id != forum.pk:
        raise ConsultationError(_("Choose a person from this forum's registry."))
    for name in ("note", "paper"):
        if "\x00" in getattr(response, name):
            raise ConsultationError(_("The text contains a NUL character."))
    changed: list[str] = []
    if response.pk is not None:
        saved = ConsultationResponse.objects.get(pk=response.pk)
        changed = [n for n in RESPONSE_FIELDS if getattr(saved, n) != getattr(response, n)]
    else:
        changed = [n for n in RESPONSE_FIELDS if getattr(response, n) not in (None, "", "undecided")]
    if proof is not None:
        try:
            checked = check_upload(proof, PROOF_MAX_BYTES)
        except ValidationError as exc:
            raise ConsultationError(" ".join(exc.messages)) from exc
        response.proof_file.save(proof.name or "proof", proof, save=False)
        response.proof_name = (proof.name or "proof")[:255]
        response.proof_type = checked.content_type
        changed.append("proof_file")
    elif remove_proof and response.proof_file:
        stored, storage = response.proof_file.name, response.proof_file.storage
        transaction.on_commit(lambda: storage.delete(stored))  # the file goes once the row no longer names it
        response.proof_file = ""
        response.proof_name = response.proof_type = ""
        changed.append("proof_file")
    try:
        response.full_clean(exclude=["forum", "consultation", "person_in_charge", "proof_file"])
    except ValidationError as exc:
        raise ConsultationError(" ".join(exc.messages)) from exc
    if not changed:
        return []
    if response.pk is None:
        response.save()
    else:
        save_versioned(response, loaded_version or 0)
    record(forum, actor, "consultations.response_changed", response.consultation, fields=changed)
    return changed
