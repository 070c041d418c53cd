"""Load-test Rung's reading pages against a community of realistic size.

    .venv/bin/python bench/pages.py [--questions 50000 --answers 250000 --duration 10 --keep]
    .venv/bin/python bench/pages.py --database-url postgres://postgres@127.0.0.1:5432/rung_bench

The run migrates a throwaway database, fills it with generated members, questions, answers
and likes, serves it with gunicorn as production would (DEBUG off, two sync workers) and
drives each reading page with wrk, anonymously and as a logged-in member. Every page is
compared with the health view, which crosses the same middleware without touching the
database, so the ratios show what the page itself costs.
"""

import argparse
import html
import json
import math
import os
import random
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
GUNICORN = str(VENV_BIN / "gunicorn")
WRK = shutil.which("wrk") or "/usr/bin/wrk"

# The view counter ignores agents that look like scripts (wrk among them); a browser-like
# agent makes the question page count views the way it does for people.
USER_AGENT = "Mozilla/5.0 (bench)"
CONNECTIONS = (16, 64)
WRK_THREADS = 2
PAGE_SIZE = 20
DETAIL_ANSWERS = 20
DETAIL_DELETED = 2
DETAIL_REPLIES = 8
BATCH_SIZE = 5000
QUESTIONS_PER_CHUNK = 2000
MEMBERS = 500
BENCH_USERNAME = "bench-member"
BENCH_DISPLAY_NAME = "Bench Member Quillfeather"

TARGET_RATIO = 0.05
TARGET_P99_MS = 100.0
TARGET_DEEP_SPREAD = 0.10


# --- generated text ---------------------------------------------------------------------

FIRST_NAMES = (
    "Ava", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro",
    "Isla", "Jonas", "Kavya", "Liam", "Mei", "Noah", "Priya", "Zoe",
)  # fmt: skip
LAST_NAMES = (
    "Adams", "Banerjee", "Chen", "Dubois", "Garcia", "Haddad", "Ito", "Kim",
    "Mensah", "Novak", "Okafor", "Patel", "Rossi", "Singh", "Tanaka", "Zhou",
)  # fmt: skip
ROLES = (
    "Software Engineer",
    "Senior Software Engineer",
    "Staff Engineer",
    "Tech Lead",
    "Engineering Manager",
    "Principal Engineer",
    "SRE",
    "ML Engineer",
    "Frontend Engineer",
    "Data Engineer",
    "Director of Engineering",
)
COMPANIES = (
    "Acme",
    "Globex",
    "Initech",
    "Hooli",
    "Umbrella",
    "Pied Piper",
    "Stark Industries",
    "Wayne Enterprises",
    "Cyberdyne",
    "Aperture",
    "Tyrell",
    "Vandelay",
    "Soylent",
    "Wonka",
)
GOALS = (
    "ask for a promotion",
    "push back on scope creep",
    "switch teams without burning bridges",
    "negotiate a raise",
    "lead a cross-team project",
    "write design docs people actually read",
    "mentor a new hire",
    "prepare for a staff-level interview loop",
    "get visibility for platform work",
    "move into management",
    "move back to an IC role",
    "recover from a rough performance review",
    "show impact on an infrastructure team",
    "build a promotion packet",
    "say no to my skip-level",
)
SITUATIONS = (
    "keeps moving the goalposts",
    "says I lack scope",
    "never gives written feedback",
    "just left the company",
    "wants me to manage without the title",
    "rated me meets expectations again",
    "only notices shipped features",
    "asks me to cover two teams",
    "thinks I am too quiet in meetings",
    "compares me with people two levels up",
)
TITLE_TEMPLATES = (
    "How do I {goal} when my manager {situation}?",
    "Is it normal to want to {goal} after {years} years as a {role}?",
    "{role} at {company}: should I {goal} now or wait for the next cycle?",
    "What does the next level look like at {company} compared with {company2}?",
    "My last review said my manager {situation}. How do I {goal}?",
    "Best way to {goal} as a {role} on a small team?",
    "{years} years in and my manager {situation}: what would you do?",
    "Does it make sense to {goal} before changing companies?",
)
QUESTION_SENTENCES = (
    "I have been on the same team for a while and the work has become very predictable.",
    "My manager is supportive in one-on-ones but nothing changes when calibration comes.",
    "Last cycle I led the migration to the new billing service and it shipped on time.",
    "The feedback I got was that I need to show more scope beyond my immediate team.",
    "I am not sure whether the problem is my work or how I talk about it.",
    "Our org was reorganised twice this year and my skip-level changed both times.",
    "I mentor two juniors and run the team's on-call rotation, which nobody seems to count.",
    "Most of the promotions on my team went to people who worked on the flagship product.",
    "I would like to understand what good looks like before the next review window opens.",
    "I have written design docs for every project but few people comment on them.",
    "The company expects staff engineers to set direction, yet every roadmap is fixed upfront.",
    "I enjoy coding and I am worried that a lead role would take me away from it.",
    "Recruiters keep offering the next level elsewhere, which makes me wonder if I should go.",
    "My peers in other teams describe very different expectations for the same level.",
    "I track my wins in a document, but I do not know how to turn it into a packet.",
    "What would you do in my position, and what should I ask my manager this week?",
)
ANSWER_SENTENCES = (
    "I was in a very similar spot two years ago and what helped was writing things down.",
    "Ask your manager directly what evidence the committee would need to see.",
    "Scope usually means problems that cross team boundaries, not just bigger tickets.",
    "Pick one project that matters to your director and make its outcome measurable.",
    "Keep a brag document and share a short version with your manager every month.",
    "Calibration rewards clear stories, so practise explaining your impact in two sentences.",
    "Mentoring counts when you can show the people you helped grew their own scope.",
    "Changing companies is a valid way to get the level, but it resets your reputation.",
    "Find a sponsor outside your team who can speak to your work in the room.",
    "If the goalposts keep moving, ask for the criteria in writing and revisit them together.",
    "On-call work becomes visible when you turn incidents into fixes that stick.",
    "Management is a different job, so try leading a project before you decide.",
    "Your design docs get read when they answer a decision someone is about to make.",
    "I would give it one more cycle with an explicit plan and then reassess honestly.",
)


