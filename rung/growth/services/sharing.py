"""Writes for sharing a plan, answering an invitation, and commenting on goals."""

import datetime
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.growth.models import Comment, Goal, GrowthPlan, Share, ShareRole, ShareView
from rung.growth.services.submit_once import SubmitOnce

COMMENT_MAX_LENGTH = 5_000
VIEW_REPEAT_WINDOW = datetime.timedelta(minutes=10)


def _find_member(identifier: str) -> User | None:
    """Return the active member with this username or email, or None.

    Usernames are tried first: an email only matches when no username does, so a
    lookup never tells more about an address than about a username.
    """
    member = User.objects.filter(username__iexact=identifier, is_active=True).first()
    if member is None and "@" in identifier:
        matches = list(User.objects.filter(email__iexact=identifier, is_active=True)[:2])
        # Two members with one address cannot be told apart: treat it as no match.
        member = matches[0] if len(matches) == 1 else None
    return member


def growth_plan_share(
    *,
    plan: GrowthPlan,
    owner: User,
    invitee_identifier: str,
    role: str,
    include_reviews: bool,
) -> Share:
    """Invite a member, by username or email, to see a plan; they must accept first."""
    if plan.owner_id != owner.pk:
        raise PermissionDenied(_("Only the owner of this plan can share it."))
    identifier = invitee_identifier.strip()
    if not identifier:
        raise ValidationError(_("Enter the username or email of the person to invite."))
    if role not in ShareRole.values:
        raise ValidationError(_("Choose whether they can read or comment."))
    invitee = _find_member(identifier)
    if invitee is None:
        raise ValidationError(_("No member with that username or email."))
    if invitee.pk == owner.pk:
        raise ValidationError(_("This is your own plan: invite someone else."))
    with transaction.atomic():
        # Invitations to one plan are made one at a time, so the check below holds.
        GrowthPlan.objects.select_for_update().filter(pk=plan.pk).first()
        if Share.objects.filter(plan=plan, grantee=invitee, revoked_at__isnull=True).exists():
            raise ValidationError(
                _("%(name)s already has access to this plan or an invitation to it.")
                % {"name": invitee.name}
            )
        try:
            with transaction.atomic():
                return Share.objects.create(
                    plan=plan, grantee=invitee, role=role, include_reviews=include_reviews
                )
        except IntegrityError:
            # A concurrent invitation won the race for the one live share per person.
            raise ValidationError(
                _("%(name)s already has access to this plan or an invitation to it.")
                % {"name": invitee.name}
            ) from None


def _open_invitation(share: Share, member: User) -> Share:
    """Return a fresh copy of an invitation to this member still awaiting an answer, locked.

    Call inside a transaction: the lock holds until it ends, so one answer wins.
    """
    current = Share.objects.select_for_update().get(pk=share.pk)
    if current.grantee_id != member.pk:
        raise PermissionDenied(_("This invitation is for someone else."))
    if current.revoked_at is not None:
        raise ValidationError(_("This invitation was withdrawn by the plan's owner."))
    if current.accepted_at is not None:
        raise ValidationError(_("You already accepted this invitation."))
    return current


def share_accept(*, share: Share, member: User) -> Share:
    """Accept an invitation addressed to this member."""
    with transaction.atomic():
        current = _open_invitation(share, member)
        current.accepted_at = timezone.now()
        current.save(update_fields=["accepted_at"])
    share.accepted_at = current.accepted_at
    return current


def share_decline(*, share: Share, member: User) -> None:
    """Decline an invitation addressed to this member; it is removed without a trace."""
    with transaction.atomic():
        _open_invitation(share, member).delete()


def share_revoke(*, share: Share, owner: User) -> Share:
    """End a share or withdraw an invitation; the row stays as history."""
    with transaction.atomic():
        current = Share.objects.select_for_update().select_related("plan").get(pk=share.pk)
        if current.plan.owner_id != owner.pk:
            raise PermissionDenied(_("Only the owner of this plan can change who sees it."))
        if current.revoked_at is not None:
            raise ValidationError(_("This share was already revoked."))
        current.revoked_at = timezone.now()
        current.save(update_fields=["revoked_at"])
    share.revoked_at = current.revoked_at
    return current


def share_view_record(*, share: Share, what: str) -> ShareView | None:
    """Note that the person a plan is shared with looked at part of it, once per visit.

    Another look at the same part within VIEW_REPEAT_WINDOW of the last one recorded is
    the same visit and is not stored again, so reading a plan for an hour (or reloading
    it) leaves a few rows in the owner's log rather than hundreds.
    """
    since = timezone.now() - VIEW_REPEAT_WINDOW
    if ShareView.objects.filter(share=share, what=what, viewed_at__gte=since).exists():
        return None
    return ShareView.objects.create(share=share, what=what)


def comment_create(
    *,
    goal: Goal,
    author: User,
    body: str,
    parent: Comment | None = None,
    submit_token: uuid.UUID | None = None,
) -> Comment:
    """Add a comment to a goal, or a reply to a comment on the same goal.

    A repeated submit token returns the comment already posted.
    """
    text = body.strip()
    if not text:
        raise ValidationError(_("Write something before posting."))
    if len(text) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            _("A comment can be at most %(max)d characters.") % {"max": COMMENT_MAX_LENGTH}
        )
    parent_id = None
    if parent is not None:
        if parent.goal_id != goal.pk:
            raise ValidationError(_("The comment you replied to is not on this goal."))
        # Threads are one level deep: a reply to a reply joins the thread it belongs to.
        parent_id = parent.parent_id or parent.pk
    with transaction.atomic():
        submit = SubmitOnce(Comment.objects.filter(author=author), submit_token)
        if earlier := submit.earlier(goal_id=goal.pk, parent_id=parent_id, body=text):
            return earlier
        comment = Comment(
            goal=goal, author=author, body=text, parent_id=parent_id, submit_token=submit.token
        )
        return submit.save(comment)


def comment_delete(*, comment: Comment, actor: User) -> None:
    """Delete a comment as its author or the plan's owner; its replies start threads."""
    plan_owner_id = (
        GrowthPlan.objects.filter(goals__comments=comment).values_list("owner_id", flat=True).get()
    )
    if actor.pk not in (comment.author_id, plan_owner_id):
        raise PermissionDenied(_("Only the author or the plan's owner can delete a comment."))
    with transaction.atomic():
        # Deleting one comment must not take other people's replies with it.
        Comment.objects.filter(parent=comment).update(parent=comment.parent_id)
        Comment.objects.filter(pk=comment.pk).delete()
