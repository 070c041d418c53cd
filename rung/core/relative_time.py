"""How long ago something happened, in one unit: "18 days ago", "3 hours ago", "just now".

One unit, rounded down, reads at a glance ("2 weeks, 4 days ago" does not); the exact date
and time are on hover. Months count 30 days and years 365, which is what a reader expects
of "about". A time a little in the future (clocks of two machines) reads "just now".
"""

import functools
from contextvars import ContextVar
from datetime import UTC, datetime, timedelta

from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.translation import get_language, ngettext, pgettext

MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR
MONTH = 30 * DAY
YEAR = 365 * DAY


# While a fragment kept in the cache renders (rung/qa/fragments.py), the mark its slots
# start with: the label is then left as a slot, filled for each reader at the time they
# read it, since the fragment outlives any label.
label_slot_mark: ContextVar[str | None] = ContextVar("label_slot_mark", default=None)


def relative_label_or_slot(value: datetime) -> str:
    """Return the label, or a slot for it inside a fragment being rendered for the cache."""
    mark = label_slot_mark.get()
    if mark is None:
        return relative_label(value)
    return f"{mark}{value.timestamp():.6f}"


def relative_label_at(stamp: str, now: float | None = None, language: str | None = None) -> str:
    """Fill a label slot: `stamp` is the POSIX time `relative_label_or_slot` left.

    Returned escaped, ready for HTML. A page fills dozens of these, and the same few labels
    ("3 days ago") recur across pages, so each is looked up once per language and count.
    A caller filling many may pass the present (POSIX seconds) and the active language.
    """
    seconds = int((timezone.now().timestamp() if now is None else now) - float(stamp))
    step = _step(seconds)
    return _label_html((get_language() or "") if language is None else language, *step)


def _step(seconds: int) -> tuple[str, int]:
    """Return (unit, count) of the label for a moment `seconds` ago."""
    for unit, size in (("year", YEAR), ("month", MONTH), ("day", DAY), ("hour", HOUR)):
        if seconds >= size:
            return unit, seconds // size
    if seconds >= MINUTE:
        return "minute", seconds // MINUTE
    return "now", 0


@functools.lru_cache(maxsize=2048)
def _label_html(language: str, unit: str, n: int) -> str:
    # The active language is `language` here; the argument keys the cache by it.
    seconds = {"year": YEAR, "month": MONTH, "day": DAY, "hour": HOUR, "minute": MINUTE}
    now = datetime(2000, 1, 1, tzinfo=UTC)
    label = relative_label(now - timedelta(seconds=seconds.get(unit, 0) * n), now)
    return str(conditional_escape(label))


def relative_label(value: datetime, now: datetime | None = None) -> str:
    """Return how long before `now` (default: the present) `value` was, in one unit."""
    seconds = int(((now or timezone.now()) - value).total_seconds())
    if seconds < MINUTE:
        return pgettext("a moment before now", "just now")
    if seconds < HOUR:
        n = seconds // MINUTE
        return ngettext("%(n)d minute ago", "%(n)d minutes ago", n) % {"n": n}
    if seconds < DAY:
        n = seconds // HOUR
        return ngettext("%(n)d hour ago", "%(n)d hours ago", n) % {"n": n}
    if seconds < MONTH:
        n = seconds // DAY
        return ngettext("%(n)d day ago", "%(n)d days ago", n) % {"n": n}
    if seconds < YEAR:
        n = seconds // MONTH
        return ngettext("%(n)d month ago", "%(n)d months ago", n) % {"n": n}
    n = seconds // YEAR
    return ngettext("%(n)d year ago", "%(n)d years ago", n) % {"n": n}


def exact_format() -> str:
    """Return the date format for the exact time on hover, in the interface language."""
    # Translators: a PHP-style date format (Django's `date` filter): "6 Dec 2026, 14:03 UTC".
    return pgettext("exact date and time on hover", "j M Y, H:i T")
