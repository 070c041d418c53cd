"""Rendered parts of pages, cached under the version of what they show.

Keys carry `Topic.feed_version` or `Question.version`, which every write bumps in its own
transaction, and the version of what pages show of members (rung/core/people_version.py),
so a change is visible on the next request from any worker. The cache is shared by every
worker (settings.CACHES) and entries stay until evicted: a key that can no longer be asked
for simply ages out. What no counter covers — view counts on feed cards — shows the count
of the last render; relative dates are kept current by rung.js. Fragments hold no
per-viewer data: they are
kept as HTML pieces with slots between them, and each response fills the slots with the
viewer's own CSRF token and a fresh double-submit token per form, and with each post's
per-reader controls (`{% reader_post_parts post "answer" %}`, filled by the sources apps
above qa register in qa/slots.py, all of a page's posts in one call). Only the template
decides where a slot is; member text is never searched for one.
"""

import re
import secrets
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from rung.core.human_check import started_token
from rung.core.page_csrf import page_csrf_token
from rung.core.people_version import people_version
from rung.core.relative_time import label_slot_mark, relative_label_at
from rung.qa.slots import PostRef, reader_post_parts

# Version-keyed entries need no expiry: they stay until the cache evicts them.
FRAGMENT_SECONDS = None
# Bumped when the stored form of a fragment changes, so entries of the old form are not read.
_FORMAT = "4"
_CSRF, _FORM_TOKEN, _STARTED = "csrf", "form", "started"
_CURSOR = re.compile(r"[0-9.]{1,64}")
# A post's per-reader slot: "post.<kind>.<id>.<question id>" after the rendering's mark.
_POST = "post"
_POST_SLOT = re.compile(r"post\.(question|answer|reply)\.([0-9]{1,19})\.([0-9]{1,19})")
# A relative date's slot: "time.<POSIX seconds>" (rung/core/relative_time.py).
_TIME = "time."
_TIME_SLOT = re.compile(r"time\.([0-9]{1,12}\.[0-9]{6})")
# Any rendering's slot: its secret, then what goes there (a kind above, a post, a time).
_SLOT_MARK = re.compile(
    r"rung-slot-([0-9a-f]{32})-(csrf|form|started"
    r"|post\.(?:question|answer|reply)\.[0-9]{1,19}\.[0-9]{1,19}"
    r"|time\.[0-9]{1,12}\.[0-9]{6}|part\.[a-z_]{1,40})"
)
# A part of the reader's own, or another fragment, filled in per response: "part.<name>".
_PART = "part."
# The context variable that tells `reader_post_parts` to leave a slot rather than render.
READER_POST_MARK = "_rung_reader_post_mark"


class GenericMember:
    """A logged-in member with no posts or likes on the page: the shared member view."""

    is_authenticated = True
    is_anonymous = False
    pk = None


def fragment_key(*parts: object) -> str:
    return ":".join(
        ["frag", _FORMAT, get_language() or "", people_version(), *(str(part) for part in parts)]
    )


def cursor_key(cursor: str | None) -> str:
    """Return a cursor fit for a cache key; anything else pages like the first page."""
    return cursor if cursor and _CURSOR.fullmatch(cursor) else ""


# A template's name, or a function that renders the same HTML from its context in Python.
Renderer = str | Callable[[dict[str, Any]], str]


# What fills a fragment's parts, by name: each returns HTML, read for every response.
Parts = Mapping[str, Callable[[], str]]


def render_cached(
    request: HttpRequest,
    key: str,
    template_name: Renderer,
    context: Callable[..., dict[str, Any]],
    parts: Parts | None = None,
    *,
    keep: bool = True,
) -> SafeString:
    """Return a template's HTML from the cache, rendering it (and its queries) on a miss.

    `parts` name what the fragment holds that is not the same for every reader who gets
    it (their own controls, other fragments with slots of their own, a live count): the
    context function receives a mark for each, to put where that part goes, and each
    response fills the marks from these functions. With `keep` false the fragment is
    rendered the same way but neither looked up nor kept: for a part only ever read
    inside a page that is itself kept whole.
    """
    pieces = cache.get(key) if keep else None
    if pieces is None:
        pieces = _render_pieces(template_name, context, request, parts or {})
        if keep:
            cache.set(key, pieces, FRAGMENT_SECONDS)
    return _fill_slots(request, pieces, parts)


