"""Reads for topic feeds, the home page and question pages, each in a fixed number of queries."""

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse

from rung.accounts.models import User
from rung.accounts.selectors import byline_related
from rung.core.people_version import people_version
from rung.core.prepared_sql import PreparedRows
from rung.ladder.models import Expectation, Level
from rung.qa.models import (
    Answer,
    ContextRating,
    Like,
    Post,
    Question,
    QuestionTopic,
    Revision,
    Topic,
    Visibility,
)
from rung.qa.visibility import Viewer, readable, readable_answers_q, readable_q

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
        question = (
            Question.objects.select_related(*_QUESTION_RELATED)
            .annotate(feeds_version=RawSQL(_FEEDS_VERSION_SQL, ()))
            .get(readable_q(viewer), pk=pk)
        )
    except Question.DoesNotExist:
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


def question_load_card(question: Question) -> Question:
    """Load a question's topics and rated axes, which pages served from cache skip."""
    prefetch_related_objects(
        [question],
        Prefetch("ratings", queryset=ContextRating.objects.select_related("axis", "choice")),
        Prefetch("topics", queryset=Topic.objects.order_by("kind", "order")),
    )
    return question


# Stack Exchange shows 30 answers a page; 20 keeps a page of long answers well under a
# megabyte and matches the topic feeds.
ANSWERS_PER_PAGE = 20
REPLIES_SHOWN = 3
REPLIES_PER_PAGE = 50
# Answers are listed most helpful first, then most liked, then oldest (see architecture.md).
_ANSWER_ORDER = ("-like_count", "created_at", "id")
_REPLY_ORDER = ("created_at", "id")


# Cursors count whole microseconds, so they name a timestamp exactly.
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


@dataclass(frozen=True)
class AnswerCursor:
    """Where a page of answers or replies starts: just after the post with these keys."""

    like_count: int
    created_at: datetime
    pk: int

    def __str__(self) -> str:
        micros = (self.created_at - _EPOCH) // _MICROSECOND
        return f"{self.like_count}.{micros}.{self.pk}"

    @classmethod
    def of(cls, post: Answer) -> "AnswerCursor":
        return cls(like_count=post.like_count, created_at=post.created_at, pk=post.pk)


def answer_cursor_parse(raw: str | None) -> AnswerCursor | None:
    """Return the cursor in a query parameter, or None when it is not one of ours."""
    parts = (raw or "").split(".")
    if len(parts) != 3 or not all(p.isascii() and p.isdigit() and len(p) <= 18 for p in parts):
        return None
    likes, micros, pk = (int(p) for p in parts)
    try:
        created = _EPOCH + micros * _MICROSECOND
    except OverflowError:  # past the year 9999
        return None
    return AnswerCursor(like_count=likes, created_at=created, pk=pk)


@dataclass
class AnswerThread:
    """An answer with its first replies; the rest load on request, from `replies_cursor`."""

    answer: Answer
    replies: list[Answer]
    more_replies: int = 0
    replies_cursor: str = ""


@dataclass
class ThreadPage:
    threads: list[AnswerThread]
    next_cursor: str | None
    is_first: bool


def _mark(posts: list[Answer], question: Question, liked: set[int] | None) -> None:
    for post in posts:
        # On an anonymous question, the asker stays anonymous in their own replies too.
        post.by_anonymous_asker = question.is_anonymous and post.author_id == question.author_id  # type: ignore[attr-defined]
        post.liked = liked is not None and post.pk in liked  # type: ignore[attr-defined]


def _visible_replies(parent_id: int, viewer: Viewer = None) -> QuerySet[Answer]:
    return Answer.objects.filter(readable_q(viewer), parent_id=parent_id)


def _after(
    rows: QuerySet[Answer], cursor: AnswerCursor, *, by_likes: bool
) -> list[QuerySet[Answer]]:
    """Return the rows that sort after `cursor`, in order, as ranges that are index seeks.

    `created_at >= c` is the seek; the few rows at exactly `c` are settled by id. Answers
    with fewer likes are a second range, read apart because an OR of the two would walk
    every answer with the cursor's like count to reach the first one after it.
    """
    same = rows.filter(created_at__gte=cursor.created_at).exclude(
        created_at=cursor.created_at, pk__lte=cursor.pk
    )
    if not by_likes:
        return [same.order_by(*_REPLY_ORDER)]
    return [
        same.filter(like_count=cursor.like_count).order_by(*_REPLY_ORDER),
        rows.filter(like_count__lt=cursor.like_count).order_by(*_ANSWER_ORDER),
    ]


