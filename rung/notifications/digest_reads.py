"""What a batch of digests reads: follows, new and unanswered questions, waiting notices.

Each function reads for a whole batch of members (rung/notifications/digest.py) in one or
two queries, whatever the batch's size, and returns plain values keyed by member.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber

from rung.notifications.models import Follow, MailState, Notification, WatchLevel
from rung.qa.models import QuestionTopic, Visibility

NOTICES_SHOWN = 30
# Questions older than this are not suggested: they have found their answerers or not.
SUGGEST_WITHIN = timedelta(days=30)
# The newest unanswered questions read per topic, of which each member gets a few.
SUGGEST_PER_TOPIC = 20


@dataclass
class Follows:
    topics: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    muted_topics: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    muted_questions: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))


def follows_of(user_ids: Sequence[int]) -> Follows:
    follows = Follows()
    rows = (
        Follow.objects.filter(user_id__in=user_ids)
        .filter(Q(topic__isnull=False) | Q(question__isnull=False, level=WatchLevel.MUTED))
        .values_list("user_id", "topic_id", "question_id", "level")
    )
    for user_id, topic_id, question_id, level in rows:
        if topic_id is None:
            follows.muted_questions[user_id].add(question_id)
        elif level == WatchLevel.MUTED:
            follows.muted_topics[user_id].add(topic_id)
        else:
            follows.topics[user_id].add(topic_id)
    return follows


@dataclass(frozen=True)
class DigestQuestion:
    pk: int
    title: str
    author_id: int
    created_at: datetime
    topic_id: int  # the topic it was found through


def _visible() -> Q:
    return Q(
        is_visible=True,
        question__is_deleted=False,
        question__visibility=Visibility.PUBLISHED,
    )


def new_questions(topic_ids: Iterable[int], since: datetime, now: datetime) -> list[DigestQuestion]:
    """Questions asked in these topics in the window, newest first, one row per placement."""
    topic_ids = sorted(set(topic_ids))
    if not topic_ids:
        return []
    rows = (
        QuestionTopic.objects.filter(_visible(), topic_id__in=topic_ids)
        .filter(question__created_at__gt=since, question__created_at__lte=now)
        .order_by("-question__created_at", "-question_id")
        .values_list(
            "question_id",
            "question__title",
            "question__author_id",
            "question__created_at",
            "topic_id",
        )
    )
    return [DigestQuestion(*row) for row in rows]


def answered_topics(user_ids: Sequence[int]) -> dict[int, set[int]]:
    """The topics each member answered a question in before."""
    rows = (
        QuestionTopic.objects.filter(
            question__answers__author_id__in=user_ids,
            question__answers__parent__isnull=True,
            question__answers__is_deleted=False,
        )
        .values_list("question__answers__author_id", "topic_id")
        .distinct()
    )
    found: dict[int, set[int]] = defaultdict(set)
    for user_id, topic_id in rows:
        found[user_id].add(topic_id)
    return found


def unanswered(topic_ids: Iterable[int], now: datetime) -> list[DigestQuestion]:
    """The newest questions nobody answered yet in each of these topics, newest first."""
    topic_ids = sorted(set(topic_ids))
    if not topic_ids:
        return []
    rows = (
        QuestionTopic.objects.filter(_visible(), topic_id__in=topic_ids, answer_count=0)
        .filter(
            question__answer_count=0,
            question__accepted_answer__isnull=True,
            question__locked_at__isnull=True,
            question__closed_at__isnull=True,
            question__created_at__gte=now - SUGGEST_WITHIN,
        )
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("topic_id")],
                order_by=[F("created_at").desc(), F("question_id").desc()],
            )
        )
        .filter(rank__lte=SUGGEST_PER_TOPIC)
        .values_list(
            "question_id",
            "question__title",
            "question__author_id",
            "question__created_at",
            "topic_id",
        )
    )
    return sorted(
        (DigestQuestion(*row) for row in rows), key=lambda q: (q.created_at, q.pk), reverse=True
    )


def placements(question_ids: Iterable[int]) -> dict[int, set[int]]:
    """Every topic of each question, so a question in a muted topic stays out."""
    ids = sorted(set(question_ids))
    found: dict[int, set[int]] = defaultdict(set)
    if ids:
        rows = QuestionTopic.objects.filter(question_id__in=ids).values_list(
            "question_id", "topic_id"
        )
        for question_id, topic_id in rows:
            found[question_id].add(topic_id)
    return found


def waiting_notices(
    user_ids: Sequence[int], now: datetime
) -> tuple[dict[int, list[Notification]], dict[int, int], dict[int, set[int]]]:
    """The notices this run took for the digest: the newest per member, counts, questions."""
    taken = Notification.objects.filter(
        recipient_id__in=user_ids, mail_state=MailState.DIGESTED, mailed_at=now
    )
    counts = dict(
        taken.order_by()
        .values_list("recipient_id")
        .annotate(n=Count("pk"))
        .values_list("recipient_id", "n")
    )
    questions: dict[int, set[int]] = defaultdict(set)
    for user_id, question_id in (
        taken.filter(question_id__isnull=False)
        .order_by()
        .values_list("recipient_id", "question_id")
        .distinct()
    ):
        questions[user_id].add(question_id)
    newest = (
        taken.select_related("actor", "question", "topic")
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("recipient_id")],
                order_by=[F("created_at").desc(), F("pk").desc()],
            )
        )
        .filter(rank__lte=NOTICES_SHOWN)
    )
    shown: dict[int, list[Notification]] = defaultdict(list)
    for notice in newest:
        shown[notice.recipient_id].append(notice)
    return shown, counts, questions
