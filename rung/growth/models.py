"""The private growth workspace: reviews, self-assessment, plans, work log and sharing.

Everything here belongs to one owner and is visible only to them and to the people they
share a plan with (rung/growth/access.py is the only way views fetch these rows). Rows
that appear in URLs carry a random `public_id`, so an address reveals nothing about how
many rows exist or which ids neighbour it.
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rung.core.submit_once import one_row_per_submit, submit_token_field
from rung.ladder.models import Axis, Expectation, Level, RatingChoice, RatingScale

PUBLIC_ID_LENGTH = 12


def new_public_id() -> str:
    """Return a random URL-safe id of 12 characters (72 bits)."""
    return secrets.token_urlsafe(9)


def _public_id_field() -> models.CharField:
    return models.CharField(
        max_length=PUBLIC_ID_LENGTH, unique=True, default=new_public_id, editable=False
    )


class ReviewCycle(models.Model):
    """One performance review the owner received: a cycle at one company."""

    public_id = _public_id_field()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_cycles"
    )
    name = models.CharField(_("cycle name"), max_length=120)
    date = models.DateField(_("review date"))
    company = models.CharField(_("company"), max_length=120, blank=True)
    level = models.ForeignKey(
        Level,
        verbose_name=_("level at the time"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # RESTRICT, not PROTECT: a scale in use cannot be deleted on its own, yet deleting its
    # owner's account (which deletes their cycles too) still goes through.
    scale = models.ForeignKey(
        RatingScale, verbose_name=_("rating scale"), on_delete=models.RESTRICT, related_name="+"
    )
    overall = models.ForeignKey(
        RatingChoice,
        verbose_name=_("overall rating"),
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
    )
    notes = models.TextField(_("own notes"), blank=True)
    submit_token = submit_token_field()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["owner", "date"], name="growth_cycle_owner_date")]
        constraints = [one_row_per_submit("owner", "growth_cycle_owner_submit_token")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("growth:review", args=[self.public_id])


class AxisRating(models.Model):
    """The rating one cycle gave on one axis, with the manager's words."""

    cycle = models.ForeignKey(ReviewCycle, on_delete=models.CASCADE, related_name="ratings")
    axis = models.ForeignKey(Axis, on_delete=models.PROTECT, related_name="+")
    rating = models.ForeignKey(RatingChoice, on_delete=models.RESTRICT, related_name="+")
    manager_words = models.TextField(_("manager's words"), blank=True)

    class Meta:
        ordering = ["axis__order"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "axis"], name="growth_rating_cycle_axis")
        ]

    def __str__(self) -> str:
        return f"{self.axis}: {self.rating}"


class Mark(models.TextChoices):
    CONSISTENTLY = "consistently", _("Consistently")
    SOMETIMES = "sometimes", _("Sometimes")
    NOT_YET = "not_yet", _("Not yet")


class SelfAssessment(models.Model):
    """The owner's own mark against one rubric expectation, with links to evidence."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="self_assessments"
    )
    expectation = models.ForeignKey(Expectation, on_delete=models.CASCADE, related_name="+")
    mark = models.CharField(_("how often"), max_length=20, choices=Mark.choices)
    # One URL per line.
    evidence = models.TextField(_("evidence links"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "expectation"], name="growth_assessment_owner_expectation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.expectation}: {self.mark}"

    @property
    def evidence_links(self) -> list[str]:
        return [line.strip() for line in self.evidence.splitlines() if line.strip()]


class GrowthPlan(models.Model):
    public_id = _public_id_field()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="growth_plans"
    )
    title = models.CharField(_("title"), max_length=160)
    summary = models.TextField(_("summary"), blank=True)
    submit_token = submit_token_field()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [one_row_per_submit("owner", "growth_plan_owner_submit_token")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("growth:plan", args=[self.public_id])


class GoalStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


# A goal in one of these is finished with, so its target date no longer matters.
CLOSED_STATUSES = (GoalStatus.DONE, GoalStatus.DROPPED)


class Goal(models.Model):
    public_id = _public_id_field()
    plan = models.ForeignKey(GrowthPlan, on_delete=models.CASCADE, related_name="goals")
    axis = models.ForeignKey(
        Axis, verbose_name=_("axis"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("goal"), max_length=200)
    description = models.TextField(_("why it matters"), blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=GoalStatus.choices, default=GoalStatus.NOT_STARTED
    )
    submit_token = submit_token_field()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [one_row_per_submit("plan", "growth_goal_plan_submit_token")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        """Say whether the target date has passed while the goal is neither done nor dropped."""
        return (
            self.target_date is not None
            and self.target_date < timezone.localdate()
            and self.status not in CLOSED_STATUSES
        )


class Action(models.Model):
    """A concrete step towards a goal."""

    public_id = _public_id_field()
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="actions")
    text = models.CharField(_("action"), max_length=300)
    done = models.BooleanField(_("done"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text


class CheckIn(models.Model):
    """A dated note on how a goal is going, written by the plan's owner."""

    public_id = _public_id_field()
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="check_ins")
    date = models.DateField(_("date"))
    note = models.TextField(_("note"))
    submit_token = submit_token_field()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [one_row_per_submit("goal", "growth_checkin_goal_submit_token")]

    def __str__(self) -> str:
        return f"{self.goal} @ {self.date}"


