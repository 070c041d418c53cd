"""Reads for a question's answers and replies: pages of threads, where a post lives, likes."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.urls import reverse

from rung.accounts.models import User
from rung.accounts.selectors import byline_deferred, byline_related
from rung.core.prepared_sql import PreparedModels
from rung.qa.models import Answer, Like, Post, Question
from rung.qa.visibility import READER_OWN, Viewer, readable_q, reader_kind, reader_stand_in

ANSWERS_PER_PAGE = 20
REPLIES_SHOWN = 3
REPLIES_PER_PAGE = 50
# The two orders a reader may choose for a question's answers (docs/reputation.md):
# "most helpful first" puts the asker's mark first, then the helpful rank (likes, each
# weighing the answerer's standing), then the oldest; "newest" is the newest first.
SORT_HELPFUL = "helpful"
SORT_NEWEST = "newest"
ANSWER_SORTS = (SORT_HELPFUL, SORT_NEWEST)
_ANSWER_ORDER = ("-helpful_rank", "created_at", "id")
_NEWEST_ORDER = ("-created_at", "-id")
_REPLY_ORDER = ("created_at", "id")
# What a thread's HTML never shows of a post: its Markdown source (the page shows the
# stored HTML), the token its form was sent with, when it was deleted and the author's
# weight at the time. Left out of every read of a page's posts.
_UNSHOWN = ("body", "submit_token", "deleted_at", "author_weight")


def answer_sort_parse(raw: str | None) -> str:
    """Return the answer order a query parameter names; anything else is the default."""
    return SORT_NEWEST if raw == SORT_NEWEST else SORT_HELPFUL


# Cursors count whole microseconds, so they name a timestamp exactly.
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


@dataclass(frozen=True)
class AnswerCursor:
    """Where a page of answers or replies starts: just after the post with these keys.

    `rank` is the post's helpful rank; orders that do not use it (newest answers, replies)
    ignore it. A cursor of the older form, which held the like count, still parses: it
    pages from about the same place, never an error.
    """

    rank: int
    created_at: datetime
    pk: int

    def __str__(self) -> str:
        micros = (self.created_at - _EPOCH) // _MICROSECOND
        return f"{self.rank}.{micros}.{self.pk}"

    @classmethod
    def of(cls, post: Answer) -> "AnswerCursor":
        return cls(rank=post.helpful_rank, created_at=post.created_at, pk=post.pk)


def answer_cursor_parse(raw: str | None) -> AnswerCursor | None:
    """Return the cursor in a query parameter, or None when it is not one of ours."""
    parts = (raw or "").split(".")
    if len(parts) != 3 or not all(p.isascii() and p.isdigit() and len(p) <= 18 for p in parts):
        return None
    rank, micros, pk = (int(p) for p in parts)
    try:
        created = _EPOCH + micros * _MICROSECOND
    except OverflowError:  # past the year 9999
        return None
    return AnswerCursor(rank=rank, created_at=created, pk=pk)


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
    sort: str = SORT_HELPFUL

    @property
    def next_query(self) -> str:
        """Return the query string of the next page, in the same order ("" when none)."""
        if not self.next_cursor:
            return ""
        chosen = f"sort={self.sort}&" if self.sort != SORT_HELPFUL else ""
        return f"{chosen}answers_after={self.next_cursor}"


def _mark(posts: list[Answer], question: Question, liked: set[int] | None) -> None:
    for post in posts:
        # On an anonymous question, the asker stays anonymous in their own replies too.
        post.by_anonymous_asker = question.is_anonymous and post.author_id == question.author_id  # type: ignore[attr-defined]
        post.liked = liked is not None and post.pk in liked  # type: ignore[attr-defined]


def _visible_replies(parent_id: int, viewer: Viewer = None) -> QuerySet[Answer]:
    return Answer.objects.filter(readable_q(viewer), parent_id=parent_id)


def _after(rows: QuerySet[Answer], cursor: AnswerCursor, *, order: str) -> list[QuerySet[Answer]]:
    """Return the rows that sort after `cursor`, in order, as ranges that are index seeks.

    `created_at >= c` is the seek; the few rows at exactly `c` are settled by id. For the
    helpful order, answers with a lower rank are a second range, read apart because an OR
    of the two would walk every answer with the cursor's rank to reach the first one after
    it. `order` is "replies", or one of ANSWER_SORTS.
    """
    if order == SORT_NEWEST:
        older = rows.filter(created_at__lte=cursor.created_at).exclude(
            created_at=cursor.created_at, pk__gte=cursor.pk
        )
        return [older.order_by(*_NEWEST_ORDER)]
    same = rows.filter(created_at__gte=cursor.created_at).exclude(
        created_at=cursor.created_at, pk__lte=cursor.pk
    )
    if order != SORT_HELPFUL:
        return [same.order_by(*_REPLY_ORDER)]
    return [
        same.filter(helpful_rank=cursor.rank).order_by(*_REPLY_ORDER),
        rows.filter(helpful_rank__lt=cursor.rank).order_by(*_ANSWER_ORDER),
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


def question_thread_page(
    question: Question,
    *,
    cursor: AnswerCursor | None = None,
    liked: set[int] | None = None,
    size: int = ANSWERS_PER_PAGE,
    viewer: Viewer = None,
    sort: str = SORT_HELPFUL,
) -> ThreadPage:
    """Return one page of answers, each with its first replies, in two queries.

    Most helpful first (the default `sort`): the answer the asker marked leads the first
    page; the others follow by helpful rank, then age. Newest: newest first, the marked
    answer among them. Either way paged by keyset. Each post gets `liked`: whether it is
    among the ids in `liked`. Posts that are not published are shown only to a `viewer`
    who may read them.

    A first page, which most readers read, runs queries compiled once per process for
    its shape (the reader's kind, the order, whether an answer is marked, how many
    answers have replies): compiling them cost several times what running them does.
    """
    newest = sort == SORT_NEWEST
    accepted = None if newest else question.accepted_answer_id
    kind, reader = reader_kind(viewer)
    if cursor is None:
        read = _first_page_read(kind, newest=newest, accepted=bool(accepted), size=size)
        rows = read.get(question.pk, *([accepted] if accepted else []), *reader)
    else:
        rows = list(_page_query(question.pk, viewer, newest, accepted, cursor, size))
    if newest:
        rows.sort(key=lambda a: (a.created_at, a.pk), reverse=True)
    else:
        rows.sort(key=lambda a: (a.pk != accepted, -a.helpful_rank, a.created_at, a.pk))
    lead = [rows.pop(0)] if rows and cursor is None and rows[0].pk == accepted else []
    next_cursor = str(AnswerCursor.of(rows[size - 1])) if len(rows) > size else None
    shown = lead + rows[:size]
    threads = [AnswerThread(answer=answer, replies=[]) for answer in shown]
    by_id = {thread.answer.pk: thread for thread in threads}
    with_replies = [a.pk for a in shown if a.reply_count]  # type: ignore[attr-defined]
    replies: list[Answer] = []
    if with_replies:
        if len(with_replies) <= _PREPARED_PARENTS_MOST:
            replies = _first_replies_read(kind, len(with_replies)).get(*with_replies, *reader)
        else:
            replies = list(_replies_query(with_replies, viewer))
    for reply in replies:
        by_id[reply.parent_id].replies.append(reply)  # type: ignore[index]
    for thread in threads:
        thread.more_replies = thread.answer.reply_count - len(thread.replies)  # type: ignore[attr-defined]
        if thread.more_replies > 0:
            thread.replies_cursor = str(AnswerCursor.of(thread.replies[-1]))
    _mark(shown + replies, question, liked)
    return ThreadPage(
        threads=threads,
        next_cursor=next_cursor,
        is_first=cursor is None,
        sort=SORT_NEWEST if newest else SORT_HELPFUL,
    )


def _page_query(
    question_id: int,
    viewer: Viewer,
    newest: bool,
    accepted: int | None,
    cursor: AnswerCursor | None,
    size: int,
) -> QuerySet[Answer]:
    """Return the query of a page's answers (and one more, to know of a next page), with
    their authors' bylines and how many replies each has; the caller puts them in order."""
    answers = Answer.objects.filter(readable_q(viewer), question_id=question_id, parent=None)
    others = answers.exclude(pk=accepted) if accepted else answers
    if cursor is None:
        order = _NEWEST_ORDER if newest else _ANSWER_ORDER
        branches = [others.order_by(*order)[: size + 1]]
        if accepted:
            branches.append(answers.filter(pk=accepted))
    else:
        branches = [
            branch[: size + 1]
            for branch in _after(others, cursor, order=SORT_NEWEST if newest else SORT_HELPFUL)
        ]
    reply_count = (
        Answer.objects.filter(readable_q(viewer), parent=OuterRef("pk"))
        .order_by()
        .values("parent")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Answer.objects.filter(pk__in=_ids_of(branches))
        .select_related(*byline_related("author"))
        .defer(*_UNSHOWN, *byline_deferred("author"))
        .annotate(reply_count=Coalesce(Subquery(reply_count), 0))
    )


