"""Asking the community from a gap: a preview of the public card, then a prefilled ask form."""

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.growth.models import AxisRating, Mark, ReviewCycle, SelfAssessment
from rung.ladder.models import Axis, Expectation, Level, RatingChoice, RatingScale
from rung.qa.models import Question
from rung.qa.views.posting import ASK_PREFILL_SESSION_KEY

pytestmark = pytest.mark.django_db
URL = "/growth/gaps/ask/"
COMPANY = "Initech Dynamics"
SECRET_NOTE = "SECRET-NOTE-7f3a"
SECRET_WORDS = "MANAGER-WORDS-91c2"
PRIVATE_LINK = "https://wiki.internal.example/promo-packet"


@pytest.fixture
def mid_alice(alice: User) -> User:
    """Alice, mid-level, with a review holding a company, notes and manager's words."""
    alice.level = Level.objects.get(slug="mid-level")
    alice.years_experience = 4
    alice.save(update_fields=["level", "years_experience"])
    scale = RatingScale.objects.get(slug="e-m-i")
    cycle = ReviewCycle.objects.create(
        owner=alice,
        name=f"{COMPANY} H1",
        date=datetime.date(2025, 6, 30),
        company=COMPANY,
        scale=scale,
        notes=f"My own notes: {SECRET_NOTE}",
    )
    for slug, code in {"impact": "E", "teamwork": "M+", "leadership-ownership": "M-"}.items():
        AxisRating.objects.create(
            cycle=cycle,
            axis=Axis.objects.get(slug=slug),
            rating=scale.choices.get(code=code),
            manager_words=f"{SECRET_WORDS} on {slug}",
        )
    SelfAssessment.objects.create(
        owner=alice,
        expectation=Expectation.objects.get(
            level__slug="senior", axis__slug="leadership-ownership"
        ),
        mark=Mark.NOT_YET,
        evidence=PRIVATE_LINK,
    )
    return alice


@pytest.fixture
def alice_client(client: Client, mid_alice: User) -> Client:
    client.force_login(mid_alice)
    return client


def _page(response: Any) -> str:
    return str(response.content.decode())


def test_address_is_the_named_route() -> None:
    assert reverse("growth:ask_from_gap") == URL


def test_gap_view_offers_the_ask_form_for_ticked_axes(alice_client: Client) -> None:
    page = _page(alice_client.get(reverse("growth:gaps")))
    assert f'action="{URL}"' in page
    assert 'name="axes" value="leadership-ownership" checked' in page


def test_first_visit_without_axes_prompts_to_pick(alice_client: Client) -> None:
    response = alice_client.get(URL)
    assert response.status_code == 200
    assert "Pick at least one axis" in _page(response)
    assert "Preview: what will be public" not in _page(response)


def test_preview_shows_the_card_drafted_from_the_gap(alice_client: Client) -> None:
    response = alice_client.get(URL, {"axes": "leadership-ownership"})
    assert response.status_code == 200
    page = _page(response)
    assert "Preview: what will be public" in page
    assert "Moving from Mid-level to Senior: Leadership &amp; Ownership" in page
    assert "Mid-level Engineer" in page
    assert "4 years" in page
    assert "Leadership &amp; Ownership <strong>M-</strong>" in page
    # Only the picked axis's rating is offered ticked at first.
    assert 'name="ratings" value="leadership-ownership" id="id_ratings_2" checked' in page
    assert "Impact <strong>E</strong>" not in page


def test_preview_leaves_out_everything_not_ticked(alice_client: Client) -> None:
    page = _page(alice_client.get(URL, {"axes": ["leadership-ownership", "teamwork"]}))
    assert COMPANY not in page
    assert "Initech" not in page
    assert SECRET_NOTE not in page
    assert SECRET_WORDS not in page
    assert PRIVATE_LINK not in page


def test_preview_includes_company_and_notes_when_ticked(alice_client: Client) -> None:
    page = _page(
        alice_client.get(
            URL,
            {
                "step": "preview",
                "axes": "leadership-ownership",
                "ratings": "leadership-ownership",
                "include_company": "on",
                "include_notes": "on",
            },
        )
    )
    assert COMPANY in page
    assert SECRET_NOTE in page
    assert f"{SECRET_WORDS} on leadership-ownership" in page
    assert f"{SECRET_WORDS} on impact" not in page
    assert PRIVATE_LINK not in page


def test_unticking_a_rating_leaves_it_off_the_card(alice_client: Client) -> None:
    page = _page(alice_client.get(URL, {"step": "preview", "axes": "leadership-ownership"}))
    assert "<strong>M-</strong>" not in page
    assert "Last review" not in page


