"""Similar questions worked out ahead of reading: each question's list, kept in the database.

A question page lists the questions nearest in meaning. Working that out means scoring
thousands of vectors, the costliest part of the list when a page is rendered afresh, and
the answer changes only when questions are written. So the task worker works it out when
it stores a question's vector and keeps it (`SimilarList`), and pages read the kept list
(`selectors.similar_questions_kept`); a question with no list for its current vector yet
is worked out as it is read, as before.

Lists stay current three ways:
- a question's own list is worked out again whenever its vector is (it was edited);
- a question asked later is placed in the lists of the questions it is near, as its own
  list is worked out, so it shows under them at once;
- every list is worked out afresh once a day (`similar_lists_refresh`, periodic work), so
  what an edit moved away from drops out of the lists it left.

A hidden or deleted question may stay in a list: pages load only the visible ones, and a
list keeps three times as many as a page shows.
"""

import datetime
from collections.abc import Iterable, Sequence

from django.db import transaction
from django.utils import timezone

from rung.search import embeddings
from rung.search.models import Embedding, SimilarList
from rung.search.selectors import SIMILAR_KEPT, SIMILAR_MIN_SIMILARITY
from rung.search.vectors import vector_index

# How old a list may grow before the periodic work makes it afresh, and how many at most
# one round makes (the work runs every minute: 200 a minute covers 288,000 questions a day).
REFRESH_AFTER = datetime.timedelta(days=1)
REFRESH_BATCH = 200


def _ranked(pairs: Iterable[Sequence[float]]) -> list[list[float]]:
    """Order [id, cosine] pairs as the vector search does: best first, then newest."""
    return sorted(([int(qid), float(score)] for qid, score in pairs), key=lambda p: (-p[1], -p[0]))


def similar_lists_update(question_ids: Iterable[int], *, place: bool = True) -> int:
    """Work out and keep the lists of these questions from their stored vectors.

    With `place`, each question also goes into the kept lists of the questions it is
    near, where it ranks among their best. Returns how many lists were written.
    """
    stored = list(
        Embedding.objects.filter(
            question_id__in=list(question_ids), model=embeddings.MODEL_NAME
        ).values_list("question_id", "vector", "text_hash")
    )
    if not stored:
        return 0
    index = vector_index()
    # The vectors were just stored, perhaps by this very process.
    index.refresh(at_once=True)
    now = timezone.now()
    lists: list[SimilarList] = []
    placements: dict[int, list[tuple[int, float]]] = {}
    for question_id, data, text_hash in stored:
        vector = embeddings.dequantize(bytes(data))
        found = [
            (qid, score)
            for qid, score in index.nearest(vector, SIMILAR_KEPT, exclude=[question_id])
            if score >= SIMILAR_MIN_SIMILARITY
        ]
        lists.append(
            SimilarList(
                question_id=question_id,
                neighbours=_ranked((qid, round(score, 5)) for qid, score in found),
                model=embeddings.MODEL_NAME,
                text_hash=text_hash,
                updated_at=now,
            )
        )
        for qid, score in found:
            placements.setdefault(qid, []).append((question_id, round(score, 5)))
    SimilarList.objects.bulk_create(
        lists,
        update_conflicts=True,
        unique_fields=["question"],
        update_fields=["neighbours", "model", "text_hash", "updated_at"],
    )
    if place:
        written = {kept.question_id for kept in lists}
        _place(
            {qid: found for qid, found in placements.items() if qid not in written},
        )
    return len(lists)


def _place(placements: dict[int, list[tuple[int, float]]]) -> None:
    """Put questions into the kept lists of the questions they are near.

    The lists are read under row locks, taken in key order, and written in one statement,
    so two workers placing questions in the same list both get in and never deadlock. A
    question with no kept list gets none here: its page works its list out as it is
    read, until the worker or `search_rebuild` keeps one.
    """
    if not placements:
        return
    with transaction.atomic():
        lists = list(
            SimilarList.objects.select_for_update()
            .filter(question_id__in=list(placements))
            .order_by("question_id")
        )
        changed = []
        for kept in lists:
            arrivals = dict(placements[kept.question_id])
            pairs = [pair for pair in kept.neighbours if int(pair[0]) not in arrivals]
            ranked = _ranked([*pairs, *arrivals.items()])[:SIMILAR_KEPT]
            if ranked != kept.neighbours:
                kept.neighbours = ranked
                changed.append(kept)
        SimilarList.objects.bulk_update(changed, ["neighbours"])


def similar_lists_missing(question_ids: Iterable[int]) -> list[int]:
    """Return which of these questions have a vector but no list kept for it."""
    vectors = dict(
        Embedding.objects.filter(
            question_id__in=list(question_ids), model=embeddings.MODEL_NAME
        ).values_list("question_id", "text_hash")
    )
    kept = set(
        SimilarList.objects.filter(
            question_id__in=list(vectors), model=embeddings.MODEL_NAME
        ).values_list("question_id", "text_hash")
    )
    return [qid for qid, text_hash in vectors.items() if (qid, text_hash) not in kept]


def similar_lists_fill(*, every: bool = False, batch: int = 500) -> int:
    """Work out the lists of questions that have a vector but no list for it (with `every`,
    all of them); return how many were written. For imports and `search_rebuild`.

    Each list is worked out whole from all the vectors, so nothing needs placing.
    """
    vectors = Embedding.objects.filter(model=embeddings.MODEL_NAME).order_by("question_id")
    written = 0
    last = 0
    while True:
        chunk = list(
            vectors.filter(question_id__gt=last).values_list("question_id", flat=True)[:batch]
        )
        if not chunk:
            return written
        last = chunk[-1]
        todo = chunk if every else similar_lists_missing(chunk)
        if todo:
            written += similar_lists_update(todo, place=False)


def similar_lists_refresh(now: datetime.datetime) -> int:
    """Work out afresh the lists older than a day, the oldest first, a batch at a time.

    Periodic work (registered with the notifications app's due work); safe to run twice.
    """
    stale = list(
        SimilarList.objects.filter(updated_at__lt=now - REFRESH_AFTER)
        .order_by("updated_at")
        .values_list("question_id", flat=True)[:REFRESH_BATCH]
    )
    if not stale:
        return 0
    written = similar_lists_update(stale, place=False)
    if written < len(stale):
        # A question whose vector is gone (it left search) has a list no page reads.
        kept = Embedding.objects.filter(question_id__in=stale, model=embeddings.MODEL_NAME)
        SimilarList.objects.filter(question_id__in=stale).exclude(
            question_id__in=kept.values("question_id")
        ).delete()
    return written
