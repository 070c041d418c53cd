"""Work-log and self-review pages: the owner's flow, paging, filters, and everyone else's 404."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rung.accounts.models import User
from rung.growth.models import Goal, GrowthPlan, LogEntry, SelfReview, Share, ShareRole
from rung.growth.selectors.worklog import LOG_PAGE_SIZE
from rung.growth.services import plans as plan_services
from rung.growth.services import worklog as services
from rung.ladder.models import Axis

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def plan(alice: User) -> GrowthPlan:
    return plan_services.plan_create(owner=alice, title="Towards senior")


@pytest.fixture
def goal(plan: GrowthPlan) -> Goal:
    return plan_services.goal_create(
        plan=plan, axis=Axis.objects.get(slug="impact"), title="Own billing"
    )


@pytest.fixture
def entry(alice: User, goal: Goal) -> LogEntry:
    return services.log_entry_create(
        owner=alice, date=D(2025, 2, 1), text="Moved invoices", goal=goal
    )


@pytest.fixture
def review(alice: User, entry: LogEntry) -> SelfReview:
    return services.self_review_create(
        owner=alice, title="H1 review", period_start=D(2025, 1, 1), period_end=D(2025, 6, 30)
    )


def _login(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def _entry_data(**overrides: str) -> dict[str, str]:
    data = {"date": "2025-03-04", "text": "Ran the incident review", "axis": "teamwork", "goal": ""}
    data.update(overrides)
    return data


def _state() -> tuple[object, ...]:
    return (
        list(LogEntry.objects.values_list("date", "text", "axis_id", "goal_id")),
        list(SelfReview.objects.values_list("title", "text")),
    )


# The log.


def test_log_page_lists_the_members_entries_and_an_add_form(
    client: Client, alice: User, charlie: User, entry: LogEntry
) -> None:
    services.log_entry_create(owner=charlie, date=D(2025, 2, 2), text="Charlie's entry")
    response = _login(client, alice).get(reverse("growth:log"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Moved invoices" in body and "Charlie" not in body
    assert 'name="text"' in body


def test_member_adds_an_entry_with_axis_and_goal(client: Client, alice: User, goal: Goal) -> None:
    response = _login(client, alice).post(reverse("growth:log"), _entry_data(goal=goal.public_id))
    assert response.status_code == 302
    added = LogEntry.objects.get()
    assert (added.owner, added.axis.slug, added.goal) == (alice, "teamwork", goal)  # type: ignore[union-attr]
    assert added.date == D(2025, 3, 4)


def test_adding_while_filtered_returns_to_the_filtered_first_page(
    client: Client, alice: User, entry: LogEntry
) -> None:
    response = _login(client, alice).post(
        reverse("growth:log") + f"?axis=teamwork&after={entry.public_id}", _entry_data()
    )
    assert response["Location"] == reverse("growth:log") + "?axis=teamwork"


def test_log_is_newest_first_and_pages_by_cursor_without_gaps_or_repeats(
    client: Client, alice: User
) -> None:
    total = LOG_PAGE_SIZE * 2 + 5
    for i in range(total):
        # Several entries share each date, so the id must break ties.
        services.log_entry_create(owner=alice, date=D(2025, 1, 1 + i // 4), text=f"Entry {i}")
    expected = list(LogEntry.objects.order_by("-date", "-id").values_list("text", flat=True))
    _login(client, alice)
    seen: list[str] = []
    url = reverse("growth:log")
    pages = 0
    while url:
        response = client.get(url)
        pages += 1
        page = response.context["page"]
        seen += [e.text for e in page.entries]
        url = f"{reverse('growth:log')}?after={page.next_cursor}" if page.next_cursor else ""
    assert seen == expected
    assert pages == 3


def test_log_cursor_from_someone_else_is_ignored(
    client: Client, alice: User, charlie: User, entry: LogEntry
) -> None:
    foreign = services.log_entry_create(owner=charlie, date=D(2030, 1, 1), text="x")
    response = _login(client, alice).get(reverse("growth:log") + f"?after={foreign.public_id}")
    assert [e.text for e in response.context["page"].entries] == ["Moved invoices"]


def test_log_filters_by_axis_and_by_goal(client: Client, alice: User, goal: Goal) -> None:
    services.log_entry_create(
        owner=alice,
        date=D(2025, 1, 1),
        text="Teamwork thing",
        axis=Axis.objects.get(slug="teamwork"),
    )
    services.log_entry_create(owner=alice, date=D(2025, 1, 2), text="Goal thing", goal=goal)
    services.log_entry_create(owner=alice, date=D(2025, 1, 3), text="Plain thing")
    _login(client, alice)
    by_axis = client.get(reverse("growth:log"), {"axis": "teamwork"})
    assert [e.text for e in by_axis.context["page"].entries] == ["Teamwork thing"]
    by_goal = client.get(reverse("growth:log"), {"goal": goal.public_id})
    assert [e.text for e in by_goal.context["page"].entries] == ["Goal thing"]


def test_filtering_by_someone_elses_goal_is_a_400_and_shows_none_of_theirs(
    client: Client, alice: User, charlie: User
) -> None:
    plan = plan_services.plan_create(owner=charlie, title="Hers")
    foreign = plan_services.goal_create(plan=plan, axis=Axis.objects.first(), title="Secret")  # type: ignore[arg-type]
    services.log_entry_create(owner=charlie, date=D(2025, 1, 1), text="Hers", goal=foreign)
    response = _login(client, alice).get(reverse("growth:log"), {"goal": foreign.public_id})
    assert response.status_code == 400
    assert "Secret" not in response.content.decode()
    assert response.context["page"].entries == []


def test_the_goal_choices_are_only_the_members_own(
    client: Client, alice: User, charlie: User, goal: Goal
) -> None:
    plan = plan_services.plan_create(owner=charlie, title="Hers")
    plan_services.goal_create(plan=plan, axis=Axis.objects.first(), title="Charlie goal")  # type: ignore[arg-type]
    body = _login(client, alice).get(reverse("growth:log")).content.decode()
    assert "Own billing" in body and "Charlie goal" not in body


def test_a_forged_goal_id_is_a_form_error_and_saves_nothing(
    client: Client, alice: User, charlie: User
) -> None:
    plan = plan_services.plan_create(owner=charlie, title="Hers")
    foreign = plan_services.goal_create(plan=plan, axis=Axis.objects.first(), title="G")  # type: ignore[arg-type]
    response = _login(client, alice).post(
        reverse("growth:log"), _entry_data(goal=foreign.public_id)
    )
    assert response.status_code == 400
    assert "goal" in response.context["form"].errors
    assert not LogEntry.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"text": ""},
        {"text": "x" * 2_001},
        {"text": "x" * 1_000_000},
        {"date": "1899-12-31"},
        {"date": "3000-01-01"},
        {"date": "yesterday"},
        {"axis": "charisma"},
        {"goal": "no-such-goal"},
    ],
    ids=["empty", "long", "megabyte", "1899", "3000", "garbage-date", "axis", "goal"],
)
def test_bad_log_input_is_a_400_form_error_and_saves_nothing(
    overrides: dict[str, str], client: Client, alice: User, entry: LogEntry
) -> None:
    _login(client, alice)
    before = _state()
    create = client.post(reverse("growth:log"), _entry_data(**overrides))
    assert create.status_code == 400
    assert create.context["form"].errors
    edit = client.post(reverse("growth:log_edit", args=[entry.public_id]), _entry_data(**overrides))
    assert edit.status_code == 400
    assert _state() == before


def test_long_entry_error_says_what_the_limit_is(client: Client, alice: User) -> None:
    response = _login(client, alice).post(reverse("growth:log"), _entry_data(text="x" * 2_001))
    assert "at most 2000 characters" in response.content.decode()


def test_member_edits_and_deletes_an_entry(client: Client, alice: User, entry: LogEntry) -> None:
    _login(client, alice)
    url = reverse("growth:log_edit", args=[entry.public_id])
    form = client.get(url)
    assert form.status_code == 200
    assert form.context["form"].initial["goal"] == entry.goal.public_id  # type: ignore[union-attr]
    assert client.post(url, _entry_data(text="Moved all invoices")).status_code == 302
    entry.refresh_from_db()
    assert (entry.text, entry.goal) == ("Moved all invoices", None)
    client.post(reverse("growth:log_delete", args=[entry.public_id]))
    assert not LogEntry.objects.exists()


def test_log_page_queries_do_not_grow_with_entries(
    client: Client, alice: User, goal: Goal, django_assert_max_num_queries: object
) -> None:
    _login(client, alice)
    impact = Axis.objects.get(slug="impact")
    services.log_entry_create(owner=alice, date=D(2025, 1, 1), text="one", axis=impact, goal=goal)
    with django_assert_max_num_queries(8) as few:  # type: ignore[operator]
        client.get(reverse("growth:log"))
    for i in range(LOG_PAGE_SIZE + 10):
        services.log_entry_create(
            owner=alice, date=D(2025, 1, 2), text=f"e{i}", axis=impact, goal=goal
        )
    with django_assert_max_num_queries(len(few.captured_queries)):  # type: ignore[operator]
        response = client.get(reverse("growth:log"))
    assert len(response.context["page"].entries) == LOG_PAGE_SIZE


# Self-reviews.


def test_member_drafts_a_self_review_from_the_log(
    client: Client, alice: User, entry: LogEntry
) -> None:
    _login(client, alice)
    assert client.get(reverse("growth:self_reviews")).status_code == 200
    response = client.post(
        reverse("growth:self_reviews"),
        {"title": "H1", "period_start": "2025-01-01", "period_end": "2025-06-30"},
    )
    review = SelfReview.objects.get()
    assert response["Location"] == reverse("growth:self_review", args=[review.public_id])
    assert "- 2025-02-01: Moved invoices" in review.text
    page = client.get(response["Location"])
    assert "Moved invoices" in page.content.decode()


def test_member_edits_the_draft_text(client: Client, alice: User, review: SelfReview) -> None:
    url = reverse("growth:self_review", args=[review.public_id])
    response = _login(client, alice).post(url, {"title": "H1 final", "text": "My own words"})
    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.title, review.text) == ("H1 final", "My own words")


def test_self_review_list_shows_only_the_members_drafts(
    client: Client, alice: User, charlie: User, review: SelfReview
) -> None:
    services.self_review_create(
        owner=charlie, title="Charlie draft", period_start=D(2025, 1, 1), period_end=D(2025, 2, 1)
    )
    body = _login(client, alice).get(reverse("growth:self_reviews")).content.decode()
    assert "H1 review" in body and "Charlie draft" not in body


@pytest.mark.parametrize(
    "data",
    [
        {"title": "T", "period_start": "2025-06-01", "period_end": "2025-01-01"},
        {"title": "T", "period_start": "1800-01-01", "period_end": "2025-01-01"},
        {"title": "T", "period_start": "2015-01-01", "period_end": "2025-01-01"},
        {"title": "T", "period_start": "2025-01-01", "period_end": "9999-01-01"},
        {"title": "T", "period_start": "", "period_end": "2025-01-01"},
        {"title": "", "period_start": "2025-01-01", "period_end": "2025-02-01"},
        {"title": "x" * 161, "period_start": "2025-01-01", "period_end": "2025-02-01"},
    ],
    ids=["backwards", "1800", "ten-years", "9999", "no-start", "no-title", "long-title"],
)
def test_bad_period_is_a_400_form_error_and_saves_nothing(
    data: dict[str, str], client: Client, alice: User
) -> None:
    response = _login(client, alice).post(reverse("growth:self_reviews"), data)
    assert response.status_code == 400
    assert response.context["form"].errors
    assert not SelfReview.objects.exists()


def test_a_backwards_period_says_so(client: Client, alice: User) -> None:
    response = _login(client, alice).post(
        reverse("growth:self_reviews"),
        {"title": "T", "period_start": "2025-06-01", "period_end": "2025-01-01"},
    )
    assert "The period must start before it ends." in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [{"title": "", "text": "x"}, {"title": "T", "text": "x" * 100_001}],
    ids=["no-title", "huge-text"],
)
def test_bad_draft_edit_is_a_400_form_error_and_keeps_the_saved_draft(
    data: dict[str, str], client: Client, alice: User, review: SelfReview
) -> None:
    before = _state()
    response = _login(client, alice).post(
        reverse("growth:self_review", args=[review.public_id]), data
    )
    assert response.status_code == 400
    assert _state() == before


def test_member_deletes_a_draft(client: Client, alice: User, review: SelfReview) -> None:
    response = _login(client, alice).post(
        reverse("growth:self_review_delete", args=[review.public_id])
    )
    assert response["Location"] == reverse("growth:self_reviews")
    assert not SelfReview.objects.exists()


# Access: the log and self-reviews are their owner's alone, even for people a plan is shared with.


def _owner_urls(
    entry: LogEntry, review: SelfReview
) -> tuple[list[str], list[tuple[str, dict[str, str]]]]:
    reads = [
        reverse("growth:log_edit", args=[entry.public_id]),
        reverse("growth:self_review", args=[review.public_id]),
    ]
    writes = [
        (reverse("growth:log_edit", args=[entry.public_id]), _entry_data(text="Mine")),
        (reverse("growth:log_delete", args=[entry.public_id]), {}),
        (reverse("growth:self_review", args=[review.public_id]), {"title": "Mine", "text": "x"}),
        (reverse("growth:self_review_delete", args=[review.public_id]), {}),
    ]
    return reads, writes


@pytest.mark.parametrize("who", ["charlie", "mod", "carol"])
def test_anyone_but_the_owner_gets_404_on_log_entries_and_drafts(
    who: str,
    request: pytest.FixtureRequest,
    client: Client,
    plan: GrowthPlan,
    entry: LogEntry,
    review: SelfReview,
) -> None:
    carol = request.getfixturevalue("carol")
    Share.objects.create(plan=plan, grantee=carol, role=ShareRole.READ, accepted_at=timezone.now())
    _login(client, request.getfixturevalue(who))
    before = _state()
    reads, writes = _owner_urls(entry, review)
    for url in reads:
        assert client.get(url).status_code == 404, url
    for url, data in writes:
        assert client.post(url, data).status_code == 404, url
    assert _state() == before


def test_logged_out_visitor_is_sent_to_login_everywhere(
    client: Client, entry: LogEntry, review: SelfReview
) -> None:
    before = _state()
    reads, writes = _owner_urls(entry, review)
    for url in [reverse("growth:log"), reverse("growth:self_reviews"), *reads]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    for url, data in [
        (reverse("growth:log"), _entry_data()),
        (
            reverse("growth:self_reviews"),
            {"title": "T", "period_start": "2025-01-01", "period_end": "2025-02-01"},
        ),
        *writes,
    ]:
        response = client.post(url, data)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert _state() == before


def test_wrong_methods_get_405(
    client: Client, alice: User, entry: LogEntry, review: SelfReview
) -> None:
    _login(client, alice)
    for name, public_id in [
        ("log_delete", entry.public_id),
        ("self_review_delete", review.public_id),
    ]:
        assert client.get(reverse(f"growth:{name}", args=[public_id])).status_code == 405
    for url in [
        reverse("growth:log"),
        reverse("growth:self_reviews"),
        reverse("growth:log_edit", args=[entry.public_id]),
        reverse("growth:self_review", args=[review.public_id]),
    ]:
        assert client.put(url).status_code == 405, url
        assert client.delete(url).status_code == 405, url
    assert _state()[0]
