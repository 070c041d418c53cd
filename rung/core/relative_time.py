"""How long ago something happened, in one unit: "18 days ago", "3 hours ago", "just now".

One unit, rounded down, reads at a glance ("2 weeks, 4 days ago" does not); the exact date
and time are on hover. Months count 30 days and years 365, which is what a reader expects
of "about". A time a little in the future (clocks of two machines) reads "just now".
"""

import functools
from collections.abc import Callable
from contextvars import ContextVar
from datetime import UTC, datetime, timedelta
from typing import Any

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.dateformat import re_escaped, re_formatchars
from django.utils.dates import MONTHS_3
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


# The format characters the exact time is written with in the interface languages, as
# `str.format` fields over the moment, the month's short name and the zone's name; each
# writes what Django's `date` filter writes for it (django.utils.dateformat).
_EXACT_FIELDS = {
    "d": "{0.day:02d}",
    "j": "{0.day}",
    "m": "{0.month:02d}",
    "n": "{0.month}",
    "M": "{1}",
    "Y": "{0.year:04d}",
    "H": "{0.hour:02d}",
    "G": "{0.hour}",
    "i": "{0.minute:02d}",
    "s": "{0.second:02d}",
    "T": "{2}",
}


def exact_time(local: datetime) -> str:
    """Return `date_format(local, exact_format())`: the exact time on hover, not yet escaped.

    `local` is an aware moment in the reader's time zone. A page writes one per post, so
    each language's format is read once and kept as a ready `str.format` template; a
    format using any other character goes through Django's `date` filter.
    """
    return exact_writer()(local)


def exact_writer() -> Callable[[datetime], str]:
    """Return `exact_time` for the active language, looked up once for many moments."""
    write = _exact_writer(get_language())
    if write is None:
        return lambda local: date_format(local, exact_format())
    return write


@functools.lru_cache(maxsize=16)
def _exact_writer(language: str | None) -> Callable[[datetime], str] | None:
    # The active language is `language` here; the argument keys the cache by it.
    fields: list[str] = []
    for index, piece in enumerate(re_formatchars.split(exact_format())):
        if index % 2 == 0:
            fields.append(re_escaped.sub(r"\1", piece).replace("{", "{{").replace("}", "}}"))
        elif piece in _EXACT_FIELDS:
            fields.append(_EXACT_FIELDS[piece])
        else:
            return None
    template = "".join(fields)
    months = [""] + [str(MONTHS_3[month]).title() for month in range(1, 13)]
    uses_zone = "{2}" in template

    def write(local: datetime) -> str:
        zone_name = _zone_name(local) if uses_zone else ""
        return template.format(local, months[local.month], zone_name)

    return write


def _zone_name(local: datetime) -> str:
    # As the `date` filter's "T": nothing for a wall time that is ambiguous or skipped.
    zone = local.tzinfo
    if zone is None:
        return date_format(local, "T")
    if zone.utcoffset(local.replace(fold=not local.fold)) != zone.utcoffset(local):
        return ""
    return str(zone.tzname(local))


@receiver(setting_changed)
def _forget_exact_writers(*, setting: str, **kwargs: Any) -> None:
    """Forget the kept formats when a test changes what translations read, as Django does."""
    if setting in {"LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS", "INSTALLED_APPS"}:
        _exact_writer.cache_clear()
