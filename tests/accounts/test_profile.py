import pytest

from mshub.accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_user_sets_name_language_and_zone_and_sees_their_forums(cast):
    client = cast.client("member")
    page = client.get("/accounts/profile/").content.decode()
    assert cast.forum.name_ja in page or cast.forum.name_en in page
    response = client.post("/accounts/profile/", {"display_name": "Aoi", "language": "en", "timezone": "Europe/Zurich"})
    assert response.status_code == 302
    user = User.objects.get(pk=cast.users["member"].pk)
    assert (user.display_name, user.language, user.timezone) == ("Aoi", "en", "Europe/Zurich")


def test_unknown_zone_is_refused_and_nothing_changes(cast):
    client = cast.client("member")
    response = client.post("/accounts/profile/", {"display_name": "Keep", "timezone": "Moon/Base"})
    assert response.status_code == 200
    assert User.objects.get(pk=cast.users["member"].pk).timezone == ""


def test_profile_needs_sign_in(client):
    assert client.get("/accounts/profile/").status_code == 302


def test_emails_are_unique_whatever_the_case(db):
    UserFactory(email="one@example.org")
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        User.objects.create_user(email="ONE@example.org", password="x")


def test_saved_language_applies_and_the_header_switch_updates_it(cast):
    user = cast.users["member"]
    User.objects.filter(pk=user.pk).update(language="en")
    client = cast.client("member")
    assert '<html lang="en">' in client.get("/accounts/profile/").content.decode()

    response = client.post("/i18n/setlang/", {"language": "ja", "next": "/accounts/profile/"})
    assert response.status_code == 302
    assert User.objects.get(pk=user.pk).language == "ja"
    assert '<html lang="ja">' in client.get("/accounts/profile/").content.decode()


def test_anonymous_language_switch_uses_a_cookie(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.cookies["django_language"].value == "en"
    assert '<html lang="en">' in client.get("/").content.decode()
