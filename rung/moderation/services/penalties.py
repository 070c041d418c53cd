"""Notices to members, and penalties: silencing and suspending, lifting, expiry."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.accounts.roles import is_administrator, is_moderator
from rung.moderation.models import (
    Notice,
    Penalty,
)
from rung.moderation.services.audit import audit_record

MAX_PENALTY_DAYS = 3650


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
