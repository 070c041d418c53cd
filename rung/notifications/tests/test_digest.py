"""The daily and weekly digest: who is due, what it lists, and that it comes once.

A digest lists the notices that waited for it, new questions in the levels and topics the
member tracks or watches (never their own, muted or unpublished ones), and a few questions
nobody answered yet where the member answered before. It is sent only when something is
new, once per period, and costs the same queries for a batch of any size.
"""

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from rung.accounts.models import User
from rung.notifications import digest, due_work, services
from rung.notifications.kinds import Delivery
from rung.notifications.models import (
    DigestFrequency,
    Follow,
    MailSettings,
    MailState,
    Notification,
    WatchLevel,
)
from rung.notifications.preferences import mail_choices_save
from rung.qa.models import Question, Topic
from rung.testing import make_answer, make_member, make_question
from rung.testing.smtp import LoopbackSMTP, loopback_smtp

pytestmark = pytest.mark.django_db

WEEK = timedelta(days=7)


@pytest.fixture
def now() -> datetime:
    return timezone.now()


@pytest.fixture
def smtp(settings: Any) -> Iterator[LoopbackSMTP]:
    with loopback_smtp(settings) as server:
        yield server


def _joined(member: User, days: int = 30) -> User:
    User.objects.filter(pk=member.pk).update(date_joined=timezone.now() - timedelta(days=days))
    member.refresh_from_db()
    return member


def _topic(slug: str) -> Topic:
    return Topic.objects.get(slug=slug)


def _follow(member: User, slug: str, level: WatchLevel = WatchLevel.TRACKING) -> None:
    Follow.objects.create(user=member, topic=_topic(slug), level=level)


def _asked(author: User, slugs: list[str], title: str, **fields: Any) -> Question:
    return make_question(author, topics=slugs, title=title, **fields)


def _mails_to(member: User) -> list[Any]:
    return [m for m in mail.outbox if m.to == [member.email]]


def _body(message: Any) -> str:
    return str(message.body)


# --- who is due --------------------------------------------------------------------------


def test_members_are_due_once_their_period_has_passed(now: datetime) -> None:
    def member(name: str, joined_days: int, **settings: Any) -> User:
        m = _joined(make_member(name), joined_days)
        if settings:
            MailSettings.objects.create(user=m, **settings)
        return m

    due = {
        member("weekly_new_row", 30),
        member("weekly_sent_8d", 30, digest_sent_at=now - timedelta(days=8)),
        member("daily_sent_25h", 30, digest="daily", digest_sent_at=now - timedelta(hours=25)),
        member("daily_joined_2d", 2, digest="daily"),
    }
    not_due = {
        member("weekly_joined_3d", 3),
        member("weekly_sent_3d", 30, digest_sent_at=now - timedelta(days=3)),
        member("daily_sent_2h", 30, digest="daily", digest_sent_at=now - timedelta(hours=2)),
        member("never", 30, digest="never"),
    }
    left = member("left", 30)
    User.objects.filter(pk=left.pk).update(is_active=False)
    no_address = member("no_address", 30)
    User.objects.filter(pk=no_address.pk).update(email="")
    found = {c.member.pk for c in digest.due_members(now)}
    assert found == {m.pk for m in due}
    assert not found & {m.pk for m in not_due | {left, no_address}}


def test_due_members_come_in_batches(now: datetime) -> None:
    members = [_joined(make_member(f"batch{i}")) for i in range(5)]
    first = digest.due_members(now, limit=2)
    rest = digest.due_members(now, after=first[-1].member.pk, limit=10)
    assert [c.member.pk for c in first + rest] == [m.pk for m in members]


# --- what a digest says ------------------------------------------------------------------


@pytest.fixture
def reader(bob: User) -> User:
    """Bob tracks the mid-level, watches performance reviews and mutes the junior level."""
    _joined(bob)
    _follow(bob, "mid-level")
    _follow(bob, "performance-reviews", WatchLevel.WATCHING)
    _follow(bob, "junior", WatchLevel.MUTED)
    return bob


