"""Count question views once per viewer per question per day, off the request's write path.

A page view only adds a key to an in-process set. A background thread flushes the set in
one transaction, every few seconds or as soon as a page view fills it: an INSERT .. ON
CONFLICT DO NOTHING RETURNING into `QuestionView` whose unique key (question, viewer, day)
dedupes across processes and restarts, then one UPDATE per touched question adds exactly
the rows that were new. Views buffered when a process dies are lost; they are a statistic,
not something a member saw saved. Why a thread and not tasks: docs/architecture.md.
"""

import atexit
import hashlib
import logging
import re
import threading
import time
from collections import Counter
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from rung.qa.models import Question, QuestionView

logger = logging.getLogger(__name__)

VISITOR_COOKIE = "rung_vid"
_BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|preview|monitor|headless|"
    r"curl|wget|python-requests|python-urllib|httpx|go-http-client|java/|okhttp|"
    r"libwww|scrapy|phantomjs|wrk|apachebench|siege|lighthouse",
    re.IGNORECASE,
)

_lock = threading.Lock()
_pending: set[tuple[int, str, date]] = set()
_flusher: threading.Thread | None = None
# Set by the page view that fills the buffer, so the flusher writes it now.
_wake = threading.Event()


def is_bot(request: HttpRequest) -> bool:
    """Return whether a request obviously comes from a crawler or a script."""
    # From META directly: request.headers builds a mapping of every header first.
    agent = request.META.get("HTTP_USER_AGENT", "")
    return not agent or bool(_BOT_PATTERN.search(agent))


def _hash(raw: str) -> str:
    return hashlib.blake2s(raw.encode(), digest_size=16, key=b"rung-views").hexdigest()


def viewer_key_for_user(user: Any) -> str:
    return _hash(f"u:{user.pk}")


def viewer_key(request: HttpRequest, visitor_id: str | None) -> str | None:
    """Return a stable, non-identifying key for the viewer, or None when there is none."""
    if request.user.is_authenticated:
        return viewer_key_for_user(request.user)
    if visitor_id:
        return _hash(f"a:{visitor_id}")
    return None


def record_view(question_id: int, viewer: str) -> None:
    """Buffer one view, waking the flusher once the buffer is full; unbuffered, write it now."""
    key = (question_id, viewer, timezone.localdate())
    with _lock:
        _pending.add(key)
        full = len(_pending) >= settings.RUNG_VIEW_BUFFER_MAX
    if settings.RUNG_VIEW_FLUSH_SECONDS <= 0:
        flush_views()
        return
    _ensure_flusher()
    if full:
        # The page view only signals: writing here would make it wait for SQLite's write
        # lock behind any other writer. Views arriving meanwhile go into a fresh buffer.
        _wake.set()


def pending_count() -> int:
    with _lock:
        return len(_pending)


def discard_pending() -> None:
    """Forget buffered views without writing them."""
    with _lock:
        _pending.clear()


def flush_views() -> int:
    """Write buffered views; return how many were new. Safe to call from any thread."""
    with _lock:
        # Sorted, so two processes flushing at once take row locks in one order.
        batch = sorted(_pending)
        _pending.clear()
    if not batch:
        return 0
    table = QuestionView._meta.db_table
    counts: Counter[int] = Counter()
    with transaction.atomic():
        with connection.cursor() as cursor:
            for start in range(0, len(batch), 300):
                chunk = batch[start : start + 300]
                placeholders = ", ".join(["(%s, %s, %s)"] * len(chunk))
                params: list[int | str | date] = []
                for question_id, viewer, day in chunk:
                    params += [question_id, viewer, day]
                cursor.execute(
                    f"INSERT INTO {table} (question_id, viewer, day) VALUES {placeholders} "
                    "ON CONFLICT DO NOTHING RETURNING question_id",
                    params,
                )
                counts.update(row[0] for row in cursor.fetchall())
        for question_id, added in sorted(counts.items()):
            Question.objects.filter(pk=question_id).update(view_count=F("view_count") + added)
    return sum(counts.values())


def prune_views(*, keep_days: int = 2) -> int:
    """Delete dedupe rows older than a day or two; the counts already hold them."""
    cutoff = timezone.localdate() - timedelta(days=keep_days)
    deleted, _ = QuestionView.objects.filter(day__lt=cutoff).delete()
    return deleted


PRUNE_EVERY_SECONDS = 3600


def flush_cycle(last_prune: float | None) -> float | None:
    """Flush buffered views, and prune old dedupe rows when an hour has passed; return when.

    `None` means never pruned: the monotonic clock starts near zero at boot, so no number
    can stand for "long ago" on a machine that has been up for less than an hour.
    """
    flush_views()
    if last_prune is None or time.monotonic() - last_prune > PRUNE_EVERY_SECONDS:
        prune_views()
        return time.monotonic()
    return last_prune


def _flush_loop() -> None:
    last_prune: float | None = None
    while True:
        _wake.wait(max(settings.RUNG_VIEW_FLUSH_SECONDS, 0.5))
        _wake.clear()
        try:
            close_old_connections()
            last_prune = flush_cycle(last_prune)
        except Exception:  # the loop must survive a database hiccup
            logger.exception("Flushing question views failed")
        finally:
            close_old_connections()


def _ensure_flusher() -> None:
    global _flusher
    if _flusher is not None and _flusher.is_alive():
        return
    with _lock:
        if _flusher is not None and _flusher.is_alive():
            return
        _flusher = threading.Thread(target=_flush_loop, name="rung-view-flusher", daemon=True)
        _flusher.start()


def _flush_at_exit() -> None:
    try:
        flush_views()
    except Exception:
        logger.exception("Flushing question views at exit failed")


atexit.register(_flush_at_exit)