def _ids_of(branches: list[QuerySet[Answer]]) -> RawSQL:
    """Return the ids of several ordered, sliced querysets as one subquery.

    Each branch is an index seek with its own LIMIT. Joined with UNION ALL, they make one
    IN (...) that PostgreSQL turns into primary-key lookups; `IN (a) OR IN (b)` would make
    it scan the whole table, and the ORM cannot put a LIMIT inside a UNION on SQLite, so
    each branch is wrapped here as a derived table.
    """
    parts: list[str] = []
    params: list[object] = []
    for n, branch in enumerate(branches):
        sql, branch_params = branch.values("pk").query.sql_with_params()
        parts.append(f"SELECT * FROM ({sql}) AS branch_{n}")
        params.extend(branch_params)
    return RawSQL(" UNION ALL ".join(parts), params)


# Stands for a key while a query is compiled, then gives way to each real key: no row has
# this id, and no other parameter of these queries is a number this large.
_KEY_STANDIN = -(2**62) + 7919


def _ids_of_each(branch: Callable[[int], QuerySet[Answer]], keys: list[int]) -> RawSQL:
    """Return `_ids_of([branch(key) for key in keys])`, compiling the branch's SQL once.

    The branches differ only in their key, and compiling a query costs far more than
    running one of these seeks, so the SQL is made once and each key goes in as a parameter.
    """
    sql, params = branch(_KEY_STANDIN).values("pk").query.sql_with_params()
    at = [index for index, param in enumerate(params) if param == _KEY_STANDIN]
    if len(at) != 1:
        return _ids_of([branch(key) for key in keys])
    parts: list[str] = []
    every: list[object] = []
    for n, key in enumerate(keys):
        parts.append(f"SELECT * FROM ({sql}) AS branch_{n}")
        every.extend(key if index == at[0] else param for index, param in enumerate(params))
    return RawSQL(" UNION ALL ".join(parts), every)