def test_a_digest_lists_new_questions_where_the_member_follows(
    reader: User, alice: User, charlie: User
) -> None:
    tracked = _asked(alice, ["mid-level"], "Tracked: how do I lead a project?")
    watched = _asked(charlie, ["performance-reviews"], "Watched: how do I read my review?")
    both = _asked(charlie, ["mid-level", "performance-reviews"], "In both: listed once")
    _asked(alice, ["senior"], "Not followed: staff scope")
    _asked(alice, ["mid-level", "junior"], "In a muted topic too: hidden")
    _asked(reader, ["mid-level"], "Bob's own question")
    muted = _asked(alice, ["mid-level"], "A question bob muted")
    Follow.objects.create(user=reader, question=muted, level=WatchLevel.MUTED)
    deleted = _asked(alice, ["mid-level"], "Deleted before the digest")
    Question.objects.filter(pk=deleted.pk).update(is_deleted=True)
    held = _asked(alice, ["mid-level"], "Held for review")
    Question.objects.filter(pk=held.pk).update(visibility="held")
    old = _asked(alice, ["mid-level"], "Asked before the last digest")
    Question.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=9))

    now = timezone.now()
    report = digest.digests_send(now)
    assert report == {"members": 1, "sent": 1, "stopped": False}
    (message,) = _mails_to(reader)
    assert message.subject == "Your weekly digest from Rung"
    body = _body(message)
    for question in (tracked, watched, both):
        assert question.title in body
        assert f"/questions/{question.pk}/" in body
    assert body.count("In both: listed once") == 1
    for hidden in (
        "Not followed",
        "In a muted topic too",
        "Bob's own question",
        "A question bob muted",
        "Deleted before",
        "Held for review",
        "Asked before the last digest",
    ):
        assert hidden not in body
    html = message.alternatives[0].content
    assert tracked.title in html


def test_a_digest_lists_the_notices_that_waited_for_it_and_takes_them(
    reader: User, alice: User, question: Question
) -> None:
    mail_choices_save(reader, deliveries={"like": Delivery.DIGEST})
    answer = make_answer(question, reader)
    services.notice_like(
        recipient_id=reader.pk,
        actor_id=alice.pk,
        kind="answer",
        post_id=answer.pk,
        question_id=question.pk,
    )
    notice = Notification.objects.get(recipient=reader)
    assert notice.mail_state == MailState.DIGEST
    now = timezone.now()
    digest.digests_send(now)
    (message,) = _mails_to(reader)
    assert "Alice Chen liked your answer on" in _body(message)
    notice.refresh_from_db()
    assert notice.mail_state == MailState.DIGESTED
    assert notice.mailed_at == now


def test_a_digest_suggests_unanswered_questions_where_the_member_answered_before(
    reader: User, alice: User, charlie: User
) -> None:
    earlier = _asked(alice, ["senior"], "Earlier senior question")
    make_answer(earlier, reader)
    Question.objects.filter(pk=earlier.pk).update(created_at=timezone.now() - timedelta(days=40))
    open_question = _asked(charlie, ["senior"], "Nobody answered: staff promotion packet")
    answered = _asked(charlie, ["senior"], "Answered already")
    make_answer(answered, alice)
    _asked(reader, ["senior"], "Bob's own unanswered")
    _asked(charlie, ["engineering-manager"], "Unanswered where bob never answered")
    too_old = _asked(charlie, ["senior"], "Unanswered for months")
    Question.objects.filter(pk=too_old.pk).update(created_at=timezone.now() - timedelta(days=60))

    now = timezone.now()
    digest.digests_send(now)
    (message,) = _mails_to(reader)
    body = _body(message)
    assert "Questions you could answer" in body
    assert open_question.title in body
    for absent in ("Answered already", "Bob's own", "where bob never answered", "for months"):
        assert absent not in body


def test_at_most_five_suggestions(reader: User, charlie: User) -> None:
    make_answer(_asked(charlie, ["senior"], "Earlier"), reader)
    titles = [_asked(charlie, ["senior"], f"Open question number {i}").title for i in range(8)]
    now = timezone.now()
    digest.digests_send(now)
    body = _body(_mails_to(reader)[0])
    assert sum(title in body for title in titles) == 5
    # Newest first.
    assert titles[-1] in body
    assert titles[0] not in body


