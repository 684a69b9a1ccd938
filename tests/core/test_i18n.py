"""The Japanese catalogue is complete and compiled; pages are Japanese by default and switch to English."""

import re
from pathlib import Path

import polib
import pytest
from django.test import Client

LOCALE = Path(__file__).resolve().parents[2] / "mshub" / "locale" / "ja" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s")


@pytest.fixture(scope="module")
def po() -> polib.POFile:
    return polib.pofile(str(LOCALE / "django.po"))


def test_every_entry_is_translated_and_keeps_its_placeholders(po):
    assert po.percent_translated() == 100, [e.msgid for e in po.untranslated_entries()][:10]
    assert not po.fuzzy_entries()
    for entry in po:
        translated = entry.msgstr_plural[0] if entry.msgid_plural else entry.msgstr
        source = set(PLACEHOLDER.findall(entry.msgid)) | set(PLACEHOLDER.findall(entry.msgid_plural or ""))
        assert set(PLACEHOLDER.findall(translated)) <= source, entry.msgid
        if not entry.msgid_plural:
            assert set(PLACEHOLDER.findall(translated)) == source, entry.msgid


def test_the_compiled_catalogue_matches_the_source(po):
    mo = {
        e.msgid: (e.msgstr_plural.get(0) if e.msgid_plural else e.msgstr)
        for e in polib.mofile(str(LOCALE / "django.mo"))
    }
    for entry in po:
        expected = entry.msgstr_plural[0] if entry.msgid_plural else entry.msgstr
        assert mo.get(entry.msgid) == expected, f"run `make compilemessages`: {entry.msgid!r} is stale"


@pytest.mark.django_db
def test_pages_are_japanese_by_default_and_english_after_the_switch(settings):
    settings.LANGUAGE_CODE = "ja"  # the production default (the test settings read English)
    client = Client()
    page = client.get("/accounts/login/").content.decode()
    assert '<html lang="ja">' in page
    assert "ログイン" in page
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    page = client.get("/accounts/login/").content.decode()
    assert '<html lang="en">' in page
    assert "Sign in" in page


@pytest.mark.django_db
def test_forum_navigation_is_japanese_for_a_japanese_reader(cast, settings):
    settings.LANGUAGE_CODE = "ja"
    page = cast.client("member").get(f"/{cast.forum.slug}/people/").content.decode()
    for label in ("会合", "人", "組織", "ステークホルダーグループ"):
        assert f">{label}</a>" in page, label


def test_report_labels_exist_in_japanese(po):
    wanted = {
        "Overview of the meeting": "会合の概要について",
        "Participation": "参加状況",
        "On-site participants": "会場参加者数",
        "Remote participants": "遠隔参加者数",
        "Questions, answers and discussion": "質疑応答・議論内容",
    }
    found = {e.msgid: e.msgstr for e in po if e.msgid in wanted}
    assert found == wanted


def test_every_string_in_the_code_is_in_the_catalogue(po, tmp_path):
    """What `make messages` would extract must already be in the .po (so nothing ships untranslated)."""
    import shutil
    import subprocess

    from django.utils.translation.template import templatize

    if shutil.which("xgettext") is None:
        pytest.skip("xgettext (GNU gettext) is not installed")
    package = LOCALE.parents[2]
    sources = []
    for path in package.rglob("*"):
        if "migrations" in path.parts or "locale" in path.parts or not path.is_file():
            continue
        if path.suffix == ".py":
            sources.append(str(path))
        elif "templates" in path.parts and path.suffix in {".html", ".txt", ".md"}:
            out = tmp_path / (str(path.relative_to(package)).replace("/", "__") + ".py")
            out.write_text(templatize(path.read_text(encoding="utf-8"), origin=str(path)), encoding="utf-8")
            sources.append(str(out))
    pot = tmp_path / "messages.pot"
    keywords = [
        "gettext_noop",
        "gettext_lazy",
        "ngettext_lazy:1,2",
        "pgettext:1c,2",
        "npgettext:1c,2,3",
        "pgettext_lazy:1c,2",
        "npgettext_lazy:1c,2,3",
    ]
    subprocess.run(
        [
            "xgettext",
            "--language=Python",
            "--from-code=UTF-8",
            "-o",
            str(pot),
            *[f"--keyword={k}" for k in keywords],
            *sources,
        ],
        check=True,
        capture_output=True,
    )
    extracted = {e.msgid for e in polib.pofile(str(pot))} - {""}
    missing = sorted(extracted - {e.msgid for e in po})
    assert not missing, f"run `make messages` and translate: {missing[:10]}"
