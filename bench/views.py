"""Benchmark three ways of counting question views on SQLite, the embedded default.

    .venv/bin/python bench/views.py [--views 10000 --viewers 3000 --questions 200 --rate 50]

One process, a throwaway SQLite database in WAL mode (one writer at a time holds its
lock), the same page views replayed for each design:

- thread: `rung.qa.view_counter` as shipped. A page view adds (question, viewer, day) to
  an in-process set; a thread writes the set in one transaction every
  RUNG_VIEW_FLUSH_SECONDS (5), or as soon as a page view fills it to RUNG_VIEW_BUFFER_MAX
  (500) and wakes it.
- task per flush: the same set and flushes, but each flush enqueues a `django.tasks` task
  carrying the batch, and the task worker writes it.
- task per view: a page view of a (question, viewer, day) new to the process enqueues a
  task with that one key, and the worker writes it. Durable from the request on.

Page views arrive at --rate per second on a simulated clock: the flush comes every
rate x 5 views or when woken, and the worker (run in this process, as `db_worker` would) drains its
queue once a simulated second. Reported, per 1,000 page views: transactions that take
SQLite's write lock on the request path and anywhere (a BEGIN, which Rung's IMMEDIATE
mode makes a write lock, or a write outside a transaction), and write statements; task
rows written to the queue table; the most counted views held only in process memory,
which a crash would lose; the median time a page view spends counting, and the time only
one page view in 1,000 exceeds. Then one page view's counting is timed with the write
lock free, and while another connection holds it for --hold ms (for a buffer, the page
view that fills it). Every design must end
with the same view counts (checked).
"""

import argparse
import logging
import os
import random
import shutil
import statistics
import sys
import tempfile
import textwrap
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FLUSH_SECONDS = 5
BUFFER_MAX = 500
DESIGNS = ("thread", "task per flush", "task per view")
# Set when a page view fills the task-per-flush buffer.
FULL = threading.Event()


class Meter:
    """Count write-lock transactions and write statements on one connection, by phase."""

    def __init__(self) -> None:
        self.phase = "setup"
        self.locks: Counter[str] = Counter()
        self.writes: Counter[str] = Counter()

    def __call__(
        self,
        execute: Callable[..., Any],
        sql: str,
        params: Any,
        many: bool,
        context: dict[str, Any],
    ) -> Any:
        head = sql.lstrip()[:6].upper()
        if head.startswith("BEGIN"):
            self.locks[self.phase] += 1
        elif head in {"INSERT", "UPDATE", "DELETE"}:
            self.writes[self.phase] += 1
            if not context["connection"].in_atomic_block:
                self.locks[self.phase] += 1
        return execute(sql, params, many, context)

    def reset(self) -> None:
        self.locks.clear()
        self.writes.clear()


def setup_django(workdir: Path) -> None:
    os.environ.update(
        RUNG_VAR_DIR=str(workdir), SECRET_KEY="bench-only", DJANGO_SETTINGS_MODULE="rung.settings"
    )
    for name in ("DATABASE_URL", "REDIS_URL", "RUNG_TASKS", "DEBUG"):
        os.environ.pop(name, None)
    sys.path.insert(0, str(ROOT))
    from rung import embedded

    embedded.prepare()
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    settings.RUNG_VIEW_FLUSH_SECONDS = FLUSH_SECONDS
    settings.RUNG_VIEW_BUFFER_MAX = BUFFER_MAX
    call_command("migrate", verbosity=0)
    logging.disable(logging.INFO)  # the worker logs every task it runs


def make_questions(count: int) -> list[int]:
    from django_tasks_db.models import DBTaskResult

    from rung.testing import make_member, make_question

    author = make_member("bench-author")
    ids = [make_question(author).pk for _ in range(count)]
    DBTaskResult.objects.all().delete()  # search's vector tasks: not what is measured
    return ids


