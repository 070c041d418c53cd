"""A version for what pages show of members (names, headlines, levels, avatars) and of
the shared career text (ladder and topic names, guides, rating labels, company levels).

Rendered fragments are kept until evicted (rung/qa/fragments.py) and their keys carry the
version of the question or topic they show, which a member editing their profile does not
touch. So their keys also carry this version, which any change to a member's row raises:
a renamed member's old name is not served again, from any worker. It lives in the shared
cache as a time stamp, never a count, so an evicted or cleared entry cannot bring an old
value back; each process reads it at most once a second.
"""

import time

from django.core.cache import cache

_KEY = "people-version"
_READ_EVERY = 1.0
_memo: dict[str, float | str] = {"read_at": 0.0, "value": ""}


def people_version() -> str:
    now = time.monotonic()
    if now - float(_memo["read_at"]) >= _READ_EVERY:
        _memo["value"] = str(cache.get(_KEY) or "0")
        _memo["read_at"] = now
    return str(_memo["value"])


def people_changed() -> None:
    """Raise the version; this process sees the new one at once, others within a second."""
    value = str(time.time_ns())
    cache.set(_KEY, value, None)
    _memo["value"], _memo["read_at"] = value, time.monotonic()


def people_version_forget() -> None:
    """Read the version afresh next time, as after the cache was cleared (tests do)."""
    _memo["read_at"], _memo["value"] = 0.0, ""


def shared_text_changed() -> None:
    """Ladder and topic text (level names, guides, rubric, rating labels, company levels) is
    on cached pages too; an operator's edit in the admin raises the same version, so no
    page keeps the old wording. Such edits are rare, so emptying every page is cheap."""
    people_changed()