def _title(rng: random.Random) -> str:
    template = rng.choice(TITLE_TEMPLATES)
    text = template.format(
        goal=rng.choice(GOALS),
        situation=rng.choice(SITUATIONS),
        role=rng.choice(ROLES),
        company=rng.choice(COMPANIES),
        company2=rng.choice(COMPANIES),
        years=rng.randint(1, 15),
    )
    return text[0].upper() + text[1:]


def _paragraphs(rng: random.Random, bank: Sequence[str], sentences: int) -> list[str]:
    chosen = rng.choices(bank, k=sentences)
    split = max(1, sentences // 2) if sentences > 3 else sentences
    return [p for p in (" ".join(chosen[:split]), " ".join(chosen[split:])) if p]


def _post_text(paragraphs: list[str]) -> tuple[str, str]:
    """Return (markdown body, rendered html) for plain paragraphs."""
    return "\n\n".join(paragraphs), "\n".join(f"<p>{p}</p>" for p in paragraphs)


def _excerpt(paragraphs: list[str], length: int = 240) -> str:
    # Mirrors rung.core.markdown.excerpt for plain text without paying for a Markdown parse.
    plain = " ".join(paragraphs)
    if len(plain) <= length:
        return plain
    head = plain[: length - 1]
    if plain[length - 1] != " ":
        head = head[: head.rfind(" ")]
    return head.rstrip(" .,;:!?-") + "…"


# --- data build (runs in a django.setup() process) ---------------------------------------

# Feed sizes differ per level in a real community; mid-level is the busiest, so it holds
# the deep page.
LEVEL_WEIGHTS = {
    "junior": 14,
    "mid-level": 26,
    "senior": 20,
    "staff": 9,
    "principal": 4,
    "engineering-manager": 12,
    "senior-engineering-manager": 6,
    "director": 5,
}


@dataclass
class AnswerPlan:
    """The shape of one question's answers: which rows are replies and which are deleted."""

    parents: list[int | None]  # index of the parent answer within the question, or None
    deleted: list[bool]


def _plan_answers(rng: random.Random, rows: int) -> AnswerPlan:
    parents: list[int | None] = []
    deleted: list[bool] = []
    top_level: list[int] = []
    for index in range(rows):
        if top_level and rng.random() < 0.15:
            parents.append(rng.choice(top_level))
        else:
            parents.append(None)
            top_level.append(index)
        deleted.append(rng.random() < 0.02)
    return AnswerPlan(parents, deleted)


def _detail_plan(rng: random.Random) -> AnswerPlan:
    """Exactly DETAIL_ANSWERS visible answers, a few deleted ones and a few replies."""
    parents: list[int | None] = [None] * (DETAIL_ANSWERS + DETAIL_DELETED)
    deleted = [False] * DETAIL_ANSWERS + [True] * DETAIL_DELETED
    rng.shuffle(deleted)
    visible = [i for i, gone in enumerate(deleted) if not gone]
    for _ in range(DETAIL_REPLIES):
        parents.append(rng.choice(visible))
        deleted.append(False)
    return AnswerPlan(parents, deleted)


def _allocate_answers(
    rng: random.Random, questions: int, total: int, skip: Collection[int]
) -> list[int]:
    """Spread `total` answers over questions: most get a few, some none, a few very many."""
    weights = [
        0.0 if i in skip or rng.random() < 0.15 else rng.lognormvariate(0, 1.0)
        for i in range(questions)
    ]
    scale = total / (sum(weights) or 1.0)
    counts = [int(w * scale) for w in weights]
    answered = [i for i, w in enumerate(weights) if w > 0]
    for _ in range(total - sum(counts) if answered else 0):
        counts[rng.choice(answered)] += 1
    return counts


def _like_count(rng: random.Random, mu: float, sigma: float, cap: int) -> int:
    return min(cap, int(rng.lognormvariate(mu, sigma)))


def build(args: argparse.Namespace) -> None:
    """Fill the freshly migrated database and write what the load run needs as JSON."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()

    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.core.management.color import no_style
    from django.db import connection, transaction
    from django.utils import timezone

    from rung.accounts.models import User
    from rung.ladder.models import Axis, Level, RatingScale
    from rung.qa.models import Answer, ContextRating, Like, Question, QuestionTopic, Topic

    started = time.monotonic()
    rng = random.Random(args.seed)
    now = timezone.now()
    span = timedelta(days=730)
    first_day = now - span

    levels = list(Level.objects.all())
    topics = list(Topic.objects.all())
    level_topics = [t for t in topics if t.kind == Topic.Kind.LEVEL]
    subject_topics = [t for t in topics if t.kind == Topic.Kind.SUBJECT]
    if not level_topics:
        raise SystemExit("migrate seeded no level topics; nothing to build on")
    level_weights = [LEVEL_WEIGHTS.get(t.slug, 5) for t in level_topics]
    scales = list(RatingScale.objects.prefetch_related("choices"))
    axes = list(Axis.objects.all())

    # Hashing is deliberately slow, so every member shares one hash.
    password = make_password("bench-password")
    first_user_id = (User.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    members: list[User] = []
    for i in range(MEMBERS):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        members.append(
            User(
                id=first_user_id + i,
                username=f"{first}.{last}.{i}".lower(),
                email=f"{first}.{last}.{i}@example.com".lower(),
                password=password,
                display_name=f"{first} {last}",
                headline=f"{rng.choice(ROLES)} at {rng.choice(COMPANIES)}",
                level=rng.choice(levels) if levels and rng.random() < 0.85 else None,
                years_experience=rng.randint(0, 25),
                date_joined=first_day - timedelta(days=rng.uniform(0, 365)),
            )
        )
    bench_member = User(
        id=first_user_id + MEMBERS,
        username=BENCH_USERNAME,
        email="bench-member@example.com",
        password=password,
        display_name=BENCH_DISPLAY_NAME,
        headline="Senior Software Engineer at Acme",
        level=levels[len(levels) // 2] if levels else None,
        date_joined=first_day,
    )
    with transaction.atomic():
        User.objects.bulk_create([*members, bench_member], batch_size=BATCH_SIZE)
    member_ids = [m.pk for m in members]

    n_questions = args.questions
    # Two questions with a fixed page of answers: one the member never touched, which
    # members mostly see, and one where they liked answers, which marks posts per member.
    details = {n_questions * 3 // 4: "question", n_questions * 3 // 4 + 1: "question-liked"}
    details = {i: page for i, page in details.items() if i < n_questions}
    planned = args.answers - (DETAIL_ANSWERS + DETAIL_DELETED + DETAIL_REPLIES) * len(details)
    counts = _allocate_answers(rng, n_questions, max(0, planned), details.keys())
    first_question_id = (
        Question.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    ) + 1
    next_answer_id = (Answer.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    step = span / max(n_questions, 1)
    placements_per_topic: Counter[int] = Counter()
    totals: Counter[str] = Counter()
    detail_pages: dict[str, dict[str, Any]] = {}

    def likers(k: int, author_id: int) -> list[int]:
        picked = rng.sample(member_ids, min(k + 1, len(member_ids)))
        return [uid for uid in picked if uid != author_id][:k]

    for chunk_start in range(0, n_questions, QUESTIONS_PER_CHUNK):
        questions: list[Question] = []
        placements: list[QuestionTopic] = []
        ratings: list[ContextRating] = []
        answers: list[Answer] = []
        likes: list[Like] = []
        for i in range(chunk_start, min(chunk_start + QUESTIONS_PER_CHUNK, n_questions)):
            detail = details.get(i)
            is_detail = detail is not None
            created = first_day + step * (i + rng.random() * 0.9)
            author_id = rng.choice(member_ids)
            level_topic = rng.choices(level_topics, level_weights)[0]
            question_topics = [level_topic]
            if subject_topics and rng.random() < 0.6:
                question_topics += rng.sample(subject_topics, 2 if rng.random() < 0.25 else 1)
            paragraphs = _paragraphs(rng, QUESTION_SENTENCES, rng.randint(4, 7))
            body, body_html = _post_text(paragraphs)
            with_card = is_detail or rng.random() < 0.6
            question = Question(
                id=first_question_id + i,
                author_id=author_id,
                is_anonymous=not is_detail and rng.random() < 0.08,
                title=_title(rng),
                body=body,
                body_html=body_html,
                excerpt=_excerpt(paragraphs),
                language="en",
                ctx_level_id=level_topic.level_id if with_card else None,
                ctx_years=rng.randint(1, 20) if with_card else None,
                ctx_company=rng.choice(COMPANIES) if with_card else "",
                ctx_focus=rng.choice(GOALS) if with_card and rng.random() < 0.5 else "",
                created_at=created,
                is_deleted=not is_detail and rng.random() < 0.01,
            )
            if question.is_deleted:
                question.deleted_at = created + timedelta(days=1)
            scale = rng.choice(scales) if scales else None
            choices = list(scale.choices.all()) if scale else []
            if choices and axes and (is_detail or (with_card and rng.random() < 0.3)):
                question.ctx_scale = scale
                ratings += [
                    ContextRating(question_id=question.pk, axis=axis, choice=rng.choice(choices))
                    for axis in axes
                ]

            # Answers arrive over the weeks after the question, never in the future.
            plan = _detail_plan(rng) if is_detail else _plan_answers(rng, counts[i])
            window = max(0.0, min((now - created).total_seconds(), 60 * 86400.0))
            times = sorted(
                created + timedelta(seconds=rng.uniform(60, max(window, 61))) for _ in plan.parents
            )
            times = [min(t, now) for t in times]
            ids = list(range(next_answer_id, next_answer_id + len(plan.parents)))
            next_answer_id += len(ids)
            visible_top: list[Answer] = []
            for index, (parent, gone) in enumerate(zip(plan.parents, plan.deleted, strict=True)):
                answer_paragraphs = _paragraphs(rng, ANSWER_SENTENCES, rng.randint(3, 8))
                answer_body, answer_html = _post_text(answer_paragraphs)
                answer = Answer(
                    id=ids[index],
                    question_id=question.pk,
                    parent_id=ids[parent] if parent is not None else None,
                    author_id=rng.choice(member_ids),
                    body=answer_body,
                    body_html=answer_html,
                    language="en",
                    created_at=times[index],
                    is_deleted=gone,
                    deleted_at=times[index] + timedelta(hours=1) if gone else None,
                )
                liked_by = likers(_like_count(rng, -0.4, 1.0, 60), answer.author_id)
                answer.like_count = len(liked_by)
                likes += [
                    Like(user_id=uid, answer_id=answer.pk, created_at=answer.created_at)
                    for uid in liked_by
                ]
                answers.append(answer)
                if parent is None and not gone:
                    visible_top.append(answer)
            question.answer_count = len(visible_top)
            if visible_top and rng.random() < 0.25:
                question.accepted_answer_id = rng.choice(visible_top).pk

            liked_by = likers(_like_count(rng, 0.5, 1.1, 300), author_id)
            if detail == "question-liked":
                liked_by.append(bench_member.pk)
                for answer in visible_top[:5]:
                    answer.like_count += 1
                    likes.append(Like(user_id=bench_member.pk, answer_id=answer.pk, created_at=now))
            if detail is not None:
                detail_pages[detail] = {
                    "url": question.get_absolute_url(),
                    "answer_ids": [answer.pk for answer in visible_top],
                }
            question.like_count = len(liked_by)
            likes += [
                Like(user_id=uid, question_id=question.pk, created_at=created) for uid in liked_by
            ]
            question.view_count = question.like_count * rng.randint(5, 40) + rng.randint(0, 50)
            questions.append(question)
            for topic in question_topics:
                placements.append(
                    QuestionTopic(
                        question_id=question.pk,
                        topic=topic,
                        created_at=question.created_at,
                        like_count=question.like_count,
                        answer_count=question.answer_count,
                        is_visible=not question.is_deleted,
                    )
                )
                if not question.is_deleted:
                    placements_per_topic[topic.pk] += 1

        with transaction.atomic():
            Question.objects.bulk_create(questions, batch_size=BATCH_SIZE)
            QuestionTopic.objects.bulk_create(placements, batch_size=BATCH_SIZE)
            ContextRating.objects.bulk_create(ratings, batch_size=BATCH_SIZE)
            Answer.objects.bulk_create(answers, batch_size=BATCH_SIZE)
            Like.objects.bulk_create(likes, batch_size=BATCH_SIZE)
        totals.update(
            questions=len(questions),
            placements=len(placements),
            answers=len(answers),
            likes=len(likes),
        )
        print(
            f"  {totals['questions']:>7} questions, {totals['answers']:>8} answers, "
            f"{totals['likes']:>8} likes  ({time.monotonic() - started:5.1f}s)",
            flush=True,
        )

    with transaction.atomic():
        for topic in topics:
            Topic.objects.filter(pk=topic.pk).update(question_count=placements_per_topic[topic.pk])

    if connection.vendor == "postgresql":
        # Explicit ids leave the sequences behind, and a bulk load leaves no statistics;
        # a live database would have both.
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(
                no_style(), [User, Question, Answer]
            ):
                cursor.execute(statement)
            cursor.execute("ANALYZE")
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    engine = import_module(settings.SESSION_ENGINE)
    session = engine.SessionStore()
    session[SESSION_KEY] = str(bench_member.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = bench_member.get_session_auth_hash()
    session.save()

    deep_topic = max(level_topics, key=lambda t: placements_per_topic[t.pk])
    info = {
        "seconds": round(time.monotonic() - started, 1),
        **totals,
        "members": MEMBERS + 1,
        "member_name": BENCH_DISPLAY_NAME,
        "session_key": session.session_key,
        "details": detail_pages,
        "deep_topic": deep_topic.slug,
        "deep_topic_questions": placements_per_topic[deep_topic.pk],
    }
    Path(args.build_out).write_text(json.dumps(info))


# --- running the server and wrk ------------------------------------------------------------


@dataclass
class Target:
    page: str
    visitor: str  # "anon", "member" or "-" for the bare view
    url: str
    headers: list[str] = field(default_factory=list)


@dataclass
class WrkResult:
    page: str
    visitor: str
    connections: int
    url: str
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    non_2xx_3xx: int
    socket_errors: dict[str, int]
    # Wall-clock numbers move with whatever else the machine runs; the workers' own CPU
    # time per request does not, and the load average after a run shows how busy it was.
    cpu_ms: float = math.nan
    load_after: float = 0.0
    raw: str = ""

    @property
    def errors(self) -> int:
        return self.non_2xx_3xx + sum(self.socket_errors.values())


_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
_PERCENTILE = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$", re.M)
_RPS = re.compile(r"^Requests/sec:\s+([\d.]+)", re.M)
_REQUESTS = re.compile(r"(\d+) requests in")
_NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
_SOCKET = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")


def parse_wrk(output: str, target: Target, connections: int) -> WrkResult:
    percentiles = {m[1]: float(m[2]) * _UNIT_MS[m[3]] for m in _PERCENTILE.finditer(output)}
    rps = _RPS.search(output)
    requests = _REQUESTS.search(output)
    non_2xx = _NON_2XX.search(output)
    sockets = _SOCKET.search(output)
    return WrkResult(
        page=target.page,
        visitor=target.visitor,
        connections=connections,
        url=target.url,
        requests=int(requests[1]) if requests else 0,
        rps=float(rps[1]) if rps else 0.0,
        # wrk prints a zero distribution when nothing completed; that is no latency at all.
        p50_ms=percentiles.get("50", math.nan) if requests and int(requests[1]) else math.nan,
        p99_ms=percentiles.get("99", math.nan) if requests and int(requests[1]) else math.nan,
        non_2xx_3xx=int(non_2xx[1]) if non_2xx else 0,
        socket_errors=dict(
            zip(
                ("connect", "read", "write", "timeout"),
                (int(n) for n in sockets.groups()) if sockets else (0, 0, 0, 0),
                strict=True,
            )
        ),
    )


def workers_cpu_seconds(master_pid: int) -> float:
    """Return the user+system CPU time of the gunicorn master's children, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # Fields after the parenthesised command: state, ppid, ..., utime (12th), stime.
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == master_pid:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def run_wrk(
    target: Target, connections: int, duration: int, server_pid: int | None = None
) -> WrkResult:
    command = [
        WRK,
        f"-t{WRK_THREADS}",
        f"-c{connections}",
        f"-d{duration}s",
        "--latency",
        "-H",
        f"User-Agent: {USER_AGENT}",
    ]
    for header in target.headers:
        command += ["-H", header]
    cpu_before = workers_cpu_seconds(server_pid) if server_pid else 0.0
    done = subprocess.run([*command, target.url], capture_output=True, text=True, check=True)
    result = parse_wrk(done.stdout, target, connections)
    if server_pid and result.requests:
        cpu = workers_cpu_seconds(server_pid) - cpu_before
        result.cpu_ms = cpu * 1000 / result.requests
    result.load_after = os.getloadavg()[0]
    result.raw = done.stdout
    return result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


# A redirect on a benchmarked URL would measure the redirect, so it counts as a failure.
_strict_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())


