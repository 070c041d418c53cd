"""Limit failed log-ins per account and per client address, on every way in.

Django's `authenticate()` is where the member log-in (allauth) and the admin log-in both end
up, so the limit sits there: `LoginThrottleBackend` comes first in AUTHENTICATION_BACKENDS
and refuses an account or an address that failed too often before any password is
checked, and the `user_login_failed` signal counts each failure. The counts live in the
shared store of `rung.core.ratelimit`, so every worker and every restart sees them.

An account is counted as one whatever it is tried under (its username in any case, or its
address), so switching between them gains an attacker nothing; a name that belongs to no
account is counted under the name, so unknown names are limited the same way.
"""

from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.translation import ngettext

from rung.accounts.models import User
from rung.core import ratelimit
from rung.core.middleware import mark_rate_limited

SCOPE_ACCOUNT = "login-account"
SCOPE_ADDRESS = "login-address"
_IDENTIFIER_FIELDS = ("username", "email", "login")
_IDENTIFIER_MAX_LENGTH = 254


def _identifier(credentials: dict[str, Any]) -> str:
    for field in _IDENTIFIER_FIELDS:
        value = credentials.get(field)
        if isinstance(value, str) and value.strip():
            return value.strip().lower()[:_IDENTIFIER_MAX_LENGTH]
    return ""


def _account_key(identifier: str) -> str:
    """Return one key per account, whichever of its names or addresses was typed."""
    if not identifier:
        return "none"
    ids = list(
        User.objects.filter(Q(username__iexact=identifier) | Q(email__iexact=identifier))
        .order_by("pk")
        .values_list("pk", flat=True)[:2]
    )
    return f"member:{ids[0]}" if len(ids) == 1 else f"name:{identifier}"


def _rates() -> tuple[ratelimit.Rate, ratelimit.Rate]:
    return (
        ratelimit.Rate.parse(settings.RUNG_LOGIN_FAILURES_PER_ACCOUNT),
        ratelimit.Rate.parse(settings.RUNG_LOGIN_FAILURES_PER_ADDRESS),
    )


def seconds_to_wait(request: HttpRequest, credentials: dict[str, Any]) -> int:
    """Return how long log-ins with these credentials from this client are refused (0: not)."""
    per_account, per_address = _rates()
    account = ratelimit.peek(SCOPE_ACCOUNT, _account_key(_identifier(credentials)), per_account)
    address = ratelimit.peek(SCOPE_ADDRESS, ratelimit.client_address(request), per_address)
    return max(account.retry_after, address.retry_after)


def refusal_message(seconds: int) -> str:
    """Say how long to wait, in minutes, in the reader's language."""
    minutes = max(1, -(-seconds // 60))
    return ngettext(
        "Too many failed log-in attempts. Try again in %(minutes)d minute, or reset your password.",
        "Too many failed log-in attempts. Try again in %(minutes)d minutes, "
        "or reset your password.",
        minutes,
    ) % {"minutes": minutes}


def refusal_for(request: HttpRequest | None) -> int:
    """Return the wait the throttle backend told this request about, or 0."""
    return getattr(request, "rung_login_refused", 0)


class LoginThrottleBackend:
    """Refuse to check any password for an account or address that failed too often.

    Raising PermissionDenied stops `authenticate()` at once, so not even the right password
    gets in until the window has passed. It has no `get_user`: it never logs anyone in, and
    so `force_login` and sessions pass it by for the next backend.
    """

    def authenticate(self, request: HttpRequest | None, **credentials: Any) -> None:
        if request is None:
            return None
        if wait := seconds_to_wait(request, credentials):
            request.rung_login_refused = wait  # type: ignore[attr-defined]
            mark_rate_limited(request, wait)
            raise PermissionDenied(refusal_message(wait))
        return None


@receiver(user_login_failed, dispatch_uid="rung-count-failed-login")
def _count_failure(
    sender: object, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    if request is None or refusal_for(request):
        return
    per_account, per_address = _rates()
    ratelimit.hit(SCOPE_ACCOUNT, _account_key(_identifier(credentials)), per_account)
    ratelimit.hit(SCOPE_ADDRESS, ratelimit.client_address(request), per_address)


@receiver(user_logged_in, dispatch_uid="rung-forget-failed-logins")
def _forget_failures(sender: object, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """A member who got in has shown they know the password: their account starts afresh."""
    ratelimit.reset(SCOPE_ACCOUNT, f"member:{user.pk}")
