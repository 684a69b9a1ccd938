"""The meeting page's agenda and materials, exactly as printed: times, numbers, titles, outcomes,
presenters with their affiliation as at the time (typed, from the registry, or none), in Japanese and
English, every value escaped; links to uploaded materials."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mshub.meetings.models import Presenter
from mshub.meetings.services.agenda import add_item
from mshub.meetings.services.minutes import add_material
from tests.factories import AffiliationFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda(announced, forum):
    """18:00–20:00 at the venue: an opening with a time and two presenters, a cancelled item with a
    sub-item, an item with only a duration and a presenter with no affiliation on the day."""
    opening = add_item(announced, title_ja="開会 <挨拶>", title_en="Opening & welcome", planned_start=dt.time(18, 0))
    opening.duration_minutes = 10
    opening.save()
    org = OrganizationFactory(forum=forum, name_ja="日本ネット協会", name_en="Japan Net Association")
    registry = PersonFactory(
        forum=forum, family_name_ja="山田", given_name_ja="花子", family_name_latin="Yamada", given_name_latin="Hanako"
    )
    AffiliationFactory(
        person=registry, organization=org, department_ja="政策部", department_en="Policy", start=dt.date(2010, 1, 1)
    )
    earlier = OrganizationFactory(forum=forum)
    AffiliationFactory(person=registry, organization=earlier, start=dt.date(2005, 1, 1), end=dt.date(2009, 12, 31))
    typed = PersonFactory(
        forum=forum, family_name_ja="佐藤", given_name_ja="健", family_name_latin="Sato", given_name_latin="Ken"
    )
    Presenter.objects.create(item=opening, person=registry, position=0)
    Presenter.objects.create(item=opening, person=typed, position=1, affiliation_ja="東京大学", affiliation_en="")
    cancelled = add_item(announced, title_ja="中止の議題", outcome="cancelled")
    add_item(announced, parent=cancelled, title_ja="小項目")
    later = add_item(announced, title_ja="自由討議", duration_minutes=20)
    nobody = PersonFactory(
        forum=forum, family_name_ja="", given_name_ja="", family_name_latin="Doe", given_name_latin="Jo"
    )
    Presenter.objects.create(item=later, person=nobody)
    return announced


def test_the_agenda_in_japanese(agenda, client):
    html = client.get(agenda.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert (
        '<ol class="agenda-list">\n  \n'
        '  <li class="depth-0">\n'
        '    <span class="time">18:00–18:10</span> <span class="num">1.</span> 開会 &lt;挨拶&gt;\n'
        "    \n"
        '    <br><span class="muted">日本ネット協会政策部 山田 花子</span>'
        '<br><span class="muted">東京大学 佐藤 健</span>\n'
        "  </li>\n  \n"
        '  <li class="depth-0">\n'
        '    <span class="num">2.</span> 中止の議題\n'
        '    <span class="badge">取り止め</span>\n'
        "    \n"
        "  </li>\n  \n"
        '  <li class="depth-1">\n'
        '    <span class="num">2.1.</span> 小項目\n'
        "    \n"
        "    \n"
        "  </li>\n  \n"
        '  <li class="depth-0">\n'
        '    <span class="time">（20 分）</span> <span class="num">3.</span> 自由討議\n'
        "    \n"
        '    <br><span class="muted">Jo Doe</span>\n'
        "  </li>\n  \n"
        "</ol>"
    ) in html


def test_the_agenda_in_english(agenda, client):
    html = client.get(agenda.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert (
        '<span class="time">18:00–18:10</span> <span class="num">1.</span> Opening &amp; welcome\n'
        "    \n"
        '    <br><span class="muted">Hanako Yamada (Policy, Japan Net Association)</span>'
        '<br><span class="muted">Ken Sato (東京大学)</span>\n'
    ) in html
    assert '<span class="num">2.</span> 中止の議題\n    <span class="badge">Cancelled</span>' in html
    assert '<span class="time">(20 min)</span> <span class="num">3.</span> 自由討議' in html


def test_materials_link_to_their_file_or_their_address(announced, client):
    from django.urls import reverse

    upload = SimpleUploadedFile("slides.txt", b"the slides\n", "text/plain")
    with_file = add_material(announced, upload=upload, label="資料1", title_ja="発表資料")
    add_material(announced, label="資料2", title_ja="外部", url="https://example.org/doc")
    add_material(announced, label="資料3", title_ja="<未着>")
    html = client.get(announced.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    download = reverse("meetings:material", kwargs={**announced.url_kwargs(), "pk": with_file.pk})
    assert (
        f'<ul><li><a href="{download}">資料1 発表資料</a></li>'
        '<li><a href="https://example.org/doc" rel="noopener">資料2 外部</a></li>'
        "<li>資料3 &lt;未着&gt;</li></ul>"
    ) in html
    assert client.get(download).status_code == 200


def test_of_several_affiliations_on_the_day_the_best_is_printed_once(announced, forum, client):
    """Primary first, then the most recently begun (``best_first``); a presenter with three
    affiliations on the day is still one line, and one that ended before the day is not shown."""
    item = add_item(announced, title_ja="報告")
    both = PersonFactory(forum=forum, family_name_ja="田中", given_name_ja="一郎")
    AffiliationFactory(
        person=both,
        organization=OrganizationFactory(forum=forum, name_ja="新しい会社"),
        start=dt.date(2020, 1, 1),
        is_primary=False,
    )
    AffiliationFactory(
        person=both,
        organization=OrganizationFactory(forum=forum, name_ja="本務大学"),
        start=dt.date(2001, 1, 1),
        is_primary=True,
    )
    AffiliationFactory(
        person=both, organization=OrganizationFactory(forum=forum, name_ja="無期限団体"), start=None, is_primary=False
    )
    recent = PersonFactory(forum=forum, family_name_ja="鈴木", given_name_ja="二郎")
    AffiliationFactory(
        person=recent,
        organization=OrganizationFactory(forum=forum, name_ja="旧団体"),
        start=dt.date(2001, 1, 1),
        is_primary=False,
    )
    AffiliationFactory(
        person=recent,
        organization=OrganizationFactory(forum=forum, name_ja="現団体"),
        start=dt.date(2019, 4, 1),
        is_primary=False,
    )
    AffiliationFactory(
        person=recent,
        organization=OrganizationFactory(forum=forum, name_ja="退職済み"),
        start=dt.date(2022, 1, 1),
        end=dt.date(2022, 12, 31),
        is_primary=True,
    )
    Presenter.objects.create(item=item, person=both, position=0)
    Presenter.objects.create(item=item, person=recent, position=1)
    html = client.get(announced.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert '<br><span class="muted">本務大学 田中 一郎</span><br><span class="muted">現団体 鈴木 二郎</span>\n' in html
