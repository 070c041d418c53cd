"""`reverse` for addresses a page builds many times over with different ids.

A question page links each answer and reply to its edit, delete, like, history and reply
addresses, and each author to their profile: about 180 `reverse()` calls, each matching
the URL patterns again. Here each name is reversed once per process, language, script
prefix and URL configuration with stand-ins for its arguments; every later call puts the
real values where the stand-ins were. Only values whose address is certain to be the
same as `reverse()` would give are put in: ids that are non-negative ints, and strings
of letters, digits, "_" and "-" (which no converter Rung uses changes or refuses, and
which need no percent-encoding). Strings that also hold "." (member names such as
"ava.chen.38") are a kind of their own, with a stand-in holding a ".": a converter that
refuses "." (slug) refuses the stand-in too, and the name goes through `reverse()`; the
others Rung uses (str, path) take any text without "/". Anything else, or a name whose
stand-ins do not come back intact, goes through `reverse()` itself.
"""

import functools
import re
from collections.abc import Callable
from typing import Any

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

# Stand-ins: an int no table reaches, and text no pattern writes by itself.
_INT_STAND_IN = 7_310_000_000_000_000
_STR_STAND_IN = "zqxrungstandin"
_PLAIN = re.compile(r"[0-9A-Za-z_-]{1,150}")
_DOTTED = re.compile(r"[0-9A-Za-z_.-]{1,150}")


class _DottedText:
    """The kind of a string argument that holds a "." besides letters, digits, "_" and "-"."""


def _stand_in(kind: type, index: int) -> int | str:
    if kind is int:
        return _INT_STAND_IN + index
    if kind is _DottedText:
        return f"{_STR_STAND_IN}{index}.x"
    return f"{_STR_STAND_IN}{index}x"


@functools.lru_cache(maxsize=512)
def _pieces(
    viewname: str, kinds: tuple[type, ...], urlconf: str | None, prefix: str, language: str
) -> tuple[str, ...] | None:
    """Return the address split around its arguments, or None when it cannot be."""
    stand_ins = [_stand_in(kind, index) for index, kind in enumerate(kinds)]
    try:
        url = reverse(viewname, args=stand_ins, urlconf=urlconf)
    except NoReverseMatch:
        return None
    pieces = []
    rest = url
    for stand_in in stand_ins:
        head, found, rest = rest.partition(str(stand_in))
        if not found:
            return None
        pieces.append(head)
    pieces.append(rest)
    if any(str(stand_in) in piece for stand_in in stand_ins for piece in pieces):
        return None
    return tuple(pieces)


@receiver(setting_changed)
def _forget_patterns(*, setting: str, **kwargs: Any) -> None:
    """Forget the kept patterns when a test changes what `reverse()` reads, as Django does."""
    if setting in {"ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE", "FORCE_SCRIPT_NAME"}:
        _pieces.cache_clear()


def _kind(value: object) -> type | None:
    """Return the kind of stand-in an argument takes, or None when it goes to `reverse()`."""
    if type(value) is int:
        return int if value >= 0 else None
    if type(value) is str:
        if _PLAIN.fullmatch(value) is not None:
            return str
        if _DOTTED.fullmatch(value) is not None:
            return _DottedText
    return None


def fast_reverse(viewname: str, *args: int | str) -> str:
    """Return `reverse(viewname, args=args)`, reusing the name's pattern once it is known."""
    kinds = [kind for kind in map(_kind, args) if kind is not None]
    if len(kinds) == len(args):
        pieces = _pieces(
            viewname,
            tuple(kinds),
            get_urlconf(),
            get_script_prefix(),
            get_language() or "",
        )
        if pieces is not None:
            out = [pieces[0]]
            for arg, piece in zip(args, pieces[1:], strict=True):
                out.append(str(arg))
                out.append(piece)
            return "".join(out)
    return reverse(viewname, args=list(args))


def fast_reverser(viewname: str) -> Callable[[int], str]:
    """Return a function that gives `fast_reverse(viewname, pk)` for one id at a time.

    For a loop over many posts: the pattern, language and script prefix are looked up once,
    where the function is made, so it is for use within one request.
    """
    pieces = _pieces(viewname, (int,), get_urlconf(), get_script_prefix(), get_language() or "")
    if pieces is None:
        return functools.partial(fast_reverse, viewname)
    head, tail = pieces

    def address(pk: int) -> str:
        if type(pk) is int and pk >= 0:
            return f"{head}{pk}{tail}"
        return fast_reverse(viewname, pk)

    return address
