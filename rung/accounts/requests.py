"""The request a view behind `login_required` receives, typed for mypy."""

from rung.accounts.models import User
from rung.core.requests import HtmxRequest


class MemberRequest(HtmxRequest):
    """A request from a signed-in member: `user` is a `User`, never an anonymous visitor.

    Only an annotation (see rung/core/requests.py): `login_required` is what makes it true.
    """

    user: User
