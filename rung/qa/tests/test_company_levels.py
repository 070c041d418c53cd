"""Company levels on Q&A pages: author cards, the context card, the ask form, the compare page."""

import uuid
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from rung.ladder.models import CompanyLevel, Level
from rung.qa.models import Question, Topic
from rung.testing import PASSWORD, make_answer, make_card, make_member, make_question

pytestmark = pytest.mark.django_db

CHINESE: dict[str, Any] = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}
ENGLISH: dict[str, Any] = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()


def company_level(company: str, code: str) -> CompanyLevel:
    return CompanyLevel.objects.select_related("company", "level").get(
        company__slug=company, code=code
    )


def _page(client: Client, url: str, headers: dict[str, Any]) -> str:
    response = client.get(url, follow=True, **headers)
    assert response.status_code == 200, url
    return response.content.decode()


def _short_name(level: Level, language: str) -> str:
    with translation.override(language):
        return str(Level.objects.get(pk=level.pk).short_name)


@pytest.mark.parametrize(("headers", "language"), [(ENGLISH, "en"), (CHINESE, "zh-hans")])
def test_author_card_shows_the_company_level_with_its_rung_level(
    client: Client, headers: dict[str, str], language: str
) -> None:
    e4 = company_level("meta", "E4")
    asker = make_member("asker", company_level=e4, level=e4.level)
    p6 = company_level("alibaba", "P6")
    answerer = make_member("answerer", company_level=p6, level=p6.level)
    question = make_question(asker)
    make_answer(question, answerer)
    html = _page(client, question.get_absolute_url(), headers)
    assert f'<span translate="no">Meta E4</span> · {_short_name(e4.level, language)}' in html
    alibaba = "阿里巴巴" if language == "zh-hans" else "Alibaba"
    assert f'<span translate="no">{alibaba} P6</span> · {_short_name(p6.level, language)}' in html


def test_author_card_shows_a_typed_company_level_and_a_level_that_differs(
    client: Client,
) -> None:
    staff = Level.objects.get(slug="staff")
    typed = make_member("typed", company_level_other="Stripe L3", level=staff)
    differs = make_member("differs", company_level=company_level("google", "L4"), level=staff)
    question = make_question(typed)
    make_answer(question, differs)
    html = _page(client, question.get_absolute_url(), ENGLISH)
    assert "Stripe L3 · Staff" in html
    assert '<span translate="no">Google L4</span> · Mid-level' in html
    assert '<span class="level-pill">Staff</span>' in html


@pytest.mark.parametrize(("headers", "language"), [(ENGLISH, "en"), (CHINESE, "zh-hans")])
def test_context_card_shows_the_askers_company_level(
    client: Client, headers: dict[str, str], language: str
) -> None:
    p6 = company_level("alibaba", "P6")
    question = make_question(make_member(), card=make_card(company_level=p6))
    html = _page(client, question.get_absolute_url(), headers)
    with translation.override(language):
        name = str(Level.objects.get(pk=p6.level_id).name)
    alibaba = "阿里巴巴" if language == "zh-hans" else "Alibaba"
    assert f'<span translate="no">{alibaba} P6</span> · {name}' in html


def test_context_card_level_comes_from_the_company_level_when_left_empty() -> None:
    e5 = company_level("meta", "E5")
    question = make_question(make_member(), card=make_card(level=None, company_level=e5))
    assert question.ctx_level == e5.level
    staff = Level.objects.get(slug="staff")
    chosen = make_question(make_member(), card=make_card(level=staff, company_level=e5))
    assert chosen.ctx_level == staff


def _ask_form(**changes: Any) -> dict[str, Any]:
    return {
        "title": "How do I get from P6 to P7?",
        "body": "I own a service and want the next level.",
        "topics": [Topic.objects.get(slug="mid-level").pk],
        "submit_token": str(uuid.uuid4()),
        **changes,
    }


@pytest.fixture
def asker_client(client: Client) -> Client:
    make_member("asker")
    client.login(username="asker", password=PASSWORD)
    return client


def test_ask_form_saves_the_company_level_on_the_card(asker_client: Client) -> None:
    p6 = company_level("alibaba", "P6")
    data = _ask_form(company_level=p6.pk)
    response = asker_client.post(reverse("qa:ask"), data)
    assert response.status_code == 302
    question = Question.objects.get(title=data["title"])
    assert question.ctx_company_level == p6
    assert question.ctx_level == p6.level


@pytest.mark.parametrize("value", ["999999", "alibaba-p6", "other"])
def test_ask_form_refuses_an_unknown_company_level_with_400(
    asker_client: Client, value: str
) -> None:
    response = asker_client.post(reverse("qa:ask"), _ask_form(company_level=value))
    assert response.status_code == 400
    assert not Question.objects.exists()


# The compare page


def test_compare_page_lines_companies_up_against_rung_levels_in_english(client: Client) -> None:
    html = _page(client, reverse("qa:company_levels"), ENGLISH)
    assert "Compare company levels" in html
    for text in ("Google", "Meta", "Alibaba", "ByteDance", "E5", "P6", "2-1", "approximate"):
        assert text in html
    assert "levels.fyi" in html  # the sources are named


def test_compare_page_in_chinese_names_chinese_companies_in_chinese(client: Client) -> None:
    html = _page(client, reverse("qa:company_levels"), CHINESE)
    assert "对比各公司职级" in html
    for name in ("阿里巴巴", "腾讯", "字节跳动", "百度", "美团", "华为"):
        assert name in html
    assert "资深工程师" in html  # Alibaba P6's own title, in Chinese


def test_compare_page_shows_only_the_companies_asked_for(client: Client) -> None:
    html = _page(client, reverse("qa:company_levels") + "?company=meta&company=alibaba", ENGLISH)
    assert '<th scope="col">Meta</th>' in html
    assert '<th scope="col">Alibaba</th>' in html
    assert '<th scope="col">Google</th>' not in html


@pytest.mark.parametrize(
    "query", ["company=nope", "company=" + "x" * 500, "company=meta&company=x"]
)
def test_compare_page_names_an_unknown_company_with_400_and_shows_them_all(
    client: Client, query: str
) -> None:
    response = client.get(reverse("qa:company_levels") + "?" + query, **ENGLISH)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Rung lists no company" in html
    assert '<th scope="col">Google</th>' in html


def test_compare_page_refuses_a_nul_byte_with_400(client: Client) -> None:
    assert client.get(reverse("qa:company_levels") + "?company=%00").status_code == 400


def test_compare_page_costs_a_fixed_number_of_queries(
    client: Client, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(8):
        client.get(reverse("qa:company_levels"))


@pytest.mark.parametrize("headers", [ENGLISH, CHINESE])
def test_home_and_level_topic_pages_link_to_the_compare_page(
    client: Client, headers: dict[str, str]
) -> None:
    url = reverse("qa:company_levels")
    assert f'href="{url}"' in _page(client, reverse("home"), headers)
    assert f'href="{url}"' in _page(client, reverse("qa:topic", args=["senior"]), headers)
    assert f'href="{url}"' not in _page(
        client, reverse("qa:topic", args=["performance-reviews"]), headers
    )
