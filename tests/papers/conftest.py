"""The working-group world of tests/workinggroups (the WSIS WG chaired by the wg_chair account, with
the member account as a member) plus a second member with an account, and a Japanese paper of the
WSIS WG at revision 1 answering the WGIG consultation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from mshub.papers.models import Paper
from mshub.papers.services.revisions import create_paper
from mshub.workinggroups.services import add_member
from tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganizationFactory,
    PersonFactory,
    UserFactory,
    group,
)
from tests.workinggroups.conftest import World, make_world

TEXT = """# インターネットガバナンスに関する意見書

WSIS作業部会は、マルチステークホルダーによる議論の重要性を強調する。

インターネット資源の管理は、透明性と説明責任をもって行われるべきである。

- 途上国の参加を支援すること
- 議論の記録を公開すること

以上。
"""


def client_of(user: Any) -> Client:
    """A test client signed in as ``user``."""
    client = Client()
    client.force_login(user)
    return client


@dataclass
class PaperWorld:
    base: World
    forum: Any
    group: Any
    paper: Paper
    chair: Any  # users
    member: Any
    second_member: Any


@pytest.fixture
def paper_world(cast: Any) -> PaperWorld:
    base = make_world(cast.forum, cast.users)
    second = UserFactory(email="second-member@example.org")
    MembershipFactory(forum=cast.forum, user=second, role="member")
    person = PersonFactory(forum=cast.forum, family_name_ja="高橋", family_name_latin="Takahashi", user=second)
    organization = OrganizationFactory(
        forum=cast.forum, name_en="JPNIC", stakeholder_group=group(cast.forum, "technical-community")
    )
    AffiliationFactory(person=person, organization=organization)
    add_member(cast.forum, None, base.wsis, person)
    paper = create_paper(
        base.wsis,
        actor=cast.users["wg_chair"],
        text=TEXT,
        message="原案",
        title_ja="WGIGへの意見書",
        title_en="Comments to the WGIG",
        consultation=base.consultation,
    )
    return PaperWorld(base, cast.forum, base.wsis, paper, cast.users["wg_chair"], cast.users["member"], second)
