"""The digest: a daily or weekly mail of what a member follows, and questions they could answer.

`digests_send` (run by `manage.py notifications_due`) finds the members whose digest is due
(`MailSettings.digest` daily or weekly, weekly by default; the last one sent a day or a week
ago, or none yet and the member joined before that) a batch at a time. For each batch it
claims the members with one conditional UPDATE of `digest_sent_at` and, in the same
transaction, moves their DIGEST notices to DIGESTED: two runs that overlap never both send
a member's digest, and no notice is in two digests. Then it reads what the batch needs in a
fixed number of queries, whatever the batch's size, and writes each member's mail:

- the notices that waited for the digest, grouped as on the notifications page;
- new questions since the last digest in the levels and topics they track or watch (not
  their own, not in a topic or question they muted, published and not deleted);
- up to five questions with no answer yet in levels and topics where they answered before.

A member with nothing new gets no mail; their digest time still moves on. If the mail
server fails for a while, the members of the batch not yet mailed are put back as they were
and the run stops, so the next run tries them again.
"""

import logging
import smtplib
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.core.mail import EmailMultiAlternatives, mailers
from django.db import connection, transaction
from django.db.models import Count, F, OuterRef, Q, Subquery, Value, Window
from django.db.models.functions import Coalesce, RowNumber
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rung.accounts.models import User
from rung.accounts.selectors import members_to_mail
from rung.notifications import mailing
from rung.notifications.mailing import MailLine
from rung.notifications.models import (
    DigestFrequency,
    Follow,
    MailSettings,
    MailState,
    Notification,
    WatchLevel,
)
from rung.notifications.unsubscribe import DIGEST
from rung.qa.models import QuestionTopic, Topic, Visibility

logger = logging.getLogger(__name__)

BATCH = 500
PERIODS = {DigestFrequency.DAILY: timedelta(days=1), DigestFrequency.WEEKLY: timedelta(days=7)}
# A digest comes due this much early, so one sent at nine each Monday stays at nine rather
# than drifting later by one run's interval every week.
SLACK = timedelta(minutes=10)
NOTICES_SHOWN = 30
QUESTIONS_SHOWN = 10
SUGGESTIONS = 5
# Questions older than this are not suggested: they have found their answerers or not.
SUGGEST_WITHIN = timedelta(days=30)
# The newest unanswered questions read per topic, of which each member gets SUGGESTIONS.
SUGGEST_PER_TOPIC = 20


@dataclass(frozen=True)
class QuestionLine:
    question_id: int
    title: str
    url: str
    topic: str
    created_at: datetime


@dataclass
class Digest:
    member: User
    frequency: DigestFrequency
    since: datetime
    notices: list[MailLine] = field(default_factory=list)
    notices_more: int = 0
    questions: list[QuestionLine] = field(default_factory=list)
    questions_more: int = 0
    suggestions: list[QuestionLine] = field(default_factory=list)

    @property
    def has_news(self) -> bool:
        """Whether there is anything new to tell: a suggestion seen before is not news."""
        return bool(
            self.notices
            or self.questions
            or any(line.created_at > self.since for line in self.suggestions)
        )


@dataclass
class _Candidate:
    member: User
    frequency: DigestFrequency
    last: datetime | None

    def since(self, now: datetime) -> datetime:
        return self.last or now - PERIODS[self.frequency]


@dataclass
class Report:
    members: int = 0
    sent: int = 0
    stopped: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {"members": self.members, "sent": self.sent, "stopped": self.stopped}


# --- who is due --------------------------------------------------------------------------


def _due_condition(now: datetime) -> Q:
    due = Q()
    for frequency, period in PERIODS.items():
        cutoff = now - period + SLACK
        due |= Q(frequency=frequency) & (
            Q(last_digest__lte=cutoff) | Q(last_digest__isnull=True, date_joined__lte=cutoff)
        )
    return due


def due_members(now: datetime, *, after: int = 0, limit: int = BATCH) -> list[_Candidate]:
    """The next members (by id, after `after`) whose digest is due, in one query."""
    row = MailSettings.objects.filter(user=OuterRef("pk"))
    members = (
        members_to_mail()
        .filter(pk__gt=after)
        .annotate(
            frequency=Coalesce(Subquery(row.values("digest")[:1]), Value(DigestFrequency.WEEKLY)),
            last_digest=Subquery(row.values("digest_sent_at")[:1]),
        )
        .filter(_due_condition(now))
        .only("pk", "email", "username", "display_name", "ui_language", "date_joined")
        .order_by("pk")[:limit]
    )
    return [_Candidate(m, DigestFrequency(m.frequency), m.last_digest) for m in members]


