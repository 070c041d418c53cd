"""Flags: members report a post; enough weight from trusted flaggers hides it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.accounts.roles import is_moderator
from rung.core import ratelimit
from rung.moderation import levels
from rung.moderation.models import (
    Flag,
    Penalty,
    Review,
)
from rung.moderation.services.audit import _fresh
from rung.moderation.services.penalties import notice_send, penalty_lift
from rung.moderation.services.queue import _hidden_notice, review_open
from rung.moderation.services.standing import standing_of
from rung.qa import moderation_services as qa_moderation
from rung.qa.models import Post, Visibility
from rung.qa.posts import post_kind, post_question


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
