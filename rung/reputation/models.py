"""Reputation: the ledger of what others did with a member's posts, totals, badges.

Everything here is derived. `Credit` rows are computed from likes, most-helpful marks and
outcomes (rung/reputation/ledger.py) and `manage.py reputation_rebuild` computes them all
again from those tables with the same function, so the numbers are the same whichever way
they were reached. Totals (`Standing`, `TopicStanding`) are sums of credits and posts.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CreditReason(models.TextChoices):
    QUESTION_LIKED = "question_liked", _("Question liked")
    ANSWER_LIKED = "answer_liked", _("Answer liked")
    REPLY_LIKED = "reply_liked", _("Reply liked")
    HELPFUL = "helpful", _("Marked most helpful")
    OUTCOME = "outcome", _("Helped the asker's outcome")


class Credit(models.Model):
    """Points one member earned for one thing another member did with one of their posts.

    `anonymous` is set for posts shown without their author (an anonymous question and its
    asker's own posts under it): they count in the member's own total, never in the public
    one (see docs/reputation.md).
    """

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=20, choices=CreditReason.choices)
    points = models.IntegerField()
    question = models.ForeignKey("qa.Question", on_delete=models.CASCADE, related_name="+")
    answer = models.ForeignKey(
        "qa.Answer", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # Who liked or marked; an asker's outcome names the asker.
    giver = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, related_name="+"
    )
    anonymous = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["member", "-created_at", "-id"], name="credit_member_idx"),
            models.Index(fields=["question", "answer"], name="credit_post_idx"),
            models.Index(fields=["created_at"], name="credit_created_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} +{self.points} {self.reason}"


class Standing(models.Model):
    """A member's reputation: `reputation` is public, `private_reputation` adds anonymous posts."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="reputation_standing",
    )
    reputation = models.IntegerField(default=0, db_index=True)
    private_reputation = models.IntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.member_id}: {self.reputation}"


class TopicStanding(models.Model):
    """A member's public record in one topic (every level is a topic): what experts rank by.

    Only posts under the member's name count: anonymous ones never appear here.
    """

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey("qa.Topic", on_delete=models.CASCADE, related_name="+")
    answers = models.PositiveIntegerField(default=0)
    helpful = models.PositiveIntegerField(default=0)
    likes = models.PositiveIntegerField(default=0)
    points = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "topic"], name="topicstanding_unique")
        ]
        indexes = [
            models.Index(fields=["topic", "-points", "member"], name="topicstanding_rank_idx")
        ]

    def __str__(self) -> str:
        return f"{self.member_id}@{self.topic_id}: {self.points}"


class BadgeAward(models.Model):
    """A badge a member earned (rung/reputation/badges.py), once per member and badge."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="badge_awards"
    )
    badge = models.CharField(max_length=40)
    awarded_at = models.DateTimeField(default=timezone.now)
    # The post that earned it, when one did; never an anonymous one.
    question = models.ForeignKey(
        "qa.Question", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answer = models.ForeignKey(
        "qa.Answer", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "badge"], name="badgeaward_unique")
        ]
        indexes = [models.Index(fields=["member", "awarded_at"], name="badgeaward_member_idx")]

    def __str__(self) -> str:
        return f"{self.member_id}: {self.badge}"
