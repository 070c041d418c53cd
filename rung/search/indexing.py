"""Keep the search index in step with the questions.

`question_index` runs inside the transaction of every write that changes what search
sees (asking, editing, answering, hiding, marking the most helpful answer), so the index
never shows a state that did not commit. Vectors take a few milliseconds each, so they
are computed by the task worker; the task is enqueued in the same transaction, which the
database task backend turns into an outbox: it runs only if the write committed.
"""

import itertools
import logging
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from rung.core.markdown import markdown_to_text
from rung.qa import events
from rung.qa.models import Answer, Question, Visibility
from rung.search import embeddings
from rung.search.analysis import index_terms
from rung.search.models import AnswerTerms, Embedding, SearchEntry

logger = logging.getLogger(__name__)


# A PostgreSQL tsvector must stay under 1 MB. Each term is counted as its UTF-8 bytes plus
# TERM_OVERHEAD_BYTES, the most a new lexeme adds beside its text (a 4-byte entry, a byte
# of alignment, a 2-byte position count and a 2-byte position, and slack); a repeated word
# costs far less. The body gets a quarter of the limit, which is also about where
# PostgreSQL stops recording word positions (16,383), and the title (at most 200
# characters) fits many times over in the rest.
TERM_OVERHEAD_BYTES = 10
BODY_BUDGET_BYTES = 256 * 1024
# Posts are read in chunks of this many, in the order they count toward the budget.
POSTS_PER_READ = 100


def post_terms(body: str) -> str:
    """Return the index terms of a post's Markdown body, space-separated."""
    return " ".join(index_terms(markdown_to_text(body)))


def terms_cost(terms: str) -> int:
    """Return the most that space-separated terms can add to a tsvector, in bytes."""
    if not terms:
        return 0
    return len(terms.encode()) + terms.count(" ") * (TERM_OVERHEAD_BYTES - 1) + TERM_OVERHEAD_BYTES


def _within_budget(parts: Iterable[str], budget: int = BODY_BUDGET_BYTES) -> str:
    """Join parts in order until the budget is spent; the part that crosses it is cut."""
    kept: list[str] = []
    for part in parts:
        cost = terms_cost(part)
        if cost <= budget:
            if part:
                kept.append(part)
            budget -= cost
            continue
        cut: list[str] = []
        for term in part.split(" "):
            budget -= len(term.encode()) + TERM_OVERHEAD_BYTES
            if budget < 0:
                break
            cut.append(term)
        if cut:
            kept.append(" ".join(cut))
        break
    return " ".join(kept)


def entry_for(question: Question, answers: Iterable[str] = ()) -> SearchEntry:
    """Return the index row of a visible question with the given answer bodies, unsaved."""
    question_terms = post_terms(question.body)
    return SearchEntry(
        question_id=question.pk,
        title_terms=" ".join(index_terms(question.title)),
        body_terms=_within_budget([question_terms, *map(post_terms, answers)]),
        question_terms=question_terms,
        source_edited_at=question.edited_at,
        level_id=question.ctx_level_id,
        has_helpful=question.accepted_answer_id is not None,
    )


def _budget_order(question: Question) -> list[QuerySet[Answer]]:
    """Return the visible posts in the order they count toward the budget, as querysets.

    The most helpful answer, then answers as the question page lists them (most liked,
    then oldest), then replies oldest first. Replies under a deleted, held or hidden answer
    go with it; held and hidden posts are not searchable (they wait for review).
    """
    visible = Answer.objects.filter(
        question=question, is_deleted=False, visibility=Visibility.PUBLISHED
    )
    answers = visible.filter(parent=None)
    accepted = question.accepted_answer_id
    others = answers.exclude(pk=accepted) if accepted else answers
    return [
        answers.filter(pk=accepted) if accepted else answers.none(),
        others.order_by("-like_count", "created_at", "id"),
        visible.filter(
            parent__isnull=False,
            parent__is_deleted=False,
            parent__visibility=Visibility.PUBLISHED,
        ).order_by("created_at", "id"),
    ]


