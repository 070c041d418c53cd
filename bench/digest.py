"""What one weekly digest run costs for ten thousand members: time, memory and queries.

    .venv/bin/python bench/digest.py [--members 10000 --questions 600 --notices 3]
    .venv/bin/python bench/digest.py --database-url postgres://postgres@127.0.0.1:5432/rung_bench

A throwaway database (SQLite in a temporary folder unless --database-url, which is dropped and
created anew) holds --members members who joined a month ago, each tracking two levels or
topics, watching one and muting one; a tenth of them read the digest daily. Over the last
week --questions questions were asked across those topics (a third still unanswered),
each member has --notices notices waiting for the digest, and a third of the members
answered a question before, so they get suggestions. Mail goes to a backend that writes
each message out as bytes, as the SMTP backend would, and throws it away.

The run (`rung.notifications.digest.digests_send`, what `manage.py notifications_due`
does) is timed once as it is, then, with every member put back, again under tracemalloc
for the peak of Python memory. It prints members due and mailed, wall and CPU time,
the time per member, the queries (and per batch of 500), and the peak.
"""

import argparse
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from bell import setup_django
from django.core.mail.backends.base import BaseEmailBackend

TOPICS = [
    "junior",
    "mid-level",
    "senior",
    "staff",
    "engineering-manager",
    "performance-reviews",
    "leadership-ownership",
]


class BytesBackend(BaseEmailBackend):
    """Write each message out as the SMTP backend would, count it, and keep nothing."""

    sent = 0
    size = 0

    def send_messages(self, email_messages: Sequence[Any]) -> int:
        for message in email_messages:
            BytesBackend.size += len(message.message().as_bytes())
            BytesBackend.sent += 1
        return len(email_messages)


def fill(args: argparse.Namespace) -> dict[str, int]:
    from django.db import transaction
    from django.utils import timezone

    from rung.accounts.models import User
    from rung.notifications.models import (
        Follow,
        MailSettings,
        MailState,
        Notification,
        WatchLevel,
    )
    from rung.qa.models import Answer, Question, QuestionTopic, Topic

    rng = random.Random(11)
    now = timezone.now()
    topics = list(Topic.objects.filter(slug__in=TOPICS))
    with transaction.atomic():
        users = User.objects.bulk_create(
            (
                User(
                    username=f"m{i}",
                    email=f"m{i}@example.com",
                    display_name=f"Member {i}",
                    date_joined=now - timedelta(days=30),
                )
                for i in range(args.members)
            ),
            batch_size=2000,
        )
        MailSettings.objects.bulk_create(
            (MailSettings(user=u, digest="daily") for u in users[::10]), batch_size=2000
        )
        follows = []
        for user in users:
            picked = rng.sample(topics, 4)
            levels = [WatchLevel.TRACKING, WatchLevel.TRACKING, WatchLevel.WATCHING]
            levels.append(WatchLevel.MUTED)
            follows += [
                Follow(user=user, topic=topic, level=level)
                for topic, level in zip(picked, levels, strict=True)
            ]
        Follow.objects.bulk_create(follows, batch_size=5000)

        def question(i: int, when: Any) -> Question:
            title = f"How do I get from one level to the next, case {i}?"
            return Question(
                author=users[rng.randrange(len(users))],
                title=title,
                body="I lead features. What should change?",
                body_html="<p>I lead features. What should change?</p>",
                excerpt="I lead features.",
                language="en",
                created_at=when,
            )

        old = Question.objects.bulk_create(
            [question(i, now - timedelta(days=40)) for i in range(len(topics))]
        )
        new = Question.objects.bulk_create(
            [
                question(i, now - timedelta(seconds=rng.randrange(7 * 86400)))
                for i in range(args.questions)
            ],
            batch_size=1000,
        )
        placements = [
            QuestionTopic(question=q, topic=t, created_at=q.created_at)
            for q, t in zip(old, topics, strict=True)
        ]
        for q in new:
            for topic in rng.sample(topics, rng.choice((1, 2))):
                placements.append(QuestionTopic(question=q, topic=topic, created_at=q.created_at))
        QuestionTopic.objects.bulk_create(placements, batch_size=5000)
        # Two in three new questions have an answer; everyone who answered before did so on
        # the old ones, one per level.
        answered = [q for q in new if rng.random() < 2 / 3]
        answers = [
            Answer(
                question=q,
                author=users[rng.randrange(len(users))],
                body="Own a system.",
                body_html="<p>Own a system.</p>",
                language="en",
            )
            for q in answered
        ]
        answerers = users[::3]
        answers += [
            Answer(
                question=old[rng.randrange(len(old))],
                author=user,
                body="Write it down.",
                body_html="<p>Write it down.</p>",
                language="en",
            )
            for user in answerers
        ]
        Answer.objects.bulk_create(answers, batch_size=5000)
        Question.objects.filter(pk__in=[q.pk for q in answered]).update(answer_count=1)
        QuestionTopic.objects.filter(question__in=[q.pk for q in answered]).update(answer_count=1)
        notices = [
            Notification(
                recipient=user,
                kind="like",
                actor=users[rng.randrange(len(users))],
                question=new[rng.randrange(len(new))],
                event_key=f"like:{user.pk}:{n}",
                data={"count": 1},
                created_at=now - timedelta(hours=rng.randrange(1, 100)),
                mail_state=MailState.DIGEST,
            )
            for user in users
            for n in range(args.notices)
        ]
        Notification.objects.bulk_create(notices, batch_size=5000)
    return {"members": len(users), "questions": len(new), "notices": len(notices)}


