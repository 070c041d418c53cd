"""Reads for topic feeds, the home page and question pages, each in a fixed number of queries."""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.db.models import (
    BooleanField,
    Exists,
    OuterRef,
    QuerySet,
)
from django.db.models.expressions import RawSQL
from django.http import Http404

from rung.accounts.models import User
from rung.accounts.selectors import byline_deferred, byline_related
from rung.core.people_version import people_version
from rung.core.prepared_sql import PreparedModels, PreparedRows
from rung.ladder.models import Expectation, Level
from rung.ladder.selectors import level_guide_deferred
from rung.qa.models import (
    Answer,
    ContextRating,
    Outcome,
    Post,
    Question,
    QuestionTopic,
    Revision,
    Topic,
    Visibility,
)
from rung.qa.visibility import (
    READER_OWN,
    Viewer,
    readable,
    readable_answers_q,
    readable_q,
    reader_kind,
    reader_stand_in,
)

FeedSort = Literal["newest", "top", "unanswered"]
FEED_SORTS: tuple[FeedSort, ...] = ("newest", "top", "unanswered")

_CARD_RELATED = (
    *byline_related("author"),
    "ctx_level",
    "ctx_company_level__company",
    "ctx_company_level__level",
)


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


def latest_questions(
    *, cursor: str | None = None, size: int = 20, muted_topics: Collection[int] = ()
) -> FeedPage:
    """Return one page of the newest published questions across all topics.

    Paged by keyset on (created_at, id), newest first, like a topic's "newest" feed: the
    order is stable as questions arrive, and a cursor that is not one of ours reads as
    the first page. Questions in any of `muted_topics` are left out (the reader muted
    them), each checked by one seek on the question's topics.
    """
    questions = Question.objects.filter(is_deleted=False, visibility=Visibility.PUBLISHED)
    if muted_topics:
        questions = questions.exclude(
            Exists(
                QuestionTopic.objects.filter(
                    question_id=OuterRef("pk"), topic_id__in=list(muted_topics)
                )
            )
        )
    values = _decode_cursor(cursor, "newest") if cursor else None
    if values is not None:
        table = Question._meta.db_table
        questions = questions.filter(
            RawSQL(
                f'("{table}"."created_at", "{table}"."id") < (%s, %s)',
                values,
                output_field=BooleanField(),
            )
        )
    rows = list(questions.select_related(*_CARD_RELATED).order_by("-created_at", "-id")[: size + 1])
    next_cursor = None
    if len(rows) > size:
        last = rows[size - 1]
        micros = int(last.created_at.timestamp() * 1_000_000)
        next_cursor = f"{micros}.{last.pk}"
    return FeedPage(questions=rows[:size], next_cursor=next_cursor)


def topic_get(slug: str) -> Topic:
    """Return a topic with its level guide, or raise 404.

    The topic with its level is kept in the shared cache under the people version, which
    any edit of topic or ladder text raises; its counters are read afresh each time.
    """
    key = f"topic:1:{people_version()}:{slug}"
    kept: Topic | None = cache.get(key)
    if kept is not None:
        rows = _topic_counters.rows(kept.pk)
        if rows:
            kept.feed_version, kept.question_count = rows[0]
            return kept
    try:
        topic = Topic.objects.select_related("level", "level__track").get(slug=slug)
    except Topic.DoesNotExist:
        raise Http404("No such topic.") from None
    cache.set(key, topic, None)
    return topic


_topic_counters = PreparedRows(
    lambda pk: Topic.objects.filter(pk=pk).values_list("feed_version", "question_count")
)


# --- what a visitor's cached page is looked up by (rung/qa/visitor_pages.py) -----------


def question_version(pk: int) -> tuple[int, str, int]:
    """Return (version, title, feeds version) of a question anyone may read, or raise 404.

    A hit on a visitor's copy of the page costs this one read: no joins, no model. The
    feeds version (the sum of every topic's feed version) comes in the same row.
    """
    found = next(iter(_QUESTION_VERSION.rows(pk)), None)
    if found is None:
        raise Http404("No such question.")
    return int(found[0]), str(found[1]), int(found[2])


# The sum of every topic's feed version: every question sits in a topic and every write
# bumps its topics' feed versions (services._touch), so it moves when any question is
# edited, answered, hidden or deleted.
_FEEDS_VERSION_SQL = (
    f"SELECT COALESCE(SUM({connection.ops.quote_name('feed_version')}), 0) "
    f"FROM {connection.ops.quote_name(Topic._meta.db_table)}"
)


_QUESTION_VERSION = PreparedRows(
    lambda pk: (
        Question.objects.filter(readable_q(None), pk=pk)
        .annotate(feeds=RawSQL(_FEEDS_VERSION_SQL, ()))
        .values_list("version", "title", "feeds")[:1]
    )
)


