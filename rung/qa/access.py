"""Fetch a post for its author or fail: 404 when it is gone, 403 when it is someone else's.

They take the member, not the request, so a task or an API answers as the pages do.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.qa import selectors
from rung.qa.models import Answer, Question


def question_for_author(member: User, pk: int) -> Question:
    """Return a visible question the member wrote."""
    question = selectors.question_get_visible(pk)
    if question.author_id != member.pk:
        raise PermissionDenied(_("You can only change your own questions."))
    return question


def answer_for_author(member: User, pk: int) -> Answer:
    """Return a visible answer or reply the member wrote."""
    answer = selectors.answer_get_visible(pk)
    if answer.author_id != member.pk:
        raise PermissionDenied(_("You can only change your own answers."))
    return answer
