"""The asker's outcome: who may post it, what the page shows to whom, and the prompts due."""

import datetime
import importlib
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from rung.accounts.models import User
from rung.qa import events, services
from rung.qa.events import OutcomePosted, PostEvent
from rung.qa.models import Outcome, OutcomeKind, Question, Visibility
from rung.qa.moderation_services import post_visibility_set
from rung.qa.outcomes import (
    outcome_open,
    outcome_post,
    outcome_prompts_due,
    outcome_prompts_mark,
    question_outcome,
)
from rung.testing import make_answer, make_member, make_question

pytestmark = pytest.mark.django_db

WEEKS = 6


@pytest.fixture(autouse=True)
def _prompt_weeks(settings: Any) -> None:
    settings.RUNG_OUTCOME_PROMPT_WEEKS = WEEKS


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[PostEvent]]:
    """Record each OutcomePosted as published, inside the transaction."""
    seen: list[PostEvent] = []
    registry = {key: list(value) for key, value in events._subscribers.items()}
    monkeypatch.setattr(events, "_subscribers", events.defaultdict(list, registry))
    events.subscribe(OutcomePosted, seen.append, in_transaction=True)
    yield seen


def _asked(author: User, *, weeks_ago: float = 0, **fields: Any) -> Question:
    """Post a question as if asked some weeks ago."""
    when = timezone.now() - datetime.timedelta(weeks=weeks_ago)
    return make_question(author, created_at=when, **fields)


