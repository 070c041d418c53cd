"""Benchmark big threads: posting an answer, and the question page of 2,000 answers.

    .venv/bin/python bench/threads.py [--posts 10 --requests 20]
    .venv/bin/python bench/threads.py --database-url postgres://postgres@127.0.0.1:5432/rung_threads_bench

For SQLite (unless `--skip-sqlite`) and PostgreSQL (when `--database-url`, or
DATABASE_URL, names a database whose name contains "bench"; it is dropped and recreated),
a child process migrates a throwaway database and builds four questions: one with no
answers, one with 80 long answers (about 25,000 characters each), one with 2,000 answers
of a few sentences (with replies, likes and a most helpful answer), and one "spam" thread
of 40 answers made of distinct random words, the shape that overflows a PostgreSQL
tsvector. It then times, in process through Django's test client:

(a) a member posting an answer to each thread (the POST, up to the redirect it answers
    with), `--posts` times each;
(b) the question page of the 2,000-answer thread for a visitor and for a logged-in member
    with nothing on the page, cold (cache emptied before each request) and warm, with its
    size in bytes.

Every time is a median, set against the bare Django view (`/-/health`, which crosses the
same middleware without touching the database) measured in the same process between the
timed calls; "cpu ms" is this process's own CPU time, steadier than wall time when other
work shares the machine (PostgreSQL's own work is not in it). The script uses only what
the question page and the answer form offer, so the same file measures the code before
and after a change: copy it into the other checkout and run it from there.
"""

import argparse
import json
import os
import random
import shutil
import signal
import statistics
import string
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from harness import PYTHON, ROOT, bench_env, database_name, drop_database, raise_interrupt
from page_text import ANSWER_SENTENCES, QUESTION_SENTENCES, make_paragraphs, make_post_text

BIG_ANSWERS = 2_000
LONG_ANSWERS = 80
LONG_CHARS = 25_000
SPAM_ANSWERS = 40
SPAM_CHARS = 29_000
MEMBERS = 60
USER_AGENT = "Mozilla/5.0 (bench)"
THREADS = ("empty", "long-80", "big-2000", "spam-40")


# --- child: runs with Django set up for one database --------------------------------------


def _setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _answer_text(rng: random.Random, sentences: int) -> tuple[str, str]:
    return make_post_text(make_paragraphs(rng, ANSWER_SENTENCES, sentences))


def _long_text(rng: random.Random) -> tuple[str, str]:
    paragraphs: list[str] = []
    while sum(len(p) + 2 for p in paragraphs) < LONG_CHARS:
        paragraphs += make_paragraphs(rng, ANSWER_SENTENCES, 12)
    return make_post_text(paragraphs)


def _spam_text(rng: random.Random) -> tuple[str, str]:
    words: list[str] = []
    length = 0
    while length < SPAM_CHARS:
        word = "".join(rng.choices(string.ascii_lowercase, k=rng.randint(6, 12)))
        words.append(word)
        length += len(word) + 1
    body = " ".join(words)
    return body, f"<p>{body}</p>"