def _claim(user_ids: Sequence[int], now: datetime) -> list[int]:
    """Set digest_sent_at for the members still due; return those this call set.

    One conditional UPDATE with RETURNING: a member another run claimed first no longer
    matches when this UPDATE reaches their row.
    """
    if not user_ids:
        return []
    ops = connection.ops
    table = ops.quote_name(MailSettings._meta.db_table)
    marks = ", ".join(["%s"] * len(user_ids))
    due = " OR ".join(
        ["(digest = %s AND (digest_sent_at IS NULL OR digest_sent_at <= %s))"] * len(PERIODS)
    )
    params: list[Any] = [ops.adapt_datetimefield_value(now), *user_ids]
    for frequency, period in PERIODS.items():
        params += [str(frequency), ops.adapt_datetimefield_value(now - period + SLACK)]
    sql = (
        f"UPDATE {table} SET digest_sent_at = %s "
        f"WHERE user_id IN ({marks}) AND ({due}) RETURNING user_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


# --- what the batch needs ----------------------------------------------------------------


@dataclass
class _Follows:
    topics: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    muted_topics: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    muted_questions: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))


def _follows(user_ids: Sequence[int]) -> _Follows:
    follows = _Follows()
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
class _Question:
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


def _new_questions(topic_ids: Iterable[int], since: datetime, now: datetime) -> list[_Question]:
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
    return [_Question(*row) for row in rows]


def _answered_topics(user_ids: Sequence[int]) -> dict[int, set[int]]:
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


def _unanswered(topic_ids: Iterable[int], now: datetime) -> list[_Question]:
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
        (_Question(*row) for row in rows), key=lambda q: (q.created_at, q.pk), reverse=True
    )


def _placements(question_ids: Iterable[int]) -> dict[int, set[int]]:
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


