"""Whatever is typed into search gives a result or a clear message, never an error."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rung.accounts.models import User
from rung.core.languages import HAN
from rung.search import selectors
from rung.search.analysis import MAX_QUERY_TERMS, PREFIX, parse_query
from rung.search.expansion import expand
from rung.search.forms import SearchForm
from rung.search.fulltext import (
    expanded_matches,
    fts5_expression,
    fulltext_matches,
    tsquery_expression,
)
from rung.testing import make_question, naughty_strings
from rung.testing.corpora import sample

SYNTAX = ['"', "*", "(", ")", ":", "NEAR", "OR", "AND", "NOT", "-", "^", "'", "\\", "{", "}"]
# Text built from search-engine syntax, words in both languages, and any character at all.
typed = st.lists(
    st.one_of(
        st.sampled_from(SYNTAX),
        st.sampled_from(
            ["salary", "晋升", "senior engineer", "薪", "Kubernetes集群", " ", "laid off", "倦怠"]
        ),
        st.text(max_size=12),
    ),
    max_size=30,
).map("".join)


def test_every_han_character_is_a_letter_and_unassigned_code_points_make_no_term() -> None:
    han = re.compile(f"[{HAN}]")
    assert all(chr(c).isalnum() for c in range(0x3000, 0xFB00) if han.match(chr(c)))
    for gap in ("\ufa6e", "\ufada", "\ufaff", "薪\ufada"):
        query = parse_query(gap, prefix_last=True)
        assert all(
            ch.isalnum() for group in query.required for term in group for ch in term.rstrip("*")
        )


@given(typed)
@settings(max_examples=400, deadline=None)
def test_parser_accepts_anything_and_emits_only_plain_terms(raw: str) -> None:
    query = parse_query(raw, prefix_last=True)
    assert len(query.required) <= MAX_QUERY_TERMS
    for term in (*(t for group in query.required for t in group), *query.excluded):
        word = term.removesuffix(PREFIX)
        assert word, "empty terms would match nothing or everything"
        assert all(ch.isalnum() for ch in word), term
    # The compiled expressions quote every term, so syntax characters never leak in.
    if not query.is_empty:
        assert '""' not in fts5_expression(query)
        assert tsquery_expression(query).count("'") % 2 == 0


@given(typed)
@settings(max_examples=200, deadline=None)
def test_parsing_is_stable(raw: str) -> None:
    assert parse_query(raw) == parse_query(raw)


@pytest.mark.django_db
@given(typed)
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_database_accepts_every_parsed_query(raw: str) -> None:
    """FTS5 and tsquery both take whatever the parser produces (the suite runs on both)."""
    fulltext_matches(parse_query(raw, prefix_last=True), limit=5)
    fulltext_matches(parse_query(raw), limit=5, any_term=True)
    # A short query is also run widened, with the other forms of the ideas it names.
    widened = expand(parse_query(raw, prefix_last=True))
    if widened is not None:
        expanded_matches(widened, limit=5)


HOSTILE = [
    "",
    "   ",
    "x" * 10_000,
    "晋升 " * 3000,
    "?!.,;:'\"",
    '"',
    '"unmatched quote',
    'unmatched quote"',
    '" * ( ) : NEAR OR -',
    "NEAR(a b, 3)",
    "a OR b AND NOT c",
    "title:salary",
    "-",
    "-salary",
    "--salary",
    "salary*",
    "*",
    "'; DROP TABLE qa_question; --",
    "1' OR '1'='1",
    "\x00salary",
    "<script>alert(1)</script>",
    "😀 🎉",
    "ｓａｌａｒｙ",
]


@pytest.mark.django_db
@pytest.mark.parametrize("raw", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_query_gets_a_page(raw: str, client: Client, alice: User) -> None:
    make_question(alice, title="Is my salary fair?", body="Asking for a raise.")
    response = client.get(reverse("search:search"), {"q": raw})
    assert response.status_code == 200
    assert b"<script>alert(1)" not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"q": "salary", "topic": "no-such-topic"},
        {"q": "salary", "level": "999"},
        {"q": "salary", "after": "not-a-cursor"},
        {"q": "salary", "sort": "date", "after": "99999999999999999999999"},
        {"q": "salary", "after": "nan_1"},
        {"q": "salary", "after": "1e999_1"},
    ],
)
def test_bad_filters_get_a_clear_400(params: dict[str, str], client: Client) -> None:
    response = client.get(reverse("search:search"), params)
    assert response.status_code == 400
    assert b'role="alert"' in response.content


@pytest.mark.django_db
def test_unknown_sort_is_refused_with_400(client: Client) -> None:
    assert client.get(reverse("search:search"), {"q": "x", "sort": "bogus"}).status_code == 400


@pytest.mark.django_db
def test_naughty_strings_search_cleanly(client: Client, alice: User) -> None:
    """Every naughty string runs through the form, the parser and the database; a sample of
    them also goes through HTTP, to the rendered page."""
    make_question(alice, title="Is my salary fair?", body="Asking for a raise.")
    lines = naughty_strings()
    for line in lines:
        form = SearchForm({"q": line})
        assert form.is_valid(), (line, form.errors)
        data = form.cleaned_data
        selectors.search_questions(
            parse_query(data["q"]), filters=form.filters, sort=data["sort"], after=None
        )
    failures = []
    for line in sample(lines, 40):
        status = client.get(reverse("search:search"), {"q": line}).status_code
        if status != 200:
            failures.append((line, status))
    assert failures == []


def test_wrong_method_is_refused(client: Client) -> None:
    assert client.post(reverse("search:search"), {"q": "x"}).status_code == 405
