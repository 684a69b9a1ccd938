"""The Japanese catalogue is complete, current and compiled; pages are Japanese by default and switch to English.

When a test here fails after templates or code changed, refresh the catalogue (from the repository root):

    cd mshub && ../.venv/bin/python ../manage.py makemessages -l ja --no-obsolete --no-location \
        -i 'migrations/*' -e html,txt,py,md
    # translate the new entries in mshub/locale/ja/LC_MESSAGES/django.po (no "fuzzy" left), then
    cd mshub && ../.venv/bin/python ../manage.py compilemessages -l ja
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.test import Client

PACKAGE = Path(__file__).resolve().parents[2] / "mshub"
LOCALE = PACKAGE / "locale" / "ja" / "LC_MESSAGES"
# Named placeholders: %(name)s from gettext() % {...} and from {% blocktranslate %} variables.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]")
# Any other %-directive would break `msgstr % values`; a literal percent sign is written %%.
DIRECTIVE = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]")
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# Translations that are rightly written without kana or kanji (the glossary's "ToDo").
NOT_JAPANESE = {"Action items"}
EXTRACT = ["html", "txt", "py", "md"]


def translation(entry: polib.POEntry) -> str:
    return entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr


@pytest.fixture(scope="module")
def po() -> polib.POFile:
    return polib.pofile(str(LOCALE / "django.po"))


def test_the_header_declares_japanese_with_one_plural_form(po):
    assert po.metadata["Language"] == "ja"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert po.metadata["Plural-Forms"].replace(" ", "") == "nplurals=1;plural=0;"
    assert not po.metadata_is_fuzzy


def test_every_entry_is_translated_and_not_fuzzy(po):
    assert len(po) > 500
    assert not [e.msgid for e in po.untranslated_entries()]
    assert not [e.msgid for e in po.fuzzy_entries()]
    assert not [e.msgid for e in po.obsolete_entries()]
    for entry in po:
        if entry.msgid_plural:
            assert set(entry.msgstr_plural) == {0}, f"Japanese has one plural form: {entry.msgid!r}"
        text = translation(entry)
        assert text.strip(), entry.msgid
        assert entry.msgid in NOT_JAPANESE or JAPANESE.search(text), f"not translated: {entry.msgid!r}"


def test_every_translation_keeps_the_placeholders_of_its_source(po):
    for entry in po:
        text = translation(entry)
        # With one plural form the Japanese text serves every count, so it says what the plural says.
        source = entry.msgid_plural or entry.msgid
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), entry.msgid
        assert set(DIRECTIVE.findall(text)) <= set(DIRECTIVE.findall(source)) | {"%%"}, entry.msgid
        if PLACEHOLDER.search(entry.msgid):
            assert "python-format" in entry.flags, entry.msgid
            values = dict.fromkeys(re.findall(r"%\((\w+)\)", source), 1)
            text % values  # raises on a malformed directive


def test_the_compiled_catalogue_is_exactly_the_source(po):
    """The committed .mo holds the same pairs as the .po: edit the .po, then run compilemessages."""

    def pairs(catalogue: polib.POFile | polib.MOFile) -> dict[tuple[str, str], tuple[str, ...]]:
        return {
            (e.msgctxt or "", e.msgid): (
                tuple(e.msgstr_plural[i] for i in sorted(e.msgstr_plural)) if e.msgid_plural else (e.msgstr,)
            )
            for e in catalogue
            if not e.obsolete
        }

    mo = polib.mofile(str(LOCALE / "django.mo"))
    source, compiled = pairs(po), pairs(mo)
    stale = sorted(k[1] for k in source.keys() | compiled.keys() if source.get(k) != compiled.get(k))
    assert not stale, f"run compilemessages; the .mo differs from the .po on {stale[:10]}"
    assert mo.metadata.get("Plural-Forms", "").replace(" ", "") == "nplurals=1;plural=0;"


def test_the_catalogue_holds_exactly_what_makemessages_extracts(po, tmp_path, settings, monkeypatch):
    """makemessages on a copy of the package finds the same msgids as the catalogue: none missing, none stale."""
    if shutil.which("xgettext") is None:
        pytest.skip("xgettext (GNU gettext) is not installed")
    copy = tmp_path / "mshub"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("locale", "__pycache__", "*.pyc"))
    (copy / "locale").mkdir()
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(copy)
    call_command(
        "makemessages",
        locale=["ja"],
        extensions=EXTRACT,
        ignore_patterns=["migrations/*"],
        no_obsolete=True,
        no_location=True,
        verbosity=0,
    )
    extracted = polib.pofile(str(copy / "locale" / "ja" / "LC_MESSAGES" / "django.po"))
    found = {(e.msgctxt, e.msgid, e.msgid_plural) for e in extracted}
    held = {(e.msgctxt, e.msgid, e.msgid_plural) for e in po}
    missing = sorted(m[1] for m in found - held)
    stale = sorted(m[1] for m in held - found)
    assert not missing, f"run makemessages (see the module docstring) and translate: {missing[:10]}"
    assert not stale, f"run makemessages --no-obsolete (see the module docstring): {stale[:10]}"
    assert len(po) == len(extracted)


def test_report_labels_follow_the_community_usage(po):
    """The published report keeps the headings of the community's own reports (glossary in the domain brief)."""
    wanted = {
        "Overview of the meeting": "会合の概要について",
        "Participation": "参加状況",
        "On-site participants": "会場参加者数",
        "Remote participants": "遠隔参加者数",
        "Questions, answers and discussion": "質疑応答・議論内容",
        "Distributed materials": "配布資料",
        "Decisions": "決定事項",
        "Secretariat": "事務局",
        "Stakeholder groups": "ステークホルダーグループ",
        "Affiliation": "所属",
    }
    found = {e.msgid: e.msgstr for e in po if e.msgid in wanted}
    assert found == wanted


