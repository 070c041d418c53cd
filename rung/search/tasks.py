"""Background work for search, run by the task worker (`manage.py db_worker`)."""

from django.conf import settings
from django.tasks import task

from rung.search import indexing, vectors


@task
def embed_questions(question_ids: list[int]) -> int:
    """Compute the vectors of questions whose text changed; return how many were stored."""
    stored = indexing.embeddings_update(question_ids)
    meta = vectors.read_ann_meta()
    pending = indexing.embeddings_since(meta.built_at if meta else None)
    if pending >= settings.RUNG_SEARCH_ANN_THRESHOLD:
        # Enough vectors sit outside the ANN file to make every scan slow: rebuild it.
        vectors.ann_build()
    return stored
