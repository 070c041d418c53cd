"""What search keeps beside each question: its index terms and its meaning vector."""

from django.db import models

from rung.qa.models import Answer, Question


class SearchEntry(models.Model):
    """A visible question as the full-text index sees it; hidden questions have none.

    The terms are space-separated output of `analysis.index_terms`. SQLite indexes them
    in the FTS5 table `search_fts`, PostgreSQL in the `tsv` column; both are created by
    the migration, not by the ORM, and written by `indexing.question_index`.
    """

    question = models.OneToOneField(
        Question, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    title_terms = models.TextField()
    body_terms = models.TextField()
    # Filters read these without touching the question table.
    level = models.ForeignKey(
        "ladder.Level", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    has_helpful = models.BooleanField(default=False)
    # The question's own body terms, and its `edited_at` when they were analysed, so that
    # answering reuses them; null until analysed. Null rather than "" because SQLite adds
    # a nullable column in place, where a NOT NULL one rebuilds the table and with it
    # drops the FTS5 triggers.
    question_terms = models.TextField(null=True, blank=True)  # noqa: DJ001
    source_edited_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"search entry {self.question_id}"


class AnswerTerms(models.Model):
    """An answer's or reply's index terms, analysed once and reused by every reindex.

    `edited_at` is the answer's own when its terms were analysed: an edit since then makes
    them stale. Rows of hidden answers are left unread; the question's row holds only
    visible posts.
    """

    answer = models.OneToOneField(
        Answer, on_delete=models.CASCADE, primary_key=True, related_name="search_terms"
    )
    terms = models.TextField()
    edited_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"answer terms {self.answer_id}"


class Embedding(models.Model):
    """A question's sentence vector, quantized to int8: 512 bytes instead of 2 kB."""

    question = models.OneToOneField(
        Question, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    vector = models.BinaryField()
    model = models.CharField(max_length=40)
    # The hash of the text the vector was computed from: an edit makes it stale.
    text_hash = models.CharField(max_length=32)
    updated_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"embedding {self.question_id}"


class SimilarList(models.Model):
    """The questions nearest in meaning to a question, worked out by the task worker.

    `neighbours` holds [question id, cosine] pairs, best first: up to
    `similar.SIMILAR_KEPT` that reach `selectors.SIMILAR_MIN_SIMILARITY`, whatever their
    visibility (pages load the visible ones). It holds for the vector it was worked out
    from, named by the embedding's model and text hash: a list for another vector is not
    read. A question asked later is placed among the lists it belongs in when its own list
    is worked out, and every list is worked out afresh once a day (rung/search/similar.py).
    """

    question = models.OneToOneField(
        Question, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    neighbours = models.JSONField(default=list)
    model = models.CharField(max_length=40)
    text_hash = models.CharField(max_length=32)
    updated_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"similar questions of {self.question_id}"
