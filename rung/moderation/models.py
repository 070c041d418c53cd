"""Trust, flags, holds for review, penalties, notices to members and the audit log.

Posts are named by kind and id, never by a foreign key: a flag, a review or an audit entry
outlives the post it is about, and moderation never cascades into qa's tables.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

POST_KINDS = [("question", _("question")), ("answer", _("answer")), ("reply", _("reply"))]


class TrustLevel(models.IntegerChoices):
    NEW = 0, _("new")
    MEMBER = 1, _("member")
    REGULAR = 2, _("regular")
    LEADER = 3, _("leader")


class Standing(models.Model):
    """A member's trust level and the counts it is earned from."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="standing"
    )
    trust_level = models.PositiveSmallIntegerField(
        _("trust level"), choices=TrustLevel.choices, default=TrustLevel.NEW
    )
    # Set by a moderator: recomputing leaves the level alone.
    level_locked = models.BooleanField(_("level set by hand"), default=False)
    days_visited = models.PositiveIntegerField(default=0)
    last_visit_on = models.DateField(null=True, blank=True)
    posts_written = models.PositiveIntegerField(default=0)
    likes_received = models.PositiveIntegerField(default=0)
    flags_upheld = models.PositiveIntegerField(default=0)
    flags_rejected = models.PositiveIntegerField(default=0)
    computed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.member_id}: {self.get_trust_level_display()}"


class Flag(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam")
        RUDE = "rude", _("Rude or abusive")
        OFF_TOPIC = "off_topic", _("Off-topic")
        OTHER = "other", _("Needs a moderator's attention")

    class Outcome(models.TextChoices):
        UPHELD = "upheld", _("Upheld")
        REJECTED = "rejected", _("Rejected")

    post_kind = models.CharField(max_length=10, choices=POST_KINDS)
    post_id = models.PositiveBigIntegerField()
    flagger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="flags_given"
    )
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    weight = models.FloatField(default=1.0)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["post_kind", "post_id", "flagger"], name="flag_one_per_member"
            )
        ]
        indexes = [models.Index(fields=["post_kind", "post_id"], name="flag_post_idx")]

    def __str__(self) -> str:
        return f"{self.reason} on {self.post_kind} {self.post_id}"


class Review(models.Model):
    """A post waiting in the moderators' queue, and how it was settled."""

    class Why(models.TextChoices):
        FLAGGED = "flagged", _("Flagged")
        HELD = "held", _("Held as likely spam")
        FIRST_POST = "first_post", _("A new member's first post")
        EDITED = "edited", _("Edited after it was hidden")

    post_kind = models.CharField(max_length=10, choices=POST_KINDS)
    post_id = models.PositiveBigIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    why = models.CharField(max_length=12, choices=Why.choices)
    detail = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    outcome = models.CharField(max_length=20, blank=True)

    class Meta:
        constraints = [
            # A post is in the queue at most once at a time.
            models.UniqueConstraint(
                fields=["post_kind", "post_id"],
                condition=Q(resolved_at__isnull=True),
                name="review_one_open_per_post",
            )
        ]
        indexes = [
            models.Index(
                fields=["-created_at", "-id"],
                condition=Q(resolved_at__isnull=True),
                name="review_open_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.why}: {self.post_kind} {self.post_id}"


class Penalty(models.Model):
    class Kind(models.TextChoices):
        SUSPEND = "suspend", _("Suspended")
        SILENCE = "silence", _("Silenced")

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="penalties"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    until = models.DateTimeField()
    reason = models.CharField(_("reason"), max_length=500)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    lifted_at = models.DateTimeField(null=True, blank=True)
    # The suspension made the account inactive, so lifting it makes it active again.
    deactivated = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["member", "kind", "-until"], name="penalty_member_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.member_id} until {self.until:%Y-%m-%d %H:%M}"


class SpamDomain(models.Model):
    """A domain whose links hold a new member's post for review."""

    domain = models.CharField(_("domain"), max_length=253, unique=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.domain


class Notice(models.Model):
    """A message shown to a member on their next page: a post hidden, a penalty given."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderation_notices"
    )
    text = models.CharField(max_length=600)
    created_at = models.DateTimeField(default=timezone.now)
    shown_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["member"], condition=Q(shown_at__isnull=True), name="notice_unseen_idx"
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]


# What each audit action is called on the audit log, in the reader's language.
AUDIT_ACTIONS = {
    "approve": _("Approved"),
    "not_spam": _("Marked not spam"),
    "hide": _("Hid"),
    "delete": _("Deleted"),
    "lock": _("Locked"),
    "unlock": _("Unlocked"),
    "close_duplicate": _("Closed as a duplicate"),
    "reopen": _("Reopened"),
    "move": _("Moved to other topics"),
    "suspend": _("Suspended"),
    "silence": _("Silenced"),
    "suspend_lift": _("Lifted a suspension"),
    "silence_lift": _("Lifted a silence"),
    "delete_spammer": _("Deleted a spammer"),
    "trust_level_set": _("Set the trust level"),
    "spam_domain_add": _("Blocked a domain"),
    "reveal_author": _("Revealed an anonymous author"),
}


class AuditEntry(models.Model):
    """One moderator or administrator action; kept whatever happens to its target."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Kept as text too, so the entry still says who acted after the account is gone.
    actor_name = models.CharField(max_length=150)
    action = models.CharField(max_length=40)
    target_kind = models.CharField(max_length=20)
    target_id = models.PositiveBigIntegerField(null=True)
    target_label = models.CharField(max_length=200, blank=True)
    reason = models.CharField(max_length=500, blank=True)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["-created_at", "-id"], name="audit_latest_idx")]

    def __str__(self) -> str:
        return f"{self.actor_name} {self.action} {self.target_kind} {self.target_id}"

    @property
    def action_label(self) -> str:
        """The action in words, or its code for one this version does not name."""
        return str(AUDIT_ACTIONS.get(self.action, self.action))
