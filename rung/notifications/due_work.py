"""Work that comes due with time, run together by `manage.py notifications_due`.

The digests and the mail sweep are built in; other apps add theirs with `register`:

    from rung.notifications import due_work

    @due_work.register
    def outcome_prompts(now: datetime) -> int:
        ...

Each piece takes the run's time and returns something to report (a count). The run goes
on past a piece that fails, and logs it; every piece must be safe to run again at any
moment, since two runs may overlap.
"""

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.utils import timezone

logger = logging.getLogger(__name__)

Work = Callable[[datetime], Any]

_registered: list[Work] = []


def register(work: Work) -> Work:
    """Add a piece of periodic work (once, however often this is called); usable as a decorator."""
    if work not in _registered:
        _registered.append(work)
    return work


def unregister(work: Work) -> None:
    if work in _registered:
        _registered.remove(work)


def _builtin() -> list[Work]:
    from rung.notifications import digest, mailing

    return [digest.digests_send, digest.digest_waiting_release, mailing.schedule_forgotten]


def work_name(work: Work) -> str:
    return f"{work.__module__}.{getattr(work, '__qualname__', repr(work))}"


def run_due(now: datetime | None = None) -> dict[str, Any]:
    """Run every piece of due work once; return what each reported (or the error's name)."""
    now = now or timezone.now()
    report: dict[str, Any] = {}
    for work in [*_builtin(), *_registered]:
        name = work_name(work)
        try:
            report[name] = work(now)
        except Exception as error:
            logger.exception("Periodic work %s failed", name)
            report[name] = f"failed: {type(error).__name__}"
    return report
