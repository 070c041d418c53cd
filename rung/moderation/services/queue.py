"""The review queue and the moderators' actions on posts, questions and spammers."""

from datetime import timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.accounts.roles import can_reveal_anonymous, is_moderator
from rung.moderation import text
from rung.moderation.models import (
    Flag,
    Penalty,
    Review,
    SpamDomain,
    Standing,
)
from rung.moderation.services.audit import _fresh, _post_state, audit_record, post_label
from rung.moderation.services.penalties import _check_can_penalise, _penalise, notice_send
from rung.qa import moderation_services as qa_moderation
from rung.qa import services as qa_services
from rung.qa.models import Answer, Post, Question, Topic, Visibility
from rung.qa.posts import post_kind

# A suspension this long is the end of an account: what deleting a spammer gives.
FOREVER = timedelta(days=365 * 100)


def review_open(*, post: Post, why: str, detail: str = "") -> Review:
    """Put a post in the queue, or say why again on the review it already has open."""
    kind = post_kind(post)
    review = Review.objects.filter(post_kind=kind, post_id=post.pk, resolved_at=None).first()
    if review is not None:
        # A flag or a hold outranks "first post": the queue shows the stronger reason.
        if why != Review.Why.FIRST_POST and review.why != why:
            review.why, review.detail = why, detail[:300]
            review.save(update_fields=["why", "detail"])
        return review
    try:
        with transaction.atomic():
            return Review.objects.create(
                post_kind=kind,
                post_id=post.pk,
                author_id=post.author_id,
                why=why,
                detail=detail[:300],
            )
    except IntegrityError:
        return Review.objects.get(post_kind=kind, post_id=post.pk, resolved_at=None)


def post_hold(*, post: Post, reason: str, actor: User) -> None:
    """Hold a post for review: only its author and moderators see it until it is approved."""
    if post.visibility == Visibility.PUBLISHED:
        qa_moderation.post_visibility_set(
            post=post, visibility=Visibility.HELD, actor=actor, reason=reason
        )
    review_open(post=post, why=Review.Why.HELD, detail=reason)


def _settle(*, post: Post, actor: User, outcome: str, upheld: bool | None) -> None:
    """Close the post's open review and judge its open flags (None leaves them open)."""
    kind = post_kind(post)
    now = timezone.now()
    Review.objects.filter(post_kind=kind, post_id=post.pk, resolved_at=None).update(
        resolved_at=now, resolved_by=actor, outcome=outcome
    )
    if upheld is None:
        return
    flags = Flag.objects.filter(post_kind=kind, post_id=post.pk, resolved_at=None)
    flagger_ids = list(flags.values_list("flagger_id", flat=True))
    flags.update(resolved_at=now, outcome=Flag.Outcome.UPHELD if upheld else Flag.Outcome.REJECTED)
    counter = "flags_upheld" if upheld else "flags_rejected"
    for flagger_id in flagger_ids:
        Standing.objects.get_or_create(member_id=flagger_id)
    Standing.objects.filter(member_id__in=flagger_ids).update(**{counter: F(counter) + 1})


def _require_moderator(actor: User) -> None:
    if not is_moderator(actor):
        raise PermissionDenied(_("Only moderators can do that."))


def _require_reason(reason: str) -> str:
    if not reason.strip():
        raise ValidationError(_("Give a reason for the record."))
    return reason.strip()


def _audit_post(
    *, actor: User, action: str, post: Post, reason: str, before: dict[str, Any]
) -> None:
    """Record a moderator's action on a post, with its state before and as it is now."""
    audit_record(
        actor=actor,
        action=action,
        target_kind=post_kind(post),
        target_id=post.pk,
        target_label=post_label(post),
        reason=reason,
        before=before,
        after=_post_state(_fresh(post)),
    )


