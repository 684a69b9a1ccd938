"""The demo's working groups: the 2004 proposal's groups and work plan, in the task force."""

from __future__ import annotations

import datetime as dt

import pytest

from mshub.core.demo import TASKFORCE
from mshub.workinggroups.models import WorkingGroup
from mshub.workinggroups.plan import build_plan
from tests.test_demo import load

pytestmark = pytest.mark.django_db


def test_the_demo_holds_the_proposals_groups_and_plan():
    load("--no-meetings")
    groups = {g.slug: g for g in WorkingGroup.objects.filter(forum__slug=TASKFORCE).select_related("forum")}
    assert set(groups) == {"wsis", "resources", "spam", "multilingual"}
    wsis = groups["wsis"]
    assert wsis.members.filter(role="chair", user__email="chair@demo.example").exists()
    plan = build_plan(wsis, wsis.forum)
    months = [m.start for m in plan.months]
    assert months[0] == dt.date(2004, 7, 1)
    assert months[-1] == dt.date(2005, 12, 1)
    titles = [e.obj.title_ja for m in plan.months for e in m.entries if e.kind == "milestone"]
    assert "意見書①ヒヤリング" in titles
    assert [m.title_ja for m in plan.slipped] == ["意見書②発表・提出"]  # after the WGIG meeting it aimed at
    aimed = {e.obj.name_en for m in plan.months for e in m.entries if e.kind == "event" and e.aimed_at}
    assert "World Summit on the Information Society, Tunis phase (WSIS II)" in aimed
    assert not WorkingGroup.objects.filter(forum__slug="jipf").exists()
