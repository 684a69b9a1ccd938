"""The demo's briefing: built from the trend items, published, attached to the next meeting's item."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from django.utils import timezone

from mshub.briefings.demo import build_briefing
from mshub.briefings.models import BriefingState
from mshub.meetings.models import Material
from tests.briefings.conftest import agenda_item, trend

pytestmark = pytest.mark.django_db


def test_the_demo_publishes_a_briefing_and_attaches_it(cast: Any) -> None:
    today = timezone.localdate()
    trend(cast.forum, "NATOがサイバー空間を作戦領域と定義", today - dt.timedelta(days=10), "cybersecurity")
    trend(cast.forum, "Dynへの攻撃", today - dt.timedelta(days=20), "iot-security")
    item = agenda_item(cast.forum)
    demo = SimpleNamespace(forum=cast.forum, main=cast.forum, is_main=True, secretariat=cast.users["secretariat"])
    briefing = build_briefing(demo)
    assert briefing.state == BriefingState.PUBLISHED
    assert briefing.versions.count() == 1
    material = Material.objects.get(item=item)
    assert "(v1)" in material.title_ja


def test_no_trend_items_no_briefing(cast: Any) -> None:
    demo = SimpleNamespace(forum=cast.forum, main=cast.forum, is_main=True, secretariat=cast.users["secretariat"])
    assert build_briefing(demo) is None