def question_thread_page(
    question: Question,
    *,
    cursor: AnswerCursor | None = None,
    liked: set[int] | None = None,
    size: int = ANSWERS_PER_PAGE,
    viewer: Viewer = None,
) -> ThreadPage:
    """Return one page of answers, each with its first replies, in two queries.

    The most helpful answer leads the first page; the others follow by likes, then age,
    paged by keyset. Each post gets `liked`: whether it is among the ids in `liked`.
    Posts that are not published are shown only to a `viewer` who may read them.
    """
    answers = Answer.objects.filter(readable_q(viewer), question=question, parent=None)
    accepted = question.accepted_answer_id
    others = answers.exclude(pk=accepted) if accepted else answers
    if cursor is None:
        branches = [others.order_by(*_ANSWER_ORDER)[: size + 1]]
        if accepted:
            branches.append(answers.filter(pk=accepted))
    else:
        branches = [branch[: size + 1] for branch in _after(others, cursor, by_likes=True)]
    reply_count = (
        Answer.objects.filter(readable_q(viewer), parent=OuterRef("pk"))
        .order_by()
        .values("parent")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rows = list(
        Answer.objects.filter(pk__in=_ids_of(branches))
        .select_related(*byline_related("author"))
        .annotate(reply_count=Coalesce(Subquery(reply_count), 0))
    )
    rows.sort(key=lambda a: (a.pk != accepted, -a.like_count, a.created_at, a.pk))
    lead = [rows.pop(0)] if rows and cursor is None and rows[0].pk == accepted else []
    next_cursor = str(AnswerCursor.of(rows[size - 1])) if len(rows) > size else None
    shown = lead + rows[:size]
    threads = [AnswerThread(answer=answer, replies=[]) for answer in shown]
    by_id = {thread.answer.pk: thread for thread in threads}
    with_replies = [a.pk for a in shown if a.reply_count]
    replies: list[Answer] = []
    if with_replies:
        # One bounded seek per answer, so a thread with thousands of replies costs no more.
        first = _ids_of_each(
            lambda parent: _visible_replies(parent, viewer).order_by(*_REPLY_ORDER)[:REPLIES_SHOWN],
            with_replies,
        )
        replies = list(
            Answer.objects.filter(pk__in=first)
            .select_related(*byline_related("author"))
            .order_by(*_REPLY_ORDER)
        )
    for reply in replies:
        by_id[reply.parent_id].replies.append(reply)  # type: ignore[index]
    for thread in threads:
        thread.more_replies = thread.answer.reply_count - len(thread.replies)  # type: ignore[attr-defined]
        if thread.more_replies > 0:
            thread.replies_cursor = str(AnswerCursor.of(thread.replies[-1]))
    _mark(shown + replies, question, liked)
    return ThreadPage(threads=threads, next_cursor=next_cursor, is_first=cursor is None)


def answer_replies_page(
    answer: Answer,
    *,
    cursor: AnswerCursor | None,
    liked: set[int] | None = None,
    viewer: Viewer = None,
) -> AnswerThread:
    """Return an answer with the next REPLIES_PER_PAGE replies after `cursor`."""
    replies = _visible_replies(answer.pk, viewer)
    after = replies if cursor is None else _after(replies, cursor, by_likes=False)[0]
    remaining = after.count()
    shown = list(
        after.select_related(*byline_related("author")).order_by(*_REPLY_ORDER)[:REPLIES_PER_PAGE]
    )
    _mark([answer, *shown], answer.question, liked)
    thread = AnswerThread(answer=answer, replies=shown, more_replies=remaining - len(shown))
    if thread.more_replies > 0:
        thread.replies_cursor = str(AnswerCursor.of(shown[-1]))
    return thread


def answer_location(answer: Answer) -> str:
    """Return the address of the page that shows an answer or reply, with its anchor.

    An answer past the first page gets a page that starts with it; a reply past the ones
    shown under its answer gets the page of its thread's replies that starts with it.
    """
    anchor = f"#answer-{answer.pk}"
    if answer.parent_id is None:
        return _answer_page_url(answer) + anchor
    parent = answer.parent
    earlier = list(
        _visible_replies(parent.pk)  # type: ignore[union-attr]
        .filter(created_at__lte=answer.created_at)
        .exclude(created_at=answer.created_at, pk__gte=answer.pk)
        .order_by("-created_at", "-id")[:REPLIES_SHOWN]
    )
    if len(earlier) < REPLIES_SHOWN:
        return _answer_page_url(parent) + anchor  # type: ignore[arg-type]
    replies = reverse("qa:answer_replies", args=[parent.pk])  # type: ignore[union-attr]
    return f"{replies}?after={AnswerCursor.of(earlier[0])}{anchor}"


def post_location(post: Post) -> str:
    """Return the address of the page that shows any post, at the post."""
    if isinstance(post, Answer):
        return answer_location(post)
    return post.get_absolute_url()


def _answer_page_url(answer: Answer) -> str:
    """Return the question page that lists an answer: the first, or the one it starts."""
    # Read afresh: the caller's copy may predate the write that sent them here.
    question = Question.objects.only("title", "accepted_answer").get(pk=answer.question_id)
    url = question.get_absolute_url()
    if answer.pk == question.accepted_answer_id:
        return url
    others = Answer.objects.filter(readable_q(None), question=question, parent=None)
    if question.accepted_answer_id:
        others = others.exclude(pk=question.accepted_answer_id)
    # The nearest answers before it, nearest first: those with as many likes, then more.
    size = ANSWERS_PER_PAGE
    before = list(
        others.filter(like_count=answer.like_count, created_at__lte=answer.created_at)
        .exclude(created_at=answer.created_at, pk__gte=answer.pk)
        .order_by("-created_at", "-id")[:size]
    )
    if len(before) < size:
        before += others.filter(like_count__gt=answer.like_count).order_by(
            "like_count", "-created_at", "-id"
        )[: size - len(before)]
    if len(before) < size:
        return url
    return f"{url}?answers_after={AnswerCursor.of(before[0])}"


def answer_author_ids(question: Question) -> set[int]:
    """Return who wrote the answers and replies on a question, published or not.

    Authors of held or hidden posts are among them: they see their own posts, so they
    must not share the copy of the page other members read.
    """
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


def liked_post_ids(user: User | AnonymousUser, question: Question) -> tuple[bool, set[int]]:
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


def member_questions(
    member: User, *, viewer: User | AnonymousUser, limit: int = 20
) -> list[Question]:
    """Return a member's questions as a viewer may see them: anonymous ones only to the author.

    Held and hidden ones are listed only for the member themselves and for moderators.
    """
    questions = Question.objects.filter(readable_q(viewer), author=member)
    if viewer.pk != member.pk:
        questions = questions.filter(is_anonymous=False)
    return list(questions.select_related(*_CARD_RELATED).order_by("-created_at")[:limit])


def member_answers(
    member: User, *, viewer: User | AnonymousUser | None = None, limit: int = 20
) -> list[Answer]:
    """Return a member's answers a viewer may read, leaving out those that would unmask them.

    Replies on an anonymous question they asked are left out.
    """
    answers = (
        Answer.objects.filter(readable_answers_q(viewer), author=member)
        .exclude(question__is_anonymous=True, question__author=member)
        .select_related("question")
        .order_by("-created_at")
    )
    return list(answers[:limit])


def topics_with_slugs(slugs: list[str]) -> list[Topic]:
    return list(Topic.objects.filter(slug__in=slugs))
