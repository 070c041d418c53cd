"""Every write of moderation: standing, holds, flags, the queue's actions, penalties, audit.

Each service is keyword-only and atomic. Actions a moderator or administrator takes are
recorded in the audit log in the same transaction, so no action happens unrecorded.
"""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.accounts.roles import can_reveal_anonymous, is_administrator, is_moderator
from rung.core import ratelimit
from rung.moderation import levels, text
from rung.moderation.models import (
    AuditEntry,
    Flag,
    Notice,
    Penalty,
    Review,
    SpamDomain,
    Standing,
    TrustLevel,
)
from rung.qa import moderation_services as qa_moderation
from rung.qa import services as qa_services
from rung.qa.models import Answer, Post, Question, Topic, Visibility
from rung.qa.posts import post_kind, post_question

# A suspension this long is the end of an account: what deleting a spammer gives.
FOREVER = timedelta(days=365 * 100)
MAX_PENALTY_DAYS = 3650


# --- audit ---------------------------------------------------------------------------------


def post_label(post: Post) -> str:
    """Name a post for the audit log and the queue, never its author."""
    question = post_question(post)
    kind = post_kind(post)
    if kind == "question":
        return question.title[:200]
    return (
        _("%(kind)s %(id)s on “%(title)s”") % {"kind": kind, "id": post.pk, "title": question.title}
    )[:200]


