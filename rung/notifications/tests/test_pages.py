"""The notifications page, the bell and opening a notice."""

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rung.accounts.models import User
from rung.notifications.models import Notification
from rung.notifications.selectors import PAGE_SIZE, UNREAD_CAP
from rung.qa.models import Question
from rung.testing import make_answer, make_member, make_question

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_mail")]

Committed = Callable[[], AbstractContextManager[Any]]


@pytest.fixture
def answered(alice: User, bob: User, committed: Committed) -> Question:
    """Alice's question with three answers from three members, told to her."""
    question = make_question(alice, title="How do I show impact before calibration?")
    with committed():
        make_answer(question, bob)
        make_answer(question, make_member("dana"))
        make_answer(question, make_member("erin"))
    return question


def test_answers_on_one_question_make_one_line(answered: Question, alice_client: Client) -> None:
    page = alice_client.get(reverse("notifications:list"))
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('class="notice unread"') == 1
    assert "3 new answers on “How do I show impact before calibration?”" in html


def test_opening_a_line_marks_all_of_it_read_and_goes_to_the_post(
    answered: Question, alice: User, alice_client: Client
) -> None:
    ids = list(
        Notification.objects.filter(recipient=alice).order_by("-pk").values_list("pk", flat=True)
    )
    url = reverse("notifications:open", args=[ids[0]]) + "".join(
        f"{'?' if i == 0 else '&'}also={pk}" for i, pk in enumerate(ids[1:])
    )
    response = alice_client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/answers/") or "answer" in response["Location"]
    assert not Notification.objects.filter(recipient=alice, read_at=None).exists()


def test_nobody_opens_or_marks_anothers_notice(
    answered: Question, alice: User, bob_client: Client
) -> None:
    notice = Notification.objects.filter(recipient=alice).first()
    assert notice is not None
    assert bob_client.get(reverse("notifications:open", args=[notice.pk])).status_code == 404
    bob_client.post(reverse("notifications:mark_read"), {"id": [notice.pk]})
    assert Notification.objects.filter(recipient=alice, read_at=None).count() == 3


def test_mark_all_read_and_one_line_read(
    answered: Question, alice: User, alice_client: Client
) -> None:
    one = Notification.objects.filter(recipient=alice).first()
    assert one is not None
    response = alice_client.post(reverse("notifications:mark_read"), {"id": [one.pk]})
    assert response.status_code == 302
    assert Notification.objects.filter(recipient=alice, read_at=None).count() == 2
    alice_client.post(reverse("notifications:mark_read"))
    assert Notification.objects.filter(recipient=alice, read_at=None).count() == 0


@pytest.mark.parametrize("bad", ["x", "-1", "9" * 40])
def test_bad_input_is_a_400(alice_client: Client, bad: str) -> None:
    assert alice_client.get(reverse("notifications:list"), {"before": bad}).status_code == 400
    response = alice_client.post(reverse("notifications:mark_read"), {"id": [bad]})
    assert response.status_code == 400


def test_mark_read_does_not_redirect_off_site(answered: Question, alice_client: Client) -> None:
    response = alice_client.post(
        reverse("notifications:mark_read"), {"next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("notifications:list")


def test_older_notices_page_on(alice: User, alice_client: Client) -> None:
    bob = make_member("bobby")
    question = make_question(alice)
    rows = [
        Notification(
            recipient=alice, kind="mention", actor=bob, question=question, event_key=f"m{i}"
        )
        for i in range(PAGE_SIZE + 5)
    ]
    Notification.objects.bulk_create(rows)
    first = alice_client.get(reverse("notifications:list"))
    assert first.content.decode().count('class="notice unread"') == PAGE_SIZE
    more = first.context["more"]
    second = alice_client.get(reverse("notifications:list"), {"before": more})
    assert second.content.decode().count('class="notice unread"') == 5
    assert second.context["more"] is None


def test_the_bell_counts_unread_up_to_the_cap(alice: User, alice_client: Client) -> None:
    visitor = Client()
    question = make_question(alice)
    Notification.objects.bulk_create(
        Notification(recipient=alice, kind="mention", question=question, event_key=f"m{i}")
        for i in range(UNREAD_CAP + 10)
    )
    assert alice_client.get(reverse("notifications:bell")).json()["unread"] == UNREAD_CAP + 1
    html = alice_client.get(reverse("home")).content.decode()
    assert f">{UNREAD_CAP}+</span>" in html
    assert visitor.get(reverse("notifications:bell")).json()["unread"] == 0
    assert "data-bell=" not in visitor.get(reverse("home")).content.decode()


def test_the_bell_costs_a_member_page_one_query(alice: User, alice_client: Client) -> None:
    alice_client.get(reverse("home"))  # warm the fragments
    Notification.objects.create(
        recipient=alice, kind="mention", question=make_question(alice), event_key="m"
    )
    with CaptureQueriesContext(connection) as queries:
        alice_client.get(reverse("home"))
    bell = [q["sql"] for q in queries.captured_queries if "notifications_notification" in q["sql"]]
    assert len(bell) == 1


def test_logged_out_pages_need_log_in(visitor: Client) -> None:
    response = visitor.get(reverse("notifications:list"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_notices_are_listed_by_when_it_happened_not_when_they_were_written(
    alice: User, alice_client: Client
) -> None:
    import datetime as dt

    from django.utils import timezone

    question = make_question(alice)
    now = timezone.now()
    for i, days in enumerate([0, 30, 2]):  # the second came from an import, written later
        Notification.objects.create(
            recipient=alice,
            kind="mention",
            question=question,
            event_key=f"m{i}",
            created_at=now - dt.timedelta(days=days),
            data={"n": i},
        )
    lines = alice_client.get(reverse("notifications:list")).context["lines"]
    assert [line.notice.event_key for line in lines] == ["m0", "m2", "m1"]
