"""Person and organisation pickers: search endpoints, forms that offer matches instead of every name,
and people sorted by their reading."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mshub.meetings.models import Presenter
from mshub.meetings.services.agenda import add_item
from mshub.people.models import Affiliation, Person
from tests.factories import AffiliationFactory, ForumFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def person(forum, family_ja="", given_ja="", family_kana="", given_kana="", family_latin="", given_latin=""):
    return PersonFactory(
        forum=forum,
        family_name_ja=family_ja,
        given_name_ja=given_ja,
        family_name_kana=family_kana,
        given_name_kana=given_kana,
        family_name_latin=family_latin,
        given_name_latin=given_latin,
    )


@pytest.fixture
def takane(forum):
    return person(forum, "高根", "優子", "たかね", "ゆうこ", "Takane", "Yuko")


def test_people_sort_by_reading_not_romaji(forum):
    # The romaji would put Yamada (Aaa...) first; the reading puts あいかわ before やまだ.
    yamada = person(forum, "山田", "太郎", "やまだ", "たろう", "Aaamada", "Taro")
    aikawa = person(forum, "相川", "花子", "あいかわ", "はなこ", "Zaikawa", "Hanako")
    no_reading = person(forum, "阿部", "一郎")  # no reading: after those who have one, by the Japanese name
    latin_only = person(forum, family_latin="Smith", given_latin="Jane")  # last
    assert list(Person.objects.filter(forum=forum)) == [aikawa, yamada, no_reading, latin_only]


def test_person_list_page_is_in_reading_order(forum, cast):
    person(forum, "山田", "太郎", "やまだ", "たろう", "Aaamada", "Taro")
    person(forum, "相川", "花子", "あいかわ", "はなこ", "Zaikawa", "Hanako")
    text = cast.client("member").get(f"/{forum.slug}/people/").content.decode()
    assert text.index("相川") < text.index("山田")


@pytest.mark.parametrize("typed", ["高根", "たかね", "タカネ", "takane", "Yuko Takane", "高根優子"])
def test_person_search_matches_kanji_kana_and_romaji(forum, cast, takane, typed):
    person(forum, "山田", "太郎", "やまだ", "たろう", "Yamada", "Taro")
    response = cast.client("member").get(f"/{forum.slug}/people/search/", {"q": typed}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    text = response.content.decode()
    assert f'<option value="{takane.pk}">Yuko Takane · たかね ゆうこ · 高根 優子</option>' in text
    assert "山田" not in text


def test_person_search_reads_a_pickers_own_box_and_stays_in_the_forum(forum, cast, takane):
    outsider = PersonFactory(forum=ForumFactory(), family_name_ja="高根", given_name_ja="別人")
    response = cast.client("member").get(f"/{forum.slug}/people/search/", {"attendance-person_q": "高根"})
    text = response.content.decode()
    assert f'value="{takane.pk}"' in text
    assert f'value="{outsider.pk}"' not in text


def test_person_search_needs_what_viewing_people_needs(forum, cast, takane):
    response = cast.client("anonymous").get(f"/{forum.slug}/people/search/", {"q": "高根"})
    assert response.status_code in (302, 403)
    assert "高根" not in response.content.decode()


def test_person_search_is_limited_and_flat_in_queries(forum, cast):
    client = cast.client("member")

    def queries(n):
        for i in range(n):
            p = person(forum, f"佐藤{i}", "一", "さとう", "はじめ", f"Sato{i}", "Hajime")
            AffiliationFactory(person=p)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(f"/{forum.slug}/people/search/", {"q": "さとう"})
        return len(ctx.captured_queries), response.content.decode()

    few, _ = queries(2)
    many, text = queries(40)
    assert few == many
    assert len(re.findall(r'<option value="\d+"', text)) == 20
    assert "type more of the name" in text


def test_organization_search_matches_names_and_abbreviations(forum, cast):
    jpnic = OrganizationFactory(forum=forum, name_ja="日本ネットワークインフォメーションセンター", short_name="JPNIC")
    OrganizationFactory(forum=forum, name_ja="総務省", name_en="Ministry of Internal Affairs", short_name="MIC")
    client = cast.client("anonymous")
    for typed in ("jpnic", "インフォメーション", "JPN"):
        text = client.get(f"/{forum.slug}/organizations/search/", {"q": typed}).content.decode()
        assert f'value="{jpnic.pk}"' in text
        assert "総務省" not in text


def test_presenter_picker_lists_matches_not_everyone(forum, cast, announced, takane):
    item = add_item(announced, title_ja="報告")
    person(forum, "山田", "太郎", "やまだ", "たろう", "Yamada", "Taro")
    url = f"{announced.get_absolute_url()}agenda/{item.pk}/"
    page = cast.client("steering").get(url).content.decode()
    assert f'hx-get="/{forum.slug}/people/search/"' in page
    assert 'hx-trigger="input changed delay:250ms, search"' in page
    assert "高根" not in page
    assert "山田" not in page


def test_presenter_picker_works_without_javascript(forum, cast, announced, takane):
    item = add_item(announced, title_ja="報告")
    person(forum, "山田", "太郎", "やまだ", "たろう", "Yamada", "Taro")
    client = cast.client("steering")
    url = f"{announced.get_absolute_url()}agenda/{item.pk}/"
    # Search: the form comes back with the matches, and nothing is saved yet.
    searched = client.post(url, {"action": "presenter", "person_q": "たかね", "person_search": "1"})
    assert searched.status_code == 400
    text = searched.content.decode()
    assert f'<option value="{takane.pk}">' in text
    assert "山田" not in text
    assert 'value="たかね"' in text  # the search box keeps the text
    assert not Presenter.objects.filter(item=item).exists()
    # Pick and save.
    picked = {"action": "presenter", "person_q": "たかね", "person_searched": "たかね", "person": takane.pk}
    saved = client.post(url, picked)
    assert saved.status_code == 302
    assert Presenter.objects.get(item=item).person == takane
    # Enter in another field presses Search (the form's first button): with a choice made from the
    # text the list shows, that saves; a new text searches again.
    data = {"action": "presenter", "person_q": "高根", "person_searched": "高根", "person": takane.pk}
    assert client.post(url, {**data, "person_search": "1", "affiliation_ja": "JPNIC"}).status_code == 302
    assert client.post(url, {**data, "person_search": "1", "person_q": "やまだ"}).status_code == 400
    assert list(Presenter.objects.filter(item=item).values_list("affiliation_ja", flat=True)) == ["", "JPNIC"]


def test_a_typed_name_without_a_pick_asks_to_pick(forum, cast, announced, takane):
    item = add_item(announced, title_ja="報告")
    url = f"{announced.get_absolute_url()}agenda/{item.pk}/"
    response = cast.client("steering").post(url, {"action": "presenter", "person_q": "高根", "person": ""})
    assert response.status_code == 400
    assert "Pick one of the matches below." in response.content.decode()


def test_affiliation_organization_is_picked_by_search(forum, cast, takane):
    jpnic = OrganizationFactory(forum=forum, name_ja="日本ネットワークインフォメーションセンター", short_name="JPNIC")
    OrganizationFactory(forum=forum, name_ja="総務省", short_name="MIC")
    client = cast.client("steering")
    url = f"/{forum.slug}/people/{takane.pk}/affiliations/new/"
    page = client.get(url).content.decode()
    assert "総務省" not in page
    assert "JPNIC" not in page
    searched = client.post(url, {"organization_q": "jpnic", "organization_search": "1"}).content.decode()
    assert f'<option value="{jpnic.pk}">' in searched
    assert "総務省" not in searched
    response = client.post(url, {"organization": jpnic.pk, "is_primary": "on"})
    assert response.status_code == 302
    assert Affiliation.objects.get(person=takane).organization == jpnic
