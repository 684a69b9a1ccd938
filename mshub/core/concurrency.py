"""Optimistic concurrency for records edited through a form by several people, and positions
assigned under a lock.

A versioned model has an integer ``version``. Its edit form carries the version the editor loaded
(a hidden field); saving claims the row with ``UPDATE … SET version = n + 1 WHERE pk = … AND
version = n`` and writes the rest in the same transaction. If someone saved in between, no row is
claimed: ``save_versioned`` raises ``EditConflictError`` with the record as it is now, nothing is
written, and the view shows the editor what they typed beside the saved values.

Positions (1, 2, 3 … of interventions, decisions, agenda items) are given by ``next_position``
with the parent row locked (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite serialises writers), and
a unique constraint on (parent, position) backs it up: ``create_at_next_position`` retries on the
rare ``IntegrityError``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

M = TypeVar("M", bound=models.Model)
T = TypeVar("T")


class EditConflictError(Exception):
    """Someone saved the record after the editor loaded it."""

    def __init__(self, current: models.Model) -> None:
        super().__init__(f"{type(current).__name__} {current.pk} was changed by someone else")
        self.current = current


def version_field() -> models.PositiveIntegerField:
    return models.PositiveIntegerField(default=1, editable=False)


def save_versioned(obj: M, expected: int, update_fields: list[str] | None = None) -> M:
    """Save ``obj`` if its row still has ``version == expected``; else raise ``EditConflictError``."""
    model = type(obj)
    with transaction.atomic():
        claimed = model._default_manager.filter(pk=obj.pk, version=expected).update(version=expected + 1)
        if not claimed:
            raise EditConflictError(model._default_manager.get(pk=obj.pk))
        obj.version = expected + 1  # type: ignore[attr-defined]
        obj.save(update_fields=[*update_fields, "version"] if update_fields else None)
    return obj


class VersionedForm(forms.BaseForm):
    """A model form mixin: carries the loaded ``version`` in a hidden field.

    After ``EditConflictError`` call ``show_conflict(current)``: the form keeps what the editor typed,
    says what happened, lists the saved values that differ (``conflicts``) and now carries the
    current version, so saving again knowingly replaces them.
    """

    instance: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:  # editing, not adding
            self.fields["version"] = forms.IntegerField(
                widget=forms.HiddenInput, min_value=1, initial=self.instance.version
            )
        self.conflicts: list[tuple[str, str, str]] = []

    @property
    def loaded_version(self) -> int:
        return int(self.cleaned_data["version"])

    def show_conflict(self, current: models.Model) -> None:
        for name, field in self.fields.items():
            if name == "version" or not hasattr(current, name):
                continue
            saved = getattr(current, name)
            typed = self.cleaned_data.get(name)
            if saved != typed and (saved or typed):
                self.conflicts.append((str(field.label or name), _display(saved), _display(typed)))
        data = self.data.copy()  # type: ignore[attr-defined]
        data[self.add_prefix("version")] = str(current.version)  # type: ignore[attr-defined]
        self.data = data
        self.add_error(
            None,
            _(
                "Someone else saved this while you were editing, so your changes were not saved. "
                "What you typed is kept below; the values saved now are listed. Save again to "
                "replace them with yours."
            ),
        )


def _display(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return str(value)


def next_position(lock: models.Model, siblings: models.QuerySet[Any]) -> int:
    """The next free position among ``siblings``, with their parent ``lock`` locked until commit."""
    type(lock)._default_manager.select_for_update().filter(pk=lock.pk).values_list("pk").first()
    return (siblings.aggregate(p=models.Max("position"))["p"] or 0) + 1


def create_at_next_position(lock: models.Model, siblings: models.QuerySet[Any], create: Callable[[int], T]) -> T:
    """``create(position)`` at the next free position (one row, or several from there on); retried if a
    concurrent writer took it."""
    for attempt in range(5):
        try:
            with transaction.atomic():
                return create(next_position(lock, siblings))
        except IntegrityError:
            if attempt == 4:
                raise
    raise AssertionError("unreachable")


def save_as_last(lock: models.Model, entry: M, siblings: models.QuerySet[Any]) -> M:
    """Insert ``entry`` (unsaved) after its ``siblings``, ``lock`` (their parent) locked meanwhile."""

    def create(position: int) -> M:
        entry.pk, entry.position = None, position  # type: ignore[attr-defined]
        entry.save(force_insert=True)
        return entry

    return create_at_next_position(lock, siblings, create)
