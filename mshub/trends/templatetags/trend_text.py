"""``{{ item.summary|trend_html }}``: a trend summary as HTML, sanitised again on its way out (the
stored value was sanitised on its way in; a row written any other way is cleaned here too)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from mshub.trends.sanitize import clean_html

register = template.Library()


@register.filter
def trend_html(value: str | None) -> SafeString:
    return mark_safe(clean_html(value))  # noqa: S308 (nh3: a few inline tags and http(s) links only)