def fetch(url: str, headers: Sequence[str] = ()) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    for header in headers:
        name, _, value = header.partition(":")
        request.add_header(name.strip(), value.strip())
    try:
        with _strict_opener.open(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def wait_healthy(base: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}:\n{tail(log)}")
        try:
            with _opener.open(f"{base}/-/health", timeout=2) as response:
                if response.status == 200 and response.read() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer /-/health within 60s:\n{tail(log)}")


def tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return ""


_NEXT_LINK = re.compile(r'<a\b[^>]*\brel="next"[^>]*>')
_HREF = re.compile(r'\bhref="([^"]+)"')


def next_page(page_url: str, body: str) -> str | None:
    link = _NEXT_LINK.search(body)
    href = _HREF.search(link[0]) if link else None
    return urllib.parse.urljoin(page_url, html.unescape(href[1])) if href else None


def find_deep_page(first_page: str, pages: int) -> tuple[str, int]:
    """Follow the feed's own "More questions" links; return the deepest full page reached."""
    url, depth = first_page, 0
    status, body = fetch(url)
    while depth < pages:
        if status != 200:
            raise RuntimeError(f"{url} answered {status}")
        following = next_page(url, body)
        if following is None:
            break
        status, following_body = fetch(following)
        if next_page(following, following_body) is None and depth > 0:
            # The last page may be short; a full page compares fairly with page 1.
            break
        url, body, depth = following, following_body, depth + 1
    return url, depth


def check_target(target: Target, info: dict[str, Any]) -> list[str]:
    """Refuse a URL that would measure the wrong thing; return warnings about its content."""
    member_name = info["member_name"]
    status, body = fetch(target.url, target.headers)
    if status != 200:
        raise RuntimeError(f"{target.url} ({target.visitor}) answered {status}:\n{body[:2000]}")
    if target.visitor == "member" and html.escape(member_name) not in body:
        raise RuntimeError(f"{target.url}: the session cookie did not log the member in")
    if target.visitor == "anon" and html.escape(member_name) in body:
        raise RuntimeError(f"{target.url}: an anonymous request shows the member")
    if detail := info["details"].get(target.page):
        # Answer permalinks are "#answer-<pk>", so each visible answer carries that id.
        missing = [pk for pk in detail["answer_ids"] if f'id="answer-{pk}"' not in body]
        if missing:
            return [
                f"{target.page}/{target.visitor}: {len(missing)} of {len(detail['answer_ids'])} "
                "visible answers are not on the page, so it renders less than a real one"
            ]
    return []


# --- report ---------------------------------------------------------------------------


def _ratio(result: WrkResult, bare: dict[int, WrkResult]) -> float:
    base = bare.get(result.connections)
    return result.rps / base.rps if base and base.rps else math.nan


def print_table(results: Sequence[WrkResult]) -> None:
    bare = {r.connections: r for r in results if r.page == "bare"}
    header = (
        f"{'page':<14} {'visitor':<8} {'conns':>5} {'req/s':>9} {'p50 ms':>8} "
        f"{'p99 ms':>8} {'errors':>7} {'ratio':>7} {'cpu ms':>7}"
    )
    print()
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r.page:<14} {r.visitor:<8} {r.connections:>5} {r.rps:>9.1f} {r.p50_ms:>8.2f} "
            f"{r.p99_ms:>8.2f} {r.errors:>7} {_ratio(r, bare) * 100:>6.1f}% {r.cpu_ms:>7.2f}"
        )
    print("cpu ms: gunicorn workers' CPU time per completed request")