def _waiting_notices(
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


# --- writing one member's digest ---------------------------------------------------------


def _line(question: _Question, topic_names: dict[int, str]) -> QuestionLine:
    path = reverse("qa:question", args=[question.pk])
    return QuestionLine(
        question_id=question.pk,
        title=question.title,
        url=mailing.site_link(path),
        topic=topic_names.get(question.topic_id, ""),
        created_at=question.created_at,
    )


def _pick(
    questions: Iterable[_Question],
    *,
    member_id: int,
    topics: set[int],
    skip: set[int],
    follows: _Follows,
    placements: dict[int, set[int]],
) -> list[_Question]:
    """The questions in `topics` one member should see, each once, in the order given."""
    muted_topics = follows.muted_topics[member_id]
    muted_questions = follows.muted_questions[member_id]
    picked: list[_Question] = []
    seen = set(skip)
    for question in questions:
        if question.pk in seen or question.topic_id not in topics:
            continue
        if question.author_id == member_id or question.pk in muted_questions:
            continue
        if placements.get(question.pk, set()) & muted_topics:
            continue
        seen.add(question.pk)
        picked.append(question)
    return picked


def digest_message(digest: Digest) -> EmailMultiAlternatives:
    """Write a member's digest mail, in their language."""
    with translation.override(mailing.mail_language(digest.member)):
        if digest.frequency == DigestFrequency.DAILY:
            subject = _("Your daily digest from Rung")
        else:
            subject = _("Your weekly digest from Rung")
        more_notices = ngettext(
            "and %(n)d more on your notifications page",
            "and %(n)d more on your notifications page",
            digest.notices_more,
        ) % {"n": digest.notices_more}
        more_questions = ngettext(
            "and %(n)d more new question", "and %(n)d more new questions", digest.questions_more
        ) % {"n": digest.questions_more}
        return mailing.mail_message(
            digest.member,
            subject=subject,
            template="digest",
            context={
                "digest": digest,
                "daily": digest.frequency == DigestFrequency.DAILY,
                "more_notices": more_notices,
                "more_questions": more_questions,
                "all_url": mailing.site_link(reverse("notifications:list")),
                "home_url": mailing.site_link(reverse("home")),
            },
            unsubscribe_what=[DIGEST],
        )


def _digests(candidates: Sequence[_Candidate], now: datetime) -> list[Digest]:
    """Build the digests of claimed members from a fixed number of queries."""
    ids = [c.member.pk for c in candidates]
    follows = _follows(ids)
    earliest = min(c.since(now) for c in candidates)
    followed = set().union(*follows.topics.values()) if follows.topics else set()
    new = _new_questions(followed, earliest, now)
    answered = _answered_topics(ids)
    unanswered = _unanswered(set().union(*answered.values()) if answered else set(), now)
    placements = _placements([q.pk for q in new] + [q.pk for q in unanswered])
    names = dict(
        Topic.objects.filter(pk__in={q.topic_id for q in [*new, *unanswered]}).values_list(
            "pk", "name"
        )
    )
    notices, counts, notice_questions = _waiting_notices(ids, now)
    # Most questions go to many members of a batch: each line is written once.
    lines: dict[tuple[int, int], QuestionLine] = {}

    def line(question: _Question) -> QuestionLine:
        key = (question.pk, question.topic_id)
        if key not in lines:
            lines[key] = _line(question, names)
        return lines[key]

    digests = []
    for candidate in candidates:
        member_id = candidate.member.pk
        since = candidate.since(now)
        questions = _pick(
            (q for q in new if q.created_at > since),
            member_id=member_id,
            topics=follows.topics[member_id],
            skip=notice_questions[member_id],
            follows=follows,
            placements=placements,
        )
        suggestions = _pick(
            unanswered,
            member_id=member_id,
            topics=answered.get(member_id, set()),
            skip=notice_questions[member_id] | {q.pk for q in questions},
            follows=follows,
            placements=placements,
        )[:SUGGESTIONS]
        digest = Digest(member=candidate.member, frequency=candidate.frequency, since=since)
        with translation.override(mailing.mail_language(candidate.member)):
            digest.notices = mailing.notice_lines(notices.get(member_id, []))
        shown = len(notices.get(member_id, []))
        digest.notices_more = counts.get(member_id, 0) - shown
        digest.questions = [line(q) for q in questions[:QUESTIONS_SHOWN]]
        digest.questions_more = max(0, len(questions) - QUESTIONS_SHOWN)
        digest.suggestions = [line(q) for q in suggestions]
        digests.append(digest)
    return digests


# --- the run -----------------------------------------------------------------------------


def _put_back(candidates: Sequence[_Candidate], now: datetime) -> None:
    """Undo this run's claim on members it could not mail, so the next run tries again."""
    if not candidates:
        return
    by_last: dict[datetime | None, list[int]] = defaultdict(list)
    for candidate in candidates:
        by_last[candidate.last].append(candidate.member.pk)
    ids = [c.member.pk for c in candidates]
    with transaction.atomic():
        for last, members in by_last.items():
            MailSettings.objects.filter(user_id__in=members, digest_sent_at=now).update(
                digest_sent_at=last
            )
        Notification.objects.filter(
            recipient_id__in=ids, mail_state=MailState.DIGESTED, mailed_at=now
        ).update(mail_state=MailState.DIGEST, mailed_at=None)


def _batch(candidates: list[_Candidate], now: datetime, report: Report) -> None:
    ids = [c.member.pk for c in candidates]
    # Members who never changed a setting have no row yet: the claim needs one.
    MailSettings.objects.bulk_create(
        [MailSettings(user_id=pk) for pk in ids], ignore_conflicts=True, batch_size=BATCH
    )
    with transaction.atomic():
        claimed = set(_claim(ids, now))
        Notification.objects.filter(recipient_id__in=claimed, mail_state=MailState.DIGEST).update(
            mail_state=MailState.DIGESTED, mailed_at=now
        )
    mine = [c for c in candidates if c.member.pk in claimed]
    if not mine:
        return
    report.members += len(mine)
    digests = [d for d in _digests(mine, now) if d.has_news]
    if not digests:
        return
    backend = mailers.default
    unsent = deque(digests)
    try:
        backend.open()
        while unsent:
            report.sent += _send_one(backend, unsent[0])
            unsent.popleft()
    except (smtplib.SMTPException, OSError) as error:
        logger.error("Digests stopped, the mail server failed: %s", error)
        left = {d.member.pk for d in unsent}
        _put_back([c for c in mine if c.member.pk in left], now)
        report.stopped = True
    finally:
        backend.close()


def _send_one(backend: Any, digest: Digest) -> int:
    """Send one digest; return 1 if sent, 0 if given up; raise if the server failed for now."""
    try:
        message = digest_message(digest)
    except Exception:
        # A digest this code cannot write would fail on every run: skip it, loudly.
        logger.exception("Could not write member %d's digest", digest.member.pk)
        return 0
    try:
        backend.send_messages([message])
    except (smtplib.SMTPException, OSError) as error:
        if not mailing.permanent(error):
            raise
        logger.warning("The mail server refused member %d's digest: %s", digest.member.pk, error)
        return 0
    return 1


def digests_send(now: datetime | None = None) -> dict[str, Any]:
    """Send every digest that is due; return how many members were due and how many mailed."""
    now = now or timezone.now()
    report = Report()
    after = 0
    while not report.stopped:
        candidates = due_members(now, after=after)
        if not candidates:
            break
        after = candidates[-1].member.pk
        _batch(candidates, now, report)
    return report.as_dict()


def digest_waiting_release(now: datetime | None = None) -> int:
    """Take notices out of the digest for members who will get none; return how many."""
    never = MailSettings.objects.filter(digest=DigestFrequency.NEVER).values("user_id")
    return (
        Notification.objects.filter(mail_state=MailState.DIGEST)
        .filter(Q(recipient_id__in=never) | Q(recipient__is_active=False))
        .update(mail_state=MailState.NONE)
    )
