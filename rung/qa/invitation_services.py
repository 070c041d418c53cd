"""Writes for invitations to answer: the asker invites a member, the member may decline.

Each publishes an event (`events.AnswerInvited`, `events.AnswerInvitationDeclined`) for
the notifications built on them. An invitation is made once per member and question:
declining it does not let the asker ask again.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rung.accounts.models import User
from rung.core.ratelimit import Limited
from rung.qa import events
from rung.qa.models import Answer, AnswerInvitation, Question, Visibility

DAY = datetime.timedelta(days=1)


def _check_open(question: Question) -> None:
    """Refuse invitations to a question that takes no answers."""
    if question.is_deleted:
        raise ValidationError(_("This question was deleted."))
    if question.visibility != Visibility.PUBLISHED:
        raise ValidationError(
            _("This question is not published, so no one can be invited to answer it.")
        )
    if question.closed_at is not None:
        raise ValidationError(
            _("This question was closed as a duplicate, so no one can be invited to answer it.")
        )
    if question.locked_at is not None:
        raise ValidationError(_("This question is locked, so no one can be invited to answer it."))


def _check_limits(question: Question, inviter: User) -> None:
    """Refuse an invitation past the question's or the asker's limit (RUNG_INVITES_*)."""
    per_question = settings.RUNG_INVITES_PER_QUESTION
    if AnswerInvitation.objects.filter(question=question).count() >= per_question:
        raise ValidationError(
            ngettext(
                "A question can have %(count)d member invited to answer, and this one has.",
                "A question can have %(count)d members invited to answer, and this one has.",
                per_question,
            )
            % {"count": per_question}
        )
    per_day = settings.RUNG_INVITES_PER_DAY
    since = timezone.now() - DAY
    recent = list(
        AnswerInvitation.objects.filter(inviter=inviter, created_at__gt=since)
        .order_by("-created_at")
        .values_list("created_at", flat=True)[:per_day]
    )
    if len(recent) >= per_day:
        # The window moves on when the oldest of the last `per_day` invitations is a day old.
        retry_after = (recent[-1] + DAY - timezone.now()).total_seconds()
        raise Limited(
            ngettext(
                "You can send %(count)d invitation to answer a day; please try again later.",
                "You can send %(count)d invitations to answer a day; please try again later.",
                per_day,
            )
            % {"count": per_day},
            int(retry_after) + 1,
        )


@transaction.atomic
def answer_invite(*, question: Question, inviter: User, invitee: User) -> AnswerInvitation:
    """Invite a member to answer a question; only its asker may, once per member.

    Refused with a message (ValidationError) for a question that takes no answers, the
    asker themself, an inactive member, a member who answered or was invited already, and
    past `RUNG_INVITES_PER_QUESTION`; `Limited` past `RUNG_INVITES_PER_DAY` (both lifted by
    `RUNG_RATE_LIMITS=off`).
    """
    if inviter.pk != question.author_id:
        raise PermissionDenied(_("Only the person who asked can invite members to answer."))
    # Invitations to one question are made one at a time, so its count below holds; the
    # question's row comes first, as in every qa write.
    question = Question.objects.select_for_update().get(pk=question.pk)
    _check_open(question)
    if invitee.pk == inviter.pk:
        raise ValidationError(_("This is your own question: invite someone else."))
    if not invitee.is_active:
        raise ValidationError(_("No member with that username."))
    if Answer.objects.filter(
        question=question, author=invitee, parent=None, is_deleted=False
    ).exists():
        raise ValidationError(
            _("%(name)s has already answered this question.") % {"name": invitee.name}
        )
    already = _("You have already invited %(name)s to answer this question.") % {
        "name": invitee.name
    }
    if AnswerInvitation.objects.filter(question=question, invitee=invitee).exists():
        raise ValidationError(already)
    if settings.RUNG_RATE_LIMITS:
        _check_limits(question, inviter)
    try:
        with transaction.atomic():
            invitation = AnswerInvitation.objects.create(
                question=question, inviter=inviter, invitee=invitee
            )
    except IntegrityError:
        raise ValidationError(already) from None
    events.publish(
        events.AnswerInvited(
            question_id=question.pk,
            actor_id=inviter.pk,
            author_id=question.author_id,
            invitation_id=invitation.pk,
            invitee_id=invitee.pk,
        )
    )
    return invitation


@transaction.atomic
def answer_invitation_decline(*, invitation: AnswerInvitation, member: User) -> AnswerInvitation:
    """Decline an invitation to answer; only its invitee may. Declining twice changes nothing."""
    if invitation.invitee_id != member.pk:
        raise PermissionDenied(_("Only the member invited can decline this invitation."))
    invitation = (
        AnswerInvitation.objects.select_for_update(of=("self",))
        .select_related("question")
        .get(pk=invitation.pk)
    )
    if invitation.declined_at is not None:
        return invitation
    invitation.declined_at = timezone.now()
    invitation.save(update_fields=["declined_at"])
    events.publish(
        events.AnswerInvitationDeclined(
            question_id=invitation.question_id,
            actor_id=member.pk,
            author_id=invitation.question.author_id,
            invitation_id=invitation.pk,
            invitee_id=member.pk,
        )
    )
    return invitation
