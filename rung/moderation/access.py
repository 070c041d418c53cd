"""Who may moderate what: each helper takes the member and returns the object or refuses.

Missing objects are 404 whoever asks; a member without the role gets 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.accounts.roles import is_administrator, is_moderator
from rung.moderation.models import Penalty
from rung.qa.models import Answer, Post, Question

KINDS = ("question", "answer", "reply")


def require_moderator(member: User) -> None:
    """Refuse anyone but a moderator."""
    if not is_moderator(member):
        raise PermissionDenied(_("Only moderators can see this page."))


def require_administrator(member: User) -> None:
    """Refuse anyone but an administrator."""
    if not is_administrator(member):
        raise PermissionDenied(_("Only administrators can see this page."))


def _post(kind: str, pk: int) -> Post:
    if kind not in KINDS:
        raise Http404
    if kind == "question":
        return get_object_or_404(Question.objects.select_related("author"), pk=pk)
    answer = get_object_or_404(
        Answer.objects.select_related("author", "question"), pk=pk, parent__isnull=kind == "answer"
    )
    return answer


def post_for_moderator(member: User, kind: str, pk: int) -> Post:
    """Return any post, deleted or not, for a moderator to act on."""
    require_moderator(member)
    return _post(kind, pk)


def post_for_flagging(member: User, kind: str, pk: int) -> Post:
    """Return a post any member may flag (the flag service refuses deleted and own posts)."""
    return _post(kind, pk)


def question_for_moderator(member: User, pk: int) -> Question:
    """Return a question for a moderator to lock, close or move."""
    require_moderator(member)
    return get_object_or_404(Question, pk=pk, is_deleted=False)


def member_for_moderator(member: User, username: str) -> User:
    """Return a member's account for a moderator to look at and act on."""
    require_moderator(member)
    return get_object_or_404(User, username=username)


def penalty_for_moderator(member: User, account: User, pk: int) -> Penalty:
    """Return one of an account's penalties for a moderator to lift."""
    require_moderator(member)
    return get_object_or_404(Penalty, pk=pk, member=account)
