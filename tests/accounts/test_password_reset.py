"""Password reset by mail, delivered through a real SMTP server on 127.0.0.1."""

import re

import pytest
from django.test import Client

from tests.factories import UserFactory
from tests.mailserver import body_of

pytestmark = pytest.mark.django_db


def test_reset_mail_link_lets_the_user_choose_a_new_password(smtp):
    UserFactory(email="chair@example.org")
    client = Client()
    response = client.post("/accounts/password/reset/", {"email": "Chair@Example.org"})
    assert response.status_code == 302

    [message] = smtp.wait_for(1)
    assert message["To"] == "chair@example.org"
    link = re.search(r"https?://\S+/accounts/password/reset/\S+/", body_of(message))
    assert link, body_of(message)

    path = link.group(0).split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else path
    done = client.post(
        set_url, {"new_password1": "a much better passphrase 42", "new_password2": "a much better passphrase 42"}
    )
    assert done.status_code == 302

    new = {"username": "chair@example.org", "password": "a much better passphrase 42"}
    signed_in = Client().post("/accounts/login/", new)
    assert signed_in.status_code == 302
    assert "_auth_user_id" in signed_in.wsgi_request.session
    # The link works once only.
    assert "expired" in Client().get(path, follow=True).content.decode()


def test_unknown_address_gets_the_same_answer_and_no_mail(smtp):
    response = Client().post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert smtp.wait_for(1, timeout=0.5) == []


def test_sign_in_is_by_email_case_insensitively():
    UserFactory(email="steer@example.org")
    from tests.factories import PASSWORD

    client = Client()
    response = client.post("/accounts/login/", {"username": "STEER@example.org", "password": PASSWORD})
    assert response.status_code == 302
    wrong = Client().post("/accounts/login/", {"username": "steer@example.org", "password": "nope"})
    assert wrong.status_code == 200
    assert 'value="steer@example.org"' in wrong.content.decode()  # what was typed is kept
