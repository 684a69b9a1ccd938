"""Forms of the papers: a new paper (titles, language, the consultation it answers, its first text)
and a revision (the text, what changed, and the revision the editor loaded)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mshub.consultations.models import Consultation
from mshub.papers.models import MAX_TEXT, Paper


class MarkdownField(forms.CharField):
    """The paper's Markdown as typed: whitespace kept, NUL characters dropped (not refused: the
    service drops every control character anyway, and the editor keeps the rest of the text)."""

    widget = forms.Textarea(attrs={"rows": 24, "class": "markdown", "spellcheck": "true"})

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("strip", False)
        kwargs.setdefault("label", _("text (Markdown)"))
        super().__init__(**kwargs)
        self.validators = [v for v in self.validators if type(v).__name__ != "ProhibitNullCharactersValidator"]

    def to_python(self, value: Any) -> str:
        return str(super().to_python(value) or "").replace("\x00", "")

    def validate(self, value: Any) -> None:
        super().validate(value)
        if len(value) > MAX_TEXT:
            raise forms.ValidationError(
                _("The text is too long: %(length)s characters, at most %(limit)s. Nothing was saved."),
                params={"length": len(value), "limit": MAX_TEXT},
            )


def _message_field() -> forms.CharField:
    return forms.CharField(label=_("what changed"), max_length=300, required=False)


class RevisionForm(forms.Form):
    text = MarkdownField()
    message = _message_field()
    base_number = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)

    def clean_message(self) -> str:
        return str(self.cleaned_data.get("message") or "").replace("\x00", "")


class PaperForm(forms.ModelForm[Paper]):
    text = MarkdownField()
    message = _message_field()

    class Meta:
        model = Paper
        fields = ["title_ja", "title_en", "language", "consultation"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        consultation = self.fields["consultation"]
        consultation.queryset = Consultation.objects.order_by("-closes", "pk")  # type: ignore[attr-defined]
        consultation.required = False

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name, value in list(cleaned.items()):
            if isinstance(value, str):
                cleaned[name] = value.replace("\x00", "")
        if not (str(cleaned.get("title_ja") or "").strip() or str(cleaned.get("title_en") or "").strip()):
            raise forms.ValidationError(_("Give the paper a title in Japanese or English."))
        return cleaned

    def _post_clean(self) -> None:
        """The paper is made by the service (services/revisions.py), not by the form."""