def _build(rng: random.Random) -> dict[str, Any]:
    """Create members and the four threads; return their ids."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.db.models import F
    from django.utils import timezone

    from rung.accounts.models import User
    from rung.qa import services
    from rung.qa.models import Answer, Like, Question, Topic
    from rung.search import indexing

    password = make_password("bench-password")
    with transaction.atomic():
        members = User.objects.bulk_create(
            User(
                username=f"bench-{i}",
                email=f"bench-{i}@example.com",
                password=password,
                display_name=f"Bench Member {i}",
                headline="Senior Software Engineer at Acme",
            )
            for i in range(MEMBERS)
        )
    asker, reader, poster = members[0], members[1], members[2]
    answerers = members[3:]
    topic = Topic.objects.get(slug="mid-level")
    now = timezone.now()

    def question(label: str) -> Question:
        body = " ".join(rng.choices(QUESTION_SENTENCES, k=6))
        return services.question_create(
            author=asker,
            title=f"Bench thread {label}: how do I grow from mid-level to senior?",
            body=body,
            topics=[topic],
        )

    def fill(target: Question, texts: Callable[[int], tuple[str, str]], count: int) -> None:
        rows = []
        for i in range(count):
            body, body_html = texts(i)
            rows.append(
                Answer(
                    question=target,
                    author=answerers[i % len(answerers)],
                    body=body,
                    body_html=body_html,
                    language="en",
                    created_at=now - (count - i) * timedelta(seconds=30),
                )
            )
        with transaction.atomic():
            Answer.objects.bulk_create(rows, batch_size=500)
            Question.objects.filter(pk=target.pk).update(
                answer_count=count, version=F("version") + 1
            )

    threads = {name: question(name) for name in THREADS}
    short_texts = [_answer_text(rng, rng.randint(3, 7)) for _ in range(50)]
    fill(threads["long-80"], lambda _i: _long_text(rng), LONG_ANSWERS)
    fill(threads["big-2000"], lambda i: short_texts[i % len(short_texts)], BIG_ANSWERS)
    fill(threads["spam-40"], lambda _i: _spam_text(rng), SPAM_ANSWERS)

    # The big thread as people leave it: likes, replies, a most helpful answer.
    big = threads["big-2000"]
    answers = list(Answer.objects.filter(question=big).order_by("pk"))
    likes, replies = [], []
    for i, answer in enumerate(answers):
        count = min(len(answerers), int(rng.paretovariate(1.5)) - 1)
        answer.like_count = count
        likes += [Like(user=user, answer=answer) for user in rng.sample(answerers, count)]
        if i % 4 == 0:
            for r in range(rng.choice((1, 2, 3, 8))):
                body, body_html = _answer_text(rng, 1)
                replies.append(
                    Answer(
                        question=big,
                        parent=answer,
                        author=answerers[(i + r + 1) % len(answerers)],
                        body=body,
                        body_html=body_html,
                        language="en",
                        created_at=answer.created_at + timedelta(minutes=r + 1),
                    )
                )
    with transaction.atomic():
        Answer.objects.bulk_update(answers, ["like_count"], batch_size=500)
        Like.objects.bulk_create(likes, batch_size=1000)
        Answer.objects.bulk_create(replies, batch_size=500)
        Question.objects.filter(pk=big.pk).update(
            accepted_answer=answers[len(answers) // 2], version=F("version") + 1
        )
    for target in threads.values():
        try:
            with transaction.atomic():
                indexing.question_index(target.pk)
        except Exception as error:  # the spam thread may not index at all
            print(f"  indexing {target.pk}: {type(error).__name__}: {error}", flush=True)
    indexing.embeddings_update([target.pk for target in threads.values()])
    return {
        "threads": {name: target.pk for name, target in threads.items()},
        "reader": reader.pk,
        "poster": poster.pk,
        "replies": len(replies),
        "likes": len(likes),
    }


def _median_ms(samples: Sequence[float]) -> float:
    return round(statistics.median(samples) * 1000, 2)


def child(args: argparse.Namespace) -> dict[str, Any]:
    _setup_django()
    import logging

    # A failed post is counted and reported once below, not logged with its traceback.
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from rung.accounts.models import User
    from rung.qa.models import Question

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    rng = random.Random(args.seed)
    started = time.perf_counter()
    built = _build(rng)
    build_seconds = time.perf_counter() - started
    print(f"  built in {build_seconds:.1f}s", flush=True)

    visitor = Client(HTTP_USER_AGENT=USER_AGENT)
    member = Client(HTTP_USER_AGENT=USER_AGENT)
    member.force_login(User.objects.get(pk=built["reader"]))
    poster = Client(HTTP_USER_AGENT=USER_AGENT)
    poster.force_login(User.objects.get(pk=built["poster"]))
    bare_samples: list[float] = []

    def bare() -> None:
        for _ in range(5):
            t = time.perf_counter()
            response = visitor.get("/-/health")
            bare_samples.append(time.perf_counter() - t)
            assert response.status_code == 200

    for _ in range(20):
        bare()

    posting: dict[str, Any] = {}
    for name in THREADS:
        pk = built["threads"][name]
        url = f"/questions/{pk}/answer/"
        samples, cpu, errors = [], [], []
        for i in range(args.posts):
            body, _html = _answer_text(rng, 4)
            bare()
            t, c = time.perf_counter(), time.process_time()
            try:
                response = poster.post(url, {"body": f"{body} ({i})"})
                status = response.status_code
            except Exception as error:  # counted and reported below
                status, errors = 500, [*errors, f"{type(error).__name__}: {error}"[:200]]
            elapsed, used = time.perf_counter() - t, time.process_time() - c
            if status == 302:
                samples.append(elapsed)
                cpu.append(used)
            elif not errors:
                errors.append(f"status {status}")
        posting[name] = {
            "median_ms": _median_ms(samples) if samples else None,
            "cpu_ms": _median_ms(cpu) if cpu else None,
            "posted": len(samples),
            "errors": errors[:1],
        }
        print(f"  post {name}: {posting[name]}", flush=True)

    big = Question.objects.get(pk=built["threads"]["big-2000"])
    page_url = big.get_absolute_url()
    pages: dict[str, Any] = {}
    for who, client in (("visitor", visitor), ("member", member)):
        for state in ("cold", "warm"):
            samples, cpu, sizes = [], [], set()
            for _ in range(args.requests):
                bare()
                if state == "cold":
                    cache.clear()
                else:
                    client.get(page_url)
                t, c = time.perf_counter(), time.process_time()
                response = client.get(page_url)
                samples.append(time.perf_counter() - t)
                cpu.append(time.process_time() - c)
                assert response.status_code == 200, response.status_code
                sizes.add(len(response.content))
            pages[f"{who}/{state}"] = {
                "median_ms": _median_ms(samples),
                "cpu_ms": _median_ms(cpu),
                "bytes": max(sizes),
            }
            print(f"  page {who}/{state}: {pages[f'{who}/{state}']}", flush=True)
    return {
        "database": connection.vendor,
        "build_seconds": round(build_seconds, 1),
        "bare_ms": _median_ms(bare_samples),
        "posting": posting,
        "pages": pages,
        "replies": built["replies"],
        "likes": built["likes"],
    }


# --- parent ------------------------------------------------------------------------------


def run_child(args: argparse.Namespace, database_url: str | None) -> dict[str, Any]:
    var_dir = Path(tempfile.mkdtemp(prefix="rung-threads-bench-"))
    out = var_dir / "result.json"
    env = bench_env(var_dir, database_url)
    if database_url:
        drop_database(database_url, create=True)
    try:
        subprocess.run(
            [
                PYTHON,
                str(Path(__file__).resolve()),
                "--child",
                f"--out={out}",
                f"--posts={args.posts}",
                f"--requests={args.requests}",
                f"--seed={args.seed}",
            ],
            cwd=ROOT,
            env=env,
            check=True,
        )
        return dict(json.loads(out.read_text()))
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)
        if database_url:
            drop_database(database_url, create=False)


def print_report(results: list[dict[str, Any]]) -> None:
    for result in results:
        bare = result["bare_ms"]
        print(
            f"\n{result['database']}: bare view {bare:.2f} ms (median); "
            f"big thread has {BIG_ANSWERS} answers, {result['replies']} replies, "
            f"{result['likes']} likes"
        )
        print(f"{'post an answer to':<22} {'ms':>9} {'x bare':>8} {'cpu ms':>8}  notes")
        for name in THREADS:
            row = result["posting"][name]
            if row["median_ms"] is None:
                print(f"{name:<22} {'-':>9} {'-':>8} {'-':>8}  failed: {row['errors'][0]}")
                continue
            note = f"failed {len(row['errors'])}: {row['errors'][0]}" if row["errors"] else ""
            print(
                f"{name:<22} {row['median_ms']:9.2f} {row['median_ms'] / bare:8.1f} "
                f"{row['cpu_ms']:8.2f}  {note}"
            )
        print(f"{'question page, 2,000':<22} {'ms':>9} {'x bare':>8} {'cpu ms':>8} {'bytes':>10}")
        for key, row in result["pages"].items():
            print(
                f"{key:<22} {row['median_ms']:9.2f} {row['median_ms'] / bare:8.1f} "
                f"{row['cpu_ms']:8.2f} {row['bytes']:10,d}"
            )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    parser.add_argument("--posts", type=int, default=10, help="answers posted per thread")
    parser.add_argument("--requests", type=int, default=20, help="page loads per case")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--skip-sqlite", action="store_true", help="measure PostgreSQL only (needs a URL)"
    )
    parser.add_argument("--json", type=Path, help="write raw results here")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.posts < 1 or args.requests < 1:
        parser.error("--posts and --requests must be at least 1")
    if args.child:
        args.out.write_text(json.dumps(child(args)))
        return 0
    # The database is dropped without asking, so only one named as a benchmark qualifies.
    if args.database_url and "bench" not in database_name(args.database_url):
        parser.error("the PostgreSQL database's name must contain 'bench'")
    if args.skip_sqlite and not args.database_url:
        parser.error("--skip-sqlite needs --database-url (or DATABASE_URL)")
    urls = [] if args.skip_sqlite else [None]
    if args.database_url:
        urls.append(args.database_url)
    signal.signal(signal.SIGTERM, raise_interrupt)
    results = []
    try:
        for url in urls:
            print(f"database: {url or 'SQLite (embedded default)'}", flush=True)
            results.append(run_child(args, url))
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    print_report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
