"""Whole pages for visitors, from the shared cache: home, topic feeds and question pages.

A visitor's copy of these pages is the same for every visitor in a language, so it is
rendered once per version of what it shows and then served as stored, with no session,
no template and no CSRF token (the language switcher is the one form a visitor sees, and
it carries none: rung/languages/views/switch.py). The key holds the page's address, the
active language, the version of what pages show of members and the versions the view
names (a question's, the topics'), so a write is seen on the next request, as with the
fragments (rung/qa/fragments.py).

What changes per response is filled in as it is served: the content security policy's
nonce (the rendering's own nonce, a random value nobody knew before it was drawn, is cut
out of the stored HTML and each response puts its own back) and the relative dates ("3
hours ago"), which the rendering leaves as slots, as fragments do.

Never for members, htmx requests, or a visitor with messages waiting; a page is only
kept when its rendering asked for no CSRF token, answered 200 and set no cookie.
"""

import hashlib
import re
import secrets
from collections.abc import Callable

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from rung.core.people_version import people_version
from rung.core.relative_time import label_slot_mark, relative_label_at
from rung.core.requests import HtmxRequest

# Bumped when the stored form changes, so entries of the old form are not read.
_FORMAT = "1"
_KEEP_HEADERS = ("Content-Type",)
_NONCE, _TIME = "nonce", "time."


def eligible(request: HtmxRequest) -> bool:
    """Whether this request may be answered with the visitors' shared copy."""
    if request.method not in ("GET", "HEAD") or request.htmx:
        return False
    if request.user.is_authenticated:
        return False
    # A visitor with a session may have a message waiting (after logging out, say); the
    # message must show, and only once.
    from django.conf import settings

    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return not len(get_messages(request))
    return True


def page_key(request: HttpRequest, versions: tuple[object, ...]) -> str:
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    parts = ["vpage", _FORMAT, get_language() or "", people_version(), *map(str, versions)]
    return ":".join([*parts, address])


def serve(
    request: HtmxRequest, versions: tuple[object, ...], render: Callable[[], HttpResponse]
) -> HttpResponse:
    """Answer a visitor from the shared copy, rendering and keeping it on a miss."""
    key = page_key(request, versions)
    stored = cache.get(key)
    if stored is not None:
        pieces, headers = stored
        response = HttpResponse(_fill(request, pieces))
        for name, value in headers:
            response[name] = value
    else:
        # Relative dates are left as slots, filled for each response (as in fragments).
        secret = secrets.token_hex(16)
        time_mark = f"rung-slot-{secret}-{_TIME}"
        reset = label_slot_mark.set(time_mark)
        try:
            response = render()
        finally:
            label_slot_mark.reset(reset)
        if response.streaming:
            return response
        pieces = _pieces(request, response.content.decode(), time_mark)
        if _keepable(request, response):
            headers = [(name, response[name]) for name in _KEEP_HEADERS if name in response]
            cache.set(key, (pieces, headers), None)
        response.content = _fill(request, pieces)
    # The copy is a visitor's: a shared proxy must not hand it to a member.
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    return response


def _pieces(request: HttpRequest, html: str, time_mark: str) -> list[str]:
    """Cut the page at its nonce and its relative dates; odd pieces name what goes there."""
    nonce_source = getattr(request, "_csp_nonce", None)
    marks = [f"{re.escape(time_mark)}[0-9]{{1,12}}\\.[0-9]{{6}}"]
    if nonce_source:
        marks.append(re.escape(str(nonce_source)))
    split = re.split(f"({'|'.join(marks)})", html)
    return [
        piece
        if index % 2 == 0
        else _TIME + piece.removeprefix(time_mark)
        if piece.startswith(time_mark)
        else _NONCE
        for index, piece in enumerate(split)
    ]


def _fill(request: HttpRequest, pieces: list[str]) -> str:
    out: list[str] = []
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            out.append(piece)
        elif piece == _NONCE:
            out.append(str(request._csp_nonce))  # type: ignore[attr-defined]
        else:
            out.append(relative_label_at(piece.removeprefix(_TIME)))
    return "".join(out)


def _keepable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.session.modified
    )
