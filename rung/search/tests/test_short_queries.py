"""Short queries across languages: a few words in one language find the other's posts.

Measured on the demo content. The held-out set (shortq_eval.py) gives the figures in
docs/search.md; the tuning set (shortq_tuning.py) is what the weights were chosen on.
"""

from collections import defaultdict

import pytest
from django.core.management import call_command

from rung.qa.models import Question
from rung.search.analysis import parse_query
from rung.search.selectors import search_questions
from rung.search.tests import shortq_eval, shortq_tuning
from rung.search.tests.shortq_eval import ShortQuery

pytestmark = pytest.mark.django_db

REQUIRED_RECALL = 0.8
# The held-out set is not tuned on, so its floor sits just under its measured figures
# (docs/search.md): a fall below it is a regression, not a target to fit.
HELD_OUT_FLOOR = 0.75


@pytest.fixture
def demo() -> dict[str, Question]:
    call_command("demo_content")
    return {question.title: question for question in Question.objects.all()}


def _question(demo: dict[str, Question], fragment: str) -> Question:
    found = [question for title, question in demo.items() if fragment in title]
    assert len(found) == 1, f"{fragment!r} names {len(found)} demo questions"
    return found[0]


def _top(query: str, source_language: str, count: int = 3) -> list[Question]:
    """Return the first results of a search that are not in the query's own language."""
    hits = search_questions(parse_query(query), size=40).hits
    return [h.question for h in hits if h.question.language != source_language][:count]


def _language(direction: str) -> str:
    return "zh-hans" if direction.startswith("zh") else "en"


def _recall(demo: dict[str, Question], queries: tuple[ShortQuery, ...]) -> dict[str, float]:
    """Return recall@3 per direction: the share of each query's relevant questions (at
    most 3) among its first 3 results in the other language, averaged over the queries."""
    scores: dict[str, list[float]] = defaultdict(list)
    misses = []
    for item in queries:
        relevant = {_question(demo, fragment) for fragment in item.relevant}
        top = _top(item.query, _language(item.direction))
        found = len(relevant & set(top))
        scores[item.direction].append(found / min(3, len(relevant)))
        if found < min(3, len(relevant)):
            misses.append(f"{item.query}: {[q.title[:40] for q in top]}")
    print("\n" + "\n".join(misses))
    return {direction: sum(values) / len(values) for direction, values in scores.items()}


def test_the_sets_are_large_enough_and_apart() -> None:
    held_out = shortq_eval.QUERIES
    for direction in ("zh→en", "en→zh"):
        assert sum(1 for q in held_out if q.direction == direction) >= 30
    assert all(1 <= len(parse_query(q.query).required) <= 4 for q in held_out)
    typed = {q.query.casefold() for q in held_out}
    assert not typed & {q.query.casefold() for q in shortq_tuning.QUERIES}


def test_held_out_short_queries_find_the_other_language(demo: dict[str, Question]) -> None:
    recall = _recall(demo, shortq_eval.QUERIES)
    print(f"short queries, held-out set, recall@3 in the other language: {recall}")
    assert min(recall.values()) >= HELD_OUT_FLOOR


def test_tuning_short_queries_find_the_other_language(demo: dict[str, Question]) -> None:
    recall = _recall(demo, shortq_tuning.QUERIES)
    print(f"short queries, tuning set, recall@3 in the other language: {recall}")
    assert min(recall.values()) >= REQUIRED_RECALL


def _titles(query: str) -> list[str]:
    return [hit.question.title for hit in search_questions(parse_query(query)).hits]


def _questions(demo: dict[str, Question], fragments: tuple[str, ...]) -> set[Question]:
    return {_question(demo, fragment) for fragment in fragments}


def test_chinese_words_find_the_english_questions(demo: dict[str, Question]) -> None:
    """The searches from the report: each found only Chinese posts, or nothing."""
    promotion = _questions(demo, shortq_eval.PROMOTION_EN)
    for query in ("晋升", "升职"):
        english = _top(query, "zh-hans")
        assert len(promotion & set(english)) >= 2, (query, english)
    burnout = _question(demo, shortq_eval.BURNOUT_EN[0])
    assert burnout in _top("倦怠", "zh-hans")
    # Any of the layoff questions will do, but the first two English results are ones.
    layoffs = _questions(demo, shortq_eval.LAYOFFS_EN)
    assert set(_top("裁员", "zh-hans", 2)) <= layoffs
    # "burnout" finds "Burned out after…": the forms of one idea fold together.
    assert burnout.title in _titles("burnout")[:3]


def test_english_words_find_the_chinese_questions(demo: dict[str, Question]) -> None:
    burnout = _questions(demo, shortq_eval.BURNOUT_ZH)
    for query in ("burnout", "burned out"):
        assert _top(query, "en")[0] in burnout, query
    assert _top("overtime", "en")[0] in _questions(demo, shortq_eval.OVERTIME_ALL_ZH)
    defense = _questions(demo, shortq_eval.DEFENSE_ZH)
    assert _top("promotion defense", "en")[0] in defense
    assert _question(demo, shortq_eval.HOP_ZH[0]) in _top("job hopping", "en")


def test_exact_matches_stay_first(demo: dict[str, Question]) -> None:
    """A post holding the typed word ranks above those found through another form of it."""
    page = search_questions(parse_query("晋升"), size=40)
    exact = [hit for hit in page.hits if hit.by_text]
    assert exact and page.hits[: len(exact)] == exact
    assert all(hit.question.language == "zh-hans" for hit in exact)
    # Found only through another word: shown as found by meaning.
    assert any(hit.by_meaning and hit.question.language == "en" for hit in page.hits)