def _replies_query(parents: list[int], viewer: Viewer) -> QuerySet[Answer]:
    """Return the first replies of each answer in `parents`, with their bylines."""
    # One bounded seek per answer, so a thread with thousands of replies costs no more.
    first = _ids_of(
        [
            _visible_replies(parent, viewer).order_by(*_REPLY_ORDER)[:REPLIES_SHOWN]
            for parent in parents
        ]
    )
    return (
        Answer.objects.filter(pk__in=first)
        .select_related(*byline_related("author"))
        .defer(*_UNSHOWN, *byline_deferred("author"))
        .order_by(*_REPLY_ORDER)
    )


# Pages longer than a reader's (a caller's own size) read their replies unprepared.
_PREPARED_PARENTS_MOST = 40
_FIRST_PAGES: dict[tuple[str, bool, bool, int], PreparedModels[Answer]] = {}
_FIRST_REPLIES: dict[tuple[str, int], PreparedModels[Answer]] = {}


def _first_page_read(
    kind: str, *, newest: bool, accepted: bool, size: int
) -> PreparedModels[Answer]:
    key = (kind, newest, accepted, size)
    read = _FIRST_PAGES.get(key)
    if read is None:

        def build(question_id: int, *rest: int) -> QuerySet[Answer]:
            marked = rest[0] if accepted else None
            reader = reader_stand_in(kind, rest[-1] if kind == READER_OWN else None)
            return _page_query(question_id, reader, newest, marked, None, size)

        read = _FIRST_PAGES[key] = PreparedModels(build, 1 + accepted + (kind == READER_OWN))
    return read