class LogEntry(models.Model):
    """A work-log ("brag document") entry: what the owner did, tagged by axis and goal."""

    public_id = _public_id_field()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="log_entries"
    )
    date = models.DateField(_("date"))
    text = models.TextField(_("what you did"))
    axis = models.ForeignKey(
        Axis,
        verbose_name=_("axis"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    goal = models.ForeignKey(
        Goal,
        verbose_name=_("goal"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="log_entries",
    )
    # The owner's question whose outcome this entry records ("Add to my work log"), so a
    # second click finds it instead of adding another. Nothing in qa points back here.
    question = models.ForeignKey(
        "qa.Question", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submit_token = submit_token_field()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["owner", "date"], name="growth_log_owner_date")]
        constraints = [
            one_row_per_submit("owner", "growth_log_owner_submit_token"),
            models.UniqueConstraint(
                fields=["owner", "question"],
                condition=models.Q(question__isnull=False),
                name="growth_log_owner_question_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date}: {self.text[:40]}"


class SelfReview(models.Model):
    """A self-review draft generated from the work log for a period, then edited by hand."""

    public_id = _public_id_field()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="self_reviews"
    )
    title = models.CharField(_("title"), max_length=160)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    text = models.TextField(_("draft"), blank=True)
    submit_token = submit_token_field()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [one_row_per_submit("owner", "growth_selfreview_owner_submit_token")]

    def __str__(self) -> str:
        return self.title


class ShareRole(models.TextChoices):
    READ = "read", _("Can read")
    COMMENT = "comment", _("Can comment")


class Share(models.Model):
    """An invitation to see one plan, accepted by the invitee, revocable by the owner.

    An invitation by username names its member at once. An invitation by email address
    names only the address: whether a member has it is never looked up, so the owner
    learns nothing about whose address it is. Its `grantee` stays empty until someone
    accepts it through the link mailed to the address (whose secret only the mailbox
    has; `link_token_hash` keeps its hash).
    """

    public_id = _public_id_field()
    plan = models.ForeignKey(GrowthPlan, on_delete=models.CASCADE, related_name="shares")
    grantee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="growth_shares",
    )
    invitee_email = models.EmailField(_("invited address"), blank=True)
    link_token_hash = models.CharField(max_length=64, blank=True, editable=False)
    role = models.CharField(_("access"), max_length=10, choices=ShareRole.choices)
    include_reviews = models.BooleanField(_("include my review history"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # One live share per person and plan; revoked ones stay as history.
            models.UniqueConstraint(
                fields=["plan", "grantee"],
                condition=models.Q(revoked_at__isnull=True),
                name="growth_share_live_unique",
            ),
            # One open invitation per address and plan.
            models.UniqueConstraint(
                fields=["plan", "invitee_email"],
                condition=models.Q(revoked_at__isnull=True, grantee__isnull=True),
                name="growth_share_open_email_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(grantee__isnull=False) | ~models.Q(invitee_email=""),
                name="growth_share_has_invitee",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan} → {self.grantee or self.invitee_email}"

    @property
    def is_active(self) -> bool:
        return self.accepted_at is not None and self.revoked_at is None

    @property
    def invitee_label(self) -> str:
        """Name whom the invitation is for: the member once known, else the address typed."""
        return self.grantee.name if self.grantee is not None else self.invitee_email


class Comment(models.Model):
    """A comment on a goal by its owner or someone it is shared with to comment."""

    public_id = _public_id_field()
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="growth_comments"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    body = models.TextField(_("comment"))
    submit_token = submit_token_field()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [one_row_per_submit("author", "growth_comment_author_submit_token")]

    def __str__(self) -> str:
        return f"{self.author} on {self.goal}"


class ShareView(models.Model):
    """A record that someone a plan is shared with looked at part of it."""

    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="views")
    what = models.CharField(max_length=40)
    viewed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-viewed_at", "-id"]
        # Serves the check for a recent view of the same part before another is recorded.
        indexes = [
            models.Index(fields=["share", "what", "viewed_at"], name="growth_shareview_recent")
        ]

    def __str__(self) -> str:
        return f"{self.share.grantee} viewed {self.what}"
