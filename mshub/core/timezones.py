"""Time zones: datetimes are stored aware in UTC, each thing keeps its IANA zone."""

from __future__ import annotations

import zoneinfo
from datetime import datetime
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


@lru_cache(maxsize=1)
def available_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def validate_timezone(value: str) -> None:
    if value not in available_zones():
        raise ValidationError(_("“%(zone)s” is not an IANA time zone such as Asia/Tokyo."), params={"zone": value})


def zone_choices() -> list[tuple[str, str]]:
    return [(z, z) for z in sorted(available_zones()) if "/" in z or z == "UTC"]


def in_zone(value: datetime, zone: str) -> datetime:
    """``value`` (aware) expressed in the IANA ``zone``."""
    if timezone.is_naive(value):
        raise ValueError("Naive datetimes are not accepted; store aware UTC values.")
    return value.astimezone(zoneinfo.ZoneInfo(zone))


def make_aware_in(value: datetime, zone: str) -> datetime:
    """Interpret a naive wall-clock ``value`` in ``zone`` and return it in UTC."""
    aware = value.replace(tzinfo=zoneinfo.ZoneInfo(zone))
    return aware.astimezone(zoneinfo.ZoneInfo("UTC"))