def test_nothing_new_means_no_mail_but_the_digest_time_moves_on(
    reader: User, now: datetime
) -> None:
    assert digest.digests_send(now) == {"members": 1, "sent": 0, "stopped": False}
    assert mail.outbox == []
    assert MailSettings.objects.get(user=reader).digest_sent_at == now


def test_a_digest_is_sent_once_per_period(reader: User, alice: User) -> None:
    _asked(alice, ["mid-level"], "How do I lead a project?")
    now = timezone.now()
    digest.digests_send(now)
    digest.digests_send(now)
    digest.digests_send(now + timedelta(days=3))
    assert len(_mails_to(reader)) == 1
    _asked(alice, ["mid-level"], "Second week's question")
    digest.digests_send(now + WEEK)
    assert len(_mails_to(reader)) == 2
    assert "Second week's question" in _body(_mails_to(reader)[1])
    assert "How do I lead a project?" not in _body(_mails_to(reader)[1])


def test_a_daily_digest_covers_the_last_day(reader: User, alice: User) -> None:
    mail_choices_save(reader, digest=DigestFrequency.DAILY)
    _asked(alice, ["mid-level"], "Today's question")
    now = timezone.now()
    digest.digests_send(now)
    (message,) = _mails_to(reader)
    assert message.subject == "Your daily digest from Rung"
    assert "every day" in _body(message)


def test_a_digest_turned_off_never_comes(reader: User, alice: User) -> None:
    mail_choices_save(reader, digest=DigestFrequency.NEVER)
    _asked(alice, ["mid-level"], "How do I lead a project?")
    now = timezone.now()
    assert digest.digests_send(now)["members"] == 0
    assert mail.outbox == []


def test_a_digest_is_written_in_the_members_language(reader: User, alice: User) -> None:
    User.objects.filter(pk=reader.pk).update(ui_language="zh-hans")
    _asked(alice, ["mid-level"], "How do I lead a project?")
    now = timezone.now()
    digest.digests_send(now)
    (message,) = _mails_to(reader)
    assert message.subject == "Rung 每周摘要"
    assert "你关注的职级和话题中的新问题" in _body(message)


def test_an_anonymous_asker_is_never_named_in_a_digest(reader: User, alice: User) -> None:
    mail_choices_save(reader, deliveries={"reply": Delivery.DIGEST})
    question = _asked(alice, ["mid-level"], "Is my manager blocking me?", is_anonymous=True)
    answer = make_answer(question, reader)
    reply = make_answer(question, alice, parent=answer, body="Thanks")
    services.notify(
        [reader.pk],
        kind="reply",
        event_key=f"answer:{reply.pk}",
        actor_id=None,
        question_id=question.pk,
        answer_id=reply.pk,
    )
    now = timezone.now()
    digest.digests_send(now)
    (message,) = _mails_to(reader)
    text = _body(message) + message.alternatives[0].content
    assert "The asker replied to your answer" in text
    for secret in ("Alice", "alice", "Chen"):
        assert secret not in text


def test_the_digest_reaches_a_real_mail_server_with_its_headers(
    smtp: LoopbackSMTP, reader: User, alice: User
) -> None:
    _asked(alice, ["mid-level"], "How do I lead a project?")
    now = timezone.now()
    digest.digests_send(now)
    (message,) = smtp.messages
    assert message["Subject"] == "Your weekly digest from Rung"
    assert message["List-Unsubscribe"].startswith("<http")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.get_content_type() == "multipart/alternative"


def test_when_the_mail_server_fails_the_digest_waits_for_the_next_run(
    smtp: LoopbackSMTP, reader: User, alice: User
) -> None:
    mail_choices_save(reader, deliveries={"like": Delivery.DIGEST})
    question = _asked(alice, ["mid-level"], "How do I lead a project?")
    services.notice_like(
        recipient_id=reader.pk,
        actor_id=alice.pk,
        kind="question",
        post_id=question.pk,
        question_id=question.pk,
    )
    smtp.refuse(1)
    now = timezone.now()
    assert digest.digests_send(now)["stopped"] is True
    assert smtp.messages == []
    assert MailSettings.objects.get(user=reader).digest_sent_at is None
    assert Notification.objects.get(recipient=reader).mail_state == MailState.DIGEST
    later = now + timedelta(minutes=1)
    assert digest.digests_send(later)["sent"] == 1
    assert len(smtp.messages) == 1
    assert Notification.objects.get(recipient=reader).mail_state == MailState.DIGESTED


