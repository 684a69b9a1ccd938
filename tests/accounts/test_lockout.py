"""Sign-in lock-out (django-axes, mshub.accounts.lockout): per account and per client address."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core.management import call_command
from django.test import Client

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


class CountingHasher(MD5PasswordHasher):
    """MD5 (as in the test settings) that counts how often a password is hashed or checked."""

    calls: ClassVar[list[str]] = []

    def encode(self, password: str, salt: str) -> str:
        CountingHasher.calls.append("encode")
        return super().encode(password, salt)

    def verify(self, password: str, encoded: str) -> bool:
        CountingHasher.calls.append("verify")
        return super().verify(password, encoded)


def login(client: Client, email: str, password: str, **extra: Any) -> Any:
    return client.post(LOGIN, {"username": email, "password": password}, **extra)


def test_five_wrong_passwords_lock_the_account_and_the_right_one_is_then_refused(settings):
    settings.PASSWORD_HASHERS = ["tests.accounts.test_lockout.CountingHasher"]
    UserFactory(email="chair@example.org", password=PASSWORD)
    for n in range(4):
        response = login(Client(REMOTE_ADDR=f"10.0.0.{n}"), "chair@example.org", f"guess {n}")
        assert response.status_code == 200, n  # an ordinary wrong-password answer
    fifth = login(Client(REMOTE_ADDR="10.0.0.4"), "chair@example.org", "guess 4")
    assert fifth.status_code == 429  # the failure that reaches the limit already says so
    CountingHasher.calls.clear()

    locked = login(Client(REMOTE_ADDR="10.0.1.1"), "Chair@Example.org", PASSWORD)
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.content.decode()
    assert "_auth_user_id" not in locked.wsgi_request.session
    assert CountingHasher.calls == []  # no password was hashed or checked for the locked attempt
    assert not AccessAttempt.objects.exists()
    assert not AccessLog.objects.exists()

    other = UserFactory(email="member@example.org", password=PASSWORD)
    assert login(Client(REMOTE_ADDR="10.0.1.1"), other.email, PASSWORD).status_code == 302  # others unaffected


def test_lockout_ends_after_the_configured_minutes(settings):
    from django.core.cache import cache

    settings.LOGIN_FAILURES_PER_ACCOUNT = 2
    UserFactory(email="steer@example.org", password=PASSWORD)
    for _ in range(2):
        login(Client(), "steer@example.org", "wrong")
    assert login(Client(), "steer@example.org", PASSWORD).status_code == 429
    cache.clear()  # what the lock-out's expiry does
    assert login(Client(), "steer@example.org", PASSWORD).status_code == 302


def test_a_right_password_clears_earlier_failures(settings):
    UserFactory(email="steer@example.org", password=PASSWORD)
    for _ in range(4):
        login(Client(), "steer@example.org", "wrong")
    assert login(Client(), "steer@example.org", PASSWORD).status_code == 302
    for _ in range(4):
        login(Client(), "steer@example.org", "wrong")
    assert login(Client(), "steer@example.org", PASSWORD).status_code == 302
    for _ in range(5):  # but five in a row lock it
        login(Client(), "steer@example.org", "wrong")
    assert login(Client(), "steer@example.org", PASSWORD).status_code == 429


def test_one_client_guessing_many_accounts_is_locked_out_other_clients_are_not(settings):
    settings.LOGIN_FAILURES_PER_CLIENT = 6
    UserFactory(email="real@example.org", password=PASSWORD)
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    codes = [login(attacker, f"user{n}@example.org", "123456").status_code for n in range(6)]
    assert codes == [200, 200, 200, 200, 200, 429]  # six accounts, each under the per-account limit
    assert login(attacker, "real@example.org", PASSWORD).status_code == 429
    assert login(Client(REMOTE_ADDR="198.51.100.1"), "real@example.org", PASSWORD).status_code == 302


def test_behind_a_proxy_the_client_is_the_address_the_proxy_appended(settings):
    settings.BEHIND_PROXY = True
    settings.LOGIN_FAILURES_PER_CLIENT = 3
    UserFactory(email="real@example.org", password=PASSWORD)
    for n in range(3):  # a forged left-hand X-Forwarded-For entry does not make a new client
        login(Client(), f"u{n}@example.org", "x", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.9")
    assert login(Client(), "real@example.org", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 429
    assert login(Client(), "real@example.org", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.10").status_code == 302


def test_the_admin_sign_in_is_locked_out_too(settings):
    settings.LOGIN_FAILURES_PER_ACCOUNT = 2
    UserFactory(email="admin@example.org", password=PASSWORD, is_staff=True, is_superuser=True)
    for _ in range(2):
        Client().post("/admin/login/", {"username": "admin@example.org", "password": "wrong"})
    response = Client().post("/admin/login/", {"username": "admin@example.org", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in response.wsgi_request.session


def test_the_pause_page_is_in_the_site_layout_and_the_readers_language():
    UserFactory(email="chair@example.org", password=PASSWORD)
    client = Client(HTTP_ACCEPT_LANGUAGE="ja")
    for _ in range(5):
        login(client, "chair@example.org", "wrong")
    page = login(client, "chair@example.org", PASSWORD)
    assert page.status_code == 429
    html = page.content.decode()
    assert "サインイン失敗が多すぎます" in html
    assert "15 分間" in html
    assert '<html lang="ja"' in html
    assert "/accounts/password/reset/" in html


def test_a_right_password_does_not_clear_the_clients_count_of_guesses_at_others(settings):
    settings.LOGIN_FAILURES_PER_CLIENT = 4
    UserFactory(email="own@example.org", password=PASSWORD)
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(3):
        login(attacker, f"victim{n}@example.org", "123456")
    assert login(Client(REMOTE_ADDR="203.0.113.9"), "own@example.org", PASSWORD).status_code == 302
    assert login(attacker, "victim9@example.org", "123456").status_code == 429


def test_the_secretariat_unlocks_an_account_with_axes_reset_username():
    UserFactory(email="chair@example.org", password=PASSWORD)
    for n in range(5):
        login(Client(REMOTE_ADDR=f"10.0.0.{n}"), "chair@example.org", "wrong")
    assert login(Client(REMOTE_ADDR="10.0.1.1"), "chair@example.org", PASSWORD).status_code == 429
    call_command("axes_reset_username", "chair@example.org")
    assert login(Client(REMOTE_ADDR="10.0.1.1"), "chair@example.org", PASSWORD).status_code == 302


def test_a_client_address_is_unlocked_with_axes_reset_ip(settings):
    settings.LOGIN_FAILURES_PER_CLIENT = 3
    UserFactory(email="real@example.org", password=PASSWORD)
    venue = Client(REMOTE_ADDR="198.51.100.20")
    for n in range(3):
        login(venue, f"typo{n}@example.org", "x")
    assert login(venue, "real@example.org", PASSWORD).status_code == 429
    call_command("axes_reset_ip", "198.51.100.20")
    assert login(venue, "real@example.org", PASSWORD).status_code == 302


def test_check_deploy_warns_while_the_lockout_counts_per_process(settings):
    from mshub.accounts.lockout import shared_cache_check

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert [w.id for w in shared_cache_check(None)] == ["accounts.W001"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://x"}}
    assert shared_cache_check(None) == []
