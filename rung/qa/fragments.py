"""Rendered parts of pages, cached under the version of what they show.

Keys carry `Topic.feed_version` or `Question.version`, which every write bumps in its own
transaction, so a change is visible on the next request from any worker. What the counters
do not cover — view counts, relative dates, a member's edited name, headline or avatar on
cards — may lag by at most FRAGMENT_SECONDS. Fragments hold no per-viewer data: forms carry
placeholders that each response swaps for the viewer's own CSRF token and a fresh
double-submit token per form.
"""

import re
import uuid
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

FRAGMENT_SECONDS = 60
CSRF_PLACEHOLDER = "__rung_csrf_token__"
FORM_TOKEN_PLACEHOLDER = "__rung_form_token__"
_CURSOR = re.compile(r"[0-9.]{1,64}")
_FORM_TOKEN = re.compile(re.escape(FORM_TOKEN_PLACEHOLDER))


class GenericMember:
    """A logged-in member with no posts or likes on the page: the shared member view."""

    is_authenticated = True
    is_anonymous = False
    pk = None


def fragment_key(*parts: object) -> str:
    return ":".join(["frag", get_language() or "", *(str(part) for part in parts)])


def cursor_key(cursor: str | None) -> str:
    """Return a cursor fit for a cache key; anything else pages like the first page."""
    return cursor if cursor and _CURSOR.fullmatch(cursor) else ""


def render_cached(
    request: HttpRequest, key: str, template_name: str, context: Callable[[], dict[str, Any]]
) -> SafeString:
    """Return a template's HTML from the cache, rendering it (and its queries) on a miss."""
    html = cache.get(key)
    if html is None:
        html = render_to_string(
            template_name,
            {**context(), "csrf_token": CSRF_PLACEHOLDER, "form_token": FORM_TOKEN_PLACEHOLDER},
            request=request,
        )
        cache.set(key, html, FRAGMENT_SECONDS)
    return _fill_placeholders(request, html)


def _fill_placeholders(request: HttpRequest, html: str) -> SafeString:
    """Put the viewer's CSRF token, and a fresh double-submit token per form, into a fragment."""
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    if FORM_TOKEN_PLACEHOLDER in html:
        html = _FORM_TOKEN.sub(lambda _match: uuid.uuid4().hex, html)
    # Rendered by our own autoescaping templates; only the placeholders were swapped.
    return mark_safe(html)
