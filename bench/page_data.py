"""Fill a freshly migrated Rung database with a generated community for bench/pages.py.

    .venv/bin/python bench/page_data.py --build-out OUT.json --questions N --answers N

Runs with DJANGO_SETTINGS_MODULE and the data dir set by the caller; writes what the load
run needs (URLs, the member's session) as JSON.
"""

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from page_text import (
    ANSWER_SENTENCES,
    COMPANIES,
    FIRST_NAMES,
    GOALS,
    LAST_NAMES,
    QUESTION_SENTENCES,
    ROLES,
    make_excerpt,
    make_paragraphs,
    make_post_text,
    make_title,
)

ROOT = Path(__file__).resolve().parent.parent

DETAIL_ANSWERS = 20
DETAIL_DELETED = 2
DETAIL_REPLIES = 8
BATCH_SIZE = 5000
QUESTIONS_PER_CHUNK = 2000
MEMBERS = 500
BENCH_USERNAME = "bench-member"
BENCH_DISPLAY_NAME = "Bench Member Quillfeather"


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
            paragraphs = make_paragraphs(rng, QUESTION_SENTENCES, rng.randint(4, 7))
            body, body_html = make_post_text(paragraphs)
            with_card = is_detail or rng.random() < 0.6
            question = Question(
                id=first_question_id + i,
                author_id=author_id,
                is_anonymous=not is_detail and rng.random() < 0.08,
                title=make_title(rng),
                body=body,
                body_html=body_html,
                excerpt=make_excerpt(paragraphs),
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
                answer_paragraphs = make_paragraphs(rng, ANSWER_SENTENCES, rng.randint(3, 8))
                answer_body, answer_html = make_post_text(answer_paragraphs)
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

    # The worker stores each question's vector after it is written, and the ANN file once
    # there are enough (rung/search/tasks.py), so a live site's pages read stored vectors.
    from rung.search import indexing, vectors

    vectors_started = time.monotonic()
    stored = indexing.embeddings_rebuild(batch=500)
    if indexing.embeddings_since(None) >= settings.RUNG_SEARCH_ANN_THRESHOLD:
        vectors.ann_build()
    print(
        f"  {stored:>7} question vectors  ({time.monotonic() - vectors_started:5.1f}s)",
        flush=True,
    )
    # And each question's similar questions, as the worker keeps them (rung/search/similar.py).
    from rung.search.similar import similar_lists_fill

    similar_started = time.monotonic()
    lists = similar_lists_fill()
    print(
        f"  {lists:>7} similar-question lists  ({time.monotonic() - similar_started:5.1f}s)",
        flush=True,
    )

    # Posts get their glossary links as they are written (rung/languages/post_links.py).
    from rung.languages.post_links import post_links_fill

    links_started = time.monotonic()
    linked = post_links_fill()
    print(
        f"  {linked:>7} posts' glossary links  ({time.monotonic() - links_started:5.1f}s)",
        flush=True,
    )

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

    # The long-tail run: many members' sessions, and questions a visit may land on.
    sessions = []
    for user in rng.sample(members, min(args.sessions, len(members))):
        store = engine.SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.save()
        sessions.append(store.session_key)
    visible = list(
        Question.objects.filter(is_deleted=False).values_list("pk", "title").order_by("pk")
    )
    tail = rng.sample(visible, min(args.tail_questions, len(visible)))
    tail_urls = [Question(pk=pk, title=title).get_absolute_url() for pk, title in tail]

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
        "sessions": sessions,
        "tail_questions": tail_urls,
        "topics": [topic.slug for topic in topics],
    }
    Path(args.build_out).write_text(json.dumps(info))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--build-out", required=True)
    parser.add_argument("--questions", type=int, default=50_000)
    parser.add_argument("--answers", type=int, default=250_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sessions", type=int, default=200, help="members logged in")
    parser.add_argument("--tail-questions", type=int, default=5000)
    build(parser.parse_args(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
