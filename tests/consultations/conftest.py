"""Consultations for the tests, made through the services as a secretariat would."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mshub.calendar.models import Body
from mshub.consultations.models import Consultation
from mshub.consultations.services import create_consultation
from mshub.core.models import Forum
from mshub.core.timezones import make_aware_in


def consultation(
    forum: Forum | None,
    title: str,
    opens: dt.datetime,
    closes: dt.datetime,
    zone: str = "UTC",
    **fields: Any,
) -> Consultation:
    """``opens`` and ``closes`` as wall-clock times in ``zone`` (naive) or aware."""
    if opens.tzinfo is None:
        opens = make_aware_in(opens, zone)  # a zone that is not IANA: the test gives aware times
    if closes.tzinfo is None:
        closes = make_aware_in(closes, zone)
    fields.setdefault("body", Body.objects.get(code="icann"))
    return create_consultation(forum, title_en=title, opens=opens, closes=closes, timezone=zone, **fields)