def workload(args: argparse.Namespace, question_ids: list[int]) -> list[tuple[int, str]]:
    """Return the page views: popular questions are viewed more, viewers come back."""
    rng = random.Random(args.seed)
    popularity = [1 / (rank + 1) for rank in range(len(question_ids))]
    questions = rng.choices(question_ids, popularity, k=args.views)
    return [(q, f"{rng.randrange(args.viewers):032x}") for q in questions]


def run_worker() -> None:
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    ready = DBTaskResult.objects.ready().count()
    if ready:
        Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=ready,
            worker_id="bench",
            excluded_queue_names=[],
        ).run()


def enqueue_buffer() -> None:
    from view_tasks import count_views

    from rung.qa import view_counter

    with view_counter._lock:
        batch = sorted(view_counter._pending)
        view_counter._pending.clear()
    if batch:
        count_views.enqueue([[q, v, d.isoformat()] for q, v, d in batch])


def request_path(design: str) -> Callable[[int, str], None]:
    """Return what a page view does to count itself under `design`."""
    from django.utils import timezone
    from view_tasks import count_views

    from rung.qa import view_counter

    if design == "thread":
        return view_counter.record_view
    if design == "task per flush":

        def buffer_then_enqueue(question_id: int, viewer: str) -> None:
            with view_counter._lock:
                view_counter._pending.add((question_id, viewer, timezone.localdate()))
                full = len(view_counter._pending) >= BUFFER_MAX
            if full:
                FULL.set()  # the flusher enqueues it, as the thread design's flusher writes

        return buffer_then_enqueue
    seen: set[tuple[int, str, str]] = set()

    def enqueue_new(question_id: int, viewer: str) -> None:
        key = (question_id, viewer, timezone.localdate().isoformat())
        if key not in seen:
            seen.add(key)
            count_views.enqueue([list(key)])

    return enqueue_new


def reset_counts() -> None:
    from django_tasks_db.models import DBTaskResult

    from rung.qa import view_counter
    from rung.qa.models import Question, QuestionView

    view_counter.discard_pending()
    QuestionView.objects.all().delete()
    Question.objects.update(view_count=0)
    DBTaskResult.objects.all().delete()


def behind_a_writer(count: Callable[[int, str], None], question_id: int, hold: float) -> float:
    """Time one page view's counting while another connection holds the write lock."""
    from django.db import connection, transaction

    holding = threading.Event()

    def writer() -> None:
        with transaction.atomic():  # BEGIN IMMEDIATE: the write lock, until the commit
            holding.set()
            time.sleep(hold)
        connection.close()

    thread = threading.Thread(target=writer)
    thread.start()
    holding.wait()
    started = time.perf_counter()
    count(question_id, f"late-{time.monotonic_ns()}")
    elapsed = time.perf_counter() - started
    thread.join()
    return elapsed


