"""Answers are analysed once each, and a question's index row stays within its budget."""

import random
import string
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from django.db import connection

from rung.accounts.models import User
from rung.qa import services
from rung.qa.models import Answer, Question
from rung.search import indexing
from rung.search.analysis import parse_query
from rung.search.fulltext import fulltext_matches
from rung.search.models import AnswerTerms, SearchEntry
from rung.testing import bulk_answers, make_answer, make_member, make_question

pytestmark = pytest.mark.django_db

# About 25,000 characters of plain advice: a long answer, 4,000-odd index terms.
LONG_BODY = " ".join(
    f"Paragraph {n}: keep a brag document, ask for the criteria in writing, and find a "
    "sponsor who can speak for your work when calibration comes around each half."
    for n in range(160)
)


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Record every text the indexer hands to the analyser."""
    texts: list[str] = []
    real = indexing.index_terms

    def recording(text: str) -> list[str]:
        texts.append(text)
        return real(text)

    monkeypatch.setattr(indexing, "index_terms", recording)
    yield texts


def _finds(question: Question, words: str) -> bool:
    return question.pk in {qid for qid, _score in fulltext_matches(parse_query(words))}


def _entry(question: Question) -> SearchEntry:
    return SearchEntry.objects.get(question=question)


def _long_thread(alice: User, answers: int) -> Question:
    question = make_question(alice, title="How do I make my impact visible?")
    authors = [make_member() for _ in range(4)]
    bulk_answers(question, authors, answers, body=LONG_BODY)
    indexing.question_index(question.pk)
    return question


def test_answering_a_thread_analyses_only_the_new_answer(
    alice: User, bob: User, analysed: list[str]
) -> None:
    question = _long_thread(alice, 2)
    analysed.clear()
    make_answer(question, bob, body="Volunteer for the incident review nobody wants.")
    assert analysed == ["Volunteer for the incident review nobody wants."]
    assert _finds(question, "incident review")
    assert _finds(question, "sponsor calibration")


def test_answering_a_long_thread_analyses_no_old_answer_and_keeps_the_row_bounded(
    alice: User, bob: User, analysed: list[str]
) -> None:
    """80 long answers: the new one falls outside the budget, so nothing is analysed."""
    question = _long_thread(alice, 80)
    size = indexing.terms_cost(_entry(question).body_terms)
    analysed.clear()
    make_answer(question, bob, body="Volunteer for the incident review nobody wants.")
    assert analysed == []
    body = _entry(question).body_terms
    assert indexing.terms_cost(body) <= indexing.BODY_BUDGET_BYTES
    assert indexing.terms_cost(body) == size
    # The question's own words and the first answers are what the budget holds.
    assert _finds(question, "impact visible") and _finds(question, "brag document")


def test_editing_an_answer_reanalyses_that_answer_alone(
    alice: User, bob: User, analysed: list[str]
) -> None:
    question = make_question(alice)
    answers = [
        make_answer(question, bob, body=f"Answer number {n} about mentoring.") for n in range(5)
    ]
    analysed.clear()
    services.answer_edit(answer=answers[2], editor=bob, body="Rotate the on-call lead role.")
    assert analysed == ["Rotate the on-call lead role."]
    assert _finds(question, "rotate on-call")
    assert not _finds(question, "number 2")
    assert _finds(question, "number 4")


def test_deleting_an_answer_or_a_thread_takes_its_words_out(alice: User, bob: User) -> None:
    question = make_question(alice)
    answer = make_answer(question, bob, body="Shadow a staff engineer for a quarter.")
    reply = make_answer(question, alice, parent=answer, body="Which quarter suits appraisal?")
    assert _finds(question, "shadow") and _finds(question, "appraisal")
    services.answer_delete(answer=answer, actor=bob)
    assert not _finds(question, "shadow")
    # A reply under a hidden answer is hidden with it.
    assert not _finds(question, "appraisal")
    assert Answer.objects.get(pk=reply.pk).is_deleted is False


def test_marking_a_late_answer_most_helpful_brings_its_words_into_the_index(
    alice: User, bob: User, analysed: list[str]
) -> None:
    """The most helpful answer counts first, so it is indexed even on an overfull thread."""
    question = _long_thread(alice, 20)
    late = make_answer(question, bob, body="Negotiate a rotation into the platform team.")
    assert not _finds(question, "platform rotation")
    services.answer_mark_helpful(question=question, answer=late, actor=alice)
    assert _finds(question, "platform rotation")
    assert AnswerTerms.objects.filter(answer=late).exists()


def _spam(rng: random.Random) -> str:
    words = (
        "".join(rng.choices(string.ascii_lowercase, k=rng.randint(6, 12))) for _ in range(3000)
    )
    return " ".join(words)


def test_a_thread_of_spam_never_stops_members_posting(alice: User, bob: User) -> None:
    """Distinct random words overflowed PostgreSQL's 1 MB tsvector and failed every post."""
    question = make_question(alice, title="Is a staff title worth a team change?")
    rng = random.Random(7)
    authors = [make_member() for _ in range(3)]
    for _ in range(30):
        bulk_answers(question, authors, 1, body=_spam(rng))
    make_answer(question, bob, body="Ask what the staff scope would be first.")
    entry = _entry(question)
    assert indexing.terms_cost(entry.body_terms) <= indexing.BODY_BUDGET_BYTES
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_column_size(tsv) FROM search_searchentry WHERE question_id = %s",
                [question.pk],
            )
            assert cursor.fetchone()[0] < 1_048_575
    assert _finds(question, "staff title")


def test_rebuild_analyses_every_answer_again(alice: User, bob: User) -> None:
    question = make_question(alice)
    answer = make_answer(question, bob, body="Write the design doc before the meeting.")
    AnswerTerms.objects.filter(answer=answer).update(terms="stale")
    SearchEntry.objects.filter(question=question).update(body_terms="stale", question_terms="x")
    call_command("search_rebuild", "--no-vectors", verbosity=0)
    assert AnswerTerms.objects.get(answer=answer).terms == "write the design doc befor the meet"
    assert _finds(question, "design doc") and _finds(question, "grow senior")
    assert not _finds(question, "stale")


def test_rebuild_of_missing_rows_reuses_stored_terms(
    alice: User, bob: User, analysed: list[str]
) -> None:
    question = make_question(alice)
    make_answer(question, bob, body="Pair with the tech lead on the roadmap.")
    SearchEntry.objects.filter(question=question).delete()
    analysed.clear()
    call_command("search_rebuild", "--missing", "--no-vectors", verbosity=0)
    assert analysed == [
        question.title,
        "I lead small features. What should I change to show ownership?",
    ]
    assert _finds(question, "roadmap")


def test_hiding_a_question_removes_its_answers_terms(alice: User, bob: User) -> None:
    question = make_question(alice)
    make_answer(question, bob)
    assert AnswerTerms.objects.filter(answer__question=question).exists()
    services.question_delete(question=question, actor=alice)
    assert not AnswerTerms.objects.filter(answer__question=question).exists()


def test_budget_cuts_the_part_that_crosses_it_and_stops() -> None:
    parts = ["aaaa bbbb", "cccc dddd eeee", "ffff"]
    # Each four-letter term counts 4 + 10 bytes.
    assert indexing._within_budget(parts, budget=14 * 3) == "aaaa bbbb cccc"
    assert indexing._within_budget(parts, budget=14 * 6) == "aaaa bbbb cccc dddd eeee ffff"
    assert indexing._within_budget(parts, budget=13) == ""
    assert all(indexing.terms_cost(" ".join(["x" * 4] * n)) == 14 * n for n in range(1, 5))
