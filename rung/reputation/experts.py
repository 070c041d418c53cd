"""Who helps most: the top contributors of a topic (every level is one) and of the site.

Two windows: all time, read from the standings the ledger keeps (`TopicStanding`,
`Standing`), and the last EXPERTS_RECENT days, summed from answers and credits in that
window. Only what is shown under the member's name counts: anonymous questions and their
askers' own answers under them never reach these lists, nor do inactive members.

Each selector runs a fixed number of queries whatever the data size. Pages keep what they
show in the shared cache for EXPERTS_CACHE_SECONDS (`experts_cached`), keyed on a time
bucket of that length: likes move the lists without moving any version a page holds, so
a list is at most that much behind.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from rung.accounts.models import User
from rung.core.people_version import people_version
from rung.qa.models import Answer, QuestionTopic, Topic, Visibility
from rung.reputation import ledger
from rung.reputation.models import Credit, CreditReason, Standing, TopicStanding
from rung.reputation.rules import EXPERT_ANSWER_POINTS, EXPERTS_RECENT

# How long a computed list is kept, and the width of the time bucket its key carries.
EXPERTS_CACHE_SECONDS = 300
WINDOW_RECENT = "recent"
WINDOW_ALL = "all"
WINDOWS = (WINDOW_RECENT, WINDOW_ALL)
_LIKE_REASONS = (CreditReason.ANSWER_LIKED, CreditReason.REPLY_LIKED, CreditReason.QUESTION_LIKED)
# The most members a recent list ranks; deeper pages are empty.
RECENT_DEPTH = 500


@dataclass(frozen=True)
class Expert:
    """One member's place in a list: their points and what earned them."""

    member: User
    points: int
    answers: int
    helpful: int
    likes: int


@dataclass(frozen=True)
class _Row:
    member_id: int
    points: int
    answers: int
    helpful: int
    likes: int


def _members(ids: Iterable[int]) -> dict[int, User]:
    wanted = list(ids)
    if not wanted:
        return {}
    return {
        member.pk: member
        for member in User.objects.filter(pk__in=wanted, is_active=True).select_related("level")
    }


def _experts(rows: list[_Row], members: dict[int, User] | None = None) -> list[Expert]:
    found = _members(row.member_id for row in rows) if members is None else members
    return [
        Expert(
            member=found[row.member_id],
            points=row.points,
            answers=row.answers,
            helpful=row.helpful,
            likes=row.likes,
        )
        for row in rows
        if row.member_id in found
    ]


def _public_answers(since: datetime.datetime) -> QuerySet[Answer]:
    """Public answers (ledger.public_answers) by active members, since a time."""
    return ledger.public_answers().filter(created_at__gte=since, author__is_active=True)


def _public_credits(since: datetime.datetime) -> QuerySet[Credit]:
    return Credit.objects.filter(
        anonymous=False,
        created_at__gte=since,
        member__is_active=True,
        question__is_deleted=False,
        question__visibility=Visibility.PUBLISHED,
    )


def _answer_counts(answers: QuerySet[Answer]) -> dict[int, int]:
    """Count answers per author, in one query."""
    rows = answers.order_by().values("author_id").annotate(n=Count("pk"))
    return dict(rows.values_list("author_id", "n"))


def _credit_totals(credits: QuerySet[Credit]) -> dict[int, tuple[int, int, int]]:
    """Sum credits per member as (points, helpful marks, likes), in one query."""
    rows = (
        credits.order_by()
        .values("member_id")
        .annotate(
            points=Sum("points"),
            helpful=Count("pk", filter=Q(reason=CreditReason.HELPFUL)),
            likes=Count("pk", filter=Q(reason__in=_LIKE_REASONS)),
        )
        .values_list("member_id", "points", "helpful", "likes")
    )
    return {member: (points or 0, helpful, likes) for member, points, helpful, likes in rows}


def _rank_recent(answers: QuerySet[Answer], credits: QuerySet[Credit]) -> list[_Row]:
    """Sum answers and credits per member (two queries); best first, then by member id."""
    totals: dict[int, list[int]] = {
        author: [count * EXPERT_ANSWER_POINTS, count, 0, 0]
        for author, count in _answer_counts(answers).items()
    }
    for member_id, (points, helpful, likes) in _credit_totals(credits).items():
        entry = totals.setdefault(member_id, [0, 0, 0, 0])
        entry[0] += points
        entry[2] += helpful
        entry[3] += likes
    rows = [
        _Row(member_id=m, points=p, answers=a, helpful=h, likes=k)
        for m, (p, a, h, k) in totals.items()
        if p > 0
    ]
    rows.sort(key=lambda row: (-row.points, row.member_id))
    return rows[:RECENT_DEPTH]


