"""Reads for follows and bookmarks: a reader's state on a page, the Following and Saved pages.

Everything here is about one member's own rows and is shown to nobody else. Pages that
show a reader's state read it in one query per page (a question page: whether they watch
it, saved it, and which of its answers they saved, together).
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.db import connection
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL
from django.http import HttpRequest

from rung.accounts.models import User
from rung.accounts.roles import is_moderator
from rung.core.markdown import excerpt
from rung.core.prepared_sql import PreparedRows
from rung.notifications.models import Bookmark, Follow, WatchLevel
from rung.qa.models import Answer, Post, Question, Visibility
from rung.qa.visibility import readable_q

FOLLOWING_PAGE_SIZE = 30
# The overview shows this many questions and members; "All" pages through the rest.
FOLLOWING_OVERVIEW_SIZE = 10
BOOKMARKS_PAGE_SIZE = 30
FOLLOWING_KINDS = ("topics", "questions", "members")

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


# --- a reader's state on a question page --------------------------------------------------


@dataclass
class QuestionState:
    """What one member set on one question and its answers."""

    level: str | None = None
    automatic: bool = False
    question_saved: bool = False
    saved_answers: set[int] = field(default_factory=set)


def question_state(user: User, question_id: int) -> QuestionState:
    """Return a member's watch level on a question, and what they saved there, in one query.

    Three index seeks in one statement: the follow row, the bookmark of the question, and
    bookmarks of the question's answers (a member's bookmarks on one question are few).
    """
    follow, bookmark, answer = (
        Follow._meta.db_table,
        Bookmark._meta.db_table,
        Answer._meta.db_table,
    )
    with connection.cursor() as cursor:
        cursor.execute(
            # The typed NULL settles the column's type for PostgreSQL's UNION.
            f"SELECT 'f', level, automatic, CAST(NULL AS BIGINT) FROM {follow} "
            "WHERE user_id = %s AND question_id = %s "
            f"UNION ALL SELECT 'q', NULL, NULL, NULL FROM {bookmark} "
            "WHERE user_id = %s AND question_id = %s "
            f"UNION ALL SELECT 'a', NULL, NULL, answer_id FROM {bookmark} WHERE user_id = %s "
            f"AND answer_id IN (SELECT id FROM {answer} WHERE question_id = %s)",
            [user.pk, question_id] * 3,
        )
        rows = cursor.fetchall()
    state = QuestionState()
    for what, level, automatic, answer_id in rows:
        if what == "f":
            state.level, state.automatic = level, bool(automatic)
        elif what == "q":
            state.question_saved = True
        else:
            state.saved_answers.add(answer_id)
    return state


def question_state_for(request: HttpRequest, question_id: int) -> QuestionState | None:
    """Return the reader's state on a question, read once per request; None for visitors.

    The page's save toggles and its watch toggle are rendered at different moments of one
    response (cached answers first, then the page around them); they share this one read.
    """
    user = request.user
    if not user.is_authenticated:
        return None
    states: dict[int, QuestionState] | None = getattr(request, "_rung_question_states", None)
    if states is None:
        states = {}
        request._rung_question_states = states  # type: ignore[attr-defined]
    if question_id not in states:
        states[question_id] = question_state(user, question_id)
    return states[question_id]


# --- the Following page -------------------------------------------------------------------


@dataclass(frozen=True)
class FollowingPage:
    rows: list[Follow]
    next_before: int | None


def followed_topics(user: User) -> list[Follow]:
    """Every topic the member set a level for, in the topics' own order (they are few)."""
    return list(
        Follow.objects.filter(user=user, topic__isnull=False)
        .select_related("topic")
        .order_by("topic__kind", "topic__order", "topic__name")
    )


def _page(rows: QuerySet[Follow], before: int | None, size: int) -> FollowingPage:
    if before is not None:
        rows = rows.filter(pk__lt=before)
    found = list(rows.order_by("-pk")[: size + 1])
    more = found[size - 1].pk if len(found) > size else None
    return FollowingPage(found[:size], more)


def followed_questions(
    user: User, *, before: int | None = None, size: int = FOLLOWING_PAGE_SIZE
) -> FollowingPage:
    """The questions the member watches or muted, newest setting first, that they may read.

    Keyset-paged on the follow's id; questions since deleted or hidden are left out.
    """
    rows = Follow.objects.filter(readable_q(user, "question__"), user=user, question__isnull=False)
    return _page(rows.select_related("question"), before, size)


