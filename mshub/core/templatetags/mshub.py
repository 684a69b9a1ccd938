"""Template helpers shared by every area."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from django import template
from django.urls import reverse

from mshub.core.areas import RecordSource, menu_entries, related_to, sources_of
from mshub.core.i18n import localized
from mshub.core.timezones import in_zone
from mshub.core.validators import web_url_or_empty

register = template.Library()


@register.filter
def web_url(value: Any) -> str:
    """The URL if it is http(s), else "": every stored address is shown through this filter, so a
    ``javascript:`` or ``data:`` URL that reached the database some other way never becomes a link."""
    return web_url_or_empty(value)


COMMON_ZONES = [
    "Asia/Tokyo",
    "UTC",
    "Europe/Zurich",
    "Europe/London",
    "America/New_York",
    "America/Los_Angeles",
    "Asia/Singapore",
    "Asia/Shanghai",
    "Asia/Kolkata",
    "Australia/Sydney",
    "Africa/Nairobi",
    "America/Sao_Paulo",
]


@register.filter
def loc(obj: Any, field: str) -> str:
    """``{{ org|loc:"name" }}``: the ja or en field, in the reader's language first."""
    return localized(obj, field)


@register.filter
def safe_color(value: str) -> str:
    """Only a #rrggbb colour may reach the page's style element."""
    return value if re.fullmatch(r"#[0-9a-fA-F]{6}", value or "") else "#1d4f91"


@register.filter
def zoned(value: datetime | None, zone: str) -> datetime | None:
    """``{{ meeting.start|zoned:meeting.timezone|date:"…" }}``: a datetime in the thing's own zone."""
    return in_zone(value, zone) if value else None


@register.simple_tag(takes_context=True)
def forum_nav(context: template.Context, forum: Any) -> list[dict[str, Any]]:
    """The forum's navigation (every installed area's ``Area.menu``): only the entries the visitor may
    open, each with its label, address, whether it is the page being read (``current``: the entry's
    address, or below it for any entry but the forum's home) and whether it is for running the forum
    (``manage``: base.html puts those under one "Manage" disclosure, so the menu stays one line)."""
    request = context["request"]
    user, path = request.user, request.path
    kw = {"forum": forum.slug}
    home = reverse("core:forum", kwargs=kw)
    entries = []
    for entry in menu_entries():
        if user.has_perm(entry.permission, forum):
            url = reverse(entry.url_name, kwargs=kw)
            current = path == url or (url != home and path.startswith(url))
            entries.append({"label": str(entry.label), "url": url, "current": current, "manage": entry.manage})
    return entries


@register.filter
def managing(entries: list[dict[str, Any]]) -> bool:
    """Whether any of ``forum_nav``'s entries is for running the forum."""
    return any(entry["manage"] for entry in entries)


@register.simple_tag(takes_context=True)
def has_perm(context: template.Context, permission: str, obj: Any) -> bool:
    """``{% has_perm "people.add_person" forum as can_add %}``: the same registry the views use."""
    return bool(context["request"].user.has_perm(permission, obj))


@register.simple_tag(takes_context=True)
def related_records(context: template.Context, obj: Any) -> list[RecordSource]:
    """``{% related_records consultation as related %}``: the forum's records that answer or build on a
    shared record (``mshub.core.areas.related_to``), as the reader may see them; nothing outside a forum."""
    forum = context.get("forum")
    if forum is None or obj is None:
        return []
    return related_to(forum, context["request"].user, obj)


@register.simple_tag(takes_context=True)
def record_sources(context: template.Context, obj: Any) -> list[RecordSource]:
    """``{% record_sources event as sources %}``: where a shared record came from, as the forum being
    read tells its reader (``mshub.core.areas.sources_of``); nothing outside a forum."""
    forum = context.get("forum")
    if forum is None or obj is None:
        return []
    return sources_of(forum, context["request"].user, obj)
