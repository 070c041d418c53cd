"""Tests for the glossary page and for definitions on question pages."""

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.languages.glossary import QUERY_MAX_CHARS, TERMS
from rung.qa.models import Question
from rung.testing import make_answer, make_question

URL = "/glossary/"
CHINESE = {"Accept-Language": "zh-Hans,zh;q=0.9"}
ENTRY_IDS = re.compile(r'<div class="glossary-entry" id="([a-z0-9-]+)">')


def page(client: Client, query: str | None = None, headers: dict[str, str] | None = None) -> str:
    response = client.get(URL, {"q": query} if query is not None else {}, headers=headers)
    assert response.status_code == 200
    return response.content.decode()


def entry(html: str, slug: str) -> str:
    start = html.index(f'<div class="glossary-entry" id="{slug}">')
    return html[start : html.index("</div>", start)]


def test_glossary_address() -> None:
    assert reverse("languages:glossary") == URL


def test_page_lists_every_term_in_both_languages_with_an_anchor(client: Client) -> None:
    html = page(client)
    assert ENTRY_IDS.findall(html) == [term.slug for term in sorted(TERMS, key=_theme_order)]
    for term in TERMS:
        block = entry(html, term.slug)
        assert f'href="#{term.slug}"' in block
        for text in (term.en, term.zh, term.en_definition, term.zh_definition):
            assert _escaped(text) in block, (term.slug, text)


def test_every_id_on_the_page_is_unique_and_every_theme_link_lands(client: Client) -> None:
    html = page(client)
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    for target in re.findall(r'href="#(theme-[a-z]+)"', html):
        assert target in ids


def test_english_readers_get_english_first_and_chinese_below(client: Client) -> None:
    block = entry(page(client), "calibration")
    assert block.index("calibration</dfn>") < block.index(">校准<")
    assert block.index("A meeting where managers") < block.index("各团队经理")
    assert '<p class="glossary-other" lang="zh-Hans">各团队经理' in block


def test_chinese_readers_get_chinese_first_and_english_below(client: Client) -> None:
    html = page(client, headers=CHINESE)
    block = entry(html, "calibration")
    assert '<dfn lang="zh-Hans">校准</dfn>' in block
    assert block.index("各团队经理") < block.index("A meeting where managers")
    assert '<p class="glossary-other" lang="en">A meeting' in block
    assert '<html lang="zh-hans">' in html


@pytest.mark.parametrize(
    ("query", "expected", "absent"),
    [
        ("calibration", "calibration", "severance"),
        ("CALIBRATION", "calibration", "severance"),
        ("晋升", "promotion", "severance"),
        ("pip", "performance-improvement-plan", "level"),
        ("  performance   improvement ", "performance-improvement-plan", "severance"),
        ("N+1", "severance", "promotion"),
    ],
)
def test_filter_finds_terms_by_any_name_or_definition_without_javascript(
    client: Client, query: str, expected: str, absent: str
) -> None:
    html = page(client, query)
    slugs = ENTRY_IDS.findall(html)
    assert expected in slugs
    assert absent not in slugs
    assert len(slugs) < len(TERMS)
    assert 'role="status"' in html
    assert f'href="{URL}"' in html  # a way back to every term


def test_filter_form_is_a_plain_get_form_that_keeps_the_query(client: Client) -> None:
    html = page(client, "晋升")
    form = html[html.index('<form class="glossary-filter"') :]
    form = form[: form.index("</form>")]
    assert 'method="get"' in form
    assert f'action="{URL}"' in form
    assert 'name="q" value="晋升"' in form
    assert "hx-" not in form


def test_filter_with_no_match_says_so(client: Client) -> None:
    html = page(client, "zzzz-no-such-term")
    assert ENTRY_IDS.findall(html) == []
    assert "No term matches that." in html


@pytest.mark.parametrize(
    "query",
    ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "a\x00b", "x" * 10_000],
)
def test_hostile_or_huge_queries_are_answered_safely(client: Client, query: str) -> None:
    html = page(client, query)
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    value = re.search(r'name="q" value="([^"]*)"', html)
    assert value
    assert len(value.group(1)) <= QUERY_MAX_CHARS * 6  # escaped, at most "&quot;" per char
    assert "\x00" not in html


def test_a_long_query_is_cut_to_the_limit_rather_than_refused(client: Client) -> None:
    html = page(client, "calibration" + "x" * 10_000)
    assert f'name="q" value="calibration{"x" * (QUERY_MAX_CHARS - 11)}"' in html
    assert "No term matches that." in html


def test_page_needs_no_database(client: Client) -> None:
    """Without the `db` fixture, pytest-django fails any query this request would make."""
    assert "calibration" in ENTRY_IDS.findall(page(client, "calibration"))


def test_page_answers_only_reads(client: Client) -> None:
    assert client.post(URL, {"q": "calibration"}).status_code == 405


@pytest.mark.django_db
def test_every_page_links_to_the_glossary(client: Client) -> None:
    assert f'href="{URL}"' in client.get("/").content.decode()


# Definitions on question pages ---------------------------------------------------------------


@pytest.fixture
def discussed(alice: User, bob: User, charlie: User) -> Question:
    question = make_question(
        alice,
        title="How do I prepare for calibration?",
        body="My calibration is next month and I worry about my performance review.\n\n"
        "`calibration` in code stays as it is.",
    )
    answer = make_answer(question, bob, body="Keep a brag document. 晋升材料要早准备。")
    make_answer(question, charlie, body="A sponsor helps too.", parent=answer)
    return question


def _terms_on(html: str) -> list[str]:
    return re.findall(
        r'class="glossary-term" href="/glossary/#[a-z0-9-]+" title="[^"]+" data-term="([^"]+)"',
        html,
    )


@pytest.mark.django_db
def test_question_page_shows_definitions_in_body_answers_and_replies(
    client: Client, discussed: Question
) -> None:
    html = client.get(discussed.get_absolute_url()).content.decode()
    assert _terms_on(html) == [
        "calibration",
        "performance-review",
        "brag-document",
        "promotion-packet",
        "sponsor",
    ]
    assert 'title="calibration (校准): A meeting where managers compare ratings' in html
    assert '<h1 lang="en">How do I prepare for calibration?</h1>' in html
    assert "<code>calibration</code>" in html


@pytest.mark.django_db
def test_definitions_follow_the_readers_language_through_the_cache(
    client: Client, discussed: Question, alice: User
) -> None:
    url = discussed.get_absolute_url()
    english = client.get(url).content.decode()
    chinese = Client().get(url, headers=CHINESE).content.decode()
    english_again = client.get(url).content.decode()
    assert "A meeting where managers compare ratings" in english
    assert 'title="校准（calibration）：各团队经理' in chinese
    assert "A meeting where managers compare ratings" not in chinese
    assert english_again.count("glossary-term") == english.count("glossary-term")
    member = Client()
    member.force_login(alice)
    assert 'data-term="sponsor"' in member.get(url).content.decode()


def _theme_order(term: Any) -> int:
    from rung.languages.glossary import THEMES

    return [theme.slug for theme in THEMES].index(term.theme)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("'", "&#x27;").replace('"', "&quot;")