def home_topics() -> tuple[list[Topic], list[Topic], int]:
    """Return (level topics, subject topics, the sum of their feed versions) for the home page.

    Every question sits in a topic, so any change raises the sum. The topics with their
    levels are kept in the shared cache under the people version, which any edit of topic
    or ladder text raises; their counters are read afresh, in one query compiled once.
    """
    key = f"hometopics:1:{people_version()}"
    kept: tuple[list[Topic], list[Topic]] | None = cache.get(key)
    if kept is not None:
        levels, subjects = kept
        counters = {pk: (version, count) for pk, version, count in _topic_counters_all.rows()}
        topics = [*levels, *subjects]
        if counters.keys() == {topic.pk for topic in topics}:
            for topic in topics:
                topic.feed_version, topic.question_count = counters[topic.pk]
            return levels, subjects, sum(version for version, _count in counters.values())
    levels, subjects = topics_by_kind()
    cache.set(key, (levels, subjects), None)
    return levels, subjects, sum(topic.feed_version for topic in (*levels, *subjects))


_topic_counters_all = PreparedRows(
    lambda: Topic.objects.order_by().values_list("pk", "feed_version", "question_count"), 0
)


def topics_by_kind() -> tuple[list[Topic], list[Topic]]:
    """Return (level topics in ladder order, subject topics)."""
    topics = list(Topic.objects.select_related("level", "level__track"))
    levels = sorted((t for t in topics if t.kind == Topic.Kind.LEVEL), key=lambda t: t.level.rank)  # type: ignore[union-attr]
    subjects = [t for t in topics if t.kind == Topic.Kind.SUBJECT]
    return levels, subjects


def question_get_visible(pk: int, *, viewer: Viewer = None) -> Question:
    """Return a question the viewer may read, or raise 404; `question_load_card` adds the rest.

    Without a viewer, only a published question: what anyone may read.

    The question's own row is read afresh every time, and who may read it is decided on
    that row, so a question hidden or deleted a moment ago is gone at once. What it joins
    (the asker's byline, its context, the outcome) is kept in the shared cache under the
    question's version and the people version, which every change to them raises. The
    question carries `feeds_version`, read in the same row (see question_version).
    """
    kept = cache.get(_question_related_key(pk))
    if kept is not None:
        rows = _question_row_feeds.rows(pk)
        if not rows:
            raise Http404("No such question.")
        question = Question.from_db(connection.alias, _QUESTION_FIELDS, rows[0][:-1])
        # Read in the same row, as a visitor's page reads it: what is kept beside the page
        # (similar questions) is looked up by it (rung/search/sections.py).
        question.feeds_version = int(rows[0][-1])  # type: ignore[attr-defined]
        if not readable(question, viewer):
            raise Http404("No such question.")
        version, keys, fields_cache = kept
        if version == question.version and keys == _related_keys(question):
            question._state.fields_cache = fields_cache
            if question.duplicate_of_id is not None:
                # Read afresh: its title and whether it may be linked are its own, not
                # under this question's version.
                duplicate = _question_row.rows(question.duplicate_of_id)
                fields_cache["duplicate_of"] = (
                    Question.from_db(connection.alias, _QUESTION_FIELDS, duplicate[0])
                    if duplicate
                    else None
                )
            return question
    try:
        # The outcome comes in the same row (one LEFT JOIN on its unique key), so the page
        # and the asker's links beside it cost no query of their own.
        kind, reader = reader_kind(viewer)
        question = _question_with_related(kind).get(pk, *reader)[0]
    except IndexError:
        raise Http404("No such question.") from None
    kept_cache = {
        name: value
        for name, value in question._state.fields_cache.items()
        if name != "duplicate_of"
    }
    cache.set(
        _question_related_key(pk), (question.version, _related_keys(question), kept_cache), None
    )
    return question


_QUESTION_RELATED = (*_CARD_RELATED, "ctx_scale", "duplicate_of", "outcome")
# The page names the levels it joins and shows none of their guides; what it joins is kept
# in the cache for members' warm reads, so the guides' paragraphs would be kept too.
_QUESTION_DEFERRED = (
    *byline_deferred("author"),
    *level_guide_deferred("ctx_level", "ctx_company_level__level"),
)
_QUESTIONS_WITH_RELATED: dict[str, PreparedModels[Question]] = {}


def _question_with_related(kind: str) -> PreparedModels[Question]:
    """Return the read of a question with all it joins, compiled once per kind of reader."""
    read = _QUESTIONS_WITH_RELATED.get(kind)
    if read is None:

        def build(pk: int, *reader: int) -> QuerySet[Question]:
            viewer = reader_stand_in(kind, reader[0] if reader else None)
            return (
                Question.objects.select_related(*_QUESTION_RELATED)
                .defer(*_QUESTION_DEFERRED)
                .annotate(feeds_version=RawSQL(_FEEDS_VERSION_SQL, ()))
                .filter(readable_q(viewer), pk=pk)
            )

        read = _QUESTIONS_WITH_RELATED[kind] = PreparedModels(build, 1 + (kind == READER_OWN))
    return read


