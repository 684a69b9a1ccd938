"""The briefing pages make as many queries with many rows as with few."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mshub.briefings import builder, publishing
from mshub.briefings.models import Audience
from tests.briefings.conftest import briefing, trend

pytestmark = pytest.mark.django_db

CODES = ["cybersecurity", "iot-security", "privacy", "dns", "ixp", ""]


def grow(forum: Any, n: int) -> None:
    for i in range(n):
        code = CODES[i % len(CODES)]
        trend(forum, f"Item {i}", dt.date(2016, 9, 1) + dt.timedelta(days=i % 80), *([code] if code else []))


def queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def pages(forum: Any, b: Any) -> dict[str, str]:
    return {
        "list": reverse("briefings:list", kwargs={"forum": forum.slug}),
        "builder": b.urls.builder,
        "slides": b.urls.slides,
        "detail": b.urls.detail,
        "api": reverse("api:briefing-list", kwargs={"forum": forum.slug}),
    }


def test_query_counts_stay_flat_as_items_and_briefings_grow(cast: Any) -> None:
    client = cast.client("secretariat")
    grow(cast.forum, 4)
    b = briefing(cast.forum, audience=Audience.PUBLIC)
    publishing.publish(b)
    few = {name: queries(client, url) for name, url in pages(cast.forum, b).items()}
    grow(cast.forum, 40)
    builder.refresh(b)
    publishing.publish(b)
    for _ in range(5):
        publishing.publish(briefing(cast.forum, audience=Audience.PUBLIC))
    many = {name: queries(client, url) for name, url in pages(cast.forum, b).items()}
    assert many == few
