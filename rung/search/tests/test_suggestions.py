"""Suggestions while asking: the title's rarest words go to full-text, read from the
engine's own term statistics, so a title of common words costs no large AND."""

from collections.abc import Iterator

import pytest
from django.db import connection

from rung.accounts.models import User
from rung.search import fulltext, selectors
from rung.search.analysis import parse_query, query_terms
from rung.search.fulltext import term_documents
from rung.search.selectors import question_suggestions, telling_terms
from rung.testing import make_question

pytestmark = pytest.mark.django_db


def _gather_statistics() -> None:
    """Let PostgreSQL record its term statistics, as autovacuum would on a live site."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")
    fulltext._postgres_stats = None


@pytest.fixture
def posts(alice: User) -> Iterator[None]:
    for n in range(6):
        make_question(alice, title=f"Promotion case number {n}", body="Ask for feedback early.")
    make_question(
        alice, title="Kubernetes on-call burned me out", body="Promotion is not worth this."
    )
    _gather_statistics()
    yield
    fulltext._postgres_stats = None


def test_term_documents_counts_the_posts_holding_each_word(posts: None) -> None:
    [promotion] = query_terms("promotion")
    [kubernetes] = query_terms("Kubernetes")
    counts = term_documents([promotion, kubernetes, "zzzunseen"], at_most=100)
    assert counts[promotion] == pytest.approx(7, abs=1)
    assert counts[kubernetes] <= 2
    assert counts["zzzunseen"] <= 2
    assert counts[promotion] > counts[kubernetes]


def test_term_documents_ignores_prefixes_and_empty_input(posts: None) -> None:
    assert term_documents([], at_most=10) == {}
    assert term_documents(["promot*"], at_most=10) == {}


def test_term_documents_stop_counting_past_the_cap(posts: None) -> None:
    [promotion] = query_terms("promotion")
    assert term_documents([promotion], at_most=3)[promotion] == 4


def test_telling_terms_leave_out_words_many_posts_hold(
    posts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selectors, "SUGGEST_MAX_POSTS", 3)
    query = parse_query("Promotion after a Kubernetes outage 的")
    kept = [group[0] for group in telling_terms(query).required]
    [promotion] = query_terms("promotion")
    [kubernetes] = query_terms("Kubernetes")
    assert kubernetes in kept
    assert promotion not in kept
    assert not any(term.endswith("*") for term in kept)


def test_telling_terms_put_the_rarest_first(posts: None) -> None:
    query = parse_query("Promotion Kubernetes")
    [promotion] = query_terms("promotion")
    [kubernetes] = query_terms("Kubernetes")
    assert [group[0] for group in telling_terms(query).required] == [kubernetes, promotion]


def test_suggestions_find_a_rare_exact_word_without_the_model(
    posts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selectors, "_query_vector", lambda text: None)
    titles = [hit.question.title for hit in question_suggestions("Kubernetes pager fatigue")]
    assert titles == ["Kubernetes on-call burned me out"]


def test_suggestions_of_only_common_words_rely_on_meaning(
    posts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selectors, "SUGGEST_MAX_POSTS", 1)
    monkeypatch.setattr(selectors, "_query_vector", lambda text: None)
    assert question_suggestions("Promotion case feedback") == []