@transaction.atomic
def post_approve(*, post: Post, actor: User, reason: str, not_spam: bool = False) -> None:
    """Publish a held or hidden post and reject the flags on it; it leaves the queue."""
    _require_moderator(actor)
    reason = _require_reason(reason)
    post = _fresh(post)
    if post.is_deleted:
        raise ValidationError(_("This post was deleted."))
    before = _post_state(post)
    if post.visibility != Visibility.PUBLISHED:
        qa_moderation.post_visibility_set(
            post=post, visibility=Visibility.PUBLISHED, actor=actor, reason=""
        )
    action = "not_spam" if not_spam else "approve"
    _settle(post=post, actor=actor, outcome=action, upheld=False)
    _audit_post(actor=actor, action=action, post=post, reason=reason, before=before)


@transaction.atomic
def post_hide(*, post: Post, actor: User, reason: str) -> None:
    """Hide a post and uphold the flags on it; its author is told why and may edit it."""
    _require_moderator(actor)
    reason = _require_reason(reason)
    post = _fresh(post)
    if post.is_deleted:
        raise ValidationError(_("This post was deleted."))
    before = _post_state(post)
    qa_moderation.post_visibility_set(
        post=post, visibility=Visibility.HIDDEN, actor=actor, reason=reason
    )
    _settle(post=post, actor=actor, outcome="hide", upheld=True)
    notice_send(member=post.author, text=_hidden_notice(post, reason))
    _audit_post(actor=actor, action="hide", post=post, reason=reason, before=before)


@transaction.atomic
def post_delete(*, post: Post, actor: User, reason: str) -> None:
    """Delete a post and uphold the flags on it."""
    _require_moderator(actor)
    reason = _require_reason(reason)
    post = _fresh(post)
    if post.is_deleted:
        raise ValidationError(_("This post was deleted."))
    before = _post_state(post)
    if isinstance(post, Question):
        qa_services.question_delete(question=post, actor=actor)
    else:
        assert isinstance(post, Answer)
        qa_services.answer_delete(answer=post, actor=actor)
    _settle(post=post, actor=actor, outcome="delete", upheld=True)
    notice_send(
        member=post.author,
        text=_("A moderator deleted your post “%(post)s”: %(reason)s")
        % {"post": post_label(post), "reason": reason},
    )
    _audit_post(actor=actor, action="delete", post=post, reason=reason, before=before)


def _hidden_notice(post: Post, reason: str) -> str:
    return _("Your post “%(post)s” was hidden: %(reason)s. Edit it to ask for another review.") % {
        "post": post_label(post),
        "reason": reason,
    }


@transaction.atomic
def question_lock(*, question: Question, actor: User, locked: bool, reason: str) -> None:
    """Lock a question against new answers, or unlock it."""
    _require_moderator(actor)
    reason = _require_reason(reason)
    question = Question.objects.get(pk=question.pk)
    if (question.locked_at is not None) == locked:
        raise ValidationError(
            _("This question is already locked.") if locked else _("This question is not locked.")
        )
    before = _post_state(question)
    qa_moderation.question_lock_set(question=question, actor=actor, locked=locked)
    audit_record(
        actor=actor,
        action="lock" if locked else "unlock",
        target_kind="question",
        target_id=question.pk,
        target_label=post_label(question),
        reason=reason,
        before=before,
        after=_post_state(Question.objects.get(pk=question.pk)),
    )


@transaction.atomic
def question_close_duplicate(
    *, question: Question, original: Question, actor: User, reason: str
) -> None:
    """Close a question as a duplicate of another."""
    _require_moderator(actor)
    reason = reason.strip() or _("Duplicate of question %(id)s") % {"id": original.pk}
    question = Question.objects.get(pk=question.pk)
    before = _post_state(question)
    qa_moderation.question_close_as_duplicate(question=question, duplicate_of=original, actor=actor)
    _audit_post(actor=actor, action="close_duplicate", post=question, reason=reason, before=before)


@transaction.atomic
def question_reopen(*, question: Question, actor: User, reason: str) -> None:
    """Reopen a question closed as a duplicate."""
    _require_moderator(actor)
    reason = _require_reason(reason)
    question = Question.objects.get(pk=question.pk)
    if question.closed_at is None:
        raise ValidationError(_("This question is not closed."))
    before = _post_state(question)
    qa_moderation.question_reopen(question=question, actor=actor)
    _audit_post(actor=actor, action="reopen", post=question, reason=reason, before=before)