def test_a_batch_costs_the_same_queries_whatever_its_size(alice: User) -> None:
    def crowd(prefix: str, size: int) -> None:
        for i in range(size):
            member = _joined(make_member(f"{prefix}{i}"))
            _follow(member, "mid-level")
            _follow(member, "senior", WatchLevel.WATCHING)
            _follow(member, "junior", WatchLevel.MUTED)
            mail_choices_save(member, deliveries={"like": Delivery.DIGEST})
            services.notify(
                [member.pk], kind="like", event_key=f"like:{prefix}{i}", actor_id=alice.pk
            )
        make_answer(_asked(alice, ["senior"], f"{prefix} earlier"), member)
        _asked(alice, ["senior"], f"{prefix}: nobody answered yet")

    _asked(alice, ["mid-level"], "How do I lead a project?")
    crowd("small", 2)
    with CaptureQueriesContext(connection) as small:
        digest.digests_send(timezone.now())
    assert len(mail.outbox) == 2
    mail.outbox.clear()
    crowd("large", 12)
    with CaptureQueriesContext(connection) as large:
        digest.digests_send(timezone.now())
    assert len(mail.outbox) == 12

    def shapes(queries: Any) -> list[str]:
        return [q["sql"][:60] for q in queries.captured_queries if "SAVEPOINT" not in q["sql"]]

    assert shapes(large) == shapes(small)


# --- the periodic run ------------------------------------------------------------------


def test_the_command_runs_the_digests_and_registered_work(
    reader: User, alice: User, capsys: Any
) -> None:
    _asked(alice, ["mid-level"], "How do I lead a project?")
    seen: list[datetime] = []

    def outcome_prompts(when: datetime) -> int:
        seen.append(when)
        return 3

    def broken(when: datetime) -> None:
        raise RuntimeError("broken piece")

    due_work.register(broken)
    due_work.register(outcome_prompts)
    due_work.register(outcome_prompts)
    try:
        call_command("notifications_due", "--here")
    finally:
        due_work.unregister(broken)
        due_work.unregister(outcome_prompts)
    assert len(seen) == 1
    out = capsys.readouterr().out
    assert '"sent": 1' in out
    assert 'outcome_prompts": 3' in out
    assert "failed: RuntimeError" in out
    assert len(_mails_to(reader)) == 1


def test_the_command_enqueues_the_work_for_the_task_worker(
    reader: User, alice: User, settings: Any
) -> None:
    from django.tasks import task_backends
    from django.tasks.backends.dummy import DummyBackend

    _asked(alice, ["mid-level"], "How do I lead a project?")
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    call_command("notifications_due")
    backend = task_backends["default"]
    assert isinstance(backend, DummyBackend)
    (queued,) = [r for r in backend.results if r.task.name == "run_due"]
    assert mail.outbox == []
    queued.task.call()
    assert len(_mails_to(reader)) == 1


def test_the_command_refuses_a_bad_interval() -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="at least 1"):
        call_command("notifications_due", "--every", "0")


def test_notices_waiting_for_a_digest_that_never_comes_are_let_go(
    reader: User, alice: User, now: datetime
) -> None:
    mail_choices_save(reader, deliveries={"like": Delivery.DIGEST})
    services.notify([reader.pk], kind="like", event_key="like:1", actor_id=alice.pk)
    MailSettings.objects.filter(user=reader).update(digest=DigestFrequency.NEVER)
    assert digest.digest_waiting_release(now) == 1
    assert Notification.objects.get().mail_state == MailState.NONE


def test_forgotten_pending_notices_are_scheduled_again(
    alice: User, bob: User, question: Question, no_mail: list[list[int]], now: datetime
) -> None:
    from rung.notifications import mailing

    services.notify([alice.pk], kind="mention", event_key="m:1", actor_id=bob.pk)
    no_mail.clear()
    assert mailing.schedule_forgotten(now) == 0
    Notification.objects.update(created_at=now - timedelta(hours=4))
    assert mailing.schedule_forgotten(now) == 1
    assert no_mail == [[alice.pk]]
