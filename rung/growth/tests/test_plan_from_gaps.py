"""A plan starts from the gaps one ticks, one goal per gap, each goal's axis taken from it."""

import pytest
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.growth.models import Goal, GrowthPlan
from rung.growth.services import plans as plan_services
from rung.growth.tests.reviews_factory import make_review
from rung.ladder.models import Axis, Level
from rung.testing.selects import selected_option

pytestmark = pytest.mark.django_db
URL = reverse("growth:plan_from_gaps")
TOKEN = "6a1c2a55-5a35-4a43-a9a5-5d2c2f6a0d11"


@pytest.fixture
def mid_alice(alice: User) -> User:
    alice.level = Level.objects.get(slug="mid-level")
    alice.save(update_fields=["level"])
    make_review(alice, ratings={"impact": "M", "teamwork": "E"})
    return alice


@pytest.fixture
def alice_client(client: Client, mid_alice: User) -> Client:
    client.force_login(mid_alice)
    return client


def test_the_gaps_form_offers_to_start_a_plan_without_js(alice_client: Client) -> None:
    html = alice_client.get(reverse("growth:gaps")).content.decode()
    assert f'formaction="{URL}"' in html
    assert "Start a growth plan from these gaps" in html


def test_the_plan_form_is_prefilled_with_a_goal_per_ticked_gap(alice_client: Client) -> None:
    response = alice_client.get(URL, {"axes": ["teamwork", "impact"]})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Towards Senior Engineer"' in html
    # Ordered as the rubric is; a rated axis says from which rating to which.
    assert html.index("Goal on Impact") < html.index("Goal on Teamwork")
    assert 'value="Grow Impact from M to M+"' in html
    # Teamwork is already at the top of the scale, so the next level is the aim.
    assert 'value="Grow Teamwork towards Senior Engineer"' in html
    assert GrowthPlan.objects.count() == 0


def test_creating_it_makes_one_plan_with_one_goal_per_gap_on_its_axis(
    alice_client: Client, mid_alice: User
) -> None:
    data = {
        "axes": ["impact", "technical-skills"],
        "title": "Towards senior",
        "summary": "Close the **two** widest gaps.",
        "goal_impact": "Grow Impact from M to M+",
        "goal_technical_skills": "Own the feature store",
        "submit_token": TOKEN,
    }
    response = alice_client.post(URL, data)
    plan = GrowthPlan.objects.get(owner=mid_alice)
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    goals = {goal.axis.slug: goal.title for goal in plan.goals.select_related("axis")}
    assert goals == {
        "impact": "Grow Impact from M to M+",
        "technical-skills": "Own the feature store",
    }
    # A double click makes one plan with its goals once.
    assert alice_client.post(URL, data).status_code == 302
    assert (GrowthPlan.objects.count(), Goal.objects.count()) == (1, 2)


@pytest.mark.parametrize(
    "data",
    [
        {"title": "No gaps"},
        {"axes": ["no-such-axis"], "title": "Unknown gap"},
        {"axes": ["impact"], "title": "", "goal_impact": "x"},
        {"axes": ["impact"], "title": "Empty goal", "goal_impact": ""},
        {"axes": ["impact"], "title": "Past", "goal_impact": "x", "target_date": "2001-01-01"},
    ],
)
def test_bad_input_is_a_400_with_a_message_and_makes_nothing(
    alice_client: Client, data: dict[str, object]
) -> None:
    response = alice_client.post(URL, data)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert not GrowthPlan.objects.exists()


def test_opening_it_with_no_gap_ticked_says_so(alice_client: Client) -> None:
    response = alice_client.get(URL)
    assert response.status_code == 400
    assert "Tick at least one gap" in response.content.decode()


def test_a_goal_opened_from_a_gap_has_that_axis_and_a_title(
    alice_client: Client, mid_alice: User
) -> None:
    plan = plan_services.plan_create(owner=mid_alice, title="Mine")
    gaps = alice_client.get(reverse("growth:gaps")).content.decode()
    link = f"{reverse('growth:goal_create', args=[plan.public_id])}?axis=impact"
    assert link in gaps
    html = alice_client.get(link).content.decode()
    assert selected_option(html, "axis") == str(Axis.objects.get(slug="impact").pk)
    assert 'value="Grow Impact from M to M+"' in html


def test_a_goal_opened_with_an_unknown_axis_is_an_empty_form(
    alice_client: Client, mid_alice: User
) -> None:
    plan = plan_services.plan_create(owner=mid_alice, title="Mine")
    url = reverse("growth:goal_create", args=[plan.public_id])
    response = alice_client.get(url, {"axis": "<script>"})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1].split("</main>")[0]


def test_a_visitor_is_sent_to_log_in_and_nothing_is_made(client: Client) -> None:
    response = client.post(URL, {"axes": ["impact"], "title": "x", "goal_impact": "y"})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not GrowthPlan.objects.exists()
