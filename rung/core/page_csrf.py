"""One masked CSRF token for every form of a response.

Django masks the token afresh each time a template asks for it, drawing 32 random
characters each time; a member's page asks from the header, its cached parts and each
control rendered for the reader. Any masking of the same secret is accepted, so a
response uses one, as Django's own context does within one template.
"""

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils.functional import SimpleLazyObject


def page_csrf_token(request: HttpRequest) -> str:
    """Return the response's masked CSRF token, masking it on the first call.

    Logging in replaces the secret (`rotate_token`); a token masked before then is not
    used after it.
    """
    kept: tuple[object, str] | None = getattr(request, "_rung_csrf_token", None)
    if kept is not None and kept[0] == request.META.get("CSRF_COOKIE"):
        return kept[1]
    token = get_token(request)
    request._rung_csrf_token = (request.META.get("CSRF_COOKIE"), token)  # type: ignore[attr-defined]
    return token


def csrf(request: HttpRequest) -> dict[str, object]:
    """Give templates the response's token; listed after Django's own, so it replaces it."""
    return {"csrf_token": SimpleLazyObject(lambda: page_csrf_token(request))}
