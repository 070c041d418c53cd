"""Follows, bookmarks, notifications and each member's delivery choices.

A notification is one row per recipient and event. `event_key` names the event, and one
recipient never holds two rows with the same key, so a fan-out task that runs twice adds
nothing. Rows point at the question, answer or growth share they are about and go with
them; what a notification says is written when it is shown, in the reader's language.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rung.growth.models import Share
from rung.notifications.kinds import KINDS, Delivery
from rung.qa.models import Answer, Question, Topic


class WatchLevel(models.TextChoices):
    WATCHING = "watching", _("Watching")
    TRACKING = "tracking", _("Tracking")
    MUTED = "muted", _("Muted")


class Follow(models.Model):
    """A member's setting for one topic (levels are topics), question or member.

    Topics take all three levels: watching (a notice for every new question), tracking
    (new questions in the digest only) and muted (nothing, and gone from the home feed).
    A question is watched (a notice for every answer) or muted; a member is followed
    (watching). Muting wins over watching wherever the two meet.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    level = models.CharField(max_length=10, choices=WatchLevel.choices)
    # Set when Rung watched a question for the member (they asked or answered it).
    automatic = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(topic__isnull=False, question__isnull=True, member__isnull=True)
                | Q(topic__isnull=True, question__isnull=False, member__isnull=True)
                | Q(topic__isnull=True, question__isnull=True, member__isnull=False),
                name="follow_exactly_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "topic"], condition=Q(topic__isnull=False), name="follow_topic"
            ),
            models.UniqueConstraint(
                fields=["user", "question"],
                condition=Q(question__isnull=False),
                name="follow_question",
            ),
            models.UniqueConstraint(
                fields=["user", "member"], condition=Q(member__isnull=False), name="follow_member"
            ),
        ]
        indexes = [
            # Fan-out reads every follower of one target at one level.
            models.Index(fields=["topic", "level", "user"], name="follow_topic_fanout"),
            models.Index(fields=["question", "level", "user"], name="follow_question_fanout"),
            models.Index(fields=["member", "level", "user"], name="follow_member_fanout"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.level} {self.topic_id or self.question_id or self.member_id}"


class Bookmark(models.Model):
    """A question or answer a member saved for later. Private to the member."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    answer = models.ForeignKey(
        Answer, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(question__isnull=False, answer__isnull=True)
                | Q(question__isnull=True, answer__isnull=False),
                name="bookmark_exactly_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "question"],
                condition=Q(question__isnull=False),
                name="bookmark_question",
            ),
            models.UniqueConstraint(
                fields=["user", "answer"], condition=Q(answer__isnull=False), name="bookmark_answer"
            ),
        ]
        indexes = [models.Index(fields=["user", "-created_at", "-id"], name="bookmark_list")]

    def __str__(self) -> str:
        return f"Bookmark {self.pk} of {self.user_id}"


class MailState(models.TextChoices):
    NONE = "", _("Not mailed")
    PENDING = "pending", _("Waiting to be mailed")
    SENDING = "sending", _("Being mailed")
    SENT = "sent", _("Mailed")
    DIGEST = "digest", _("Waiting for the digest")
    DIGESTED = "digested", _("In a digest")


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=[(k, v.label) for k, v in KINDS.items()])
    # Who did it; empty when that must not be told (an anonymous asker) or nobody did.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    answer = models.ForeignKey(
        Answer, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    share = models.ForeignKey(
        Share, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Small facts the message needs: a like count, an outcome's kind.
    data = models.JSONField(default=dict, blank=True)
    event_key = models.CharField(max_length=80)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    mail_state = models.CharField(max_length=10, choices=MailState.choices, blank=True)
    mailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "event_key"], name="notification_once"),
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_list"),
            # The bell: a member's unread notices.
            models.Index(
                fields=["recipient"], condition=Q(read_at__isnull=True), name="notification_unread"
            ),
            # The mail task: what waits to be mailed, per member.
            models.Index(
                fields=["recipient", "mail_state"],
                condition=Q(mail_state__in=["pending", "digest"]),
                name="notification_mail",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient_id}"


class DigestFrequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    NEVER = "never", _("Never")


class MailSettings(models.Model):
    """How one member wants mail: the digest's rhythm, and one delivery per kind."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", primary_key=True
    )
    digest = models.CharField(
        _("digest"), max_length=10, choices=DigestFrequency.choices, default=DigestFrequency.WEEKLY
    )
    digest_sent_at = models.DateTimeField(null=True, blank=True)
    # Kind code → Delivery value, for the kinds the member changed from their default.
    deliveries = models.JSONField(default=dict, blank=True)

    def __str__(self) -> str:
        return f"Mail settings of {self.user_id}"

    def delivery(self, code: str) -> Delivery:
        chosen = self.deliveries.get(code)
        if chosen in Delivery.values:
            return Delivery(chosen)
        return KINDS[code].default
