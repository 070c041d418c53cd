"""Reads for topic feeds, the home page and question pages, each in a fixed number of queries."""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from django.db import connection
from django.db.models import BooleanField, Prefetch, Q, QuerySet, prefetch_related_objects
from django.db.models.expressions import RawSQL
from django.http import Http404

from rung.accounts.models import User
from rung.ladder.models import Expectation, Level
from rung.qa.models import Answer, ContextRating, Like, Question, QuestionTopic, Revision, Topic

FeedSort = Literal["newest", "top", "unanswered"]
FEED_SORTS: tuple[FeedSort, ...] = ("newest", "top", "unanswered")

_CARD_RELATED = ("author", "author__level", "ctx_level")


@dataclass(frozen=True)
class FeedPage:
    questions: list[Question]
    next_cursor: str | None


def _encode_cursor(placement: QuestionTopic, sort: FeedSort) -> str:
    micros = int(placement.created_at.timestamp() * 1_000_000)
    if sort == "top":
        return f"{placement.like_count}.{micros}.{placement.question_id}"
    return f"{micros}.{placement.question_id}"


def _decode_cursor(cursor: str, sort: FeedSort) -> list[object] | None:
    """Return the keyset values in a cursor, or None when it is not one of ours."""
    parts = cursor.split(".")
    expected = 3 if sort == "top" else 2
    if len(parts) != expected or not all(p.isdigit() and len(p) <= 20 for p in parts):
        return None
    numbers = [int(p) for p in parts]
    try:
        created = datetime.fromtimestamp(numbers[-2] / 1_000_000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
    created_param = connection.ops.adapt_datetimefield_value(created)
    if sort == "top":
        return [numbers[0], created_param, numbers[2]]
    return [created_param, numbers[1]]


def topic_feed(
    topic: Topic, *, sort: FeedSort = "newest", cursor: str | None = None, size: int = 20
) -> FeedPage:
    """Return one page of a topic's questions, paged by keyset so deep pages cost the same."""
    placements = QuestionTopic.objects.filter(topic=topic, is_visible=True)
    if sort == "unanswered":
        placements = placements.filter(answer_count=0)
    table = QuestionTopic._meta.db_table
    if sort == "top":
        order = ["-like_count", "-created_at", "-question_id"]
        columns = ["like_count", "created_at", "question_id"]
    else:
        order = ["-created_at", "-question_id"]
        columns = ["created_at", "question_id"]
    values = _decode_cursor(cursor, sort) if cursor else None
    if values is not None:
        # A row-value comparison lets SQLite and PostgreSQL seek straight into the index.
        lhs = ", ".join(f'"{table}"."{column}"' for column in columns)
        rhs = ", ".join(["%s"] * len(columns))
        placements = placements.filter(
            RawSQL(f"({lhs}) < ({rhs})", values, output_field=BooleanField())
        )
    rows = list(
        placements.select_related(*(f"question__{name}" for name in _CARD_RELATED)).order_by(
            *order
        )[: size + 1]
    )
    next_cursor = _encode_cursor(rows[size - 1], sort) if len(rows) > size else None
    return FeedPage(questions=[row.question for row in rows[:size]], next_cursor=next_cursor)


def latest_questions(*, limit: int = 20) -> list[Question]:
    """Return the newest visible questions across all topics."""
    return list(
        Question.objects.filter(is_deleted=False)
        .select_related(*_CARD_RELATED)
        .order_by("-created_at", "-id")[:limit]
    )


def topic_get(slug: str) -> Topic:
    """Return a topic with its level guide, or raise 404."""
    try:
        return Topic.objects.select_related("level", "level__track").get(slug=slug)
    except Topic.DoesNotExist:
        raise Http404("No such topic.") from None


def topics_by_kind() -> tuple[list[Topic], list[Topic]]:
    """Return (level topics in ladder order, subject topics)."""
    topics = list(Topic.objects.select_related("level", "level__track"))
    levels = sorted((t for t in topics if t.kind == Topic.Kind.LEVEL), key=lambda t: t.level.rank)  # type: ignore[union-attr]
    subjects = [t for t in topics if t.kind == Topic.Kind.SUBJECT]
    return levels, subjects


def question_get_visible(pk: int) -> Question:
    """Return a question anyone may read, or raise 404; `question_load_card` adds the rest."""
    try:
        return Question.objects.select_related(*_CARD_RELATED, "ctx_scale").get(
            pk=pk, is_deleted=False
        )
    except Question.DoesNotExist:
        raise Http404("No such question.") from None


def question_load_card(question: Question) -> Question:
    """Load a question's topics and rated axes, which pages served from cache skip."""
    prefetch_related_objects(
        [question],
        Prefetch("ratings", queryset=ContextRating.objects.select_related("axis", "choice")),
        Prefetch("topics", queryset=Topic.objects.order_by("kind", "order")),
    )
    return question


@dataclass
class AnswerThread:
    answer: Answer
    replies: list[Answer]


def question_threads(question: Question, *, liked: set[int] | None = None) -> list[AnswerThread]:
    """Return the visible answers with their replies: most helpful first, then most liked.

    Each post gets `liked`: whether it is among the ids in `liked`.
    """
    posts = list(
        Answer.objects.filter(question=question, is_deleted=False)
        .select_related("author", "author__level")
        .order_by("created_at", "id")
    )
    threads: dict[int, AnswerThread] = {}
    for post in posts:
        # On an anonymous question, the asker stays anonymous in their own replies too.
        post.by_anonymous_asker = question.is_anonymous and post.author_id == question.author_id  # type: ignore[attr-defined]
        post.liked = liked is not None and post.pk in liked  # type: ignore[attr-defined]
        if post.parent_id is None:
            threads[post.pk] = AnswerThread(answer=post, replies=[])
    for post in posts:
        if post.parent_id is not None and post.parent_id in threads:
            threads[post.parent_id].replies.append(post)
    return sorted(
        threads.values(),
        key=lambda t: (
            t.answer.pk != question.accepted_answer_id,
            -t.answer.like_count,
            t.answer.created_at,
        ),
    )


def answer_author_ids(question: Question) -> set[int]:
    """Return who wrote the visible answers and replies on a question."""
    return set(
        Answer.objects.filter(question=question, is_deleted=False).values_list(
            "author_id", flat=True
        )
    )


def level_expectations(level: Level | None) -> list[Expectation]:
    """Return a level's rubric expectations with their axes, in axis order."""
    if level is None:
        return []
    return list(level.expectations.select_related("axis"))


def liked_post_ids(user: User, question: Question) -> tuple[bool, set[int]]:
    """Return whether a member liked the question, and which of its answers they liked."""
    if not user.is_authenticated:
        return False, set()
    # Two index seeks in one statement: an OR across the join would read every like the
    # member ever gave, and this runs on every page view of a member, so it skips the ORM.
    like, answer = Like._meta.db_table, Answer._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT question_id, answer_id FROM {like} WHERE user_id = %s AND question_id = %s "
            f"UNION ALL SELECT question_id, answer_id FROM {like} WHERE user_id = %s "
            f"AND answer_id IN (SELECT id FROM {answer} WHERE question_id = %s)",
            [user.pk, question.pk, user.pk, question.pk],
        )
        rows = cursor.fetchall()
    question_liked = False
    liked_answers: set[int] = set()
    for question_id, answer_id in rows:
        if question_id is not None:
            question_liked = True
        else:
            liked_answers.add(answer_id)
    return question_liked, liked_answers


