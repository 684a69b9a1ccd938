"""A forum's response through the service: the proof file's limits, its removal, and another forum's person."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mshub.consultations.services import PROOF_MAX_BYTES, ConsultationError, response_of, save_response
from tests.consultations.conftest import consultation
from tests.factories import ForumFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def response(forum, settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    c = consultation(forum, "Proof", dt.datetime(2016, 1, 1), dt.datetime(2016, 2, 1))
    return response_of(forum, c)


def test_a_proof_over_the_size_limit_or_of_the_wrong_kind_is_refused(response):  # type: ignore[no-untyped-def]
    big = SimpleUploadedFile("big.txt", b"a" * (PROOF_MAX_BYTES + 1))
    with pytest.raises(ConsultationError, match="the limit is"):
        save_response(response, None, proof=big)
    exe = SimpleUploadedFile("receipt.pdf", b"MZ\x90\x00" + b"\x00" * 64)
    with pytest.raises(ConsultationError, match="not a document this site accepts"):
        save_response(response, None, proof=exe)
    assert response.pk is None


def test_removing_the_proof_deletes_the_stored_file_on_commit(response, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    save_response(response, None, proof=SimpleUploadedFile("r.txt", b"received"))
    stored, storage = response.proof_file.name, response.proof_file.storage
    assert storage.exists(stored)
    with django_capture_on_commit_callbacks(execute=True):
        assert save_response(response, response.version, remove_proof=True) == ["proof_file"]
    assert not storage.exists(stored)
    assert (response.proof_name, bool(response.proof_file)) == ("", False)


def test_another_forums_person_cannot_be_in_charge(response):  # type: ignore[no-untyped-def]
    response.person_in_charge = PersonFactory(forum=ForumFactory())
    with pytest.raises(ConsultationError, match="this forum's registry"):
        save_response(response, None)
    response.person_in_charge = None
    response.note = "nul\x00"
    with pytest.raises(ConsultationError, match="NUL"):
        save_response(response, None)