_QUESTION_FIELDS = tuple(field.attname for field in Question._meta.concrete_fields)
_QUESTION_KEYS = (
    "author_id",
    "ctx_level_id",
    "ctx_company_level_id",
    "ctx_scale_id",
    "duplicate_of_id",
)
_question_row = PreparedRows(
    lambda pk: Question.objects.filter(pk=pk).values_list(*_QUESTION_FIELDS)
)
_question_row_feeds = PreparedRows(
    lambda pk: (
        Question.objects.filter(pk=pk)
        .annotate(feeds=RawSQL(_FEEDS_VERSION_SQL, ()))
        .values_list(*_QUESTION_FIELDS, "feeds")
    )
)


def _question_related_key(pk: int) -> str:
    return f"qrelated:1:{people_version()}:{pk}"


def _related_keys(question: Question) -> tuple[object, ...]:
    return tuple(getattr(question, name) for name in _QUESTION_KEYS)


_card_reads: dict[str, PreparedModels[Any]] = {
    "ratings": PreparedModels(
        lambda pk: ContextRating.objects.select_related("axis", "choice").filter(question_id=pk)
    ),
    "topics": PreparedModels(
        lambda pk: Topic.objects.filter(questions=pk).order_by("kind", "order")
    ),
}


def question_load_card(question: Question) -> Question:
    """Load a question's topics and rated axes, which pages served from cache skip.

    As `prefetch_related` would keep them (`question.topics.all()` reads no more), with
    reads compiled once: a cold question page makes them every time.
    """
    kept = question.__dict__.setdefault("_prefetched_objects_cache", {})
    for name, read in _card_reads.items():
        if name not in kept:
            rows = read.get(question.pk)
            queryset = getattr(question, name).all()
            queryset._result_cache = rows
            queryset._prefetch_done = True
            kept[name] = queryset
    return question


# Stack Exchange shows 30 answers a page; 20 keeps a page of long answers well under a
# megabyte and matches the topic feeds.
def level_expectations(level: Level | None) -> list[Expectation]:
    """Return a level's rubric expectations with their axes, in axis order."""
    if level is None:
        return []
    return list(level.expectations.select_related("axis"))


def post_revisions(post: Post) -> QuerySet[Revision]:
    """Return every saved version of a post, oldest first."""
    return post.revisions.select_related("editor")


def answer_get_visible(pk: int, *, viewer: Viewer = None) -> Answer:
    """Return an answer (or reply) the viewer may read, on a question they may read, or 404.

    A reply under a deleted or hidden answer goes with its thread, so it is not readable
    either. Without a viewer, only what anyone may read.
    """
    try:
        return Answer.objects.select_related("question", "question__duplicate_of").get(
            readable_answers_q(viewer), pk=pk
        )
    except Answer.DoesNotExist:
        raise Http404("No such answer.") from None


def member_questions(member: User, *, viewer: User | AnonymousUser) -> QuerySet[Question]:
    """Return a member's questions as a viewer may see them, newest first, for paging:
    anonymous ones only to the author.

    Held and hidden ones are listed only for the member themselves and for moderators.
    """
    questions = Question.objects.filter(readable_q(viewer), author=member)
    if viewer.pk != member.pk:
        questions = questions.filter(is_anonymous=False)
    return questions.select_related(*_CARD_RELATED).order_by("-created_at", "-pk")


def member_answers(member: User, *, viewer: User | AnonymousUser | None = None) -> QuerySet[Answer]:
    """Return a member's answers and replies a viewer may read, newest first, for paging,
    leaving out those that would unmask them.

    Replies on an anonymous question they asked are left out.
    """
    return (
        Answer.objects.filter(readable_answers_q(viewer), author=member)
        .exclude(question__is_anonymous=True, question__author=member)
        .select_related("question")
        .order_by("-created_at", "-pk")
    )


def member_outcomes(member: User, *, viewer: User | AnonymousUser) -> QuerySet[Outcome]:
    """Return the outcomes a member shared on their questions a viewer may read, newest first.

    Outcomes on anonymous questions only to the member themselves, like the questions.
    """
    outcomes = Outcome.objects.filter(readable_q(viewer, "question__"), question__author=member)
    if viewer.pk != member.pk:
        outcomes = outcomes.filter(question__is_anonymous=False)
    return outcomes.select_related("question").order_by("-created_at", "-pk")


def topics_with_slugs(slugs: list[str]) -> list[Topic]:
    return list(Topic.objects.filter(slug__in=slugs))