def topic_experts_all_time(topic: Topic, limit: int, offset: int = 0) -> list[Expert]:
    """Return a topic's top members by their points there, in one query."""
    standings = (
        TopicStanding.objects.filter(topic=topic, points__gt=0, member__is_active=True)
        .select_related("member", "member__level")
        .order_by("-points", "member_id")[offset : offset + limit]
    )
    return [
        Expert(
            member=standing.member,
            points=standing.points,
            answers=standing.answers,
            helpful=standing.helpful,
            likes=standing.likes,
        )
        for standing in standings
    ]


def topic_experts_recent(
    topic: Topic, now: datetime.datetime, limit: int, offset: int = 0
) -> list[Expert]:
    """Return a topic's top members over the last EXPERTS_RECENT days, in three queries.

    Points: EXPERT_ANSWER_POINTS per public answer on the topic's questions in the window,
    plus what credits earned in the window on answers there gave.
    """
    since = now - EXPERTS_RECENT
    questions = QuestionTopic.objects.filter(topic=topic).values("question_id")
    rows = _rank_recent(
        _public_answers(since).filter(question_id__in=questions),
        _public_credits(since).filter(question_id__in=questions, answer__isnull=False),
    )
    return _experts(rows[offset : offset + limit])


def site_experts_all_time(limit: int, offset: int = 0) -> list[Expert]:
    """Return the site's top members by public reputation, in three queries.

    Their answers, helpful marks and likes are counted for the members shown only.
    """
    standings = list(
        Standing.objects.filter(reputation__gt=0, member__is_active=True)
        .select_related("member", "member__level")
        .order_by("-reputation", "member_id")[offset : offset + limit]
    )
    ids = [standing.member_id for standing in standings]
    answers: dict[int, int] = {}
    counts: dict[int, tuple[int, int, int]] = {}
    if ids:
        epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
        answers = _answer_counts(_public_answers(epoch).filter(author_id__in=ids))
        counts = _credit_totals(Credit.objects.filter(anonymous=False, member_id__in=ids))
    return [
        Expert(
            member=standing.member,
            points=standing.reputation,
            answers=answers.get(standing.member_id, 0),
            helpful=counts.get(standing.member_id, (0, 0, 0))[1],
            likes=counts.get(standing.member_id, (0, 0, 0))[2],
        )
        for standing in standings
    ]


def site_experts_recent(now: datetime.datetime, limit: int, offset: int = 0) -> list[Expert]:
    """Return the site's top members by public credits over the last EXPERTS_RECENT days.

    Their public answers in the window are counted beside them (they add no points here:
    the site's reputation is made of credits alone). Three queries.
    """
    since = now - EXPERTS_RECENT
    # What answers earned, as on the topic lists: a liked question is not expertise.
    credits = _credit_totals(_public_credits(since).filter(answer__isnull=False))
    earned = {member: totals for member, totals in credits.items() if totals[0] > 0}
    ranked = sorted(earned.items(), key=lambda item: (-item[1][0], item[0]))[:RECENT_DEPTH]
    shown = ranked[offset : offset + limit]
    ids = [member_id for member_id, _totals in shown]
    answers = _answer_counts(_public_answers(since).filter(author_id__in=ids)) if ids else {}
    rows = [
        _Row(member_id=m, points=p, answers=answers.get(m, 0), helpful=h, likes=k)
        for m, (p, h, k) in shown
    ]
    return _experts(rows)


def experts_bucket(now: datetime.datetime | None = None) -> int:
    """Return the time bucket a kept list belongs to: it changes every EXPERTS_CACHE_SECONDS."""
    moment = now or timezone.now()
    return int(moment.timestamp()) // EXPERTS_CACHE_SECONDS


def experts_cached(window: str, topic: Topic | None, limit: int, offset: int = 0) -> list[Expert]:
    """Return a list from the shared cache, computing it at most once per time bucket."""
    now = timezone.now()
    key = ":".join(
        [
            "experts",
            "1",
            window,
            str(topic.pk if topic else 0),
            str(limit),
            str(offset),
            str(experts_bucket(now)),
            people_version(),
        ]
    )
    kept: list[Expert] | None = cache.get(key)
    if kept is None:
        compute: Callable[[], list[Expert]]
        if topic is None:
            if window == WINDOW_RECENT:
                compute = lambda: site_experts_recent(now, limit, offset)  # noqa: E731
            else:
                compute = lambda: site_experts_all_time(limit, offset)  # noqa: E731
        elif window == WINDOW_RECENT:
            compute = lambda: topic_experts_recent(topic, now, limit, offset)  # noqa: E731
        else:
            compute = lambda: topic_experts_all_time(topic, limit, offset)  # noqa: E731
        kept = compute()
        cache.set(key, kept, EXPERTS_CACHE_SECONDS)
    return kept