def _stored_terms(question: Question, analysed: list[AnswerTerms]) -> Iterator[str]:
    """Yield each visible post's terms in budget order, analysing only new or edited posts.

    Posts are read, and stale ones analysed, only as far as the caller asks: a thread
    costs what fits in the budget, not what it holds. Fresh analyses go to `analysed`.
    """
    for rows in _budget_order(question):
        rows = rows.select_related("search_terms").only(
            "id", "edited_at", "search_terms__terms", "search_terms__edited_at"
        )
        offset = 0
        while chunk := list(rows[offset : offset + POSTS_PER_READ]):
            offset += len(chunk)
            stale = [post.pk for post in chunk if _is_stale(post)]
            bodies = dict(Answer.objects.filter(pk__in=stale).values_list("pk", "body"))
            for post in chunk:
                if post.pk in bodies:
                    terms = post_terms(bodies[post.pk])
                    analysed.append(AnswerTerms(answer=post, terms=terms, edited_at=post.edited_at))
                    yield terms
                else:
                    yield post.search_terms.terms
            if len(chunk) < POSTS_PER_READ:
                break


def _is_stale(post: Answer) -> bool:
    try:
        stored = post.search_terms
    except AnswerTerms.DoesNotExist:
        return True
    return stored.edited_at != post.edited_at


def _entry_build(question: Question, current: SearchEntry | None) -> SearchEntry:
    """Return the question's index row, analysing only what changed since `current`."""
    if (
        current is not None
        and current.question_terms is not None
        and current.source_edited_at == question.edited_at
    ):
        title_terms, question_terms = current.title_terms, current.question_terms
    else:
        title_terms = " ".join(index_terms(question.title))
        question_terms = post_terms(question.body)
    analysed: list[AnswerTerms] = []
    body_terms = _within_budget(
        itertools.chain([question_terms], _stored_terms(question, analysed))
    )
    AnswerTerms.objects.bulk_create(
        analysed,
        update_conflicts=True,
        unique_fields=["answer"],
        update_fields=["terms", "edited_at"],
    )
    return SearchEntry(
        question_id=question.pk,
        title_terms=title_terms,
        body_terms=body_terms,
        question_terms=question_terms,
        source_edited_at=question.edited_at,
        level_id=question.ctx_level_id,
        has_helpful=question.accepted_answer_id is not None,
    )


def _row(entry: SearchEntry) -> tuple[object, ...]:
    return (
        entry.title_terms,
        entry.body_terms,
        entry.question_terms,
        entry.source_edited_at,
        entry.level_id,
        entry.has_helpful,
    )


def _searchable(question: Question) -> bool:
    """Say whether search shows a question: published and not deleted, as feeds do."""
    return not question.is_deleted and question.visibility == Visibility.PUBLISHED


def question_index(question_id: int) -> None:
    """Bring one question's index row and vector in line with what is saved.

    Only posts that are new or edited since they were last analysed are analysed; the
    rest of the row is put together from stored terms, within BODY_BUDGET_BYTES.
    """
    question = Question.objects.filter(pk=question_id).first()
    if question is None or not _searchable(question):
        SearchEntry.objects.filter(question_id=question_id).delete()
        Embedding.objects.filter(question_id=question_id).delete()
        AnswerTerms.objects.filter(answer__question_id=question_id).delete()
        return
    current = SearchEntry.objects.filter(question_id=question.pk).first()
    entry = _entry_build(question, current)
    if current is None:
        entry.save(force_insert=True)
    elif _row(entry) != _row(current):
        # An answer that falls outside the budget changes nothing: no write, no reindexing.
        entry.save(force_update=True)
    text_hash = embeddings.text_hash(embeddings.question_text(question.title, question.body))
    stale = not Embedding.objects.filter(question_id=question.pk, text_hash=text_hash).exists()
    if stale:
        from rung.search.tasks import embed_questions

        embed_questions.enqueue([question.pk])


