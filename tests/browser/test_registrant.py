"""A registrant in a real browser: the form is filled from the registry, and on the meeting page the
registrant switches from on site to remote and cancels, without the mailed link."""

from __future__ import annotations

import pytest

from mshub.core.models import Role
from mshub.meetings.models import Registration
from mshub.people.models import StakeholderGroup
from tests.browser.conftest import announced_meeting, log_in
from tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganizationFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db(transaction=True)]


@pytest.fixture
def member_and_meeting():
    meeting = announced_meeting(capacity=30)
    forum = meeting.forum
    user = UserFactory(email="aki@example.jp", display_name="秋山")
    MembershipFactory(forum=forum, user=user, role=Role.MEMBER)
    group = StakeholderGroup.objects.get(forum=forum, code="civil-society")
    org = OrganizationFactory(forum=forum, name_ja="市民ネット", name_en="Citizens Net", stakeholder_group=group)
    person = PersonFactory(forum=forum, family_name_ja="秋山", given_name_ja="明", email="aki@example.jp", user=user)
    AffiliationFactory(person=person, organization=org)
    return user, meeting, org, group


def test_a_registrant_registers_switches_to_remote_and_cancels_from_the_meeting_page(page, member_and_meeting):
    user, meeting, org, group = member_and_meeting
    log_in(page, user)
    page.goto(f"{page.base}{meeting.get_absolute_url()}register/?lang=ja")
    assert page.input_value("#id_organization") == org.name_ja  # from the registry, still editable
    assert page.input_value("#id_stakeholder_group") == str(group.pk)
    page.check("input[name=mode][value=onsite]")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()

    page.goto(f"{page.base}{meeting.get_absolute_url()}")
    box = page.locator(".my-registration")
    assert "参加登録済みです（会場）" in box.inner_text()
    box.locator("button[value=mode]").click()
    page.wait_for_load_state()
    registration = Registration.objects.get(meeting=meeting, email="aki@example.jp")
    assert registration.mode == "remote"

    page.goto(f"{page.base}{meeting.get_absolute_url()}")
    page.locator(".my-registration button[value=cancel]").click()
    page.wait_for_load_state()
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    page.goto(f"{page.base}{meeting.get_absolute_url()}")
    assert page.locator(".my-registration").count() == 0
    assert page.locator("a.primary-link").count() == 1  # free to register again
