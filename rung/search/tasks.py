"""Background work for search, run by the task worker (`manage.py db_worker`)."""

from django.conf import settings
from django.tasks import task

from rung.search import indexing, similar, vectors


@task
def embed_questions(question_ids: list[int]) -> int:
    """Compute the vectors of questions whose text changed; return how many were stored."""
    stored = indexing.embeddings_update(question_ids)
    meta = vectors.read_ann_meta()
    pending = indexing.embeddings_since(meta.built_at if meta else None)
    # The first build waits for a collection worth indexing; after that, every process
    # holds the vectors written since the build in memory, so rebuild while they are few.
    limit = settings.RUNG_SEARCH_ANN_THRESHOLD // (10 if meta else 1)
    if pending >= limit:
        vectors.ann_build()
    # The pages' similar questions, for the vectors just stored (and any still missing).
    similar.similar_lists_update(similar.similar_lists_missing(question_ids))
    return stored
