"""Fetch a post for its author or fail: 404 when it is gone, 403 when it is someone else's."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _

from rung.qa import selectors
from rung.qa.models import Answer, Question


def question_for_author(request: HttpRequest, pk: int) -> Question:
    question = selectors.question_get_visible(pk)
    if question.author_id != request.user.pk:
        raise PermissionDenied(_("You can only change your own questions."))
    return question


def answer_for_author(request: HttpRequest, pk: int) -> Answer:
    answer = selectors.answer_get_visible(pk)
    if answer.author_id != request.user.pk:
        raise PermissionDenied(_("You can only change your own answers."))
    return answer
