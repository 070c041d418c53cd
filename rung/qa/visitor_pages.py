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

A stored page is served as early as it can be (`VisitorPageMiddleware`, rung/qa/
middleware.py): a view that names its versions cheaply (`early_lookup`) is answered
before sessions, authentication, CSRF and messages run, for a visitor with no session
or messages cookie. The language is chosen by Django's own LocaleMiddleware code, and the
headers are those the full stack gave the page the first time it was served from the
cache, kept beside it; the outer middleware (security headers, the content security
policy with this response's nonce) runs as for any response. Until a page's headers are
kept, and whenever the lookup cannot answer (no such page, an address to redirect), the
request goes the long way.
"""

import functools
import hashlib
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from rung.core.people_version import people_version
from rung.core.relative_time import label_slot_mark, relative_label_at
from rung.core.requests import HtmxRequest

# Bumped when the stored form changes, so entries of the old form are not read.
_FORMAT = "4"
_KEEP_HEADERS = ("Content-Type", "Vary")
_PAGE_PARAMETERS = frozenset({"sort", "after", "answers_after"})
_NONCE, _TIME, _PART = "nonce", "time.", "part."
# A page's slot: the rendering's secret, then a relative date or a part read per response.
_PAGE_MARK = re.compile(r"rung-slot-([0-9a-f]{32})-(time\.[0-9]{1,12}\.[0-9]{6}|part\.[\w-]{1,40})")
# Headers the full stack sets afresh for each response, never replayed from a kept page.
_PER_RESPONSE_HEADERS = frozenset({"content-length", "set-cookie"})

# What fills a page's parts read per response, by name: each returns HTML.
Slots = Mapping[str, Callable[[], str]]


@dataclass(frozen=True)
class Early:
    """What a view's early lookup found: the page's versions and what to do per response."""

    versions: tuple[object, ...]
    slots: Slots = field(default_factory=dict)
    # Run with each response served early (a question page counts the view).
    after: Callable[[HttpResponse], None] | None = None


def early_lookup[V: Callable[..., HttpResponse]](
    lookup: Callable[..., Early | None],
) -> Callable[[V], V]:
    """Let a view's stored visitor page be served before the rest of the middleware runs.

    `lookup(request, **url_arguments)` returns the same versions the view passes to
    `serve`, or None (or raises Http404) when the view must decide: the full stack runs.
    """

    def mark(view: V) -> V:
        view.visitor_lookup = lookup  # type: ignore[attr-defined]
        return view

    return mark


def early_eligible(request: HttpRequest) -> bool:
    """Whether a request may be answered before sessions and authentication run."""
    from django.conf import settings

    return (
        request.method in ("GET", "HEAD")
        and "HTTP_HX_REQUEST" not in request.META
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and request.GET.keys() <= _PAGE_PARAMETERS
    )


def serve_early(request: HttpRequest) -> HttpResponse | None:
    """Answer a visitor from a stored page with its kept headers, or None to go the long way.

    The language must already be active (the middleware runs LocaleMiddleware's choice).
    """
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    lookup = getattr(match.func, "visitor_lookup", None)
    if lookup is None:
        return None
    try:
        found: Early | None = lookup(request, *match.args, **match.kwargs)
    except Http404:
        return None
    if found is None:
        return None
    key = page_key(request, found.versions)
    stored = cache.get(key)
    if stored is None or stored[2] is None:
        # Not kept yet, or kept without the full stack's headers: the long way keeps them.
        request.visitor_page_key = key  # type: ignore[attr-defined]
        return None
    pieces, _content_type, headers = stored
    response = HttpResponse(_fill(request, pieces, found.slots))
    for name, value in headers:
        response.headers[name] = value
    response.headers["Content-Length"] = str(len(response.content))
    if found.after is not None:
        found.after(response)
    return response


def keep_headers(request: HttpRequest, response: HttpResponse) -> None:
    """Keep the headers the full stack gave a stored page, for `serve_early` to replay."""
    key = getattr(request, "visitor_page_key", None)
    if key is None or response.status_code != 200 or response.streaming:
        return
    # The page `serve` rendered in this request, or one another request kept meanwhile.
    fresh: tuple[list[str | bytes], list[tuple[str, str]]] | None = getattr(
        request, "visitor_page_fresh", None
    )
    if fresh is None:
        stored = cache.get(key)
        if stored is None or stored[2] is not None:
            return
        fresh = stored[0], stored[1]
    headers = [
        (name, value)
        for name, value in response.headers.items()
        if name.lower() not in _PER_RESPONSE_HEADERS
    ]
    cache.set(key, (*fresh, headers), None)


def eligible(request: HtmxRequest) -> bool:
    """Whether this request may be answered with the visitors' shared copy."""
    if request.method not in ("GET", "HEAD") or request.htmx:
        return False
    if request.user.is_authenticated:
        return False
    # Each address is a copy of its own: only the parameters the pages read may make one,
    # so made-up query strings cannot fill the cache and push real pages out.
    if not request.GET.keys() <= _PAGE_PARAMETERS:
        return False
    # A visitor with a session may have a message waiting (after logging out, say); the
    # message must show, and only once.
    from django.conf import settings

    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return not len(get_messages(request))
    return True


@functools.cache
def _settings_digest() -> str:
    """Digest the settings a stored page's kept headers come from.

    The early path replays the headers the middleware below it gave the page, so a
    deploy that changes them (framing, the languages offered) must not be served the old
    ones. A change of the middleware itself comes with a new `_FORMAT`.
    """
    from django.conf import settings

    shaping = repr(
        (
            settings.X_FRAME_OPTIONS,
            settings.LANGUAGES,
            settings.LANGUAGE_CODE,
            settings.DEFAULT_CHARSET,
        )
    )
    return hashlib.sha256(shaping.encode()).hexdigest()[:12]


_SHAPING_SETTINGS = frozenset({"X_FRAME_OPTIONS", "LANGUAGES", "LANGUAGE_CODE", "DEFAULT_CHARSET"})


@receiver(setting_changed)
def _forget_settings_digest(*, setting: str, **kwargs: object) -> None:
    if setting in _SHAPING_SETTINGS:
        _settings_digest.cache_clear()


def page_key(request: HttpRequest, versions: tuple[object, ...]) -> str:
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    parts = [
        "vpage",
        _FORMAT,
        _settings_digest(),
        get_language() or "",
        people_version(),
        *map(str, versions),
    ]
    return ":".join([*parts, address])


def serve(
    request: HtmxRequest,
    versions: tuple[object, ...],
    render: Callable[[dict[str, str]], HttpResponse],
    slots: Slots | None = None,
) -> HttpResponse:
    """Answer a visitor from the shared copy, rendering and keeping it on a miss.

    `render` gets a mark for each of `slots`, to put where that part goes; each response,
    stored or fresh, fills the part in with the slot's function.
    """
    slots = slots or {}
    key = page_key(request, versions)
    # The early lookup just missed this very key: the page is rendered without asking again.
    early_missed = getattr(request, "visitor_page_key", None) == key
    stored = None if early_missed else cache.get(key)
    if stored is not None:
        pieces, headers, _full_headers = stored
        response = HttpResponse(_fill(request, pieces, slots))
        for name, value in headers:
            response[name] = value
    else:
        # Relative dates are left as slots, filled for each response (as in fragments).
        prefix = f"rung-slot-{secrets.token_hex(16)}-"
        reset = label_slot_mark.set(prefix + _TIME)
        try:
            response = render({name: f"{prefix}{_PART}{name}" for name in slots})
        finally:
            label_slot_mark.reset(reset)
        if response.streaming:
            return response
        pieces = _pieces(request, response.content.decode(), prefix, slots)
        if _keepable(request, response):
            headers = [(name, response[name]) for name in _KEEP_HEADERS if name in response]
            if early_missed:
                # `keep_headers` keeps it once the full stack is done, with its headers.
                request.visitor_page_fresh = (pieces, headers)  # type: ignore[attr-defined]
            else:
                cache.set(key, (pieces, headers, None), None)
        response.content = _fill(request, pieces, slots)
    # The copy is a visitor's: a shared proxy must not hand it to a member.
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    return response


def _pieces(
    request: HttpRequest, html: str, prefix: str, slots: Mapping[str, object]
) -> list[str | bytes]:
    """Cut the page at its nonce, its relative dates and its parts read per response.

    Pieces of the page are bytes, already encoded as the response sends them; between
    them, strings name what goes there: "nonce", "time.<POSIX seconds>" or "part.<slot>".
    """
    parts = {f"{_PART}{name}" for name in slots}
    nonce_source = getattr(request, "_csp_nonce", None)
    nonce = str(nonce_source) if nonce_source else None
    secret = prefix.removeprefix("rung-slot-").removesuffix("-")
    pieces: list[str | bytes] = []
    start = 0
    # One pattern for every page (compiled once): marks of another rendering stay text.
    for found in _PAGE_MARK.finditer(html):
        if found[1] != secret or (found[2].startswith(_PART) and found[2] not in parts):
            continue
        pieces.extend(_cut_nonce(html[start : found.start()], nonce))
        pieces.append(found[2])
        start = found.end()
    pieces.extend(_cut_nonce(html[start:], nonce))
    return pieces


def _cut_nonce(html: str, nonce: str | None) -> list[str | bytes]:
    """Return HTML as bytes with a slot wherever the response's nonce was written."""
    if not nonce or nonce not in html:
        return [html.encode()]
    cut: list[str | bytes] = []
    for index, piece in enumerate(html.split(nonce)):
        if index:
            cut.append(_NONCE)
        cut.append(piece.encode())
    return cut


def _fill(request: HttpRequest, pieces: list[str | bytes], slots: Slots) -> bytes:
    out: list[bytes] = []
    # One present and one language for every date on the page.
    now, language = timezone.now().timestamp(), get_language() or ""
    for piece in pieces:
        if isinstance(piece, bytes):
            out.append(piece)
        elif piece == _NONCE:
            out.append(str(request._csp_nonce).encode())  # type: ignore[attr-defined]
        elif piece.startswith(_PART):
            out.append(str(slots[piece.removeprefix(_PART)]()).encode())
        else:
            out.append(relative_label_at(piece.removeprefix(_TIME), now, language).encode())
    return b"".join(out)


def _keepable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.session.modified
    )
