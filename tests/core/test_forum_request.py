"""The request under /<forum>/ carries its forum, typed; a view mounted elsewhere refuses to guess."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from mshub.core.http import forum_of


def test_the_middleware_sets_the_forum_that_views_and_feeds_read(forum, client):
    response = client.get(f"/{forum.slug}/")
    assert response.wsgi_request.forum == forum
    assert forum_of(response.wsgi_request) == forum
    assert client.get("/").wsgi_request.forum is None


def test_a_request_outside_a_forum_has_no_forum_to_read():
    request = RequestFactory().get("/elsewhere/")
    with pytest.raises(ImproperlyConfigured, match="/elsewhere/"):
        forum_of(request)
    request.forum = None  # type: ignore[attr-defined]
    with pytest.raises(ImproperlyConfigured):
        forum_of(request)
