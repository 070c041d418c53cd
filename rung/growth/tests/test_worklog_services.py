"""Work-log services and the self-review draft generator."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from rung.accounts.models import User
from rung.growth.models import CheckIn, Goal, GoalStatus, GrowthPlan, LogEntry, SelfReview
from rung.growth.services import plans as plan_services
from rung.growth.services import worklog as services
from rung.ladder.models import Axis

D = datetime.date


def _axis(slug: str, order: int, name: str, pk: int) -> Axis:
    return Axis(pk=pk, slug=slug, name=name, order=order)


IMPACT = _axis("impact", 0, "Impact", 1)
TEAMWORK = _axis("teamwork", 1, "Teamwork", 2)
TECHNICAL = _axis("technical-skills", 2, "Technical Skills", 3)


def _goal(pk: int, title: str, axis: Axis, status: str = GoalStatus.IN_PROGRESS) -> Goal:
    return Goal(pk=pk, title=title, axis=axis, status=status)


def _entry(
    date: datetime.date, text: str, axis: Axis | None = None, goal: Goal | None = None
) -> LogEntry:
    return LogEntry(date=date, text=text, axis=axis, goal=goal)


# The generator, on entries built in memory (no database).


def test_draft_groups_entries_under_axes_in_ladder_order_with_other_last() -> None:
    draft = services.build_self_review_draft(
        entries=[
            _entry(D(2025, 1, 1), "Untagged chore"),
            _entry(D(2025, 1, 2), "Refactored the cache", TECHNICAL),
            _entry(D(2025, 1, 3), "Cut p95 latency by 30%", IMPACT),
            _entry(D(2025, 1, 4), "Ran the retro", TEAMWORK),
            _entry(D(2025, 1, 5), "Shipped search", IMPACT),
        ],
        check_ins=[],
    )
    assert draft == (
        "## Impact\n\n"
        "- 2025-01-03: Cut p95 latency by 30%\n"
        "- 2025-01-05: Shipped search\n\n"
        "## Teamwork\n\n"
        "- 2025-01-04: Ran the retro\n\n"
        "## Technical Skills\n\n"
        "- 2025-01-02: Refactored the cache\n\n"
        "## Other\n\n"
        "- 2025-01-01: Untagged chore\n"
    )


def test_draft_orders_axes_by_ladder_order_not_by_first_entry() -> None:
    late_first = _axis("z", 9, "Zeta", 9)
    draft = services.build_self_review_draft(
        entries=[_entry(D(2025, 1, 1), "a", late_first), _entry(D(2025, 1, 2), "b", IMPACT)],
        check_ins=[],
    )
    assert draft.index("## Impact") < draft.index("## Zeta")


def test_draft_keeps_the_given_order_within_an_axis() -> None:
    draft = services.build_self_review_draft(
        entries=[
            _entry(D(2025, 1, 1), "first", IMPACT),
            _entry(D(2025, 1, 1), "second", IMPACT),
            _entry(D(2025, 2, 1), "third", IMPACT),
        ],
        check_ins=[],
    )
    assert draft.index("first") < draft.index("second") < draft.index("third")


def test_draft_with_no_entries_says_so() -> None:
    assert services.build_self_review_draft(entries=[], check_ins=[]) == (
        "No work-log entries in this period.\n"
    )


def test_draft_lists_touched_goals_with_status_and_latest_check_in() -> None:
    billing = _goal(1, "Lead the billing migration", IMPACT)
    mentor = _goal(2, "Mentor a new joiner", TEAMWORK, GoalStatus.DONE)
    quiet = _goal(3, "Goal with a check-in only", TECHNICAL, GoalStatus.NOT_STARTED)
    draft = services.build_self_review_draft(
        entries=[
            _entry(D(2025, 1, 3), "Moved invoices", IMPACT, billing),
            _entry(D(2025, 1, 4), "Paired weekly", TEAMWORK, mentor),
            _entry(D(2025, 1, 5), "More invoices", IMPACT, billing),
        ],
        check_ins=[
            CheckIn(goal=billing, date=D(2025, 1, 10), note="Half the tables moved."),
            CheckIn(goal=quiet, date=D(2025, 1, 11), note="Started reading."),
            CheckIn(goal=billing, date=D(2025, 1, 20), note="All tables moved.\nCut-over next."),
        ],
    )
    goals = draft.split("## Goals\n\n")[1]
    assert goals == (
        "- Lead the billing migration (Impact): In progress. "
        "Latest check-in (2025-01-20): All tables moved. Cut-over next.\n"
        "- Mentor a new joiner (Teamwork): Done. No check-in in this period.\n"
        "- Goal with a check-in only (Technical Skills): Not started. "
        "Latest check-in (2025-01-11): Started reading.\n"
    )


def test_draft_cuts_long_check_in_notes() -> None:
    goal = _goal(1, "G", IMPACT)
    draft = services.build_self_review_draft(
        entries=[], check_ins=[CheckIn(goal=goal, date=D(2025, 1, 1), note="word " * 500)]
    )
    line = draft.split("## Goals\n\n")[1]
    assert line.endswith("…\n")
    assert len(line) < services.CHECK_IN_EXCERPT_LENGTH + 100


def test_draft_entries_cannot_inject_markdown_structure() -> None:
    goal = _goal(1, "# Promoted already", IMPACT)
    draft = services.build_self_review_draft(
        entries=[
            _entry(D(2025, 1, 1), "Line one\n# Fake heading\n```", IMPACT, goal),
            _entry(D(2025, 1, 2), "## Also fake", None),
        ],
        check_ins=[CheckIn(goal=goal, date=D(2025, 1, 3), note="<!-- hide the rest")],
    )
    headings = [line for line in draft.splitlines() if line.startswith("#")]
    assert headings == ["## Impact", "## Other", "## Goals"]
    assert "- 2025-01-01: Line one # Fake heading ```" in draft
    assert "- 2025-01-02: \\## Also fake" in draft
    assert "<!--" not in draft.replace("\\<!--", "")


# Log entry services.


@pytest.fixture
def alice_goal(alice: User) -> Goal:
    plan = plan_services.plan_create(owner=alice, title="Plan")
    return plan_services.goal_create(plan=plan, axis=Axis.objects.get(slug="impact"), title="G")


@pytest.mark.django_db
def test_log_entry_create_strips_and_saves(alice: User, alice_goal: Goal) -> None:
    impact = Axis.objects.get(slug="impact")
    entry = services.log_entry_create(
        owner=alice, date=D(2025, 1, 1), text="  Shipped it  ", axis=impact, goal=alice_goal
    )
    entry.refresh_from_db()
    assert (entry.text, entry.axis, entry.goal) == ("Shipped it", impact, alice_goal)


@pytest.mark.django_db
def test_log_entry_with_someone_elses_goal_is_refused(charlie: User, alice_goal: Goal) -> None:
    with pytest.raises(ValidationError) as caught:
        services.log_entry_create(owner=charlie, date=D(2025, 1, 1), text="x", goal=alice_goal)
    assert caught.value.messages == ["Pick one of your own goals."]
    assert not LogEntry.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("date", "text"),
    [(D(1899, 12, 31), "ok"), (D(2025, 1, 1), "  "), (D(2025, 1, 1), "x" * 2_001)],
    ids=["date", "blank", "long"],
)
def test_log_entry_update_refuses_bad_values_and_keeps_the_saved_one(
    alice: User, date: datetime.date, text: str
) -> None:
    entry = services.log_entry_create(owner=alice, date=D(2025, 1, 1), text="First")
    with pytest.raises(ValidationError):
        services.log_entry_update(entry=entry, date=date, text=text, axis=None, goal=None)
    stored = LogEntry.objects.get(pk=entry.pk)
    assert (stored.date, stored.text) == (D(2025, 1, 1), "First")


@pytest.mark.django_db
def test_log_entry_update_refuses_a_foreign_goal(alice: User, charlie: User) -> None:
    plan = plan_services.plan_create(owner=charlie, title="Hers")
    foreign = plan_services.goal_create(plan=plan, axis=Axis.objects.get(slug="impact"), title="G")
    entry = services.log_entry_create(owner=alice, date=D(2025, 1, 1), text="First")
    with pytest.raises(ValidationError):
        services.log_entry_update(
            entry=entry, date=D(2025, 1, 1), text="x", axis=None, goal=foreign
        )
    assert LogEntry.objects.get(pk=entry.pk).goal is None


# Periods and saved self-reviews.


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (D(2025, 6, 1), D(2025, 1, 1)),
        (D(1899, 1, 1), D(1900, 6, 1)),
        (D(2020, 1, 1), D(2024, 1, 1)),
    ],
    ids=["backwards", "before-1900", "over-three-years"],
)
def test_bad_periods_are_refused(start: datetime.date, end: datetime.date) -> None:
    with pytest.raises(ValidationError):
        services.validate_period(start, end)


def test_a_one_day_period_is_fine() -> None:
    services.validate_period(D(2025, 1, 1), D(2025, 1, 1))


@pytest.mark.django_db
def test_self_review_create_drafts_only_the_owners_entries_in_the_period(
    alice: User, charlie: User, alice_goal: Goal
) -> None:
    impact = Axis.objects.get(slug="impact")
    services.log_entry_create(owner=alice, date=D(2024, 12, 31), text="Too early", axis=impact)
    services.log_entry_create(owner=alice, date=D(2025, 1, 1), text="First day", axis=impact)
    services.log_entry_create(owner=alice, date=D(2025, 6, 30), text="Last day", goal=alice_goal)
    services.log_entry_create(owner=alice, date=D(2025, 7, 1), text="Too late", axis=impact)
    services.log_entry_create(owner=charlie, date=D(2025, 3, 1), text="Charlie's", axis=impact)
    plan_services.checkin_create(goal=alice_goal, date=D(2025, 3, 1), note="Halfway")
    plan_services.checkin_create(goal=alice_goal, date=D(2025, 8, 1), note="After the period")

    review = services.self_review_create(
        owner=alice, title=" H1 review ", period_start=D(2025, 1, 1), period_end=D(2025, 6, 30)
    )
    review.refresh_from_db()
    assert review.title == "H1 review"
    assert review.text == (
        "## Impact\n\n- 2025-01-01: First day\n\n"
        "## Other\n\n- 2025-06-30: Last day\n\n"
        "## Goals\n\n- G (Impact): Not started. Latest check-in (2025-03-01): Halfway\n"
    )


@pytest.mark.django_db
def test_self_review_create_refuses_a_period_with_too_many_entries(
    alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services, "MAX_DRAFT_ENTRIES", 2)
    for day in (1, 2, 3):
        services.log_entry_create(owner=alice, date=D(2025, 1, day), text=f"Day {day}")
    with pytest.raises(ValidationError) as caught:
        services.self_review_create(
            owner=alice, title="T", period_start=D(2025, 1, 1), period_end=D(2025, 1, 31)
        )
    assert "more than 2 log entries" in caught.value.messages[0]
    assert not SelfReview.objects.exists()


@pytest.mark.django_db
def test_self_review_create_refuses_a_blank_title(alice: User) -> None:
    with pytest.raises(ValidationError):
        services.self_review_create(
            owner=alice, title="  ", period_start=D(2025, 1, 1), period_end=D(2025, 1, 31)
        )
    assert not SelfReview.objects.exists()


@pytest.mark.django_db
def test_self_review_update_saves_the_members_text_as_written(alice: User) -> None:
    review = services.self_review_create(
        owner=alice, title="T", period_start=D(2025, 1, 1), period_end=D(2025, 1, 31)
    )
    services.self_review_update(review=review, title="Final", text="  # My words\n")
    review.refresh_from_db()
    assert (review.title, review.text) == ("Final", "  # My words\n")


@pytest.mark.django_db
def test_self_review_update_refuses_text_over_the_limit(alice: User) -> None:
    review = services.self_review_create(
        owner=alice, title="T", period_start=D(2025, 1, 1), period_end=D(2025, 1, 31)
    )
    with pytest.raises(ValidationError):
        services.self_review_update(review=review, title="T", text="x" * 100_001)
    assert SelfReview.objects.get(pk=review.pk).text == review.text


@pytest.mark.django_db
def test_plans_survive_deleting_a_self_review(alice: User, alice_goal: Goal) -> None:
    review = services.self_review_create(
        owner=alice, title="T", period_start=D(2025, 1, 1), period_end=D(2025, 1, 31)
    )
    services.self_review_delete(review=review)
    assert not SelfReview.objects.exists()
    assert GrowthPlan.objects.count() == 1