def followed_members(
    user: User, *, before: int | None = None, size: int = FOLLOWING_PAGE_SIZE
) -> FollowingPage:
    """The members the member follows, newest first; accounts that closed are left out."""
    rows = Follow.objects.filter(user=user, member__isnull=False, member__is_active=True)
    return _page(rows.select_related("member"), before, size)


# --- the Saved page -----------------------------------------------------------------------


@dataclass(frozen=True)
class SavedItem:
    """One saved post as its owner sees it on the Saved page; `post` None once it is gone."""

    bookmark: Bookmark
    kind: str  # "question" or "answer"
    question: Question
    post: Post | None
    excerpt: str


@dataclass(frozen=True)
class SavedPage:
    items: list[SavedItem]
    next_cursor: str | None


def bookmark_cursor_parse(raw: str | None) -> tuple[datetime, int] | bool | None:
    """Return the (saved at, id) a cursor names; None for none, False for one not ours."""
    if not raw:
        return None
    parts = raw.split(".")
    if len(parts) != 2 or not all(p.isascii() and p.isdigit() and len(p) <= 18 for p in parts):
        return False
    try:
        when = _EPOCH + int(parts[0]) * _MICROSECOND
    except OverflowError:
        return False
    return when, int(parts[1])


def _cursor(bookmark: Bookmark) -> str:
    return f"{(bookmark.created_at - _EPOCH) // _MICROSECOND}.{bookmark.pk}"


def _readable(post: Post, user: User, moderator: bool) -> bool:
    """Say whether the member may still read a post, as rung/qa/visibility.py decides."""
    if post.is_deleted:
        return False
    return moderator or post.visibility == Visibility.PUBLISHED or post.author_id == user.pk


def saved_page(
    user: User,
    *,
    after: tuple[datetime, int] | None = None,
    size: int = BOOKMARKS_PAGE_SIZE,
) -> SavedPage:
    """One page of the member's saved questions and answers, newest saved first.

    Keyset-paged on (saved at, id) along the member's bookmark index. A post deleted or
    hidden since it was saved stays on the list as gone, so its owner can take it off.
    """
    rows = Bookmark.objects.filter(user=user)
    if after is not None:
        table = Bookmark._meta.db_table
        rows = rows.filter(
            RawSQL(
                f'("{table}"."created_at", "{table}"."id") < (%s, %s)',
                [connection.ops.adapt_datetimefield_value(after[0]), after[1]],
                output_field=BooleanField(),
            )
        )
    found = list(
        rows.select_related("question", "answer", "answer__question").order_by(
            "-created_at", "-id"
        )[: size + 1]
    )
    next_cursor = _cursor(found[size - 1]) if len(found) > size else None
    moderator = is_moderator(user)
    items: list[SavedItem] = []
    for bookmark in found[:size]:
        if bookmark.answer is not None:
            answer = bookmark.answer
            question = answer.question
            shown = _readable(answer, user, moderator) and _readable(question, user, moderator)
            items.append(
                SavedItem(
                    bookmark,
                    "answer",
                    question,
                    answer if shown else None,
                    excerpt(answer.body, 240) if shown else "",
                )
            )
        else:
            assert bookmark.question is not None
            question = bookmark.question
            shown = _readable(question, user, moderator)
            items.append(
                SavedItem(
                    bookmark,
                    "question",
                    question,
                    question if shown else None,
                    question.excerpt if shown else "",
                )
            )
    return SavedPage(items, next_cursor)


def follow_level(user: User, **target: object) -> str | None:
    """The member's level for one topic, question or member, or None."""
    if not user.is_authenticated:
        return None
    ((name, value),) = target.items()
    rows = _follow_levels[name].rows(user.pk, getattr(value, "pk", value))
    return rows[0][0] if rows else None


# A topic's, question's and profile's page each read the member's level: compiled once.
_follow_levels = {
    name: PreparedRows(
        lambda user, target, name=name: (
            Follow.objects.filter(user=user, **{name: target})
            .order_by("pk")
            .values_list("level")[:1]
        ),
        2,
    )
    for name in ("topic", "question", "member")
}


def muted_topic_ids(user: User) -> list[int]:
    return list(
        Follow.objects.filter(user=user, level=WatchLevel.MUTED, topic__isnull=False).values_list(
            "topic_id", flat=True
        )
    )