def audit_record(
    *,
    actor: User,
    action: str,
    target_kind: str,
    target_id: int | None,
    target_label: str = "",
    reason: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record one moderator or administrator action."""
    return AuditEntry.objects.create(
        actor=actor,
        actor_name=actor.username,
        action=action,
        target_kind=target_kind,
        target_id=target_id,
        target_label=target_label[:200],
        reason=reason[:500],
        before=before or {},
        after=after or {},
    )


def _post_state(post: Post) -> dict[str, Any]:
    state: dict[str, Any] = {"visibility": post.visibility, "deleted": post.is_deleted}
    if isinstance(post, Question):
        state |= {
            "locked": post.locked_at is not None,
            "duplicate_of": post.duplicate_of_id,
            "topics": sorted(post.topics.values_list("slug", flat=True)),
        }
    return state


def _fresh(post: Post) -> Post:
    return type(post)._default_manager.get(pk=post.pk)


# --- standing ------------------------------------------------------------------------------


# More visit-days than any default threshold asks for; counting further changes no level.
VISITS_COUNTED = 100


def member_facts(member: User, standing: Standing) -> dict[str, int]:
    """Count what a trust level is earned from, as of now."""
    posts = (
        Question.objects.filter(author=member, is_deleted=False).count()
        + Answer.objects.filter(author=member, is_deleted=False).count()
    )
    likes = sum(
        model.objects.filter(author=member, is_deleted=False).aggregate(n=Sum("like_count"))["n"]
        or 0
        for model in (Question, Answer)
    )
    # A day the member wrote something is a day they visited, whether or not a log-in was
    # counted then (posts imported or written before moderation was installed).
    writing_days: set[object] = set()
    for model in (Question, Answer):
        writing_days.update(
            model.objects.filter(author=member)
            .annotate(day=TruncDate("created_at"))
            .values_list("day", flat=True)
            .distinct()[:VISITS_COUNTED]
        )
    return {
        "days": (timezone.now() - member.date_joined).days,
        "visits": max(standing.days_visited, len(writing_days)),
        "posts": posts,
        "likes": likes,
        "flags_upheld": standing.flags_upheld,
    }


@transaction.atomic
def standing_recompute(*, member: User) -> Standing:
    """Count a member's record again and raise their trust level if they earned more.

    Levels are earned, not lost: a member who stops posting stays where they got to.
    A level set by a moderator stays as set.
    """
    standing, _created = Standing.objects.select_for_update().get_or_create(member=member)
    facts = member_facts(member, standing)
    standing.posts_written = facts["posts"]
    standing.likes_received = facts["likes"]
    if not standing.level_locked:
        standing.trust_level = max(standing.trust_level, levels.earned_level(facts))
    standing.computed_at = timezone.now()
    standing.save()
    return standing


def standing_of(member: User) -> Standing:
    """Return a member's standing, counting it the first time it is asked for."""
    standing = Standing.objects.filter(member=member).first()
    return standing if standing is not None else standing_recompute(member=member)


@transaction.atomic
def trust_level_set(*, member: User, level: int, actor: User, reason: str) -> Standing:
    """Set a member's trust level by hand; recomputing then leaves it alone."""
    if level not in TrustLevel.values:
        raise ValidationError(_("Choose a trust level."))
    standing = standing_of(member)
    before = {"trust_level": standing.trust_level, "locked": standing.level_locked}
    standing.trust_level = level
    standing.level_locked = True
    standing.save(update_fields=["trust_level", "level_locked"])
    audit_record(
        actor=actor,
        action="trust_level_set",
        target_kind="member",
        target_id=member.pk,
        target_label=member.username,
        reason=reason,
        before=before,
        after={"trust_level": level, "locked": True},
    )
    return standing


def visit_record(*, member: User) -> None:
    """Count today as a day the member visited (once a day)."""
    today = timezone.localdate()
    updated = (
        Standing.objects.filter(member=member)
        .exclude(last_visit_on=today)
        .update(days_visited=F("days_visited") + 1, last_visit_on=today)
    )
    if updated:
        return
    try:
        with transaction.atomic():
            Standing.objects.get_or_create(
                member=member, defaults={"days_visited": 1, "last_visit_on": today}
            )
    except IntegrityError:
        pass  # another request of the same member made it first


# --- notices and penalties -------------------------------------------------------------------


def notice_send(*, member: User, text: str) -> Notice:
    """Leave a message the member sees on their next page."""
    return Notice.objects.create(member=member, text=text[:600])


def notices_take(*, member: User) -> list[Notice]:
    """Return the member's latest notices, newest first, marking the unseen ones seen."""
    notices = list(Notice.objects.filter(member=member).order_by("-created_at", "-pk")[:20])
    unseen = [notice.pk for notice in notices if notice.shown_at is None]
    if unseen:
        Notice.objects.filter(pk__in=unseen).update(shown_at=timezone.now())
    return notices


def penalty_active(member: User, kind: str | None = None) -> Penalty | None:
    """Return the member's penalty in force that ends last (of one kind, if given)."""
    penalties = Penalty.objects.filter(member=member, until__gt=timezone.now(), lifted_at=None)
    if kind is not None:
        penalties = penalties.filter(kind=kind)
    return penalties.order_by("-until").first()


def penalty_message(penalty: Penalty) -> str:
    """Tell a member what penalty they are under, why, and until when."""
    until = date_format(timezone.localtime(penalty.until), "DATETIME_FORMAT")
    if penalty.kind == Penalty.Kind.SUSPEND:
        return _("Your account is suspended until %(until)s: %(reason)s") % {
            "until": until,
            "reason": penalty.reason,
        }
    return _("You cannot post until %(until)s: %(reason)s") % {
        "until": until,
        "reason": penalty.reason,
    }


def _check_can_penalise(member: User, actor: User) -> None:
    if not is_moderator(actor):
        raise PermissionDenied(_("Only moderators can do that."))
    if member.pk == actor.pk:
        raise ValidationError(_("You cannot act against your own account."))
    if is_administrator(member):
        raise ValidationError(_("Administrators cannot be suspended or silenced."))
    if is_moderator(member) and not is_administrator(actor):
        raise ValidationError(_("Only an administrator can suspend or silence a moderator."))


@transaction.atomic
def penalty_set(*, member: User, kind: str, days: int, reason: str, actor: User) -> Penalty:
    """Suspend (no log-in) or silence (no posting) a member for some days, with a reason."""
    _check_can_penalise(member, actor)
    if kind not in Penalty.Kind.values:
        raise ValidationError(_("Choose to suspend or to silence."))
    if not 1 <= days <= MAX_PENALTY_DAYS:
        raise ValidationError(_("Choose between 1 and %(max)d days.") % {"max": MAX_PENALTY_DAYS})
    if not reason.strip():
        raise ValidationError(_("Give a reason: the member sees it."))
    return _penalise(
        member=member, kind=kind, length=timedelta(days=days), reason=reason, actor=actor
    )


def _penalise(*, member: User, kind: str, length: timedelta, reason: str, actor: User) -> Penalty:
    penalty = Penalty.objects.create(
        member=member, kind=kind, until=timezone.now() + length, reason=reason.strip(), by=actor
    )
    if kind == Penalty.Kind.SUSPEND and member.is_active:
        # An inactive account cannot log in and its sessions end; the log-in form says why.
        User.objects.filter(pk=member.pk).update(is_active=False)
        Penalty.objects.filter(pk=penalty.pk).update(deactivated=True)
        penalty.deactivated = True
    else:
        notice_send(member=member, text=penalty_message(penalty))
    audit_record(
        actor=actor,
        action=kind,
        target_kind="member",
        target_id=member.pk,
        target_label=member.username,
        reason=reason,
        after={"until": penalty.until.isoformat()},
    )
    return penalty


@transaction.atomic
def penalty_lift(*, penalty: Penalty, actor: User | None, reason: str = "") -> None:
    """End a penalty now (a moderator) or at its end (actor None, on log-in or by command)."""
    if actor is not None and not is_moderator(actor):
        raise PermissionDenied(_("Only moderators can do that."))
    penalty = Penalty.objects.select_for_update().get(pk=penalty.pk)
    if penalty.lifted_at is not None:
        raise ValidationError(_("This penalty was already lifted."))
    penalty.lifted_at = timezone.now()
    penalty.save(update_fields=["lifted_at"])
    still_suspended = penalty_active(penalty.member, Penalty.Kind.SUSPEND)
    if penalty.deactivated and still_suspended is None:
        User.objects.filter(pk=penalty.member_id).update(is_active=True)
    if actor is not None:
        audit_record(
            actor=actor,
            action=f"{penalty.kind}_lift",
            target_kind="member",
            target_id=penalty.member_id,
            target_label=penalty.member.username,
            reason=reason,
            before={"until": penalty.until.isoformat()},
        )


def penalties_expire() -> int:
    """Lift every suspension that has run out; return how many."""
    expired = Penalty.objects.filter(
        kind=Penalty.Kind.SUSPEND, lifted_at=None, until__lte=timezone.now()
    )
    count = 0
    for penalty in expired:
        penalty_lift(penalty=penalty, actor=None)
        count += 1
    return count


# --- the queue -------------------------------------------------------------------------------


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
    audit_record(
        actor=actor,
        action="close_duplicate",
        target_kind="question",
        target_id=question.pk,
        target_label=post_label(question),
        reason=reason,
        before=before,
        after=_post_state(Question.objects.get(pk=question.pk)),
    )


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
    audit_record(
        actor=actor,
        action="reopen",
        target_kind="question",
        target_id=question.pk,
        target_label=post_label(question),
        reason=reason,
        before=before,
        after=_post_state(Question.objects.get(pk=question.pk)),
    )


@transaction.atomic
def question_move(*, question: Question, topics: list[Topic], actor: User, reason: str) -> None:
    """Move a question to other topics."""
    _require_moderator(actor)
    reason = _require_reason(reason)
    question = Question.objects.get(pk=question.pk)
    before = _post_state(question)
    qa_moderation.question_topics_set(question=question, topics=topics, actor=actor)
    audit_record(
        actor=actor,
        action="move",
        target_kind="question",
        target_id=question.pk,
        target_label=post_label(question),
        reason=reason,
        before=before,
        after=_post_state(Question.objects.get(pk=question.pk)),
    )


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


# --- flags -----------------------------------------------------------------------------------


@transaction.atomic
def flag_create(*, post: Post, flagger: User, reason: str, note: str = "") -> Flag:
    """Flag a post; enough weight from trusted members hides it until a moderator looks."""
    post = _fresh(post)
    if post.is_deleted or post_question(post).is_deleted:
        raise ValidationError(_("This post was deleted."))
    if post.author_id == flagger.pk:
        raise ValidationError(_("You cannot flag your own post."))
    if reason not in Flag.Reason.values:
        raise ValidationError(_("Choose why you are flagging this post."))
    if reason == Flag.Reason.OTHER and not note.strip():
        raise ValidationError({"note": _("Tell the moderators what needs their attention.")})
    kind = post_kind(post)
    if Flag.objects.filter(post_kind=kind, post_id=post.pk, flagger=flagger).exists():
        raise ValidationError(_("You already flagged this post."))
    standing = standing_of(flagger)
    if settings.RUNG_RATE_LIMITS and not is_moderator(flagger):
        per_day = levels.limit("flags_per_day", standing.trust_level)
        verdict = ratelimit.hit("mod-flags-d", str(flagger.pk), ratelimit.Rate(per_day, 86400))
        if not verdict.allowed:
            raise ratelimit.Limited(
                _("You can flag %(n)d posts a day; you have used them all.") % {"n": per_day},
                verdict.retry_after,
            )
    weight = levels.flag_weight(
        standing.trust_level, standing.flags_upheld, standing.flags_rejected
    )
    try:
        with transaction.atomic():
            flag = Flag.objects.create(
                post_kind=kind,
                post_id=post.pk,
                flagger=flagger,
                reason=reason,
                note=note.strip()[:500],
                weight=weight,
            )
    except IntegrityError:
        raise ValidationError(_("You already flagged this post.")) from None
    review_open(post=post, why=Review.Why.FLAGGED, detail=str(Flag.Reason(reason).label))
    total = (
        Flag.objects.filter(post_kind=kind, post_id=post.pk, resolved_at=None).aggregate(
            total=Sum("weight")
        )["total"]
        or 0
    )
    if total >= settings.RUNG_FLAG_HIDE_WEIGHT and post.visibility == Visibility.PUBLISHED:
        why = _("flagged by the community as %(reason)s") % {
            "reason": Flag.Reason(reason).label.lower()
        }
        qa_moderation.post_visibility_set(
            post=post, visibility=Visibility.HIDDEN, actor=flagger, reason=why
        )
        notice_send(member=post.author, text=_hidden_notice(post, why))
    return flag


def penalties_expire_for(*, member: User) -> bool:
    """Lift a member's suspensions that have run out; say whether any was."""
    expired = Penalty.objects.filter(
        member=member, kind=Penalty.Kind.SUSPEND, lifted_at=None, until__lte=timezone.now()
    )
    lifted = False
    for penalty in expired:
        penalty_lift(penalty=penalty, actor=None)
        lifted = True
    return lifted
