"""Widening short searches with the other words for an idea, in both languages."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.core import term_pairs
from rung.qa import services
from rung.qa.models import Question
from rung.search import expansion
from rung.search.analysis import MAX_QUERY_CHARS, parse_query
from rung.search.career_terms import CAREER_TERMS
from rung.search.expansion import MAX_ALTERNATIVES, MAX_UNITS, expand
from rung.search.selectors import search_questions
from rung.testing import make_question


def _alternatives(raw: str) -> list[set[tuple[str, ...]]]:
    widened = expand(parse_query(raw))
    assert widened is not None
    return [{alternative.terms for alternative in group} for group in widened.groups]


def test_the_dictionary_holds_enough_ideas_and_reads_the_glossary() -> None:
    assert len(CAREER_TERMS) >= 60
    assert all(pair.en and pair.zh for pair in CAREER_TERMS)
    # The glossary registers its pairs from languages' AppConfig.ready().
    assert any("晋升答辩" in pair.zh for pair in term_pairs.term_pairs())
    [group] = _alternatives("晋升答辩")
    assert ("promot", "defens") in group


def test_a_word_is_widened_both_ways() -> None:
    [group] = _alternatives("晋升")
    assert {("promot",), ("promo",), ("升职",), ("提拔",)} <= group
    [group] = _alternatives("promotion")
    assert {("晋升",), ("升职",)} <= group
    [group] = _alternatives("layoffs")
    assert {("laid", "off"), ("lay", "off"), ("裁员",), ("被裁",)} <= group


def test_forms_of_several_words_are_phrases_found_in_one_pass() -> None:
    # "burned out" typed as two words is one idea, widened to its other forms.
    [group] = _alternatives("burned out")
    assert {("burn", "out"), ("burnout",), ("burnt", "out"), ("倦怠",)} <= group
    # The longest known form wins: "return to office", not "office" alone.
    [group] = _alternatives("return to office")
    assert ("返岗",) in group
    # A word that names no idea is kept for ranking, not required.
    widened = expand(parse_query("burnout again"))
    assert widened is not None and widened.optional == (("again",),)


def test_the_typed_form_weighs_most() -> None:
    widened = expand(parse_query("倦怠"))
    assert widened is not None
    [group] = widened.groups
    assert group[0].terms == ("倦怠",) and group[0].weight == expansion.TYPED_WEIGHT
    assert all(a.weight == expansion.EXPANDED_WEIGHT for a in group[1:])


def test_long_or_unknown_queries_are_not_widened() -> None:
    assert expand(parse_query("how should I structure my week")) is None
    assert expand(parse_query("kubernetes pending pods after the cluster grew")) is None
    assert expand(parse_query("")) is None
    assert expand(parse_query("qwertyuiop")) is None


@pytest.mark.parametrize(
    "raw",
    [
        "burnout " * 200,
        "burned out " * 100,
        "晋升" * 200,
        '"laid off" ' * 60,
        "-layoff " * 100,
        "return to office " * 40,
        "a" * 5000,
    ],
)
def test_hostile_queries_stay_bounded(raw: str) -> None:
    query = parse_query(raw)
    widened = expand(query)
    if widened is not None:
        assert len(widened.groups) + len(widened.optional) <= MAX_UNITS
        assert all(len(group) <= MAX_ALTERNATIVES for group in widened.groups)
    assert len(query.raw) <= MAX_QUERY_CHARS


@pytest.fixture
def posts(alice: User) -> dict[str, Question]:
    return {
        "laid_off": make_question(
            alice,
            title="Laid off after the merger: how do I explain the gap?",
            body="Our whole platform team was let go in one afternoon.",
        ),
        "bei_cai": make_question(
            alice,
            title="被裁之后，简历上的空档期应该怎么写？",
            body="公司裁员，我们整个组都被裁了，现在开始找工作。",
        ),
        "layer": make_question(
            alice,
            title="Should I lay the groundwork before I switch teams?",
            body="I want to set it off well with my new manager.",
        ),
    }


def _titles(raw: str, **kwargs: Any) -> list[str]:
    return [hit.question.title for hit in search_questions(parse_query(raw), **kwargs).hits]


@pytest.mark.django_db
def test_widened_search_finds_both_languages_and_keeps_phrases(
    posts: dict[str, Question],
) -> None:
    found = _titles("裁员")
    assert posts["laid_off"].title in found and posts["bei_cai"].title in found
    found = _titles("layoffs")
    assert posts["laid_off"].title in found and posts["bei_cai"].title in found
    # "lay … off" apart is not "lay off": the phrase must be whole.
    assert posts["layer"].title not in _titles("layoff")
    # Sorting by newest lists the widened matches too.
    assert posts["laid_off"].title in _titles("裁员", sort="date")


@pytest.mark.django_db
def test_widened_search_never_shows_hidden_posts(
    posts: dict[str, Question], alice: User, client: Client
) -> None:
    services.question_delete(question=posts["laid_off"], actor=alice)
    assert posts["laid_off"].title not in _titles("裁员")
    html = client.get(reverse("search:search"), {"q": "被裁"}).content.decode()
    assert posts["laid_off"].get_absolute_url() not in html
    assert posts["bei_cai"].get_absolute_url() in html


@pytest.mark.django_db
def test_widened_search_honours_exclusions(posts: dict[str, Question]) -> None:
    assert posts["bei_cai"].title not in _titles("layoff -简历")


def test_quoted_phrases_count_as_units_too() -> None:
    assert expand(parse_query('"laid off" "burned out" "return to office" "on call"')) is not None
    assert expand(parse_query('"laid off" "burned out" "return to office" "on call" 晋升')) is None
    [group] = _alternatives('"laid off"')
    assert ("裁员",) in group
