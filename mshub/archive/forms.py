from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from mshub.archive.models import GENRE_LABELS
from mshub.archive.parsed import ParsedRecord
from mshub.archive.sources import MAX_BYTES
from mshub.core.fields import WebURLFormField

MAX_FILES = 200
NEW_SERIES = "+new"  # not a slug: a series' short name cannot start with "+"
# What the archive reads (docs/archive.md), by content: a ZIP is judged in full when it is read.
READABLE_TYPES = frozenset(
    ["application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip"]
)


def readable(upload: Any) -> bool:
    """Whether ``upload``'s bytes are a PDF, a Word file or text (HTML included), whatever its name says.

    Text is anything without NUL bytes in its first 8 KiB (old reports are often Shift_JIS), or UTF-16
    with its byte-order mark."""
    import filetype  # type: ignore[import-untyped]

    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is not None:
        return kind.mime in READABLE_TYPES
    return head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" not in head


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.html,.htm,.txt,.docx"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, (list, tuple)) else [data]
        cleaned = [super(MultipleFileField, self).clean(f, initial) for f in files if f]
        if not cleaned:
            raise ValidationError(_("Choose at least one file."))
        if len(cleaned) > MAX_FILES:
            raise ValidationError(_("At most %(n)s files at once.") % {"n": MAX_FILES})
        for f in cleaned:
            if f.size > MAX_BYTES:
                raise ValidationError(_("“%(name)s” is larger than the limit.") % {"name": f.name})
            if not readable(f):
                raise ValidationError(
                    _("“%(name)s” is not a PDF, HTML, text or Word file, whatever its name says.") % {"name": f.name}
                )
        return cleaned


class UploadForm(forms.Form):
    documents = MultipleFileField(
        label=_("Reports, memos or briefings (PDF, HTML, text, Word)"),
        help_text=_("Drop the files here, or click to choose them: up to 200 at once, 50 MB each."),
    )
    genre = forms.ChoiceField(
        label=_("Genre"), required=False, choices=[("", _("Detect for each file")), *GENRE_LABELS.items()]
    )


class ReviewForm(forms.Form):
    """The top-level facts, correctable before storing (the agenda is shown as parsed)."""

    genre = forms.ChoiceField(label=_("Genre"), choices=list(GENRE_LABELS.items()))
    series = forms.CharField(label=_("Series"), required=False)
    number = forms.IntegerField(label=_("Number"), required=False, min_value=1)
    title = forms.CharField(label=_("Title"), required=False)
    date = forms.DateField(label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    start = forms.TimeField(label=_("Starts"), required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    end = forms.TimeField(label=_("Ends"), required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    venue = forms.CharField(label=_("Venue"), required=False)
    url = WebURLFormField(label="URL", required=False)
    onsite = forms.IntegerField(label=_("On-site participants"), required=False, min_value=0)
    remote = forms.IntegerField(label=_("Remote participants"), required=False, min_value=0)
    store_in = forms.ChoiceField(
        label=_("Store in the series"),
        required=False,
        help_text=_("The series the document names is chosen when the forum has it; otherwise a new series."),
    )
    new_series = forms.CharField(
        label=_("Name of the new series"), max_length=200, required=False, help_text=_("With “A new series”.")
    )
    overwrite = forms.BooleanField(
        label=_("Replace values corrected by hand"),
        required=False,
        help_text=_(
            "For a corrected version of a document imported before: without this, corrections made since are kept."
        ),
    )

    def __init__(self, *args: Any, forum: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from mshub.meetings.models import MeetingSeries

        series = MeetingSeries.objects.filter(forum=forum) if forum is not None else []
        store_in = self.fields["store_in"]
        assert isinstance(store_in, forms.ChoiceField)
        store_in.choices = [*[(s.slug, str(s)) for s in series], (NEW_SERIES, _("A new series"))]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("genre") == "meeting_report" and not (data.get("number") and data.get("date")):
            raise ValidationError(_("A meeting needs its number and date."))
        if data.get("genre") == "steering_memo" and not data.get("date"):
            raise ValidationError(_("A steering meeting needs its date."))
        if data.get("genre") in ("meeting_report", "steering_memo"):
            if not data.get("store_in"):
                self.add_error("store_in", _("Choose the series, or a new one."))
            elif data["store_in"] == NEW_SERIES and not (data.get("new_series") or "").strip():
                self.add_error("new_series", _("Name the new series."))
        return data

    @classmethod
    def initial_from(cls, record: ParsedRecord) -> dict[str, Any]:
        participants = record.get("participants") or {"onsite": None, "remote": None}
        facts = {
            "genre": record.get("genre"),
            "series": record.get("series"),
            "number": record.get("number"),
            "title": record.get("title"),
            "date": record.get("date"),
            "start": record.get("start"),
            "end": record.get("end"),
            "venue": record.get("venue"),
            "url": record.get("url"),
        }
        return facts | {"onsite": participants.get("onsite"), "remote": participants.get("remote")}

    def apply(self, record: ParsedRecord) -> ParsedRecord:
        data = self.cleaned_data
        updated = record.copy()
        updated["genre"] = data.get("genre") or None
        updated["series"] = data.get("series") or None
        updated["number"] = data.get("number") or None
        updated["title"] = data.get("title") or None
        updated["venue"] = data.get("venue") or None
        updated["url"] = data.get("url") or None
        updated["date"] = data["date"].isoformat() if data.get("date") else None
        updated["start"] = data["start"].strftime("%H:%M") if data.get("start") else None
        updated["end"] = data["end"].strftime("%H:%M") if data.get("end") else None
        updated["participants"] = {"onsite": data.get("onsite"), "remote": data.get("remote")}
        return updated
