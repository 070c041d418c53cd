"""Cross-lingual retrieval quality, measured on the evaluation set in evalset.py."""

import pytest

from rung.accounts.models import User
from rung.qa.models import Question
from rung.search.analysis import parse_query
from rung.search.selectors import search_questions, similar_questions
from rung.search.tests.evalset import DISTRACTORS, PAIRS
from rung.testing import make_question

pytestmark = pytest.mark.django_db

REQUIRED_RECALL = 0.9


@pytest.fixture
def indexed(alice: User) -> dict[str, tuple[Question, Question]]:
    """Post every pair in both languages and every distractor, as members would."""
    pairs = {}
    for pair in PAIRS:
        en = make_question(alice, title=pair.en.title, body=pair.en.body)
        zh = make_question(alice, title=pair.zh.title, body=pair.zh.body)
        pairs[pair.key] = (en, zh)
    for _language, distractor in DISTRACTORS:
        make_question(alice, title=distractor.title, body=distractor.body)
    return pairs


def _recall(hits: list[bool]) -> float:
    return sum(hits) / len(hits)


def test_a_question_finds_its_translation_among_similar_questions(
    indexed: dict[str, tuple[Question, Question]],
) -> None:
    """The duplicate check: a question's counterpart in the other language is in its top 3."""
    assert len(PAIRS) >= 40 and len(DISTRACTORS) >= 40
    en_to_zh = [zh in similar_questions(en, limit=3) for en, zh in indexed.values()]
    zh_to_en = [en in similar_questions(zh, limit=3) for en, zh in indexed.values()]
    print(
        f"\nsimilar questions, recall@3 over {len(PAIRS)} pairs and {len(DISTRACTORS)} "
        f"distractors: English→Chinese {_recall(en_to_zh):.3f}, "
        f"Chinese→English {_recall(zh_to_en):.3f}"
    )
    assert _recall(en_to_zh) >= REQUIRED_RECALL
    assert _recall(zh_to_en) >= REQUIRED_RECALL


def test_search_box_with_a_title_finds_the_other_language(
    indexed: dict[str, tuple[Question, Question]],
) -> None:
    """Typing a title finds its counterpart in the top 3, once the typed language is set aside.

    The title's own post matches every word, so it and its same-language neighbours are
    left out: what is measured is how well the other language is reached.
    """
    results = {}
    for direction, (source, target) in {"en→zh": (0, 1), "zh→en": (1, 0)}.items():
        hits = []
        for pair in indexed.values():
            page = search_questions(parse_query(pair[source].title), size=40)
            other = [h.question for h in page.hits if h.question.language != pair[source].language]
            hits.append(pair[target] in other[:3])
        results[direction] = _recall(hits)
    print(f"\nsearch box, title as query, recall@3 in the other language: {results}")
    assert min(results.values()) >= 0.85
