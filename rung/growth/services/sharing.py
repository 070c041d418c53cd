"""Writes for sharing a plan, answering an invitation, and commenting on goals."""

import datetime
import hashlib
import hmac
import secrets
import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rung.accounts.models import User
from rung.accounts.roles import is_new_member
from rung.accounts.selectors import member_own_emails
from rung.core import ratelimit
from rung.core.submit_once import SubmitOnce
from rung.growth import events
from rung.growth.models import Comment, Goal, GrowthPlan, Share, ShareRole, ShareView
from rung.growth.tasks import send_plan_invitation

COMMENT_MAX_LENGTH = 5_000
VIEW_REPEAT_WINDOW = datetime.timedelta(minutes=10)


class InvitationLimitReached(ValidationError):
    """The owner sent as many invitations as the limits allow for now."""

    def __init__(self, retry_after: int) -> None:
        minutes = max(1, -(-retry_after // 60))
        super().__init__(
            ngettext(
                "You have sent many invitations in a short time. Try again in %(minutes)d minute.",
                "You have sent many invitations in a short time. Try again in %(minutes)d minutes.",
                minutes,
            )
            % {"minutes": minutes}
        )
        self.retry_after = retry_after


def _count_invitation(owner: User) -> None:
    """Count one invitation attempt by the owner, whatever it names; refuse past the limits."""
    if not settings.RUNG_RATE_LIMITS:
        return
    limits = (
        settings.RUNG_NEW_MEMBER_INVITATION_LIMITS
        if is_new_member(owner)
        else settings.RUNG_SHARE_INVITATION_LIMITS
    )
    for text in limits.split(","):
        rate = ratelimit.Rate.parse(text)
        verdict = ratelimit.hit(f"share-invite-{rate.seconds}", f"member:{owner.pk}", rate)
        if not verdict.allowed:
            raise InvitationLimitReached(verdict.retry_after)


def _find_member_by_username(username: str) -> User | None:
    return User.objects.filter(username__iexact=username, is_active=True).first()


def growth_plan_share(
    *,
    plan: GrowthPlan,
    owner: User,
    invitee_identifier: str,
    role: str,
    include_reviews: bool,
) -> Share:
    """Invite someone to see a plan, by username or by email address; they accept first.

    An address is never matched against members: the invitation is mailed to it with a
    link, and whoever holds the mailbox accepts it through that link as the member they
    are (or become). So inviting a member's address and an unknown one look the same to
    the owner, and the owner learns whose address it was only once its holder accepts.
    """
    if plan.owner_id != owner.pk:
        raise PermissionDenied(_("Only the owner of this plan can share it."))
    identifier = invitee_identifier.strip()
    if not identifier:
        raise ValidationError(_("Enter the username or email of the person to invite."))
    if role not in ShareRole.values:
        raise ValidationError(_("Choose whether they can read or comment."))
    _count_invitation(owner)
    if "@" in identifier:
        return _invite_by_email(plan, owner, identifier, role, include_reviews)
    invitee = _find_member_by_username(identifier)
    if invitee is None:
        # Usernames are public (they are in every profile address), so this tells nothing.
        raise ValidationError(_("No member with that username."))
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
                share = Share.objects.create(
                    plan=plan, grantee=invitee, role=role, include_reviews=include_reviews
                )
        except IntegrityError:
            # A concurrent invitation won the race for the one live share per person.
            raise ValidationError(
                _("%(name)s already has access to this plan or an invitation to it.")
                % {"name": invitee.name}
            ) from None
        _announce_invitation(share, owner)
        return share


def _announce_invitation(share: Share, owner: User) -> None:
    events.publish(
        events.PlanShared(
            plan_id=share.plan_id,
            owner_id=owner.pk,
            share_id=share.pk,
            member_id=share.grantee_id,
            role=share.role,
            include_reviews=share.include_reviews,
        )
    )


def _invite_by_email(
    plan: GrowthPlan, owner: User, address: str, role: str, include_reviews: bool
) -> Share:
    try:
        validate_email(address)
    except ValidationError:
        raise ValidationError(_("Enter a valid email address.")) from None
    address = address.lower()
    if address in member_own_emails(owner):
        raise ValidationError(_("This is your own plan: invite someone else."))
    with transaction.atomic():
        GrowthPlan.objects.select_for_update().filter(pk=plan.pk).first()
        open_invitation = Share.objects.filter(
            plan=plan, invitee_email=address, grantee__isnull=True, revoked_at__isnull=True
        )
        if open_invitation.exists():
            raise ValidationError(
                _("%(address)s was already invited and has not answered yet.")
                % {"address": address}
            )
        share = Share.objects.create(
            plan=plan, invitee_email=address, role=role, include_reviews=include_reviews
        )
        # Sent by the task worker; enqueued in this transaction, so only if the share is saved.
        send_plan_invitation.enqueue(share.pk)
        _announce_invitation(share, owner)
    return share


def invitation_link_token_set(share: Share) -> str:
    """Make a new secret for the invitation's link and keep only its hash; return the secret."""
    token = secrets.token_urlsafe(24)
    Share.objects.filter(pk=share.pk).update(link_token_hash=_token_hash(token))
    return token


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_link_matches(share: Share, token: str) -> bool:
    """Say whether a link's secret is the one mailed for this invitation."""
    return bool(share.link_token_hash) and hmac.compare_digest(
        share.link_token_hash, _token_hash(token)
    )


def _open_invitation(share: Share, member: User) -> Share:
    """Return a fresh copy of an invitation to this member still awaiting an answer, locked.

    An invitation by email is open to whoever came through its mailed link (the access
    helpers check the link); accepting it makes them its grantee. Call inside a
    transaction: the lock holds until it ends, so one answer wins.
    """
    current = Share.objects.select_for_update().get(pk=share.pk)
    if current.grantee_id is not None and current.grantee_id != member.pk:
        raise PermissionDenied(_("This invitation is for someone else."))
    if current.revoked_at is not None:
        raise ValidationError(_("This invitation was withdrawn by the plan's owner."))
    if current.accepted_at is not None:
        raise ValidationError(_("You already accepted this invitation."))
    return current


def share_accept(*, share: Share, member: User) -> Share:
    """Accept an invitation addressed to this member, or opened through its mailed link."""
    with transaction.atomic():
        current = _open_invitation(share, member)
        plan = GrowthPlan.objects.select_for_update().get(pk=current.plan_id)
        if plan.owner_id == member.pk:
            raise ValidationError(_("This is your own plan: it needs no invitation."))
        twice = (
            current.grantee_id is None
            and Share.objects.filter(plan=plan, grantee=member, revoked_at__isnull=True).exists()
        )
        if twice:
            # Invited twice (by name and by address): the other invitation stands.
            current.delete()
        else:
            # The link keeps working for its new grantee (and 404s for anyone else).
            current.grantee = member
            current.accepted_at = timezone.now()
            current.save(update_fields=["grantee", "accepted_at"])
            events.publish(
                events.ShareAccepted(
                    plan_id=plan.pk,
                    owner_id=plan.owner_id,
                    share_id=current.pk,
                    member_id=member.pk,
                )
            )
    if twice:
        raise ValidationError(_("You already have access to this plan or an invitation to it."))
    share.grantee = current.grantee
    share.accepted_at = current.accepted_at
    return current


def share_decline(*, share: Share, member: User) -> None:
    """Decline an invitation addressed to this member; it is removed without a trace."""
    with transaction.atomic():
        current = _open_invitation(share, member)
        owner_id = GrowthPlan.objects.values_list("owner_id", flat=True).get(pk=current.plan_id)
        share_id, named = current.pk, current.grantee_id
        current.delete()
        events.publish(
            events.ShareDeclined(
                plan_id=current.plan_id, owner_id=owner_id, share_id=share_id, member_id=named
            )
        )


def share_revoke(*, share: Share, owner: User) -> Share:
    """End a share or withdraw an invitation; the row stays as history."""
    with transaction.atomic():
        current = Share.objects.select_for_update().select_related("plan").get(pk=share.pk)
        if current.plan.owner_id != owner.pk:
            raise PermissionDenied(_("Only the owner of this plan can change who sees it."))
        if current.revoked_at is not None:
            raise ValidationError(_("This share was already revoked."))
        current.revoked_at = timezone.now()
        current.link_token_hash = ""
        current.save(update_fields=["revoked_at", "link_token_hash"])
        events.publish(
            events.ShareRevoked(
                plan_id=current.plan_id,
                owner_id=owner.pk,
                share_id=current.pk,
                member_id=current.grantee_id,
                was_accepted=current.accepted_at is not None,
            )
        )
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
        saved = submit.save(comment)
        if saved is comment:
            plan_id, owner_id = GrowthPlan.objects.values_list("pk", "owner_id").get(goals=goal)
            events.publish(
                events.PlanCommentPosted(
                    plan_id=plan_id,
                    owner_id=owner_id,
                    comment_id=comment.pk,
                    goal_id=goal.pk,
                    author_id=author.pk,
                    parent_id=parent_id,
                )
            )
        return saved


def comment_delete(*, comment: Comment, actor: User) -> None:
    """Delete a comment as its author or the plan's owner; its replies start threads."""
    plan_id, plan_owner_id = (
        GrowthPlan.objects.filter(goals__comments=comment).values_list("pk", "owner_id").get()
    )
    if actor.pk not in (comment.author_id, plan_owner_id):
        raise PermissionDenied(_("Only the author or the plan's owner can delete a comment."))
    with transaction.atomic():
        # Deleting one comment must not take other people's replies with it.
        Comment.objects.filter(parent=comment).update(parent=comment.parent_id)
        deleted, _rows = Comment.objects.filter(pk=comment.pk).delete()
        if deleted:
            # Announced once, though two deletes of one comment may cross.
            events.publish(
                events.PlanCommentDeleted(
                    plan_id=plan_id,
                    owner_id=plan_owner_id,
                    comment_id=comment.pk,
                    goal_id=comment.goal_id,
                    author_id=comment.author_id,
                    actor_id=actor.pk,
                )
            )
