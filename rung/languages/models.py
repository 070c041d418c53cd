"""Cached translations of posts."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Translation(models.Model):
    """One post's text at one revision, machine-translated into one site language.

    Rows are looked up by the post's newest revision, so an edit makes the old row
    unreachable without any invalidation; `translation_prune` deletes such rows. Deleting
    the post (or its author) deletes its revisions and so its translations.
    """

    class Kind(models.TextChoices):
        QUESTION = "question", _("question")
        ANSWER = "answer", _("answer")
        REPLY = "reply", _("reply")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    # The post's newest revision when it was translated; its text is what was sent.
    revision = models.ForeignKey("qa.Revision", on_delete=models.CASCADE, related_name="+")
    source_language = models.CharField(max_length=10)
    target_language = models.CharField(max_length=10)
    provider = models.CharField(max_length=40)
    title = models.TextField(blank=True)
    body = models.TextField()
    body_html = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "revision", "target_language"],
                name="translation_unique",
            )
        ]
        indexes = [models.Index(fields=["created_at"], name="translation_created_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} r{self.revision_id} → {self.target_language}"