def _render_pieces(
    template_name: Renderer,
    context_of: Callable[..., dict[str, Any]],
    request: HttpRequest,
    parts: Parts,
) -> list[str]:
    """Render a template with a slot where each per-reader value goes.

    The slots are marked with a secret made for this one rendering, then the HTML is split
    at the marks. So only the places the template fills with `csrf_token`, `form_token` or
    `started_token`
    become slots; text a member typed that looks like a mark stays text, since nobody can
    know this rendering's secret when they write it.
    """
    secret = secrets.token_hex(16)
    marks = {f"rung-slot-{secret}-{kind}": kind for kind in (_CSRF, _FORM_TOKEN, _STARTED)}
    by_kind = {kind: mark for mark, kind in marks.items()}
    post_mark = f"rung-slot-{secret}-{_POST}."
    time_mark = f"rung-slot-{secret}-{_TIME}"
    if parts:
        context = context_of({name: f"rung-slot-{secret}-{_PART}{name}" for name in parts})
    else:
        context = context_of()
    reset = label_slot_mark.set(time_mark)
    context = {
        **context,
        "csrf_token": by_kind[_CSRF],
        "form_token": by_kind[_FORM_TOKEN],
        "started_token": by_kind[_STARTED],
        READER_POST_MARK: post_mark,
    }
    html: str
    try:
        if isinstance(template_name, str):
            html = render_to_string(template_name, context, request=request)
        else:
            html = template_name({"request": request, **context})
    finally:
        label_slot_mark.reset(reset)
    # Even positions hold HTML, odd positions the kind of value their slot takes. One
    # pattern for every rendering (compiled once); a mark with another secret is text.
    pieces: list[str] = []
    start = 0
    for found in _SLOT_MARK.finditer(html):
        if found[1] != secret:
            continue
        pieces.append(html[start : found.start()])
        pieces.append(found[2])
        start = found.end()
    pieces.append(html[start:])
    return pieces


def reader_post_slot(context: Any, kind: str, post_id: int, question_id: int) -> str:
    """Return the slot for a post's per-reader controls in a fragment being cached, or "".

    `context` is the template's context (anything with `get`).
    """
    mark = context.get(READER_POST_MARK)
    return f"{mark}{kind}.{post_id}.{question_id}" if mark else ""


def _page_started_token(request: HttpRequest) -> str:
    """Return the signed time the page is shown, once for all its forms."""
    token: str | None = getattr(request, "_rung_started_token", None)
    if token is None:
        token = started_token()
        request._rung_started_token = token  # type: ignore[attr-defined]
    return token


def _fill_slots(request: HttpRequest, pieces: list[str], parts: Parts | None = None) -> SafeString:
    """Join a fragment's HTML with the reader's CSRF token, a fresh token per form, the
    signed time the form is shown and its `parts`."""
    refs: dict[str, PostRef] = {}
    for piece in pieces[1::2]:
        match = _POST_SLOT.fullmatch(piece)
        if match:
            refs[piece] = PostRef(match[1], int(match[2]), int(match[3]))
    # Every post's controls on the page come from one call, so a source reads its state
    # for the whole page at once however many posts the fragment holds.
    controls = reader_post_parts(request, list(refs.values())) if refs else {}
    page_mark = label_slot_mark.get()
    out: list[str] = []
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            out.append(piece)
        elif piece == _CSRF:
            out.append(page_csrf_token(request))
        elif piece == _STARTED:
            out.append(_page_started_token(request))
        elif piece in refs:
            out.append(controls.get(refs[piece], ""))
        elif piece.startswith(_PART):
            # A part the caller does not name (an older rendering's) is left empty.
            fill = parts.get(piece.removeprefix(_PART)) if parts else None
            out.append(fill() if fill is not None else "")
        elif piece.startswith(_TIME) and (stamp := _TIME_SLOT.fullmatch(piece)):
            if page_mark:
                # A whole page being kept for visitors fills its labels as it is served.
                out.append(f"{page_mark}{stamp[1]}")
            else:
                out.append(relative_label_at(stamp[1]))
        else:
            out.append(uuid.uuid4().hex)
    # Rendered by our own autoescaping templates; the slots hold tokens of hex, letters,
    # digits and the signing separator, and controls the sources rendered from templates.
    return mark_safe("".join(out))