def _page(client: Client, question: Question) -> str:
    response = client.get(question.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


# --- posting ----------------------------------------------------------------------------


def test_the_asker_posts_an_outcome_once_answered(
    heard: list[PostEvent], alice: User, bob: User
) -> None:
    question = make_question(alice)
    make_answer(question, bob)
    question.refresh_from_db()
    version = question.version
    outcome = outcome_post(
        question=question, member=alice, kind=OutcomeKind.PROMOTED, note="  Made senior.  "
    )
    assert (outcome.kind, outcome.note, outcome.edited_at) == ("promoted", "Made senior.", None)
    question.refresh_from_db()
    # The cached page is replaced, and no prompt is needed any more.
    assert question.version == version + 1
    assert question.outcome_prompted_at is not None
    assert heard == [
        OutcomePosted(
            question_id=question.pk,
            actor_id=alice.pk,
            author_id=alice.pk,
            outcome_id=outcome.pk,
            outcome_kind="promoted",
            edited=False,
        )
    ]


def test_editing_changes_the_one_outcome_and_says_so(
    heard: list[PostEvent], alice: User, bob: User
) -> None:
    question = make_question(alice)
    make_answer(question, bob)
    first = outcome_post(question=question, member=alice, kind="still_working", note="")
    edited = outcome_post(question=question, member=alice, kind="promoted", note="It came.")
    assert edited.pk == first.pk and Outcome.objects.count() == 1
    assert edited.edited_at is not None
    assert [event.edited for event in heard] == [False, True]  # type: ignore[attr-defined]
    # The same words again change nothing and tell nobody.
    outcome_post(question=question, member=alice, kind="promoted", note="It came.")
    assert len(heard) == 2


def test_only_the_asker_may_post(heard: list[PostEvent], alice: User, bob: User, mod: User) -> None:
    question = make_question(alice)
    make_answer(question, bob)
    for someone in (bob, mod):
        with pytest.raises(PermissionDenied):
            outcome_post(question=question, member=someone, kind="promoted", note="")
    assert not Outcome.objects.exists() and heard == []


def test_the_outcome_page_is_the_askers_alone(
    alice: User,
    bob: User,
    alice_client: Client,
    bob_client: Client,
    mod_client: Client,
) -> None:
    question = make_question(alice)
    make_answer(question, bob)
    url = reverse("qa:outcome", args=[question.pk])
    data = {"kind": "offer_accepted", "note": "Took the offer at a smaller company."}
    assert bob_client.post(url, data).status_code == 403
    assert mod_client.post(url, data).status_code == 403
    assert Client().post(url, data).status_code == 302
    assert not Outcome.objects.exists()
    response = alice_client.post(url, data)
    assert response.status_code == 302
    assert response["Location"].endswith("#outcome")
    assert question_outcome(question).kind == "offer_accepted"  # type: ignore[union-attr]
    # The form opens on what was said.
    page = alice_client.get(url).content.decode()
    assert re.search(r'value="offer_accepted"[^>]* checked', page)
    assert "Took the offer at a smaller company." in page


def test_a_deleted_question_takes_no_outcome(heard: list[PostEvent], alice: User) -> None:
    question = _asked(alice, weeks_ago=WEEKS + 1)
    services.question_delete(question=question, actor=alice)
    with pytest.raises(ValidationError, match="deleted"):
        outcome_post(question=question, member=alice, kind="promoted", note="")
    assert not Outcome.objects.exists() and heard == []


def test_bad_kinds_and_notes_are_refused(alice: User, bob: User) -> None:
    question = make_question(alice)
    make_answer(question, bob)
    for kind, note in [("fired", ""), ("", ""), ("other", "n" * 1_001), ("other", "a\x00b")]:
        with pytest.raises(ValidationError):
            outcome_post(question=question, member=alice, kind=kind, note=note)
    assert not Outcome.objects.exists()


def test_an_outcome_opens_with_the_first_answer_or_after_the_weeks(
    alice: User, bob: User, alice_client: Client
) -> None:
    fresh = make_question(alice)
    assert not outcome_open(fresh)
    with pytest.raises(ValidationError, match="6 weeks"):
        outcome_post(question=fresh, member=alice, kind="promoted", note="")
    url = reverse("qa:outcome", args=[fresh.pk])
    page = alice_client.get(url).content.decode()
    assert "6 weeks after asking" in page and 'name="kind"' not in page
    assert alice_client.post(url, {"kind": "promoted"}).status_code == 400
    # No link on the page either.
    assert url not in _page(alice_client, fresh)

    make_answer(fresh, bob)
    fresh.refresh_from_db()
    assert outcome_open(fresh)
    assert url in _page(alice_client, fresh)

    old = _asked(alice, weeks_ago=WEEKS + 0.1)
    assert outcome_open(old)
    assert outcome_post(question=old, member=alice, kind="changed_course", note="").pk


def test_an_anonymous_asker_posts_without_being_named(
    alice: User, bob: User, alice_client: Client, bob_client: Client
) -> None:
    question = make_question(alice, is_anonymous=True)
    make_answer(question, bob)
    response = alice_client.post(
        reverse("qa:outcome", args=[question.pk]), {"kind": "promoted", "note": "Made it."}
    )
    assert response.status_code == 302
    for client in (Client(), bob_client):
        page = _page(client, question)
        assert "Made it." in page
        assert "Alice Chen" not in page and "/members/alice" not in page


# --- the question page --------------------------------------------------------------------


def test_everyone_who_can_read_the_question_sees_the_outcome_as_typed(
    alice: User, bob: User, charlie_client: Client, visitor: Client
) -> None:
    question = make_question(alice)
    make_answer(question, bob)
    # Warm the cached parts first: posting must replace them.
    assert "outcome-line" not in _page(visitor, question)
    outcome_post(
        question=question,
        member=alice,
        kind="promoted",
        note="<script>alert(1)</script>\nSecond line",
    )
    for client in (visitor, charlie_client):
        page = _page(client, question)
        assert "Outcome:" in page and "Promoted" in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>Second line" in page
        assert "<script>alert(1)" not in page


def test_the_askers_links_stay_out_of_the_shared_copies(
    alice: User, bob: User, alice_client: Client, bob_client: Client
) -> None:
    """The asker renders first; whoever comes next gets the shared part without her links."""
    question = make_question(alice)
    make_answer(question, bob)
    outcome_post(question=question, member=alice, kind="promoted", note="Made senior.")
    edit_link = reverse("qa:outcome", args=[question.pk])
    mine = _page(alice_client, question)
    assert edit_link in mine and "Add to my work log" in mine
    for client in (bob_client, Client()):
        page = _page(client, question)
        assert "Made senior." in page
        assert edit_link not in page and "work log" not in page


def test_the_question_page_invites_the_asker_only_when_open(
    alice: User, bob: User, alice_client: Client, bob_client: Client
) -> None:
    question = make_question(alice)
    assert "Post an outcome" not in _page(alice_client, question)
    make_answer(question, bob)
    assert "Post an outcome" in _page(alice_client, question)
    assert "Post an outcome" not in _page(bob_client, question)


@pytest.mark.parametrize("reader", ["visitor", "member", "asker"])
def test_an_outcome_costs_the_question_page_no_query(
    alice: User, bob: User, charlie: User, reader: str
) -> None:
    """Cold and warm, a page with an outcome runs as many queries as one without (qa's part)."""
    client = Client()
    if reader != "visitor":
        client.force_login(alice if reader == "asker" else charlie)
    plain, told = make_question(alice), make_question(alice)
    for question in (plain, told):
        make_answer(question, bob)
    outcome_post(question=told, member=alice, kind="promoted", note="Made senior.")
    counts = []
    for question in (plain, told):
        for cold in (True, False):
            if cold:
                cache.clear()
            with CaptureQueriesContext(connection) as queries:
                _page(client, question)
            counts.append(len(queries.captured_queries))
    # The asker also gets what apps add beside the outcome: growth reads whether it is
    # already in her work log.
    extra = 1 if reader == "asker" else 0
    assert [count + extra for count in counts[:2]] == counts[2:], counts


# --- prompts ------------------------------------------------------------------------------


def test_prompts_are_due_for_old_questions_still_waiting(alice: User, bob: User) -> None:
    now = timezone.now()
    due_first = _asked(alice, weeks_ago=WEEKS + 2)
    due_next = _asked(bob, weeks_ago=WEEKS + 1)
    _asked(alice, weeks_ago=WEEKS - 1)  # too recent
    deleted = _asked(alice, weeks_ago=WEEKS + 1)
    services.question_delete(question=deleted, actor=alice)
    hidden = _asked(alice, weeks_ago=WEEKS + 1)
    post_visibility_set(post=hidden, visibility=Visibility.HIDDEN, actor=make_member(), reason="x")
    answered = _asked(alice, weeks_ago=WEEKS + 1)
    make_answer(answered, bob)
    outcome_post(question=answered, member=alice, kind="promoted", note="")
    gone = make_member("gone")
    _asked(gone, weeks_ago=WEEKS + 1)
    User.objects.filter(pk=gone.pk).update(is_active=False)
    prompted = _asked(alice, weeks_ago=WEEKS + 1)
    Question.objects.filter(pk=prompted.pk).update(outcome_prompted_at=now)

    assert outcome_prompts_due(now) == [due_first.pk, due_next.pk]
    assert outcome_prompts_due(now, limit=1) == [due_first.pk]


def test_a_prompt_is_claimed_once(alice: User) -> None:
    now = timezone.now()
    questions = [_asked(alice, weeks_ago=WEEKS + 1) for _ in range(3)]
    ids = [question.pk for question in questions]
    assert outcome_prompts_mark(ids[:2], now) == ids[:2]
    assert outcome_prompts_mark(ids, now) == ids[2:]
    assert outcome_prompts_mark(ids, now) == []
    assert outcome_prompts_due(now) == []
    assert set(Question.objects.values_list("outcome_prompted_at", flat=True)) == {now}


def test_the_loop_the_prompt_task_runs_ends_with_every_question_claimed(alice: User) -> None:
    now = timezone.now()
    ids = {_asked(alice, weeks_ago=WEEKS + 1).pk for _ in range(5)}
    claimed: list[int] = []
    while due := outcome_prompts_due(now, limit=2):
        batch = outcome_prompts_mark(due, now)
        assert batch
        claimed += batch
    assert sorted(claimed) == sorted(ids)


def test_finding_the_prompts_due_never_reads_the_questions_already_prompted(alice: User) -> None:
    """With a thousand prompted and one due, the planner seeks the due range of the index."""
    long_ago = timezone.now() - datetime.timedelta(weeks=WEEKS + 50)
    Question.objects.bulk_create(
        Question(
            author=alice,
            title=f"Asked long ago {n}",
            body="Old.",
            body_html="<p>Old.</p>",
            created_at=long_ago,
            outcome_prompted_at=long_ago,
        )
        for n in range(1_000)
    )
    _asked(alice, weeks_ago=WEEKS + 1)
    query = Question.objects.filter(
        created_at__lte=timezone.now(),
        outcome_prompted_at__isnull=True,
        is_deleted=False,
        visibility=Visibility.PUBLISHED,
    ).order_by("created_at", "id")
    sql, params = query.values_list("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Question._meta.db_table}")
        explain = "EXPLAIN" if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN"
        cursor.execute(f"{explain} {sql}", params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "question_outcome_due_idx" in plan, plan


def test_upgrading_marks_questions_older_than_the_prompt_age(alice: User) -> None:
    migration = importlib.import_module("rung.qa.migrations.0011_outcomes")
    old = _asked(alice, weeks_ago=WEEKS + 10)
    recent = _asked(alice, weeks_ago=WEEKS - 1)
    Question.objects.update(outcome_prompted_at=None)
    migration.mark_old_questions_prompted(django_apps, None)
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.outcome_prompted_at is not None and recent.outcome_prompted_at is None


def test_outcome_posted_reaches_after_commit_subscribers_only_once_committed(
    heard: list[PostEvent],
    alice: User,
    bob: User,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    later: list[PostEvent] = []
    events.subscribe(OutcomePosted, later.append)
    question = make_question(alice)
    make_answer(question, bob)
    with django_capture_on_commit_callbacks(execute=True):
        outcome_post(question=question, member=alice, kind="promoted", note="")
        assert later == []
    assert len(later) == 1
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(PermissionDenied),
    ):
        outcome_post(question=question, member=bob, kind="other", note="")
    assert len(later) == 1 and callbacks == []
