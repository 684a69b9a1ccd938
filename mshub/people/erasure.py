"""Erasing a person: every row that holds their name or email is deleted, anonymised or rewritten.

What it reaches (docs/roles.md, "Personal data", says the same for the secretariat):

- the person's record: deleted, or anonymised where a presentation or attendance still needs it;
- registrations in the forum linked to the person or made with their email (also anonymously):
  name, email and organisation blanked, link and consent dropped, a new secret link, so counts and
  statistics stay right; their survey answers lose any mention of the person;
- the account linked to the person or holding their email: deactivated, email replaced by a
  non-deliverable placeholder, name blanked, password unusable, sessions removed;
- the activity log (this forum, and any summary elsewhere naming the email) and the admin's log:
  any name or email left in a summary or in an event's data is replaced; a merge's snapshot of the
  folded-in duplicate is dropped.
"""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.deletion import ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _

from mshub.core.models.events import ActivityEntry, record
from mshub.core.pagecache import forum_changed
from mshub.people.models import Affiliation, Person

ERASED = "(erased)"


class ErasureError(ValueError):
    pass


def full_names(person: Person) -> set[str]:
    """The person's names as they may have been typed anywhere (both orders, with or without a space)."""
    names = {person.email}
    for family, given in (
        (person.family_name_ja, person.given_name_ja),
        (person.family_name_kana, person.given_name_kana),
        (person.family_name_latin, person.given_name_latin),
    ):
        if family and given:
            names |= {f"{family} {given}", f"{given} {family}", f"{family}{given}", f"{family}\u3000{given}"}
    return {name for name in names if name}


def name_parts(person: Person) -> set[str]:
    parts = (
        person.family_name_ja,
        person.given_name_ja,
        person.family_name_kana,
        person.given_name_kana,
        person.family_name_latin,
        person.given_name_latin,
    )
    return {part for part in parts if part}


def name_pattern(identifiers: set[str]) -> re.Pattern[str] | None:
    """Longest first; Latin words only as whole words, so "Li" does not eat "Link"."""
    alternatives = []
    for text in sorted(identifiers, key=len, reverse=True):
        escaped = re.escape(text)
        if text.isascii():
            escaped = rf"(?<![\w.@]){escaped}(?![\w@]|\.\w)"
        alternatives.append(escaped)
    return re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None


def scrub(value: Any, pattern: re.Pattern[str]) -> Any:
    """``value`` (text or JSON) with every identifier replaced."""
    if isinstance(value, str):
        return pattern.sub(ERASED, value)
    if isinstance(value, list):
        return [scrub(item, pattern) for item in value]
    if isinstance(value, dict):
        return {key: scrub(item, pattern) for key, item in value.items()}
    return value


def _former_ids(person: Person) -> set[str]:
    """The person's id and those of duplicates merged into them (and into those, …)."""
    ids = {str(person.pk)}
    person_type = ContentType.objects.get_for_model(Person)
    while True:
        merges = ActivityEntry.objects.filter(verb="person.merged", target_type=person_type, target_id__in=ids)
        found = {str(e.data.get("duplicate_id")) for e in merges if e.data.get("duplicate_id")} - ids
        if not found:
            return ids
        ids |= found


def _rewrite_events(person: Person, accounts: list[Any]) -> None:
    """Rewrite the forum's log (and any summary naming the email elsewhere): events are append-only but for this."""
    person_type = ContentType.objects.get_for_model(Person)
    own = _former_ids(person)
    emails = {account.email for account in accounts}
    strong = name_pattern(full_names(person) | emails)
    every = name_pattern(full_names(person) | emails | name_parts(person))
    candidates = ActivityEntry.objects.filter(forum=person.forum)
    if person.email:
        candidates = candidates | ActivityEntry.objects.filter(summary__icontains=person.email)
    for account in accounts:
        candidates = candidates | ActivityEntry.objects.filter(summary__icontains=account.email)
    for event in candidates.distinct().iterator():
        about_person = event.target_type_id == person_type.pk and event.target_id in own
        pattern = every if about_person else strong
        data = dict(event.data)
        if about_person and event.verb == "person.merged":
            data.pop("duplicate", None)
        if pattern is not None:
            data = scrub(data, pattern)
        summary = scrub(event.summary, pattern) if pattern is not None else event.summary
        if (summary, data) != (event.summary, event.data):
            ActivityEntry.objects.filter(pk=event.pk).update(summary=summary, data=data)


