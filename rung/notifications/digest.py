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
from django.db.models import OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rung.accounts.models import User
from rung.accounts.selectors import members_to_mail
from rung.core.mail import site_link
from rung.notifications import digest_reads as reads
from rung.notifications import mailing
from rung.notifications.mailing import MailLine
from rung.notifications.models import (
    DigestFrequency,
    MailSettings,
    MailState,
    Notification,
)
from rung.notifications.unsubscribe import DIGEST
from rung.qa.models import Topic

logger = logging.getLogger(__name__)

BATCH = 500
PERIODS = {DigestFrequency.DAILY: timedelta(days=1), DigestFrequency.WEEKLY: timedelta(days=7)}
# A digest comes due this much early, so one sent at nine each Monday stays at nine rather
# than drifting later by one run's interval every week.
SLACK = timedelta(minutes=10)
QUESTIONS_SHOWN = 10
SUGGESTIONS = 5


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


# --- writing one member's digest ---------------------------------------------------------


def _line(question: reads.DigestQuestion, topic_names: dict[int, str]) -> QuestionLine:
    path = reverse("qa:question", args=[question.pk])
    return QuestionLine(
        question_id=question.pk,
        title=question.title,
        url=site_link(path),
        topic=topic_names.get(question.topic_id, ""),
        created_at=question.created_at,
    )


def _pick(
    questions: Iterable[reads.DigestQuestion],
    *,
    member_id: int,
    topics: set[int],
    skip: set[int],
    follows: reads.Follows,
    placements: dict[int, set[int]],
) -> list[reads.DigestQuestion]:
    """The questions in `topics` one member should see, each once, in the order given."""
    muted_topics = follows.muted_topics[member_id]
    muted_questions = follows.muted_questions[member_id]
    picked: list[reads.DigestQuestion] = []
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
                "all_url": site_link(reverse("notifications:list")),
                "home_url": site_link(reverse("home")),
            },
            unsubscribe_what=[DIGEST],
        )


def _digests(candidates: Sequence[_Candidate], now: datetime) -> list[Digest]:
    """Build the digests of claimed members from a fixed number of queries."""
    ids = [c.member.pk for c in candidates]
    follows = reads.follows_of(ids)
    earliest = min(c.since(now) for c in candidates)
    followed = set().union(*follows.topics.values()) if follows.topics else set()
    new = reads.new_questions(followed, earliest, now)
    answered = reads.answered_topics(ids)
    unanswered = reads.unanswered(set().union(*answered.values()) if answered else set(), now)
    placements = reads.placements([q.pk for q in new] + [q.pk for q in unanswered])
    names = dict(
        Topic.objects.filter(pk__in={q.topic_id for q in [*new, *unanswered]}).values_list(
            "pk", "name"
        )
    )
    notices, counts, notice_questions = reads.waiting_notices(ids, now)
    # Most questions go to many members of a batch: each line is written once.
    lines: dict[tuple[int, int], QuestionLine] = {}

    def line(question: reads.DigestQuestion) -> QuestionLine:
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