def run(
    design: str, views: list[tuple[int, str]], args: argparse.Namespace, meter: Meter
) -> dict[str, Any]:
    from django_tasks_db.models import DBTaskResult

    from rung.qa import view_counter
    from rung.qa.models import Question

    reset_counts()
    meter.reset()
    count = request_path(design)
    per_flush = args.rate * FLUSH_SECONDS
    # Before the flusher could be woken, the page view that filled the buffer wrote it; a
    # copy of this file measures such a checkout too.
    woken = getattr(view_counter, "_wake", None) if design == "thread" else FULL
    times: list[float] = []
    in_memory = 0
    task_rows = 0
    for n, (question_id, viewer) in enumerate(views, 1):
        meter.phase = "request"
        started = time.perf_counter()
        count(question_id, viewer)
        times.append(time.perf_counter() - started)
        in_memory = max(in_memory, view_counter.pending_count())
        if n % per_flush == 0 or n == len(views) or (woken and woken.is_set()):
            if woken:
                woken.clear()
            meter.phase = "flush"
            if design == "thread":
                view_counter.flush_views()
            elif design == "task per flush":
                enqueue_buffer()
        if n % args.rate == 0 or n == len(views):
            meter.phase = "measure"
            task_rows += DBTaskResult.objects.ready().count()
            meter.phase = "worker"
            run_worker()
    meter.phase = "measure"
    total = sum(Question.objects.values_list("view_count", flat=True))
    waits = []
    for _ in range(3):
        # The worst case: the page view that fills the buffer, where there is one.
        if design != "task per view":
            view_counter.discard_pending()
            for i in range(BUFFER_MAX - 1):
                count(views[0][0], f"brim-{i}")
        waits.append(behind_a_writer(count, views[0][0], args.hold / 1000))
        if woken:
            woken.clear()
    free = []
    for _ in range(20):
        started = time.perf_counter()
        count(views[0][0], f"free-{time.monotonic_ns()}")
        free.append(time.perf_counter() - started)
    view_counter.discard_pending()
    per_k = 1000 / len(views)
    return {
        "design": design,
        "counted": total,
        "request locks": meter.locks["request"] * per_k,
        "all locks": sum(meter.locks[p] for p in ("request", "flush", "worker")) * per_k,
        "writes": sum(meter.writes[p] for p in ("request", "flush", "worker")) * per_k,
        "task rows": task_rows * per_k,
        "in memory": in_memory,
        "median us": statistics.median(times) * 1e6,
        "p99.9 ms": statistics.quantiles(times, n=1000)[-1] * 1000,
        "free us": statistics.median(free) * 1e6,
        "held ms": statistics.median(waits) * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--views", type=int, default=10_000)
    parser.add_argument("--viewers", type=int, default=3_000)
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--rate", type=int, default=50, help="page views per simulated second")
    parser.add_argument("--hold", type=int, default=200, help="ms another writer holds the lock")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="rung-views-bench-"))
    try:
        setup_django(workdir)
        from django.db import connection

        from rung.qa import view_counter

        # The clock is simulated: the bench flushes, not a thread.
        view_counter._ensure_flusher = lambda: None
        question_ids = make_questions(args.questions)
        views = workload(args, question_ids)
        distinct = len(set(views))
        print(
            f"{len(views)} page views of {len(question_ids)} questions by up to {args.viewers} "
            f"viewers ({distinct} distinct views to count), {args.rate} a second; flush every "
            f"{FLUSH_SECONDS} s or at {BUFFER_MAX} buffered; SQLite",
            flush=True,
        )
        meter = Meter()
        results = []
        with connection.execute_wrapper(meter):
            for design in DESIGNS:
                results.append(run(design, views, args, meter))
                print(f"  ran {design}", flush=True)
        print()
        print(
            f"{'per 1,000 page views':<16} {'req locks':>9} {'all locks':>9} {'writes':>7} "
            f"{'task rows':>9} {'in memory':>9} {'median µs':>9} {'p99.9 ms':>8} "
            f"{'lock free µs':>12} {f'behind {args.hold} ms writer':>22}"
        )
        for r in results:
            print(
                f"{r['design']:<16} {r['request locks']:>9.1f} {r['all locks']:>9.1f} "
                f"{r['writes']:>7.1f} {r['task rows']:>9.1f} {r['in memory']:>9} "
                f"{r['median us']:>9.0f} {r['p99.9 ms']:>8.1f} {r['free us']:>12.0f} "
                f"{r['held ms']:>22.1f}"
            )
        legend = (
            "req locks: transactions that take the write lock in a page view; all locks: in "
            "page views, flushes and the worker; writes: write statements; task rows: queue "
            "rows written; in memory: most counted views a crash would lose; median µs, p99.9 "
            "ms: a page view's counting (1 in 1,000 takes longer); the last two: one page "
            "view's counting with the write lock free, and the view that fills the buffer (or "
            "any, without one) while another connection holds it."
        )
        print(textwrap.fill(legend, 100))
        counted = {r["counted"] for r in results}
        assert counted == {distinct}, f"designs disagree: {counted} vs {distinct} distinct views"
        print(f"\nevery design counted {distinct} views")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