def put_back() -> None:
    from rung.notifications.models import MailSettings, MailState, Notification

    MailSettings.objects.update(digest_sent_at=None)
    Notification.objects.filter(mail_state=MailState.DIGESTED).update(
        mail_state=MailState.DIGEST, mailed_at=None
    )


def run() -> tuple[dict[str, Any], float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from rung.notifications import digest

    BytesBackend.sent = BytesBackend.size = 0
    with CaptureQueriesContext(connection) as queries:
        wall, cpu = time.perf_counter(), time.process_time()
        report = digest.digests_send(timezone.now())
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return report, wall, cpu, len(queries.captured_queries)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=600, help="asked in the last week")
    parser.add_argument("--notices", type=int, default=3, help="waiting per member")
    parser.add_argument("--database-url")
    args = parser.parse_args()
    if min(args.members, args.questions) < 1 or args.notices < 0:
        parser.error("--members and --questions must be at least 1")
    with tempfile.TemporaryDirectory(prefix="rung-digest-") as tmp:
        setup_django(Path(tmp), args.database_url)
        from django.conf import settings
        from django.db import connection

        from rung.notifications import digest

        settings.MAILERS = {"default": {"BACKEND": f"{__name__}.BytesBackend"}}
        started = time.perf_counter()
        built = fill(args)
        print(
            f"built {built['members']:,} members, {built['questions']:,} new questions and "
            f"{built['notices']:,} waiting notices in {time.perf_counter() - started:.1f} s "
            f"({connection.vendor})"
        )
        report, wall, cpu, queries = run()
        assert report["members"] == args.members, report
        sent, size = BytesBackend.sent, BytesBackend.size
        put_back()
        tracemalloc.start()
        again, _wall, _cpu, _queries = run()
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert again == report, (again, report)
        batches = -(-args.members // digest.BATCH)
        maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\none weekly digest run ({digest.BATCH} members a batch, {batches} batches)")
        print(f"  members due         {report['members']:>12,}")
        print(f"  digests mailed      {sent:>12,}   ({size / sent / 1024:.1f} KiB each)")
        print(f"  wall time           {wall:>12.2f} s")
        print(f"  CPU time            {cpu:>12.2f} s")
        print(f"  per member          {wall / report['members'] * 1e3:>12.2f} ms")
        print(f"  queries             {queries:>12,}   ({queries / batches:.1f} a batch)")
        print(f"  peak Python memory  {peak / 2**20:>12.1f} MiB (tracemalloc, second run)")
        print(f"  process max RSS     {maxrss:>12.1f} MiB (whole process, data building too)")


if __name__ == "__main__":
    sys.exit(main())
