"""Time `manage.py reputation_rebuild` over a large community, and its peak memory.

    .venv/bin/python bench/reputation.py [--likes 1000000] [--answers 250000] [--postgres]
                                         [--keep DIR]

Builds (once, into DIR or a temporary folder; with --postgres into the database
`rung_bench_reputation`) members, questions in the level topics, answers, likes on both,
most-helpful marks, outcomes naming the answers that helped, and sign-up networks for part
of the members, some of them made together. Then runs the rebuild in a process of its own
and prints its wall time, CPU time and peak resident memory, beside two references measured
in the same run: a process that only starts Django (the memory floor), and one that reads
every like once (the least any rebuild must do).
"""

import argparse
import datetime
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_URL = "postgres://postgres@127.0.0.1:5432/rung_bench_reputation"

CHILD = r"""
import json, os, resource, sys, time
import django
django.setup()
mode = sys.argv[1]
started, cpu = time.monotonic(), time.process_time()
result = None
if mode == "rebuild":
    from rung.reputation import ledger
    result = ledger.ledger_rebuild()
elif mode == "read-likes":
    from rung.qa.models import Like
    rows = Like.objects.values_list("pk", "user_id", "answer_id", "question_id", "created_at")
    result = sum(1 for _ in rows.iterator(chunk_size=5000))
print(json.dumps({
    "wall": time.monotonic() - started,
    "cpu": time.process_time() - cpu,
    "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "result": result,
}))
"""


def env_for(var_dir: Path, postgres: bool) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="rung.settings",
        RUNG_VAR_DIR=str(var_dir),
        DEBUG="0",
        PYTHONPATH=str(ROOT),
        RUNG_RATE_LIMITS="off",
    )
    if postgres:
        env["DATABASE_URL"] = PG_URL
    return env


def child(env: dict[str, str], mode: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode], env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def build(env: dict[str, str], args: argparse.Namespace) -> None:
    """Make the community in a child process with the bench's settings."""
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    code = f"""
import django; django.setup()
import sys; sys.path.insert(0, "bench")
from reputation import fill
fill({args.members}, {args.questions}, {args.answers}, {args.likes})
"""
    subprocess.run([sys.executable, "-c", code], env=env, check=True, cwd=ROOT)