def checks(results: Sequence[WrkResult]) -> list[tuple[bool, str]]:
    bare = {r.connections: r for r in results if r.page == "bare"}
    pages = [r for r in results if r.page != "bare"]
    outcome: list[tuple[bool, str]] = []
    for r in pages:
        ratio = _ratio(r, bare)
        outcome.append(
            (
                ratio >= TARGET_RATIO,
                f"{r.page}/{r.visitor}/c{r.connections}: {ratio:.1%} of bare "
                f"(target ≥ {TARGET_RATIO:.0%})",
            )
        )
    for r in results:
        if r.connections == CONNECTIONS[0]:
            outcome.append(
                (
                    r.p99_ms < TARGET_P99_MS,
                    f"{r.page}/{r.visitor}/c{r.connections}: p99 {r.p99_ms:.1f} ms "
                    f"(target < {TARGET_P99_MS:.0f} ms)",
                )
            )
    for r in results:
        if r.connections == CONNECTIONS[-1]:
            outcome.append(
                (
                    r.errors == 0 and r.requests > 0,
                    f"{r.page}/{r.visitor}/c{r.connections}: {r.requests} requests, "
                    f"{r.errors} errors "
                    f"(non-2xx/3xx {r.non_2xx_3xx}, socket {r.socket_errors}) (target 0)",
                )
            )
    first_pages = {(r.visitor, r.connections): r for r in results if r.page == "topic-p1"}
    for r in results:
        first = first_pages.get((r.visitor, r.connections))
        if r.page != "topic-deep" or first is None or not first.rps:
            continue
        spread = r.rps / first.rps - 1
        outcome.append(
            (
                abs(spread) <= TARGET_DEEP_SPREAD,
                f"topic-deep/{r.visitor}/c{r.connections}: {spread:+.1%} req/s vs page 1 "
                f"(target within ±{TARGET_DEEP_SPREAD:.0%}; cpu {r.cpu_ms:.2f} vs "
                f"{first.cpu_ms:.2f} ms/req)",
            )
        )
    return outcome