def embeddings_update(question_ids: Sequence[int]) -> int:
    """Compute and store vectors for the given questions whose text changed."""
    # Visibility is checked in Python: see selectors._load_questions for SQLite's plan.
    found = Question.objects.filter(pk__in=question_ids).only(
        "title", "body", "is_deleted", "visibility"
    )
    questions = [question for question in found if _searchable(question)]
    current = dict(
        Embedding.objects.filter(question_id__in=[q.pk for q in questions]).values_list(
            "question_id", "text_hash"
        )
    )
    todo: list[tuple[Question, str, str]] = []
    for question in questions:
        text = embeddings.question_text(question.title, question.body)
        digest = embeddings.text_hash(text)
        if current.get(question.pk) != digest:
            todo.append((question, text, digest))
    if not todo:
        return 0
    vectors = embeddings.embed_texts([text for _q, text, _d in todo])
    now = timezone.now()
    rows = [
        Embedding(
            question_id=question.pk,
            vector=embeddings.quantize(vector),
            model=embeddings.MODEL_NAME,
            text_hash=digest,
            updated_at=now,
        )
        for (question, _text, digest), vector in zip(todo, vectors, strict=True)
    ]
    Embedding.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["question"],
        update_fields=["vector", "model", "text_hash", "updated_at"],
    )
    return len(rows)


def embeddings_since(moment: datetime | None) -> int:
    """Return how many vectors were written after a moment (all of them for None)."""
    rows = Embedding.objects.all()
    return rows.filter(updated_at__gt=moment).count() if moment else rows.count()


def index_rebuild(*, batch: int = 500, missing_only: bool = False) -> int:
    """Rewrite the index rows of every visible question; return how many were written.

    A full rebuild analyses every counted post again, so a change to the analyser reaches
    them all; `missing_only` writes the questions that have no row, reusing stored terms.
    """
    written = 0
    visible = Question.objects.filter(is_deleted=False, visibility=Visibility.PUBLISHED).order_by(
        "pk"
    )
    if missing_only:
        visible = visible.exclude(pk__in=SearchEntry.objects.values("question_id"))
    else:
        SearchEntry.objects.exclude(
            question__is_deleted=False, question__visibility=Visibility.PUBLISHED
        ).delete()
        AnswerTerms.objects.all().delete()
    last = 0
    while True:
        questions = list(visible.filter(pk__gt=last)[:batch])
        if not questions:
            return written
        with transaction.atomic():
            SearchEntry.objects.filter(question_id__in=[q.pk for q in questions]).delete()
            for question in questions:
                _entry_build(question, None).save(force_insert=True)
        written += len(questions)
        last = questions[-1].pk


def embeddings_rebuild(*, batch: int = 256) -> int:
    """Compute every missing or stale vector in this process; return how many were stored."""
    stored = 0
    last = 0
    ids = (
        Question.objects.filter(is_deleted=False, visibility=Visibility.PUBLISHED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    while True:
        chunk = list(ids.filter(pk__gt=last)[:batch])
        if not chunk:
            return stored
        stored += embeddings_update(chunk)
        last = chunk[-1]


def _on_post_event(event: events.PostEvent) -> None:
    question_index(event.question_id)


def subscribe() -> None:
    """Keep the index in step with every write that changes what search sees.

    Inside the writing transaction, so the index never shows a state that did not commit.
    """
    for event_type in (
        events.QuestionAsked,
        events.QuestionEdited,
        events.QuestionDeleted,
        events.AnswerPosted,
        events.AnswerEdited,
        events.AnswerDeleted,
        events.HelpfulMarked,
        # Held and hidden posts leave the index; published again, they come back.
        events.PostVisibilityChanged,
    ):
        events.subscribe(event_type, _on_post_event, in_transaction=True)
