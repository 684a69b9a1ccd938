"""The secretariat's form for a topic: the parent is chosen among this forum's topics, never one
below the topic itself (the service checks again, under a lock)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mshub.topics.models import Topic

RESERVED_CODES = {"new", "suggest", "trends"}


class TopicForm(forms.ModelForm):
    class Meta:
        model = Topic
        fields = ["code", "name_ja", "name_en", "parent", "synonyms_ja", "synonyms_en", "order"]
        widgets = {"synonyms_ja": forms.Textarea(attrs={"rows": 3}), "synonyms_en": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, forum: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.forum = forum
        choices = Topic.objects.of(forum).tree()
        if self.instance.pk is not None:
            del self.fields["code"]  # the code is the topic's address: fixed once created
            below = self._below(self.instance)
            choices = choices.exclude(pk__in=below | {self.instance.pk})
        self.fields["parent"].queryset = choices  # type: ignore[attr-defined]
        self.fields["parent"].empty_label = _("(none: a top-level topic)")  # type: ignore[attr-defined]

    def _below(self, topic: Topic) -> set[int]:
        """The ids of every topic under ``topic`` (one query for the forum's tree)."""
        parent_of = dict(Topic.objects.of(self.forum).values_list("pk", "parent_id"))
        below: set[int] = set()
        changed = True
        while changed:
            changed = False
            for pk, parent in parent_of.items():
                if pk not in below and (parent == topic.pk or parent in below):
                    below.add(pk)
                    changed = True
        return below

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"]
        if code in RESERVED_CODES:  # the addresses of /topics/new/, /topics/suggest/, /topics/trends/
            raise forms.ValidationError(_("This code is reserved."))
        if Topic.objects.of(self.forum).filter(code=code).exists():
            raise forms.ValidationError(_("This forum already has a topic with this code."))
        return code


class TopicField(forms.ModelChoiceField):
    """One of the forum's topics by its code (``?topic=dns``), the tree indented."""

    def __init__(self, forum: Any, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Topic"))
        kwargs.setdefault("empty_label", _("any"))
        super().__init__(queryset=Topic.objects.of(forum).tree(), to_field_name="code", **kwargs)

    def label_from_instance(self, obj: Topic) -> str:
        return f"— {obj.name}" if obj.parent_id else obj.name


class TopicFilterForm(forms.Form):
    """``?topic=<code>``: a list's records tagged with the topic (or one under it) in this forum."""

    def __init__(self, *args: Any, forum: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"] = TopicField(forum)

    def chosen_topic(self) -> Topic | None:
        if not self.is_bound or not self.is_valid():
            return None
        return self.cleaned_data.get("topic")