def _first_replies_read(kind: str, parents: int) -> PreparedModels[Answer]:
    key = (kind, parents)
    read = _FIRST_REPLIES.get(key)
    if read is None:

        def build(*keys: int) -> QuerySet[Answer]:
            reader = reader_stand_in(kind, keys[-1] if kind == READER_OWN else None)
            return _replies_query(list(keys[:parents]), reader)

        read = _FIRST_REPLIES[key] = PreparedModels(build, parents + (kind == READER_OWN))
    return read


def answer_replies_page(
    answer: Answer,
    *,
    cursor: AnswerCursor | None,
    liked: set[int] | None = None,
    viewer: Viewer = None,
) -> AnswerThread:
    """Return an answer with the next REPLIES_PER_PAGE replies after `cursor`."""
    replies = _visible_replies(answer.pk, viewer)
    after = replies if cursor is None else _after(replies, cursor, order="replies")[0]
    remaining = after.count()
    shown = list(
        after.select_related(*byline_related("author"))
        .defer(*_UNSHOWN, *byline_deferred("author"))
        .order_by(*_REPLY_ORDER)[:REPLIES_PER_PAGE]
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
    # In the default order (most helpful first), the nearest answers before it, nearest
    # first: those with the same helpful rank, then a higher one.
    rank = answer.helpful_rank
    size = ANSWERS_PER_PAGE
    before = list(
        others.filter(helpful_rank=rank, created_at__lte=answer.created_at)
        .exclude(created_at=answer.created_at, pk__gte=answer.pk)
        .order_by("-created_at", "-id")[:size]
    )
    if len(before) < size:
        before += others.filter(helpful_rank__gt=rank).order_by(
            "helpful_rank", "-created_at", "-id"
        )[: size - len(before)]
    if len(before) < size:
        return url
    return f"{url}?answers_after={AnswerCursor.of(before[0])}"


class ReaderMarks(NamedTuple):
    """What of a question's page is a member's own: their likes, and whether they wrote there."""

    question_liked: bool
    liked_answers: set[int]
    # An answer or reply of theirs, published or not (not deleted): its author sees it as
    # no other member does, held or hidden ones included.
    wrote: bool


def reader_marks(user: User | AnonymousUser, question: Question) -> ReaderMarks:
    """Return whether a member liked the question, which of its answers they liked, and
    whether they wrote an answer or reply on it, in one statement.

    Runs on every page view of a member, so it skips the ORM: three index seeks, since an
    OR across the join would read every like the member ever gave.
    """
    if not user.is_authenticated:
        return ReaderMarks(False, set(), False)
    like, answer = Like._meta.db_table, Answer._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 1, NULL FROM {like} WHERE user_id = %s AND question_id = %s "
            f"UNION ALL SELECT 2, answer_id FROM {like} WHERE user_id = %s "
            f"AND answer_id IN (SELECT id FROM {answer} WHERE question_id = %s) "
            f"UNION ALL SELECT 3, NULL WHERE EXISTS (SELECT 1 FROM {answer} "
            "WHERE question_id = %s AND author_id = %s AND is_deleted = %s)",
            [user.pk, question.pk, user.pk, question.pk, question.pk, user.pk, False],
        )
        rows = cursor.fetchall()
    question_liked = wrote = False
    liked_answers: set[int] = set()
    for kind, answer_id in rows:
        if kind == 1:
            question_liked = True
        elif kind == 2:
            liked_answers.add(answer_id)
        else:
            wrote = True
    return ReaderMarks(question_liked, liked_answers, wrote)