def accounts_of(person: Person) -> list[Any]:
    """The accounts erasure closes: the one linked to the person and any holding their email."""
    query = models.Q(pk=person.user_id) if person.user_id else models.Q(pk__in=[])
    if person.email:
        query |= models.Q(email__iexact=person.email)
    return list(get_user_model().objects.filter(query))


def _scrub_account(user: Any) -> None:
    """Deactivate the account and leave nothing in it that names its holder."""
    from django.contrib.sessions.models import Session

    user.email = f"erased-{user.pk}@erased.invalid"  # .invalid never resolves (RFC 2606)
    user.display_name = ""
    user.language = ""
    user.timezone = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()
    for session in Session.objects.iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()


def _rewrite_admin_log(person: Person, accounts: list[Any]) -> None:
    from django.contrib.admin.models import LogEntry

    pattern = name_pattern(full_names(person) | {account.email for account in accounts})
    if pattern is None:
        return
    about = models.Q(content_type=ContentType.objects.get_for_model(Person), object_id=str(person.pk))
    about |= models.Q(
        content_type=ContentType.objects.get_for_model(get_user_model()),
        object_id__in=[str(account.pk) for account in accounts],
    )
    for entry in LogEntry.objects.filter(about).iterator():
        LogEntry.objects.filter(pk=entry.pk).update(
            object_repr=f"#{entry.object_id}", change_message=scrub(entry.change_message, pattern)
        )
    for entry in LogEntry.objects.exclude(about).iterator():
        if pattern.search(entry.object_repr) or pattern.search(entry.change_message):
            LogEntry.objects.filter(pk=entry.pk).update(
                object_repr=scrub(entry.object_repr, pattern), change_message=scrub(entry.change_message, pattern)
            )


@transaction.atomic
def erase_person(person: Person, actor: Any = None) -> str:
    """Erase everything the forum holds about a person (see the module's docstring).

    The record is deleted; where published records still need it, it is anonymised instead.
    Returns ``"deleted"`` or ``"anonymised"``.
    """
    person = Person.objects.select_for_update().get(pk=person.pk)
    forum, pk = person.forum, person.pk
    accounts = accounts_of(person)
    if actor is not None and any(account.pk == actor.pk for account in accounts):
        raise ErasureError(
            _("This is your own record: erasing it would close your account. Ask another secretariat member.")
        )
    from mshub.core.areas import person_erasers

    for erase in person_erasers():  # each area's part: the meetings' registrations and survey answers
        erase(person)
    _rewrite_events(person, accounts)
    _rewrite_admin_log(person, accounts)
    for account in accounts:
        _scrub_account(account)
    try:
        with transaction.atomic():
            person.delete()
        outcome = "deleted"
    except (ProtectedError, RestrictedError):
        Affiliation.objects.filter(person=person).update(title_ja="", title_en="")
        Person.objects.filter(pk=pk).update(
            family_name_ja="",
            given_name_ja="",
            family_name_kana="",
            given_name_kana="",
            family_name_latin=_("(erased)"),
            given_name_latin="",
            email="",
            pronouns="",
            gender=None,
            user=None,
            notes="",
            consent_listing=False,
            consent_contact=False,
            consent_updated_at=timezone.now(),
        )
        outcome = "anonymised"
    forum_changed(forum)  # no page may show the person after this commits (mshub.core.pagecache)
    record(forum, actor, f"person.{outcome}", None, summary=f"#{pk}", person_id=pk)
    return outcome
