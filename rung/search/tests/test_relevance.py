"""Scoring the candidates from their stored terms: BM25 with title weight and an idf
estimated from how far back a phrase's newest matches reach."""

import pytest

from rung.accounts.models import User
from rung.search import relevance
from rung.search.analysis import parse_query
from rung.search.fulltext import fulltext_matches
from rung.testing import make_question


def test_occurrences_count_words_phrases_and_prefixes() -> None:
    terms = ["how", "do", "i", "get", "promot", "to", "senior", "promot"]
    assert relevance.occurrences(terms, ("promot",)) == 2
    assert relevance.occurrences(terms, ("get", "promot")) == 1
    assert relevance.occurrences(terms, ("promot", "get")) == 0
    assert relevance.occurrences(terms, ("sen*",)) == 1
    assert relevance.occurrences(terms, ()) == 0
    assert relevance.occurrences([], ("promot",)) == 0


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
