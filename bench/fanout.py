"""What telling a hundred thousand watchers of a level about one new question costs.

    .venv/bin/python bench/fanout.py [--watchers 100000]
    .venv/bin/python bench/fanout.py --database-url postgres://postgres@127.0.0.1:5432/rung_bench

A throwaway database (SQLite in a temporary folder unless --database-url, which is dropped and
created anew) holds --watchers members watching the mid-level, a few hundred of whom muted
the question's other topic, and a tenth of whom chose to hear of new questions in the
digest or by mail at once. The worker's fan-out for one question
(`rung.notifications.fanout.question_asked`, what the task runs after a question is
asked) is timed for one question, then run for a second question under tracemalloc for
the peak of Python memory. Mail is not sent: the mail tasks it schedules are counted.

It prints the notices written, wall and CPU time, the time per thousand watchers, the
queries, and the peak.
"""

import argparse
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from bell import setup_django


def fill(watchers: int) -> dict[str, Any]:
    from django.db import transaction

    from rung.accounts.models import User
    from rung.notifications.models import Follow, MailSettings, WatchLevel
    from rung.qa.models import Topic

    rng = random.Random(5)
    level = Topic.objects.get(slug="mid-level")
    other = Topic.objects.get(slug="performance-reviews")
    with transaction.atomic():
        users = User.objects.bulk_create(
            (
                User(username=f"w{i}", email=f"w{i}@example.com", display_name=f"Watcher {i}")
                for i in range(watchers + 1)
            ),
            batch_size=5000,
        )
        asker, watching = users[0], users[1:]
        Follow.objects.bulk_create(
            (Follow(user=u, topic=level, level=WatchLevel.WATCHING) for u in watching),
            batch_size=5000,
        )
        muted = rng.sample(watching, min(300, len(watching)))
        Follow.objects.bulk_create(
            (Follow(user=u, topic=other, level=WatchLevel.MUTED) for u in muted), batch_size=5000
        )
        chosen = rng.sample(watching, len(watching) // 10)
        MailSettings.objects.bulk_create(
            (
                MailSettings(
                    user=u, deliveries={"watched_question": rng.choice(["digest", "email"])}
                )
                for u in chosen
            ),
            batch_size=5000,
        )
    return {"asker": asker, "level": level, "other": other, "muted": len(muted)}


def ask(built: dict[str, Any], title: str) -> int:
    from rung.qa.models import Question, QuestionTopic

    question = Question.objects.create(
        author=built["asker"],
        title=title,
        body="What changes between the levels?",
        body_html="<p>What changes between the levels?</p>",
        language="en",
    )
    QuestionTopic.objects.bulk_create(
        QuestionTopic(question=question, topic=topic, created_at=question.created_at)
        for topic in (built["level"], built["other"])
    )
    return question.pk


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--watchers", type=int, default=100_000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    if args.watchers < 1:
        parser.error("--watchers must be at least 1")
    with tempfile.TemporaryDirectory(prefix="rung-fanout-") as tmp:
        setup_django(Path(tmp), args.database_url)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from rung.notifications import fanout, mailing
        from rung.notifications.models import MailState, Notification

        scheduled: list[int] = []
        mailing.schedule = lambda ids: scheduled.extend(ids)  # type: ignore[assignment]
        started = time.perf_counter()
        built = fill(args.watchers)
        print(
            f"built {args.watchers:,} watchers of the mid-level ({built['muted']} of them "
            f"muted the other topic) in {time.perf_counter() - started:.1f} s "
            f"({connection.vendor})"
        )
        first = ask(built, "How do I grow from mid-level to senior?")
        with CaptureQueriesContext(connection) as queries:
            wall, cpu = time.perf_counter(), time.process_time()
            fanout.question_asked(first)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        told = Notification.objects.filter(question_id=first).count()
        states = {
            state: Notification.objects.filter(question_id=first, mail_state=state).count()
            for state in (MailState.NONE, MailState.DIGEST, MailState.PENDING)
        }
        mailed = len(scheduled)
        second = ask(built, "What does a senior engineer own?")
        tracemalloc.start()
        fanout.question_asked(second)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert Notification.objects.filter(question_id=second).count() == told
        maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\none question asked, fanned out to {args.watchers:,} watchers")
        print(f"  notices written     {told:>12,}")
        print(f"  in Rung only        {states[MailState.NONE]:>12,}")
        print(f"  for the digest      {states[MailState.DIGEST]:>12,}")
        print(f"  to mail at once     {states[MailState.PENDING]:>12,}   ({mailed:,} scheduled)")
        print(f"  wall time           {wall:>12.2f} s")
        print(f"  CPU time            {cpu:>12.2f} s")
        print(f"  per 1,000 watchers  {wall / args.watchers * 1e6:>12.1f} ms")
        print(f"  queries             {len(queries.captured_queries):>12,}")
        print(f"  peak Python memory  {peak / 2**20:>12.1f} MiB (tracemalloc, second question)")
        print(f"  process max RSS     {maxrss:>12.1f} MiB (whole process, data building too)")


if __name__ == "__main__":
    sys.exit(main())
