"""What the header's bell costs a member's page, however many notices pile up.

    .venv/bin/python bench/bell.py [--members 10000 --notices 1000000 --requests 2000]
    .venv/bin/python bench/bell.py --database-url postgres://postgres@127.0.0.1:5432/rung_bench

A throwaway database (SQLite unless --database-url, which is dropped and created anew)
holds --members members and --notices notices spread over them, and three members of
interest: one with nothing unread, one with 50 unread, and one with 100,000 unread (a
member back from a year away). In one process, through Django's test client (the whole
middleware stack, no network), the run times, interleaved round by round so a noisy
machine shifts all alike:

- the health view, which crosses the same middleware and reads nothing (the reference);
- /notifications/bell/, the count the header's script asks for, for each of the three;
- the notifications page for the member with 100,000 unread.

It prints the median and 99th-percentile time of each, its ratio to the health view,
and the queries each request ran, and checks that the member pages add exactly one query
for the bell.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def setup_django(workdir: Path, database_url: str | None) -> None:
    os.environ.update(
        RUNG_VAR_DIR=str(workdir), SECRET_KEY="bench-only", DJANGO_SETTINGS_MODULE="rung.settings"
    )
    for name in ("DATABASE_URL", "REDIS_URL", "RUNG_TASKS", "DEBUG"):
        os.environ.pop(name, None)
    if database_url:
        _recreate(database_url)
        os.environ["DATABASE_URL"] = database_url
    os.environ["RUNG_TASKS"] = "immediate"
    sys.path.insert(0, str(ROOT))
    from rung import embedded

    embedded.prepare()
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    settings.ALLOWED_HOSTS = ["*"]
    # Pages name their static files; the manifest is built by collectstatic, not needed here.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", verbosity=0)


def _recreate(database_url: str) -> None:
    """Drop and create the PostgreSQL database named, so each run starts from migrations."""
    import urllib.parse

    import psycopg

    parts = urllib.parse.urlsplit(database_url)
    name = parts.path.lstrip("/")
    if parts.scheme not in {"postgres", "postgresql"} or not name.replace("_", "").isalnum():
        raise SystemExit(f"--database-url must name a PostgreSQL database: {database_url}")
    maintenance = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def fill(members: int, notices: int) -> dict[str, Any]:
    from django.utils import timezone

    from rung.accounts.models import User
    from rung.notifications.models import Notification
    from rung.qa.models import Topic
    from rung.qa.services import question_create

    rng = random.Random(7)
    users = User.objects.bulk_create(
        User(username=f"m{i}", email=f"m{i}@example.com", display_name=f"Member {i}")
        for i in range(members + 3)
    )
    quiet, some, flooded = users[-3:]
    topic = Topic.objects.get(slug="mid-level")
    question = question_create(
        author=users[0],
        title="What does a staff engineer do all day?",
        body="Asking for a friend.",
        topics=[topic],
    )
    now = timezone.now()
    batch: list[Notification] = []

    def add(recipient: Any, key: str, read: bool) -> None:
        batch.append(
            Notification(
                recipient=recipient,
                kind="watched_question",
                question=question,
                event_key=key,
                created_at=now,
                read_at=now if read else None,
            )
        )
        if len(batch) >= 20_000:
            Notification.objects.bulk_create(batch)
            batch.clear()

    for i in range(notices):  # a fifth of them unread
        add(users[rng.randrange(members)], f"bulk:{i}", read=rng.random() >= 0.2)
    for member, count, read in ((quiet, 500, True), (some, 50, False), (flooded, 100_000, False)):
        for i in range(count):
            add(member, f"{member.username}:{i}", read)
    Notification.objects.bulk_create(batch)
    return {"quiet": quiet, "some": some, "flooded": flooded}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--notices", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rung-bell-") as tmp:
        setup_django(Path(tmp), args.database_url)
        from django.db import connection, reset_queries
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        started = time.perf_counter()
        cast = fill(args.members, args.notices)
        print(
            f"filled {args.notices + 100_550:,} notices for {args.members + 3:,} members "
            f"in {time.perf_counter() - started:.1f} s ({connection.vendor})"
        )
        clients = {}
        for name, member in cast.items():
            client = Client()
            client.force_login(member)
            clients[name] = client
        targets = {
            "health (reference)": (Client(), "/-/health"),
            "bell, 0 unread": (clients["quiet"], "/notifications/bell/"),
            "bell, 50 unread": (clients["some"], "/notifications/bell/"),
            "bell, 100,000 unread": (clients["flooded"], "/notifications/bell/"),
            "notifications page, 100,000 unread": (clients["flooded"], "/notifications/"),
        }
        times: dict[str, list[float]] = {name: [] for name in targets}
        queries: dict[str, int] = {}
        for name, (client, url) in targets.items():
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            queries[name] = len(captured.captured_queries)
        rounds = max(1, args.requests // len(targets))
        for _ in range(rounds):
            for name, (client, url) in targets.items():
                t0 = time.perf_counter()
                client.get(url)
                times[name].append(time.perf_counter() - t0)
                reset_queries()
        reference = statistics.median(times["health (reference)"])
        print(f"\n{'request':<38} {'p50 ms':>8} {'p99 ms':>8} {'× health':>9} {'queries':>8}")
        for name, samples in times.items():
            samples.sort()
            p50 = statistics.median(samples)
            p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
            ratio = p50 / reference
            print(f"{name:<38} {p50 * 1e3:8.3f} {p99 * 1e3:8.3f} {ratio:9.2f} {queries[name]:8d}")
        # The count alone, as a member page runs it.
        from rung.notifications.selectors import unread_count

        print(f"\n{'the count alone':<38} {'p50 ms':>8} {'p99 ms':>8}")
        for name, member in cast.items():
            samples = []
            for _ in range(rounds):
                t0 = time.perf_counter()
                unread_count(member)
                samples.append(time.perf_counter() - t0)
            samples.sort()
            p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
            print(f"{name:<38} {statistics.median(samples) * 1e3:8.3f} {p99 * 1e3:8.3f}")
        # The bell's one query on a member page.
        client = clients["flooded"]
        client.get("/")
        with CaptureQueriesContext(connection) as captured:
            client.get("/")
        bell = [q for q in captured.captured_queries if "notifications_notification" in q["sql"]]
        print(
            f"\nmember home page: {len(captured.captured_queries)} queries, "
            f"{len(bell)} of them the bell's"
        )
        assert len(bell) == 1


if __name__ == "__main__":
    main()
