"""Shared fixtures: a forum with one account per role, and clients signed in as each."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.test import Client

from mshub.accounts.models import User
from mshub.core.models import Forum, Role
from tests.factories import ForumFactory, MembershipFactory, UserFactory

ROLES = ["anonymous", "visitor", "member", "wg_chair", "steering", "secretariat"]


@dataclass
class Cast:
    """A forum and one user per role ("visitor" is signed in but not a member)."""

    forum: Forum
    users: dict[str, User]

    def client(self, role: str) -> Client:
        client = Client()
        if role != "anonymous":
            client.force_login(self.users[role])
        return client


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Each test starts with no rate-limit counters (they live in the cache)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def at_latest_afterwards(transactional_db: None) -> Iterator[None]:
    """For migration tests: whatever the test does, later tests find the schema migrated to the end."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.fixture
def forum(db: None) -> Forum:
    return ForumFactory(slug="igf-jp", name_ja="日本IGF", name_en="Japan IGF")


@pytest.fixture
def cast(forum: Forum) -> Cast:
    users = {"visitor": UserFactory(email="visitor@example.org")}
    for role in (Role.MEMBER, Role.WG_CHAIR, Role.STEERING, Role.SECRETARIAT):
        user = UserFactory(email=f"{role.value}@example.org")
        MembershipFactory(forum=forum, user=user, role=role)
        users[role.value] = user
    return Cast(forum=forum, users=users)


@pytest.fixture
def secretariat_client(cast: Cast) -> Client:
    return cast.client("secretariat")


@pytest.fixture
def smtp(settings):  # type: ignore[no-untyped-def]
    """A real SMTP server on 127.0.0.1; Django sends through it for the test."""
    from tests.mailserver import smtp_server

    with smtp_server() as inbox:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = inbox.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        yield inbox
