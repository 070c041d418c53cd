"""Fetch a post for a member or fail: 404 if they may not read it, 403 if they may not change it.

They take the member, not the request, so a task or an API answers as the pages do.
Readers see published posts; a held or hidden post is readable only by its author and
by moderators (rung/qa/visibility.py). Editors are the author and moderators.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.accounts.roles import is_moderator
from rung.qa import selectors
from rung.qa.models import Answer, AnswerInvitation, Question
from rung.qa.visibility import Viewer


def question_for_reader(member: Viewer, pk: int) -> Question:
    """Return a question the member (or a visitor) may read, or raise 404."""
    return selectors.question_get_visible(pk, viewer=member)


def answer_for_reader(member: Viewer, pk: int) -> Answer:
    """Return an answer or reply the member (or a visitor) may read, or raise 404."""
    return selectors.answer_get_visible(pk, viewer=member)


def question_for_editor(member: User, pk: int) -> Question:
    """Return a question the member wrote, or any question to a moderator."""
    question = question_for_reader(member, pk)
    if question.author_id != member.pk and not is_moderator(member):
        raise PermissionDenied(_("You can only change your own questions."))
    return question


def question_for_asker(member: User, pk: int, refusal: str | None = None) -> Question:
    """Return a question the member asked and may still read; 403 for anyone else,
    moderators too, saying `refusal` (what only the asker may do)."""
    question = question_for_reader(member, pk)
    if question.author_id != member.pk:
        raise PermissionDenied(refusal or _("Only the person who asked can do this."))
    return question


def answer_for_editor(member: User, pk: int) -> Answer:
    """Return an answer or reply the member wrote, or any one to a moderator."""
    answer = answer_for_reader(member, pk)
    if answer.author_id != member.pk and not is_moderator(member):
        raise PermissionDenied(_("You can only change your own answers."))
    return answer


def invitation_for_invitee(member: User, pk: int) -> AnswerInvitation:
    """Return an invitation to answer sent to the member, or raise 404, for anyone else too."""
    invitation = (
        AnswerInvitation.objects.select_related("question").filter(pk=pk, invitee=member).first()
    )
    if invitation is None:
        raise Http404("No such invitation.")
    return invitation