def fill(members: int, questions: int, answers: int, likes: int) -> None:
    """Insert the community in bulk (the services would take hours for a million likes)."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction
    from django.utils import timezone

    from rung.accounts.models import SignupNetwork, User
    from rung.qa.models import Answer, Outcome, Question, QuestionTopic, Topic

    rng = random.Random(18)
    now = timezone.now()
    start = now - datetime.timedelta(days=400)
    password = make_password("bench")
    topics = list(Topic.objects.filter(kind="level").values_list("pk", flat=True))
    t0 = time.monotonic()
    with transaction.atomic():
        User.objects.bulk_create(
            [
                User(
                    username=f"m{n}",
                    email=f"m{n}@example.com",
                    password=password,
                    date_joined=start + datetime.timedelta(minutes=n * 7),
                )
                for n in range(members)
            ],
            batch_size=5000,
        )
        people = list(User.objects.order_by("pk").values_list("pk", flat=True))
        # A third of the members signed up from a network we know; every 50th network is
        # shared by a handful of accounts made within the hour.
        SignupNetwork.objects.bulk_create(
            [
                SignupNetwork(member_id=pk, network=f"net{(n // 5) if n % 50 < 5 else n}")
                for n, pk in enumerate(people)
                if n % 3 == 0 or n % 50 < 5
            ],
            batch_size=5000,
        )
        Question.objects.bulk_create(
            [
                Question(
                    author_id=people[rng.randrange(len(people))],
                    title=f"Question {n}",
                    body="How do I show impact?",
                    body_html="<p>How do I show impact?</p>",
                    language="en",
                    is_anonymous=n % 10 == 0,
                    created_at=start + datetime.timedelta(seconds=n * 600),
                )
                for n in range(questions)
            ],
            batch_size=5000,
        )
        question_rows = list(Question.objects.order_by("pk").values_list("pk", "author_id"))
        QuestionTopic.objects.bulk_create(
            [
                QuestionTopic(question_id=pk, topic_id=topics[n % len(topics)], created_at=now)
                for n, (pk, _author) in enumerate(question_rows)
            ],
            batch_size=5000,
        )
        Answer.objects.bulk_create(
            [
                Answer(
                    question_id=question_rows[n % len(question_rows)][0],
                    author_id=people[rng.randrange(len(people))],
                    body="Own one system.",
                    body_html="<p>Own one system.</p>",
                    language="en",
                    created_at=start + datetime.timedelta(seconds=n * 120 + 60),
                )
                for n in range(answers)
            ],
            batch_size=5000,
        )
        answer_rows = list(Answer.objects.order_by("pk").values_list("pk", "question_id"))
        print(f"  members, questions, answers: {time.monotonic() - t0:.0f} s", flush=True)
        # Likes: a tenth on questions, the rest on answers; each post's likers distinct.
        question_likes = likes // 10
        answer_likes = likes - question_likes

        def spread(total: int, targets: list[int], field: str) -> None:
            # Straight through the cursor: a million model instances cost minutes.
            per = max(1, total // len(targets))
            extra = total - per * len(targets)
            sql = f"INSERT INTO qa_like (user_id, {field}, created_at) VALUES (%s, %s, %s)"
            rows: list[tuple[int, int, datetime.datetime]] = []
            with connection.cursor() as cursor:
                for n, target in enumerate(targets):
                    first = rng.randrange(len(people))
                    for k in range(per + (1 if n < extra else 0)):
                        rows.append(
                            (
                                people[(first + k * 7919) % len(people)],
                                target,
                                now - datetime.timedelta(minutes=rng.randrange(500_000)),
                            )
                        )
                    if len(rows) >= 50_000:
                        cursor.executemany(sql, rows)
                        rows = []
                cursor.executemany(sql, rows)

        spread(question_likes, [pk for pk, _a in question_rows], "question_id")
        spread(answer_likes, [pk for pk, _q in answer_rows], "answer_id")
        print(f"  likes: {time.monotonic() - t0:.0f} s", flush=True)
        first_answer: dict[int, int] = {}
        for pk, question_id in answer_rows:
            first_answer.setdefault(question_id, pk)
        marked = [qid for n, (qid, _a) in enumerate(question_rows) if n % 3 == 0]
        for qid in marked:
            if qid in first_answer:
                Question.objects.filter(pk=qid).update(
                    accepted_answer_id=first_answer[qid], accepted_at=now
                )
        told = [qid for n, (qid, _a) in enumerate(question_rows) if n % 20 == 0]
        outcomes = Outcome.objects.bulk_create(
            [
                Outcome(question_id=qid, kind="promoted" if n % 2 else "still_working")
                for n, qid in enumerate(told)
                if qid in first_answer
            ]
        )
        through = Outcome.helped_answers.through
        through.objects.bulk_create(
            [
                through(outcome_id=outcome.pk, answer_id=first_answer[outcome.question_id])
                for outcome in outcomes
            ],
            batch_size=5000,
        )
    print(f"  built in {time.monotonic() - t0:.0f} s", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--members", type=int, default=40_000)
    parser.add_argument("--questions", type=int, default=50_000)
    parser.add_argument("--answers", type=int, default=250_000)
    parser.add_argument("--likes", type=int, default=1_000_000)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--keep", type=Path, help="Folder to keep the data in between runs.")
    args = parser.parse_args()
    var_dir = args.keep or Path(tempfile.mkdtemp(prefix="rung-bench-reputation-"))
    var_dir.mkdir(parents=True, exist_ok=True)
    env = env_for(var_dir, args.postgres)
    marker = var_dir / ("built-postgres.json" if args.postgres else "built.json")
    shape = {k: getattr(args, k) for k in ("members", "questions", "answers", "likes")}
    if not marker.exists() or json.loads(marker.read_text()) != shape:
        if args.postgres:
            import psycopg

            with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres") as conn:
                conn.autocommit = True
                conn.execute("DROP DATABASE IF EXISTS rung_bench_reputation")
                conn.execute("CREATE DATABASE rung_bench_reputation")
        else:
            for old in var_dir.glob("rung.sqlite3*"):
                old.unlink()
        print(f"building {shape} in {var_dir} …", flush=True)
        build(env, args)
        marker.write_text(json.dumps(shape))
    database = "PostgreSQL" if args.postgres else "SQLite"
    floor = child(env, "setup")
    read = child(env, "read-likes")
    rebuild = child(env, "rebuild")
    print(f"\nreputation_rebuild on {database}: {shape}")
    print(f"{'run':<28}{'wall s':>9}{'cpu s':>9}{'peak MiB':>10}")
    print(
        f"{'django.setup only':<28}{floor['wall']:>9.2f}{floor['cpu']:>9.2f}"
        f"{floor['peak_mib']:>10.0f}"
    )
    print(
        f"{'read every like once':<28}{read['wall']:>9.2f}{read['cpu']:>9.2f}"
        f"{read['peak_mib']:>10.0f}   ({read['result']} likes)"
    )
    print(
        f"{'reputation_rebuild':<28}{rebuild['wall']:>9.2f}{rebuild['cpu']:>9.2f}"
        f"{rebuild['peak_mib']:>10.0f}   ({rebuild['result']} credits)"
    )
    print(
        f"\nrebuild / read-every-like: {rebuild['wall'] / max(read['wall'], 1e-9):.1f}× wall; "
        f"memory above Django's own: {rebuild['peak_mib'] - floor['peak_mib']:.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
