"""Topics, questions with their context card, answers, replies, likes, revisions, views."""

import functools
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from rung.core.fast_urls import fast_reverse
from rung.core.submit_once import one_row_per_submit, submit_token_field

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager

TITLE_MAX_LENGTH = 200
BODY_MAX_LENGTH = 30_000
CONTEXT_TEXT_MAX_LENGTH = 500


class Topic(models.Model):
    class Kind(models.TextChoices):
        LEVEL = "level", _("Career level")
        SUBJECT = "subject", _("Subject")

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    level = models.OneToOneField(
        "ladder.Level", on_delete=models.CASCADE, null=True, blank=True, related_name="topic"
    )
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    question_count = models.PositiveIntegerField(default=0)
    # Bumped by every write that changes the feed; rendered feeds are cached under it.
    feed_version = models.PositiveBigIntegerField(default=0)

    class Meta:
        ordering = ["kind", "order"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("qa:topic", args=[self.slug])


class Visibility(models.TextChoices):
    """Who may read a post that is not deleted."""

    PUBLISHED = "published", _("Published")
    # Waiting for review: only its author and moderators see it.
    HELD = "held", _("Waiting for review")
    # Hidden by flags or a moderator: only its author and moderators see it, with a notice.
    HIDDEN = "hidden", _("Hidden")


class Post(models.Model):
    """What questions, answers and replies share: a member's Markdown text and its life.

    A like or a revision points at its post through a key per table (`question` or
    `answer`), so the reverse managers are each table's own; the base only declares them,
    and `post.likes` and `post.revisions` then work on any post (rung/qa/posts.py).
    """

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="%(class)ss"
    )
    body = models.TextField(_("body"), max_length=BODY_MAX_LENGTH)
    body_html = models.TextField(editable=False)
    # What an app above qa works out from `body_html` when the post is written, so pages
    # need not: the glossary links in each language (rung/languages/post_links.py). The
    # record names the HTML it was made for; until it matches, pages work it out.
    body_links = models.JSONField(default=dict, blank=True, editable=False)
    language = models.CharField(max_length=10, blank=True)
    # Set when the author or a moderator chose the language by hand; edits then keep it
    # instead of detecting it again.
    language_locked = models.BooleanField(default=False)
    like_count = models.PositiveIntegerField(default=0)
    # The hidden token of the form that posted it, so a second submit finds this row.
    submit_token = submit_token_field()
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    is_deleted = models.BooleanField(default=False)
    deleted_at = models.DateTimeField(null=True, blank=True)
    # Set by moderation (rung/qa/moderation_services.py); public pages show published posts only.
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLISHED,
        db_index=True,
    )
    visibility_reason = models.CharField(_("reason"), max_length=300, blank=True)

    likes: "RelatedManager[Like]"
    revisions: "RelatedManager[Revision]"

    class Meta:
        abstract = True
        indexes = [models.Index(fields=["author", "-created_at"], name="%(class)s_author_idx")]
        constraints = [one_row_per_submit("author", "%(class)s_author_submit_token_unique")]

    def get_absolute_url(self) -> str:
        """Return the address that shows the post (each table defines its own)."""
        raise NotImplementedError

    @property
    def is_published(self) -> bool:
        return self.visibility == Visibility.PUBLISHED


@functools.lru_cache(maxsize=8192)
def _title_slug(title: str) -> str:
    """Return the address slug of a question's title.

    Feeds, cards, similar lists and every visitor's request for a kept page build question
    addresses; slugifying the same title each time cost more than the rest of the address.
    """
    return slugify(title)[:60]


