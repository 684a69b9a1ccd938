"""Rewrite activity-log summaries that embedded a person's name or an account's email.

Since this release the log names records by type and id and shows their names at display time
(``Event.subject``). Older summaries held names ("person.created": the name; "affiliation.*":
"name — organisation"; "person.merged": both names) and emails ("member.*": "email: role").
They are rewritten to what new events hold; member events are pointed at the account instead.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

PERSON_VERBS = ["person.created", "person.changed", "person.exported"]
AFFILIATION_VERBS = ["affiliation.created", "affiliation.changed"]
MEMBER_VERBS = ["member.added", "member.role_changed", "member.removed"]


def rewrite(apps: Any, schema_editor: Any) -> None:
    Event = apps.get_model("core", "Event")
    User = apps.get_model("accounts", "User")
    ContentType = apps.get_model("contenttypes", "ContentType")
    events = Event.objects.exclude(summary="")

    events.filter(verb__in=PERSON_VERBS).update(summary="")
    for event in events.filter(verb__in=AFFILIATION_VERBS).iterator():
        # "<person> — <organisation>": a name never contains the em dash, an organisation may.
        _person, _dash, organization = event.summary.partition(" — ")
        Event.objects.filter(pk=event.pk).update(summary=organization)
    for event in events.filter(verb="person.merged").iterator():
        duplicate = (event.data or {}).get("duplicate_id", "?")
        Event.objects.filter(pk=event.pk).update(summary=f"#{duplicate} → #{event.target_id or '?'}")

    user_type = None
    for event in events.filter(verb__in=MEMBER_VERBS).iterator():
        email, _colon, role = event.summary.rpartition(": ") if ": " in event.summary else (event.summary, "", "")
        changes: dict[str, Any] = {"summary": role}
        user = User.objects.filter(email__iexact=email.strip()).first() if email.strip() else None
        if user is not None:
            if user_type is None:
                user_type, _created = ContentType.objects.get_or_create(app_label="accounts", model="user")
            changes.update(target_type=user_type, target_id=str(user.pk))
        Event.objects.filter(pk=event.pk).update(**changes)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("accounts", "0001_initial"),
        ("core", "0001_initial"),
    ]

    operations = [migrations.RunPython(rewrite, migrations.RunPython.noop, elidable=True)]