def post_revisions(post: Question | Answer) -> QuerySet[Revision]:
    """Return every saved version of a post, oldest first."""
    field = "question" if isinstance(post, Question) else "answer"
    return Revision.objects.filter(**{field: post}).select_related("editor")


def answer_get_visible(pk: int) -> Answer:
    """Return a visible answer (or reply) on a visible question, or raise 404.

    A reply under a deleted answer is hidden with its thread, so it is not visible either.
    """
    try:
        return Answer.objects.select_related("question").get(
            Q(parent__isnull=True) | Q(parent__is_deleted=False),
            pk=pk,
            is_deleted=False,
            question__is_deleted=False,
        )
    except Answer.DoesNotExist:
        raise Http404("No such answer.") from None


def member_questions(member: User, *, viewer: User, limit: int = 20) -> list[Question]:
    """Return a member's questions as a viewer may see them: anonymous ones only to the author."""
    questions = Question.objects.filter(author=member, is_deleted=False)
    if viewer.pk != member.pk:
        questions = questions.filter(is_anonymous=False)
    return list(questions.select_related(*_CARD_RELATED).order_by("-created_at")[:limit])


def member_answers(member: User, *, limit: int = 20) -> list[Answer]:
    """Return a member's visible answers, leaving out replies on anonymous questions they asked."""
    answers = (
        Answer.objects.filter(author=member, is_deleted=False, question__is_deleted=False)
        .exclude(question__is_anonymous=True, question__author=member)
        .select_related("question")
        .order_by("-created_at")
    )
    return list(answers[:limit])


def topics_with_slugs(slugs: list[str]) -> list[Topic]:
    return list(Topic.objects.filter(slug__in=slugs))