@pytest.mark.django_db
def test_pages_are_japanese_by_default_and_english_after_the_switch(settings):
    settings.LANGUAGE_CODE = "ja"  # the production default (the test settings read English)
    client = Client()
    page = client.get("/accounts/login/").content.decode()
    assert '<html lang="ja">' in page
    assert "ログイン" in page
    assert "Sign in" not in page

    response = client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = client.get("/accounts/login/").content.decode()
    assert '<html lang="en">' in page
    assert "Sign in" in page
    assert "ログイン" not in page

    client.post("/i18n/setlang/", {"language": "ja", "next": "/accounts/login/"})
    assert "ログイン" in client.get("/accounts/login/").content.decode()


@pytest.mark.django_db
def test_a_browser_asking_for_english_gets_english(settings):
    settings.LANGUAGE_CODE = "ja"
    page = Client(HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8").get("/accounts/login/").content.decode()
    assert '<html lang="en">' in page
    assert "Sign in" in page


@pytest.mark.django_db
def test_forum_navigation_is_japanese_for_a_japanese_reader(cast, settings):
    settings.LANGUAGE_CODE = "ja"
    page = cast.client("member").get(f"/{cast.forum.slug}/people/").content.decode()
    assert '<html lang="ja">' in page
    for label in ("ホーム", "会合", "人", "組織", "ステークホルダーグループ"):
        assert f">{label}</a>" in page, label
    for label in ("Home", "Meetings", "People", "Organisations", "Stakeholder groups"):
        assert f">{label}</a>" not in page, label
    assert "ログアウト" in page


@pytest.mark.django_db
def test_secretariat_navigation_is_japanese(cast, settings):
    settings.LANGUAGE_CODE = "ja"
    page = cast.client("secretariat").get(f"/{cast.forum.slug}/").content.decode()
    for label in ("メンバー", "履歴", "アーカイブ", "分類項目", "設定"):
        assert f">{label}</a>" in page, label
