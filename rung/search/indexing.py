"""Keep the search index in step with the questions.

`question_index` runs inside the transaction of every write that changes what search
sees (asking, editing, answering, hiding, marking the most helpful answer), so the index
never shows a state that did not commit. Vectors take a few milliseconds each, so they
are computed by the task worker; the task is enqueued in the same transaction, which the
database task backend turns into an outbox: it runs only if the write committed.
"""

import logging
from collections.abc import Iterable, Sequence
from datetime import datetime

from django.utils import timezone

from rung.core.markdown import markdown_to_text
from rung.qa.models import Answer, Question
from rung.search import embeddings
from rung.search.analysis import index_terms
from rung.search.models import Embedding, SearchEntry

logger = logging.getLogger(__name__)


def _answers_text(question_ids: Sequence[int]) -> dict[int, list[str]]:
    texts: dict[int, list[str]] = {}
    rows = Answer.objects.filter(question_id__in=question_ids, is_deleted=False).order_by("id")
    for question_id, body in rows.values_list("question_id", "body"):
        texts.setdefault(question_id, []).append(body)
    return texts


def entry_for(question: Question, answers: Iterable[str] = ()) -> SearchEntry:
    """Return the index row of a visible question, unsaved."""
    body = " ".join([markdown_to_text(question.body), *map(markdown_to_text, answers)])
    return SearchEntry(
        question_id=question.pk,
        title_terms=" ".join(index_terms(question.title)),
        body_terms=" ".join(index_terms(body)),
        level_id=question.ctx_level_id,
        has_helpful=question.accepted_answer_id is not None,
    )


def question_index(question_id: int) -> None:
    """Bring one question's index row and vector in line with what is saved."""
    question = Question.objects.filter(pk=question_id).first()
    if question is None or question.is_deleted:
        SearchEntry.objects.filter(question_id=question_id).delete()
        Embedding.objects.filter(question_id=question_id).delete()
        return
    entry = entry_for(question, _answers_text([question.pk]).get(question.pk, []))
    SearchEntry.objects.update_or_create(
        question_id=question.pk,
        defaults={
            "title_terms": entry.title_terms,
            "body_terms": entry.body_terms,
            "level_id": entry.level_id,
            "has_helpful": entry.has_helpful,
        },
    )
    text_hash = embeddings.text_hash(embeddings.question_text(question.title, question.body))
    stale = not Embedding.objects.filter(question_id=question.pk, text_hash=text_hash).exists()
    if stale:
        from rung.search.tasks import embed_questions

        embed_questions.enqueue([question.pk])


def embeddings_update(question_ids: Sequence[int]) -> int:
    """Compute and store vectors for the given questions whose text changed."""
    # Visibility is checked in Python: see selectors._load_questions for SQLite's plan.
    found = Question.objects.filter(pk__in=question_ids).only("title", "body", "is_deleted")
    questions = [question for question in found if not question.is_deleted]
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
    """Rewrite the index rows of every visible question; return how many were written."""
    written = 0
    visible = Question.objects.filter(is_deleted=False).order_by("pk")
    if missing_only:
        visible = visible.exclude(pk__in=SearchEntry.objects.values("question_id"))
    else:
        SearchEntry.objects.exclude(question__is_deleted=False).delete()
    last = 0
    while True:
        questions = list(visible.filter(pk__gt=last)[:batch])
        if not questions:
            return written
        answers = _answers_text([q.pk for q in questions])
        entries = [entry_for(q, answers.get(q.pk, [])) for q in questions]
        SearchEntry.objects.filter(question_id__in=[q.pk for q in questions]).delete()
        SearchEntry.objects.bulk_create(entries)
        written += len(entries)
        last = questions[-1].pk


def embeddings_rebuild(*, batch: int = 256) -> int:
    """Compute every missing or stale vector in this process; return how many were stored."""
    stored = 0
    last = 0
    ids = Question.objects.filter(is_deleted=False).order_by("pk").values_list("pk", flat=True)
    while True:
        chunk = list(ids.filter(pk__gt=last)[:batch])
        if not chunk:
            return stored
        stored += embeddings_update(chunk)
        last = chunk[-1]
