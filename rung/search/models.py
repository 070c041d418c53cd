"""What search keeps beside each question: its index terms and its meaning vector."""

from django.db import models

from rung.qa.models import Question


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

    def __str__(self) -> str:
        return f"search entry {self.question_id}"


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
