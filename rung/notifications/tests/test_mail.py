"""Notification mail, sent to a real SMTP server on loopback and read as a mail program would.

A notice that reaches a member by e-mail is mailed after the collapse window, together with
every other one waiting for them, once, in their language, with links that open and a
one-click unsubscribe header; a refusing server means a later try, never a second mail.
"""

import contextlib
import re
from collections.abc import Iterator
from datetime import timedelta
from email.message import EmailMessage
from typing import Any
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.db import transaction
from django.tasks import task_backends
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rung.accounts.models import User
from rung.notifications import fanout, mailing, services, tasks_mail
from rung.notifications.models import Follow, MailState, Notification, WatchLevel
from rung.qa import services as qa_services
from rung.qa.models import Answer, Question, Topic
from rung.testing import make_answer, make_member, make_question
from rung.testing.smtp import LoopbackSMTP, loopback_smtp

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


@pytest.fixture
def smtp(settings: Any) -> Iterator[LoopbackSMTP]:
    settings.RUNG_SITE_URL = SITE
    with loopback_smtp(settings) as server:
        yield server


@pytest.fixture
def deferred(settings: Any) -> Any:
    """A task backend that keeps tasks (with their run_after) instead of running them."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    return task_backends["default"]


def _answered(question: Question, by: User, body: str = "Own one system end to end.") -> Answer:
    """Post an answer and tell the asker, as the worker does after the commit."""
    answer = make_answer(question, by, body=body)
    services.notify(
        [question.author_id],
        kind="answer",
        event_key=f"answer:{answer.pk}",
        actor_id=by.pk,
        question_id=question.pk,
        answer_id=answer.pk,
    )
    return answer


def _mail_tasks(backend: Any) -> list[Any]:
    """The mail tasks a backend holds (posting enqueues search's own tasks too)."""
    return [r for r in backend.results if r.task.func == tasks_mail.mail_notices.func]


def _text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def _html(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("html",))
    assert part is not None
    return str(part.get_content())


def _links(message: EmailMessage) -> list[str]:
    return re.findall(r"https?://[^\s<>\"]+", _text(message))


def test_one_notice_is_one_mail_that_says_what_happened(
    smtp: LoopbackSMTP, alice: User, bob: User, question: Question
) -> None:
    _answered(question, bob)
    (received,) = smtp.received
    message = received.message
    assert received.recipients == ["alice@example.com"]
    assert message["Subject"] == f"Bob Rivera answered your question “{question.title}”"
    assert message.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    assert "Bob Rivera answered your question" in _text(message)
    assert "Bob Rivera answered your question" in _html(message)
    unsubscribe = message["List-Unsubscribe"]
    assert re.fullmatch(rf"<{SITE}/notifications/unsubscribe/[^/>]+/>", unsubscribe)
    # On one line as it is, not folded into encoded words no mail program reads as a link.
    assert f"\r\nList-Unsubscribe: {unsubscribe}\r\n".encode() in received.raw
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Auto-Submitted"] == "auto-generated"
    notice = Notification.objects.get(recipient=alice)
    assert notice.mail_state == MailState.SENT
    assert notice.mailed_at is not None


def test_every_link_in_the_mail_opens(
    smtp: LoopbackSMTP, alice: User, bob: User, question: Question, alice_client: Client
) -> None:
    _answered(question, bob)
    (message,) = smtp.messages
    links = _links(message)
    html_links = re.findall(r'href="([^"]+)"', _html(message))
    assert {urlsplit(link).path for link in links} >= {
        reverse("notifications:preferences"),
        reverse("notifications:list"),
    }
    for link in {*links, *(h.replace("&amp;", "&") for h in html_links)}:
        assert link.startswith(SITE + "/"), link
        parts = urlsplit(link)
        response = alice_client.get(f"{parts.path}?{parts.query}" if parts.query else parts.path)
        assert response.status_code in (200, 302), link
    # The notice's own link marks it read and leads to bob's answer.
    notice = Notification.objects.get(recipient=alice)
    opened = alice_client.get(reverse("notifications:open", args=[notice.pk]))
    assert opened.status_code == 302
    assert opened["Location"] == reverse("qa:answer", args=[notice.answer_id])
    assert Notification.objects.get(pk=notice.pk).read_at is not None


def test_several_notices_in_the_window_go_in_one_mail(
    smtp: LoopbackSMTP,
    deferred: Any,
    alice: User,
    bob: User,
    charlie: User,
    question: Question,
    committed: Any,
) -> None:
    other = make_question(alice, title="Should I switch teams for a promotion?")
    with committed():
        _answered(question, bob)
    with committed():
        _answered(question, charlie, body="Write a design doc nobody asked for.")
    with committed():
        _answered(other, bob)
    # One task for alice, deferred by the window: the later notices found it scheduled.
    (scheduled,) = _mail_tasks(deferred)
    assert list(scheduled.args) == [alice.pk]
    run_after = scheduled.task.run_after
    assert run_after is not None
    assert timedelta(seconds=290) < run_after - timezone.now() <= timedelta(seconds=300)
    assert smtp.messages == []

    assert tasks_mail.mail_notices.call(alice.pk) == 3
    (message,) = smtp.messages
    assert message["Subject"] == "3 new notifications on Rung"
    text = _text(message)
    # Two answers on one question are one line, as on the notifications page.
    assert f"2 new answers on “{question.title}”" in text
    assert f"Bob Rivera answered your question “{other.title}”" in text
    assert set(Notification.objects.values_list("mail_state", flat=True)) == {MailState.SENT}


def test_a_schedule_rolled_back_does_not_hold_back_the_next(
    deferred: Any, alice: User, committed: Any
) -> None:
    with committed(), contextlib.suppress(RuntimeError), transaction.atomic():
        mailing.schedule([alice.pk])
        raise RuntimeError("the notice was never saved")
    with committed():
        mailing.schedule([alice.pk])
    with committed():
        mailing.schedule([alice.pk])
    # The database queue would have dropped the first task with its transaction.
    assert len(_mail_tasks(deferred)) == 2


def test_running_the_task_twice_mails_once(
    smtp: LoopbackSMTP, deferred: Any, alice: User, bob: User, question: Question
) -> None:
    _answered(question, bob)
    assert tasks_mail.mail_notices.call(alice.pk) == 1
    assert tasks_mail.mail_notices.call(alice.pk) == 0
    assert len(smtp.messages) == 1


def test_only_pending_notices_are_mailed(
    smtp: LoopbackSMTP, deferred: Any, alice: User, bob: User, question: Question
) -> None:
    _answered(question, bob)
    for state in (MailState.NONE, MailState.DIGEST, MailState.SENT, MailState.SENDING):
        Notification.objects.update(mail_state=state)
        assert mailing.mail_pending(alice.pk) == 0
    assert smtp.messages == []


def test_a_refused_mail_is_tried_again_later_and_sent_once(
    smtp: LoopbackSMTP, deferred: Any, alice: User, bob: User, question: Question
) -> None:
    _answered(question, bob)
    smtp.refuse(1)
    deferred.clear()
    assert tasks_mail.mail_notices.call(alice.pk) == 0
    assert Notification.objects.get().mail_state == MailState.PENDING
    (retry,) = _mail_tasks(deferred)
    assert list(retry.args) == [alice.pk, 1]
    assert retry.task.run_after is not None
    assert timedelta(seconds=50) < retry.task.run_after - timezone.now() <= timedelta(minutes=1)
    assert tasks_mail.mail_notices.call(alice.pk, 1) == 1
    assert len(smtp.messages) == 1
    assert Notification.objects.get().mail_state == MailState.SENT


def test_with_tasks_run_at_once_a_refusal_is_retried_at_once(
    smtp: LoopbackSMTP, alice: User, bob: User, question: Question
) -> None:
    smtp.refuse(1)
    _answered(question, bob)
    assert len(smtp.messages) == 1
    assert Notification.objects.get().mail_state == MailState.SENT


def test_after_the_last_try_the_mail_is_given_up_and_logged(
    smtp: LoopbackSMTP, alice: User, bob: User, question: Question, caplog: Any
) -> None:
    smtp.refuse(10)
    _answered(question, bob)
    assert smtp.messages == []
    notice = Notification.objects.get()
    assert notice.mail_state == MailState.NONE
    assert "Gave up mailing 1 notices to member" in caplog.text
    # The notice is still on the page; later mail is not blocked by it.
    smtp.refuse(0)
    _answered(question, make_member("dana"))
    assert len(smtp.messages) == 1


def test_a_permanent_refusal_is_not_tried_again(
    smtp: LoopbackSMTP, alice: User, bob: User, question: Question
) -> None:
    smtp.refuse(1, code=550)
    _answered(question, bob)
    assert smtp.messages == []
    assert Notification.objects.get().mail_state == MailState.NONE


def test_an_unreachable_server_is_tried_again(
    settings: Any, deferred: Any, alice: User, bob: User, question: Question
) -> None:
    with loopback_smtp(settings):
        pass  # MAILERS still names the server's port, where nothing listens any more
    _answered(question, bob)
    deferred.clear()
    assert tasks_mail.mail_notices.call(alice.pk) == 0
    assert Notification.objects.get().mail_state == MailState.PENDING
    assert len(_mail_tasks(deferred)) == 1


@pytest.mark.parametrize("case", ["left", "no address", "unconfirmed"])
def test_members_rung_may_not_mail_get_nothing(
    smtp: LoopbackSMTP, alice: User, bob: User, question: Question, case: str
) -> None:
    if case == "left":
        User.objects.filter(pk=alice.pk).update(is_active=False)
    elif case == "no address":
        User.objects.filter(pk=alice.pk).update(email="")
    else:
        EmailAddress.objects.create(user=alice, email=alice.email, verified=False, primary=True)
    notice_was = services.notify(
        [alice.pk],
        kind="mention",
        event_key="mention:1",
        actor_id=bob.pk,
        question_id=question.pk,
    )
    if case != "left":
        assert notice_was == [alice.pk]
        assert Notification.objects.get().mail_state == MailState.NONE
    assert smtp.messages == []


def test_a_confirmed_address_is_mailed(
    smtp: LoopbackSMTP, alice: User, bob: User, question: Question
) -> None:
    EmailAddress.objects.create(user=alice, email="ALICE@example.com", verified=True, primary=True)
    EmailAddress.objects.create(user=alice, email="old@example.com", verified=False)
    _answered(question, bob)
    assert len(smtp.messages) == 1


def test_a_notice_whose_post_was_deleted_in_the_window_is_not_mailed(
    smtp: LoopbackSMTP,
    deferred: Any,
    alice: User,
    bob: User,
    question: Question,
    django_capture_on_commit_callbacks: Any,
) -> None:
    answer = _answered(question, bob)
    _answered(question, make_member("dana"), body="Find a sponsor.")
    with django_capture_on_commit_callbacks(execute=True):
        qa_services.answer_delete(answer=answer, actor=bob)
    assert tasks_mail.mail_notices.call(alice.pk) == 1
    (message,) = smtp.messages
    assert "Dana answered your question" in message["Subject"]
    with django_capture_on_commit_callbacks(execute=True):
        qa_services.question_delete(question=question, actor=alice)
    _answered(make_question(alice), bob)
    assert not Notification.objects.filter(question=question).exists()


def test_a_notice_about_a_post_hidden_since_is_not_mailed(
    smtp: LoopbackSMTP, deferred: Any, alice: User, bob: User, question: Question
) -> None:
    answer = _answered(question, bob)
    # Hidden without the event reaching notifications yet: the mail task looks for itself.
    Answer.objects.filter(pk=answer.pk).update(visibility="hidden")
    assert tasks_mail.mail_notices.call(alice.pk) == 0
    assert smtp.messages == []
    assert Notification.objects.get().mail_state == MailState.NONE


def test_mail_is_written_in_the_members_interface_language(
    smtp: LoopbackSMTP, deferred: Any, alice: User, bob: User, question: Question
) -> None:
    User.objects.filter(pk=alice.pk).update(ui_language="zh-hans")
    _answered(question, bob)
    _answered(question, make_member("dana"), body="Find a sponsor.")
    tasks_mail.mail_notices.call(alice.pk)
    (message,) = smtp.messages
    assert message["Subject"] == "Rung 上有 2 条新通知"
    text = _text(message)
    assert "通知设置" in text
    assert "个新回答" in text
    assert "Notification settings" not in text
    assert 'lang="zh-hans"' in _html(message)
    # Bob, who reads English, gets English in the same run.
    _answered(make_question(bob), alice)
    tasks_mail.mail_notices.call(bob.pk)
    assert smtp.messages[-1]["Subject"].startswith("Alice Chen answered your question")


def test_the_one_click_unsubscribe_works_without_logging_in(
    smtp: LoopbackSMTP, alice: User, bob: User, question: Question
) -> None:
    _answered(question, bob)
    (message,) = smtp.messages
    url = message["List-Unsubscribe"].strip("<>")
    # RFC 8058: the mail program POSTs this body, with no cookie and no CSRF token.
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        urlsplit(url).path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    _answered(question, make_member("erin", display_name="Erin Diaz"))
    assert len(smtp.messages) == 1
    assert Notification.objects.filter(mail_state=MailState.NONE).count() == 1


def _anonymous_scene(alice: User, bob: User) -> tuple[Question, Answer]:
    topic = Topic.objects.get(slug="mid-level")
    question = make_question(
        alice, topics=["mid-level"], title="Is my manager blocking my promotion?", is_anonymous=True
    )
    Follow.objects.create(user=bob, topic=topic, level=WatchLevel.WATCHING)
    answer = make_answer(question, bob)
    return question, answer


def test_an_anonymous_asker_is_never_named_in_mail(
    smtp: LoopbackSMTP, alice: User, bob: User
) -> None:
    from rung.notifications import preferences
    from rung.notifications.kinds import Delivery

    preferences.mail_choices_save(
        bob,
        deliveries={"watched_question": Delivery.EMAIL, "reply": Delivery.EMAIL},
    )
    question, answer = _anonymous_scene(alice, bob)
    fanout.question_asked(question.pk)
    reply = make_answer(question, alice, parent=answer, body="Thanks, that helps.")
    fanout.answer_posted(reply.pk)
    assert len(smtp.messages) == 2
    for received in smtp.received:
        raw = received.message.as_string()
        for secret in ("Alice", "alice", "Chen"):
            assert secret not in raw
    subjects = [m["Subject"] for m in smtp.messages]
    assert "The asker replied to your answer on “Is my manager blocking my promotion?”" in subjects