class Question(Post):
    is_anonymous = models.BooleanField(_("post anonymously"), default=False)
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    excerpt = models.CharField(max_length=300, blank=True, editable=False)
    topics = models.ManyToManyField(Topic, through="QuestionTopic", related_name="questions")

    # The context card: who is asking and what they want, as structured fields.
    ctx_level = models.ForeignKey(
        "ladder.Level",
        verbose_name=_("current level"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    ctx_years = models.PositiveSmallIntegerField(_("years of experience"), null=True, blank=True)
    ctx_company = models.CharField(_("company"), max_length=120, blank=True)
    ctx_company_level = models.ForeignKey(
        "ladder.CompanyLevel",
        verbose_name=_("company level"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    ctx_scale = models.ForeignKey(
        "ladder.RatingScale",
        verbose_name=_("rating scale"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    ctx_focus = models.CharField(
        _("question focus"), max_length=CONTEXT_TEXT_MAX_LENGTH, blank=True
    )
    ctx_feedback_wanted = models.CharField(
        _("would love feedback on"), max_length=CONTEXT_TEXT_MAX_LENGTH, blank=True
    )

    accepted_answer = models.ForeignKey(
        "Answer", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # When the asker marked the most helpful answer (reputation dates its credit by it).
    accepted_at = models.DateTimeField(null=True, blank=True)
    view_count = models.PositiveIntegerField(default=0)
    answer_count = models.PositiveIntegerField(default=0)
    # Bumped by every write to the question or its answers; rendered parts are cached under it.
    version = models.PositiveBigIntegerField(default=0)
    # A locked question takes no new answers or replies; a closed one points to its original.
    locked_at = models.DateTimeField(_("locked at"), null=True, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # When the asker was asked what happened (rung/qa/outcomes.py); set once, never cleared.
    outcome_prompted_at = models.DateTimeField(null=True, blank=True)

    class Meta(Post.Meta):
        indexes = [
            models.Index(fields=["is_deleted", "-created_at", "-id"], name="question_latest_idx"),
            *Post.Meta.indexes,
            # The questions still waiting for their outcome prompt, oldest first, are one
            # range of it (never prompted, live, published, asked before a time), so
            # finding those due never reads the questions already prompted. Not a partial
            # index: SQLite cannot use one for a query whose values are parameters.
            models.Index(
                fields=["outcome_prompted_at", "is_deleted", "visibility", "created_at", "id"],
                name="question_outcome_due_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        slug = _title_slug(self.title)
        if slug:
            return fast_reverse("qa:question_slug", self.pk, slug)
        return fast_reverse("qa:question", self.pk)

    @property
    def anonymous_label(self) -> str:
        if self.ctx_level is not None:
            return _("Anonymous %(person)s") % {"person": self.ctx_level.person_noun}
        return str(_("Anonymous member"))

    @property
    def takes_answers(self) -> bool:
        """Say whether the question is open for new answers and replies."""
        return self.locked_at is None and self.closed_at is None

    @property
    def has_context(self) -> bool:
        return bool(
            self.ctx_level_id
            or self.ctx_years is not None
            or self.ctx_company
            or self.ctx_company_level_id
            or self.ctx_scale_id
            or self.ctx_focus
            or self.ctx_feedback_wanted
        )


OUTCOME_NOTE_MAX_LENGTH = 1_000


class OutcomeKind(models.TextChoices):
    """What became of the asker's situation, some weeks after asking."""

    PROMOTED = "promoted", _("Promoted")
    OFFER_ACCEPTED = "offer_accepted", _("Offer accepted")
    STILL_WORKING = "still_working", _("Still working on it")
    CHANGED_COURSE = "changed_course", _("Changed course")
    OTHER = "other", _("Other")


class Outcome(models.Model):
    """The asker's follow-up on a question: what happened, in a word and a short note.

    The note is plain text, shown as typed with its line breaks.
    """

    question = models.OneToOneField(Question, on_delete=models.CASCADE, related_name="outcome")
    kind = models.CharField(_("what happened"), max_length=20, choices=OutcomeKind.choices)
    note = models.TextField(_("note"), max_length=OUTCOME_NOTE_MAX_LENGTH, blank=True)
    # The answers the asker says helped; their authors earn the most reputation for it.
    helped_answers: "models.ManyToManyField[Answer, models.Model]" = models.ManyToManyField(
        "Answer", verbose_name=_("answers that helped"), blank=True, related_name="+"
    )
    # How many there are, so a page with none spends no query looking.
    helped_count = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.question_id}: {self.kind}"


class QuestionTopic(models.Model):
    """A question's place in a topic feed, with the sort keys copied for index-only paging."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="placements")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="placements")
    created_at = models.DateTimeField()
    like_count = models.PositiveIntegerField(default=0)
    answer_count = models.PositiveIntegerField(default=0)
    is_visible = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "topic"], name="questiontopic_unique")
        ]
        indexes = [
            models.Index(
                fields=["topic", "is_visible", "-created_at", "-question"],
                name="qtopic_newest_idx",
            ),
            models.Index(
                fields=["topic", "is_visible", "-like_count", "-created_at", "-question"],
                name="qtopic_top_idx",
            ),
            models.Index(
                fields=["topic", "is_visible", "answer_count", "-created_at", "-question"],
                name="qtopic_unanswered_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.topic_id}:{self.question_id}"


class ContextRating(models.Model):
    """One axis of the asker's last review, on the scale chosen in the context card."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="ratings")
    axis = models.ForeignKey("ladder.Axis", on_delete=models.PROTECT, related_name="+")
    # RESTRICT, not PROTECT: a rating in use cannot be deleted on its own, yet deleting its
    # scale's owner (which deletes their questions too) still goes through.
    choice = models.ForeignKey("ladder.RatingChoice", on_delete=models.RESTRICT, related_name="+")

    class Meta:
        ordering = ["axis__order"]
        constraints = [
            models.UniqueConstraint(fields=["question", "axis"], name="contextrating_unique")
        ]

    def __str__(self) -> str:
        return f"{self.axis_id}={self.choice_id}"


class Answer(Post):
    """An answer to a question, or (with a parent) a reply to an answer."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    # "Most helpful first" orders answers by `helpful_rank`: likes, each weighing
    # `author_weight` hundredths, the answerer's standing in the question's topics (the
    # reputation app sets it; 100 without it). qa keeps the product whenever likes change.
    author_weight = models.PositiveIntegerField(default=100)
    helpful_rank = models.PositiveBigIntegerField(default=0)

    class Meta(Post.Meta):
        indexes = [
            models.Index(fields=["question", "created_at"], name="answer_question_idx"),
            *Post.Meta.indexes,
            # The question page's order, so any page of answers is an index seek.
            models.Index(
                fields=["question", "parent", "is_deleted", "-like_count", "created_at", "id"],
                name="answer_page_idx",
            ),
            models.Index(
                fields=["parent", "is_deleted", "created_at", "id"], name="answer_replies_idx"
            ),
            models.Index(
                fields=["question", "parent", "is_deleted", "-helpful_rank", "created_at", "id"],
                name="answer_rank_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"Answer {self.pk} to {self.question_id}"

    def get_absolute_url(self) -> str:
        # The permalink finds the page that shows the post: threads are paged.
        return reverse("qa:answer", args=[self.pk])


class Like(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, null=True, blank=True, related_name="likes"
    )
    answer = models.ForeignKey(
        Answer, on_delete=models.CASCADE, null=True, blank=True, related_name="likes"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(question__isnull=False, answer__isnull=True)
                | Q(question__isnull=True, answer__isnull=False),
                name="like_exactly_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "question"],
                condition=Q(question__isnull=False),
                name="like_user_question_unique",
            ),
            models.UniqueConstraint(
                fields=["user", "answer"],
                condition=Q(answer__isnull=False),
                name="like_user_answer_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"Like by {self.user_id}"


class Revision(models.Model):
    """One saved version of a question or an answer; the first is the original post."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, null=True, blank=True, related_name="revisions"
    )
    answer = models.ForeignKey(
        Answer, on_delete=models.CASCADE, null=True, blank=True, related_name="revisions"
    )
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=TITLE_MAX_LENGTH, blank=True)
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(question__isnull=False, answer__isnull=True)
                | Q(question__isnull=True, answer__isnull=False),
                name="revision_exactly_one_target",
            )
        ]

    def __str__(self) -> str:
        return f"Revision {self.pk}"


class QuestionView(models.Model):
    """One viewer's view of a question on one day; the unique key makes counting idempotent."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    viewer = models.CharField(max_length=64)
    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["question", "viewer", "day"], name="questionview_unique"
            )
        ]
        indexes = [models.Index(fields=["day"], name="questionview_day_idx")]

    def __str__(self) -> str:
        return f"{self.question_id}/{self.viewer}/{self.day}"


class AnswerInvitation(models.Model):
    """The asker's invitation to a member to answer their question (rung/qa/invitation_services.py).

    One per member and question, declined or not: a member is asked once.
    """

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="invitations")
    inviter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    invitee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    declined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "invitee"], name="answerinvitation_unique")
        ]
        indexes = [
            # An asker's invitations of the last day, counted against their daily limit.
            models.Index(fields=["inviter", "created_at"], name="answerinvitation_inviter_idx"),
            # A member's invitations, for the notices built on them.
            models.Index(fields=["invitee", "-created_at"], name="answerinvitation_invitee_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.inviter_id} invites {self.invitee_id} to {self.question_id}"