# --- orchestration ----------------------------------------------------------------------


def bench_env(var_dir: Path, database_url: str | None) -> dict[str, str]:
    env = dict(os.environ)
    # The measured setup is the embedded default unless a database is named: an inherited
    # DATABASE_URL, REDIS_URL or DEBUG would silently change what is measured.
    for name in ("DATABASE_URL", "REDIS_URL", "DEBUG"):
        env.pop(name, None)
    env.update(DJANGO_SETTINGS_MODULE="rung.settings", RUNG_VAR_DIR=str(var_dir), DEBUG="0")
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def _database_name(url: str) -> str:
    return urllib.parse.urlsplit(url).path.lstrip("/")


def _drop_database(url: str, *, create: bool) -> None:
    import psycopg
    from psycopg import sql

    parts = urllib.parse.urlsplit(url)
    name = sql.Identifier(_database_name(url))
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        if create:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(name))


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def start_gunicorn(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    command = [
        GUNICORN,
        "rung.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--graceful-timeout",
        "5",
        # The default control socket is one path per user, shared with any other gunicorn.
        "--no-control-socket",
    ]
    with log.open("wb") as out:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def targets_for(base: str, info: dict[str, Any], deep_url: str, cookie: str) -> Iterator[Target]:
    yield Target("bare", "-", f"{base}/-/health")
    pages = {
        "home": f"{base}/",
        "topic-p1": f"{base}/topics/{info['deep_topic']}/",
        "topic-deep": deep_url,
    }
    pages |= {page: f"{base}{detail['url']}" for page, detail in info["details"].items()}
    for visitor, headers in (("anon", []), ("member", [cookie])):
        for page, url in pages.items():
            # Likes change nothing for a visitor, so that page is the plain one again.
            if not (visitor == "anon" and page == "question-liked"):
                yield Target(page, visitor, url, headers)


def _raise_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--questions", type=int, default=50_000)
    parser.add_argument("--answers", type=int, default=250_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--database-url", help="PostgreSQL URL; the database is recreated")
    parser.add_argument("--deep-pages", type=int, default=100, help="cursor links to follow")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="write raw results here")
    parser.add_argument("--keep", action="store_true", help="keep the data dir (and database)")
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--build-out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.questions < 1:
        parser.error("--questions must be at least 1")
    if args.duration < 1:
        parser.error("--duration must be a whole number of seconds, at least 1")
    # The database is dropped without asking, so only one named as a benchmark qualifies.
    if args.database_url and "bench" not in _database_name(args.database_url):
        parser.error("--database-url must name a database whose name contains 'bench'")

    if args.build:
        build(args)
        return 0

    signal.signal(signal.SIGTERM, _raise_interrupt)
    var_dir = Path(tempfile.mkdtemp(prefix="rung-bench-"))
    env = bench_env(var_dir, args.database_url)
    server: subprocess.Popen[bytes] | None = None
    database_created = False
    log = var_dir / "gunicorn.log"
    try:
        database = args.database_url or "SQLite (embedded default)"
        print(f"data dir {var_dir}; database {database}", flush=True)
        if args.database_url:
            _drop_database(args.database_url, create=True)
            database_created = True
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "collectstatic", "--no-input", "-v0")

        print(f"building {args.questions} questions and {args.answers} answers", flush=True)
        build_out = var_dir / "build.json"
        started = time.monotonic()
        subprocess.run(
            [
                PYTHON,
                str(Path(__file__).resolve()),
                "--build",
                f"--build-out={build_out}",
                f"--questions={args.questions}",
                f"--answers={args.answers}",
                f"--seed={args.seed}",
            ],
            cwd=ROOT,
            env=env,
            check=True,
        )
        build_seconds = time.monotonic() - started
        info = json.loads(build_out.read_text())
        print(
            f"built {info['questions']} questions, {info['placements']} placements, "
            f"{info['answers']} answers, {info['likes']} likes in {build_seconds:.1f}s "
            f"(data {info['seconds']}s)",
            flush=True,
        )
        if not args.database_url:
            size = sum(f.stat().st_size for f in var_dir.glob("rung.sqlite3*"))
            print(f"SQLite database: {size / 2**20:.0f} MiB", flush=True)

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_gunicorn(env, port, log)
        wait_healthy(base, server, log)

        topic_url = f"{base}/topics/{info['deep_topic']}/"
        deep_url, depth = find_deep_page(topic_url, args.deep_pages)
        print(
            f"deep page: {depth} pages ({depth * PAGE_SIZE} rows) into "
            f"{info['deep_topic']} ({info['deep_topic_questions']} questions): {deep_url}",
            flush=True,
        )
        warnings: list[str] = []
        if depth < args.deep_pages:
            warnings.append(f"topic-deep: only {depth} of {args.deep_pages} pages deep")
        cookie = f"Cookie: sessionid={info['session_key']}"
        targets = list(targets_for(base, info, deep_url, cookie))
        for target in targets:
            warnings += check_target(target, info)
            # A short run warms both workers' template caches and connections.
            run_wrk(target, 2, 1)

        results: list[WrkResult] = []
        for connections in CONNECTIONS:
            for target in targets:
                result = run_wrk(target, connections, args.duration, server.pid)
                results.append(result)
                print(
                    f"  {target.page:<14} {target.visitor:<7} c{connections:<3} "
                    f"{result.rps:9.1f} req/s  p99 {result.p99_ms:8.2f} ms  "
                    f"errors {result.errors}  cpu {result.cpu_ms:6.2f} ms/req  "
                    f"load {result.load_after:.1f}",
                    flush=True,
                )

        print_table(results)
        loads = [r.load_after for r in results]
        print(
            f"\n1-minute load average after each run: {min(loads):.1f} to {max(loads):.1f} "
            f"on {os.cpu_count()} cores (wrk and gunicorn alone account for about 2)"
        )
        outcome = checks(results)
        failed = [text for ok, text in outcome if not ok]
        print(f"\nchecks: {len(outcome) - len(failed)}/{len(outcome)} passed")
        for ok, text in outcome:
            print(f"  {'PASS' if ok else 'FAIL'}  {text}")
        for text in warnings:
            print(f"  WARN  {text}")
        server_errors = [
            line for line in log.read_text(errors="replace").splitlines() if "Traceback" in line
        ]
        if server_errors:
            print(f"\ngunicorn logged {len(server_errors)} tracebacks; see {log}")

        if args.json:
            args.json.write_text(
                json.dumps(
                    {
                        "database": database,
                        "build": {**info, "wall_seconds": round(build_seconds, 1)},
                        "deep_page": {"url": deep_url, "pages": depth},
                        "duration": args.duration,
                        "results": [{**asdict(r), "errors": r.errors} for r in results],
                        "checks": [{"ok": ok, "check": text} for ok, text in outcome],
                        "warnings": warnings,
                    },
                    indent=2,
                )
            )
        return 1 if failed or server_errors else 0
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except subprocess.CalledProcessError as error:
        # wrk also stops on Ctrl-C, so a failed command often just means an interrupt.
        output = error.stderr or error.stdout or ""
        print(
            f"\n{shlex.join(map(str, error.cmd))} exited {error.returncode}\n{output}",
            file=sys.stderr,
        )
        return 1
    except Exception:
        if server is not None:
            print(f"gunicorn log ({log}):\n{tail(log)}", file=sys.stderr)
        raise
    finally:
        if server is not None:
            stop(server)
        if args.keep:
            print(f"kept {var_dir}")
        else:
            shutil.rmtree(var_dir, ignore_errors=True)
            if database_created:
                _drop_database(args.database_url, create=False)


if __name__ == "__main__":
    sys.exit(main())
