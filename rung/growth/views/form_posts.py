"""Who posts a growth form: the signed-in member."""

from django.http import HttpRequest

from rung.accounts.models import User


def current_member(request: HttpRequest) -> User:
    """Return the signed-in member (views are behind `login_required`)."""
    assert isinstance(request.user, User)
    return request.user
