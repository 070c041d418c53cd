"""Scoring the candidates from their stored terms: BM25 with title weight and an idf
estimated from how far back a phrase's newest matches reach."""

from collections.abc import Callable, Sequence

import pytest
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.search import relevance
from rung.search.analysis import MAX_QUERY_CHARS, parse_query
from rung.search.fulltext import fulltext_matches
from rung.search.selectors import _contains_run
from rung.testing import cpu_seconds, make_question


def test_occurrences_count_words_phrases_and_prefixes() -> None:
    terms = ["how", "do", "i", "get", "promot", "to", "senior", "promot"]
    assert relevance.occurrences(terms, ("promot",)) == 2
    assert relevance.occurrences(terms, ("get", "promot")) == 1
    assert relevance.occurrences(terms, ("promot", "get")) == 0
    assert relevance.occurrences(terms, ("sen*",)) == 1
    assert relevance.occurrences(terms, ()) == 0
    assert relevance.occurrences([], ("promot",)) == 0


def test_a_phrase_longer_than_the_terms_occurs_nowhere() -> None:
    assert relevance.occurrences(["promot", "advic"], ("promot", "advic", "senior")) == 0
    assert relevance.occurrences(["a"], ("a", "a")) == 0


def test_overlapping_phrases_each_count() -> None:
    assert relevance.occurrences(["a"] * 5, ("a", "a")) == 4
    assert relevance.occurrences(["ab", "ab", "ab"], ("a*", "ab")) == 2


def longest_phrase() -> tuple[str, ...]:
    """Return the longest quoted phrase a search accepts: "a a … a b"."""
    words = (MAX_QUERY_CHARS - 4) // 2
    group = parse_query('"' + "a " * words + 'b"').required[0]
    assert len(group) == words + 1
    return group


@pytest.mark.parametrize("count", [relevance.occurrences, _contains_run])
def test_counting_a_phrase_costs_the_same_however_many_words_it_has(
    count: Callable[[Sequence[str], list[str]], object],
) -> None:
    """15,000 "a" against a quoted phrase of 200 (the most a search holds) took 0.2 s, eight
    times as long as against 25 words, and a search scores 100 candidates."""
    terms = ["a"] * 15_000
    longest = list(longest_phrase())
    short = cpu_seconds(lambda phrase: count(terms, phrase), longest[-25:])
    long = cpu_seconds(lambda phrase: count(terms, phrase), longest)
    assert long < 2 * short + 0.02, f"25 words: {short * 1000:.1f} ms, 200: {long * 1000:.1f} ms"


@pytest.mark.django_db
def test_quoted_phrase_longer_than_a_matching_title_is_searched(
    client: Client, alice: User
) -> None:
    """The title's terms ran out while comparing the phrase, and the search failed with 500."""
    post = make_question(
        alice, title="Promotion advice", body="Promotion advice for senior engineers, please."
    )
    response = client.get(reverse("search:search"), {"q": '"promotion advice for senior"'})
    assert response.status_code == 200
    assert post.get_absolute_url() in response.content.decode()


def test_a_title_hit_outweighs_a_body_hit() -> None:
    group = [("salari",)]
    in_title = relevance.bm25(group, [1.0], ["salari"], ["pay"] * 9, 10)
    in_body = relevance.bm25(group, [1.0], ["pay"], ["salari"] + ["pay"] * 8, 10)
    assert in_title > in_body > 0


def test_more_hits_score_higher_and_saturate() -> None:
    group = [("mentor",)]
    scores = [relevance.bm25(group, [1.0], [], ["mentor"] * n + ["x"] * 20, 21) for n in (1, 2, 8)]
    assert scores[0] < scores[1] < scores[2]
    assert scores[2] - scores[1] < (scores[1] - scores[0]) * 6


def test_a_longer_post_scores_lower_for_the_same_hits() -> None:
    group = [("mentor",)]
    short = relevance.bm25(group, [1.0], [], ["mentor"] * 2 + ["x"] * 8, 30)
    long = relevance.bm25(group, [1.0], [], ["mentor"] * 2 + ["x"] * 80, 30)
    assert short > long


def test_a_rare_phrase_weighs_more_than_a_common_one() -> None:
    assert relevance.idf(10, 1_000_000) > relevance.idf(150_000, 1_000_000) > 0
    assert relevance.idf(999_999, 1_000_000) > 0


def test_document_estimate_follows_the_density_of_the_newest_matches() -> None:
    # 200 matches among the newest 2,000 ids of 1,000,000: one post in ten.
    assert relevance.estimated_documents(200, 1_000_000, 998_001) == pytest.approx(100_000)
    # Every post matches: never more than all of them.
    assert relevance.estimated_documents(200, 1_000, 801) == pytest.approx(1_000)


@pytest.mark.django_db
def test_full_text_ranks_a_title_match_above_a_body_match(alice: User) -> None:
    body_only = make_question(
        alice, title="Changing teams after a reorg", body="Is a sabbatical year worth it?"
    )
    in_title = make_question(
        alice, title="Taking a sabbatical as a senior engineer", body="Would it hurt my career?"
    )
    scores = dict(fulltext_matches(parse_query("sabbatical")))
    assert scores[in_title.pk] > scores[body_only.pk]


@pytest.mark.django_db
def test_full_text_ranks_a_post_with_both_words_first(alice: User) -> None:
    both = make_question(alice, title="Mentorship after a promotion", body="Where to start?")
    one = make_question(alice, title="Promotion timeline questions", body="How long is normal?")
    scores = dict(fulltext_matches(parse_query("mentorship promotion"), any_term=True))
    assert scores[both.pk] > scores[one.pk]