@transaction.atomic
def question_move(*, question: Question, topics: list[Topic], actor: User, reason: str) -> None:
    """Move a question to other topics."""
    _require_moderator(actor)
    reason = _require_reason(reason)
    question = Question.objects.get(pk=question.pk)
    before = _post_state(question)
    qa_moderation.question_topics_set(question=question, topics=topics, actor=actor)
    _audit_post(actor=actor, action="move", post=question, reason=reason, before=before)


@transaction.atomic
def spammer_delete(*, member: User, actor: User, reason: str, block_domains: bool = True) -> int:
    """Delete everything a member posted, close their account and, if asked, block their links.

    Returns how many posts were deleted. The account stays, suspended for good, so the
    audit log keeps naming it and its address cannot sign up again.
    """
    _check_can_penalise(member, actor)
    reason = _require_reason(reason)
    domains: set[str] = set()
    if block_domains:
        for model in (Question, Answer):
            for body in model.objects.filter(author=member, is_deleted=False).values_list(
                "body", flat=True
            ):
                domains.update(text.link_domains(body))
        domains -= set(
            SpamDomain.objects.filter(domain__in=domains).values_list("domain", flat=True)
        )
        SpamDomain.objects.bulk_create(
            [SpamDomain(domain=domain[:253], added_by=actor) for domain in sorted(domains)],
            ignore_conflicts=True,
        )
    count = qa_moderation.member_posts_delete(member=member, actor=actor)
    now = timezone.now()
    for review in Review.objects.filter(author=member, resolved_at=None):
        _settle_review_of_deleted(review, actor, now)
    _penalise(member=member, kind=Penalty.Kind.SUSPEND, length=FOREVER, reason=reason, actor=actor)
    audit_record(
        actor=actor,
        action="delete_spammer",
        target_kind="member",
        target_id=member.pk,
        target_label=member.username,
        reason=reason,
        after={"posts_deleted": count, "domains_blocked": sorted(domains)},
    )
    return count


def _settle_review_of_deleted(review: Review, actor: User, now: Any) -> None:
    Review.objects.filter(pk=review.pk).update(resolved_at=now, resolved_by=actor, outcome="delete")
    flags = Flag.objects.filter(
        post_kind=review.post_kind, post_id=review.post_id, resolved_at=None
    )
    ids = list(flags.values_list("flagger_id", flat=True))
    flags.update(resolved_at=now, outcome=Flag.Outcome.UPHELD)
    Standing.objects.filter(member_id__in=ids).update(flags_upheld=F("flags_upheld") + 1)


@transaction.atomic
def spam_domain_add(*, domain: str, actor: User, reason: str) -> SpamDomain:
    """Block links to a domain: new members' posts that link to it wait for review."""
    _require_moderator(actor)
    hosts = text.link_domains(f"https://{domain.strip().lower()}")
    if not hosts or "." not in hosts[0] or hosts[0] != domain.strip().lower().strip("."):
        raise ValidationError(_("Enter a domain such as spam.example."))
    row, created = SpamDomain.objects.get_or_create(domain=hosts[0], defaults={"added_by": actor})
    if not created:
        raise ValidationError(_("That domain is already blocked."))
    audit_record(
        actor=actor,
        action="spam_domain_add",
        target_kind="domain",
        target_id=row.pk,
        target_label=row.domain,
        reason=reason,
    )
    return row


@transaction.atomic
def author_reveal(*, post: Post, actor: User, reason: str) -> User:
    """Return who wrote an anonymous post: administrators only, with a reason on record."""
    if not can_reveal_anonymous(actor):
        raise PermissionDenied(_("Only administrators can see who wrote an anonymous post."))
    reason = _require_reason(reason)
    audit_record(
        actor=actor,
        action="reveal_author",
        target_kind=post_kind(post),
        target_id=post.pk,
        target_label=post_label(post),
        reason=reason,
    )
    return post.author
