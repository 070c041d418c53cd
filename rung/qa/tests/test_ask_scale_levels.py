"""The ask form's rating selects offer only the chosen scale's levels, with or without JS.

Without JavaScript the member picks a scale and presses "Show levels": the form comes back
with that scale's levels and everything typed kept, and nothing is posted. With
JavaScript, rung.js swaps the options from one `<template>` per scale (see
test_ask_scale_levels_browser.py). A rating from another scale is refused with a 400.
"""

import pytest
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.ladder.models import Axis, RatingChoice, RatingScale
from rung.qa import services
from rung.qa.models import Question, Topic
from rung.qa.services import ContextCard
from rung.testing.selects import select_options, selected_option

pytestmark = pytest.mark.django_db


def _pks(slug: str) -> list[str]:
    return [
        str(pk) for pk in RatingChoice.objects.filter(scale__slug=slug).values_list("pk", flat=True)
    ]


def _ask(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "How do I show more ownership?",
        "body": "Typed before picking the scale.",
        "topics": [Topic.objects.get(slug="mid-level").pk],
        "submit_token": "8f0c7c55-5a35-4a43-a9a5-5d2c2f6a0d11",
        "focus": "Ownership",
    }
    data.update(overrides)
    return data


def test_a_first_question_offers_no_levels_until_a_scale_is_chosen(alice_client: Client) -> None:
    html = alice_client.get(reverse("qa:ask")).content.decode()
    assert select_options(html, "rating_impact") == [""]
    assert 'name="show_levels"' in html
    # Every usable scale's levels wait in a template for the script, once each.
    for scale in RatingScale.objects.filter(is_preset=True):
        assert f'<template data-scale-levels="{scale.pk}">' in html


def test_the_ask_form_starts_on_the_scale_of_the_members_last_question(
    alice: User, alice_client: Client
) -> None:
    scale = RatingScale.objects.get(slug="one-to-five")
    services.question_create(
        author=alice,
        title="An earlier question",
        body="Earlier.",
        topics=[Topic.objects.get(slug="mid-level")],
        card=ContextCard(
            scale=scale, ratings={Axis.objects.get(slug="impact"): scale.choices.get(code="4")}
        ),
    )
    html = alice_client.get(reverse("qa:ask")).content.decode()
    assert selected_option(html, "scale") == str(scale.pk)
    assert select_options(html, "rating_impact") == ["", *_pks("one-to-five")]
    assert "4 — strong" in html and "4 — 4 — strong" not in html


def test_show_levels_without_js_keeps_what_was_typed_and_posts_nothing(
    alice_client: Client,
) -> None:
    scale = RatingScale.objects.get(slug="e-m-i")
    response = alice_client.post(reverse("qa:ask"), _ask(scale=scale.pk, show_levels="1"))
    assert response.status_code == 200
    html = response.content.decode()
    assert select_options(html, "rating_impact") == ["", *_pks("e-m-i")]
    assert select_options(html, "rating_teamwork") == ["", *_pks("e-m-i")]
    assert "M+ — Meets+" in html
    assert "How do I show more ownership?" in html and "Typed before picking the scale." in html
    assert "8f0c7c55-5a35-4a43-a9a5-5d2c2f6a0d11" in html
    assert 'role="alert"' not in html
    assert not Question.objects.exists()

    # Then the member picks a level and posts the same form.
    impact = scale.choices.get(code="M+").pk
    posted = alice_client.post(reverse("qa:ask"), _ask(scale=scale.pk, rating_impact=impact))
    assert posted.status_code == 302
    assert Question.objects.get().ratings.get().choice_id == impact


def test_a_rating_not_on_the_chosen_scale_is_a_400_that_names_the_scale(
    alice_client: Client,
) -> None:
    other = RatingChoice.objects.get(scale__slug="one-to-five", code="5")
    response = alice_client.post(
        reverse("qa:ask"),
        _ask(scale=RatingScale.objects.get(slug="e-m-i").pk, rating_impact=other.pk),
    )
    assert response.status_code == 400
    assert "5 is not on the E / M+ / M / M- / I scale; pick one of E, M+, M, M-, I." in (
        response.content.decode()
    )
    assert not Question.objects.exists()


def test_editing_a_question_shows_its_own_scales_levels(alice: User, alice_client: Client) -> None:
    scale = RatingScale.objects.get(slug="exceeds-meets-below")
    question = services.question_create(
        author=alice,
        title="Rated on three levels",
        body="Body.",
        topics=[Topic.objects.get(slug="mid-level")],
        card=ContextCard(
            scale=scale,
            ratings={Axis.objects.get(slug="impact"): scale.choices.get(code="Meets")},
        ),
    )
    html = alice_client.get(reverse("qa:question_edit", args=[question.pk])).content.decode()
    assert select_options(html, "rating_impact") == ["", *_pks("exceeds-meets-below")]
    assert selected_option(html, "rating_impact") == str(scale.choices.get(code="Meets").pk)
    shown = alice_client.post(
        reverse("qa:question_edit", args=[question.pk]),
        _ask(scale=RatingScale.objects.get(slug="one-to-five").pk, show_levels="1"),
    )
    assert shown.status_code == 200
    assert select_options(shown.content.decode(), "rating_impact") == ["", *_pks("one-to-five")]
    question.refresh_from_db()
    assert question.title == "Rated on three levels"


def test_the_level_select_of_the_ask_form_names_each_level_once(alice_client: Client) -> None:
    html = alice_client.get(reverse("qa:ask")).content.decode()
    assert ">Engineering Manager<" in html
    assert "Engineering Manager (Engineering Manager)" not in html


def test_a_preselected_scale_without_ratings_stays_off_the_card(alice_client: Client) -> None:
    scale = RatingScale.objects.get(slug="e-m-i")
    assert alice_client.post(reverse("qa:ask"), _ask(scale=scale.pk, focus="")).status_code == 302
    question = Question.objects.get()
    assert question.ctx_scale is None and not question.has_context
