"""Limits on mail to addresses typed into forms (mshub.accounts.mail_limits)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_password_reset_mails_one_address_at_most_three_times_an_hour():
    UserFactory(email="victim@example.org")
    client = Client(REMOTE_ADDR="203.0.113.5")
    answers = [client.post("/accounts/password/reset/", {"email": "victim@example.org"}) for _ in range(5)]
    assert [a.status_code for a in answers] == [302, 302, 302, 429, 429]
    assert "Nothing was sent" in answers[-1].content.decode()
    assert len(mail.outbox) == 3
    # From another network, the same address is still over its limit.
    other = Client(REMOTE_ADDR="198.51.100.7").post("/accounts/password/reset/", {"email": "victim@example.org"})
    assert other.status_code == 429
    assert len(mail.outbox) == 3


def test_password_reset_limits_one_client_across_addresses(settings):
    settings.MAIL_PER_CLIENT = 4
    for n in range(6):
        UserFactory(email=f"p{n}@example.org")
    client = Client(REMOTE_ADDR="203.0.113.5")
    codes = [client.post("/accounts/password/reset/", {"email": f"p{n}@example.org"}).status_code for n in range(6)]
    assert codes == [302, 302, 302, 302, 429, 429]
    assert len(mail.outbox) == 4


def test_unknown_addresses_count_the_same_so_the_limit_reveals_no_accounts():
    client = Client()
    codes = [client.post("/accounts/password/reset/", {"email": "nobody@example.org"}).status_code for _ in range(4)]
    assert codes == [302, 302, 302, 429]
    assert mail.outbox == []