def test_confirming_carries_the_draft_to_the_ask_form_without_posting(
    alice_client: Client,
) -> None:
    response = alice_client.post(
        URL, {"axes": "leadership-ownership", "ratings": "leadership-ownership"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("qa:ask")
    assert not Question.objects.exists()

    ask = alice_client.get(reverse("qa:ask"))
    assert ask.status_code == 200
    initial = ask.context["form"].initial
    leadership = Axis.objects.get(slug="leadership-ownership")
    minus = RatingChoice.objects.get(scale__slug="e-m-i", code="M-")
    assert initial["focus"] == "Moving from Mid-level to Senior: Leadership & Ownership"
    assert initial[f"rating_{leadership.slug.replace('-', '_')}"] == minus.pk
    assert "rating_impact" not in initial
    assert initial["company"] == ""
    page = _page(ask)
    assert "Moving from Mid-level to Senior: Leadership &amp; Ownership" in page
    assert f'<option value="{minus.pk}" selected>' in page
    assert COMPANY not in page
    assert SECRET_NOTE not in page
    assert SECRET_WORDS not in page
    assert PRIVATE_LINK not in page
    assert not Question.objects.exists()


def test_prefilled_ask_form_holds_ticked_company_and_notes(alice_client: Client) -> None:
    alice_client.post(
        URL,
        {"axes": "leadership-ownership", "include_company": "on", "include_notes": "on"},
    )
    page = _page(alice_client.get(reverse("qa:ask")))
    assert f'value="{COMPANY}"' in page
    assert SECRET_NOTE in page
    assert SECRET_WORDS in page


def test_the_draft_is_shown_once(alice_client: Client) -> None:
    alice_client.post(URL, {"axes": "teamwork"})
    assert ASK_PREFILL_SESSION_KEY in alice_client.session
    assert "Teamwork" in _page(alice_client.get(reverse("qa:ask")))
    assert ASK_PREFILL_SESSION_KEY not in alice_client.session
    assert "Moving from Mid-level" not in _page(alice_client.get(reverse("qa:ask")))


def test_drafted_question_posts_through_the_normal_ask_form(
    alice_client: Client, mid_alice: User
) -> None:
    alice_client.post(URL, {"axes": "leadership-ownership", "ratings": "leadership-ownership"})
    form = alice_client.get(reverse("qa:ask")).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data["topics"] = [str(pk) for pk in data["topics"]]
    response = alice_client.post(reverse("qa:ask"), data)
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.ctx_company == ""
    assert SECRET_NOTE not in question.body
    assert question.ctx_focus.endswith("Leadership & Ownership")
    assert {t.slug for t in question.topics.all()} == {"mid-level", "leadership-ownership"}


def test_custom_scale_is_shown_on_the_common_scale(alice_client: Client, mid_alice: User) -> None:
    custom = RatingScale.objects.create(
        slug="initech-ladder", name="Initech private scale", is_preset=False
    )
    strong = RatingChoice.objects.create(
        scale=custom, code="Strong", label="Strong", common_value=4
    )
    cycle = ReviewCycle.objects.create(
        owner=mid_alice, name="Later", date=datetime.date(2025, 12, 31), scale=custom
    )
    AxisRating.objects.create(cycle=cycle, axis=Axis.objects.get(slug="teamwork"), rating=strong)
    page = _page(alice_client.get(URL, {"axes": "teamwork"}))
    assert "Initech" not in page
    assert "Teamwork <strong>4</strong>" in page
    assert "shown on the common 1–5 scale" in page


@pytest.mark.parametrize(
    "params",
    [
        {"axes": "not-an-axis"},
        {"step": "preview"},
        {"step": "preview", "axes": "impact", "ratings": "technical-skills"},
    ],
)
def test_bad_choices_give_400(alice_client: Client, params: dict[str, str]) -> None:
    assert alice_client.get(URL, params).status_code == 400
    assert alice_client.post(URL, params).status_code == 400
    assert ASK_PREFILL_SESSION_KEY not in alice_client.session


def test_logged_out_visitor_is_sent_to_login(client: Client) -> None:
    for response in (client.get(URL, {"axes": "impact"}), client.post(URL, {"axes": "impact"})):
        assert response.status_code == 302
        assert "/login" in response["Location"]


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_get_405(alice_client: Client, method: str) -> None:
    assert getattr(alice_client, method)(URL).status_code == 405


def test_outsider_preview_holds_only_their_own_data(
    client: Client, mid_alice: User, charlie: User
) -> None:
    client.force_login(charlie)
    page = _page(
        client.get(
            URL,
            {"step": "preview", "axes": "impact", "include_company": "on", "include_notes": "on"},
        )
    )
    assert COMPANY not in page
    assert SECRET_NOTE not in page
    assert "<strong>E</strong>" not in page
    # Alice's ratings are not offered to include, either.
    assert 'name="ratings"' not in page
