"""The review form's rating selects offer only the chosen scale's levels, with or without JS."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.growth.models import ReviewCycle
from rung.growth.tests.reviews_factory import make_review, make_scale
from rung.ladder.models import RatingChoice, RatingScale
from rung.testing.selects import select_options, selected_option

pytestmark = pytest.mark.django_db
NEW = reverse("growth:review_create")


def _pks(scale: RatingScale) -> list[str]:
    return ["", *(str(pk) for pk in scale.choices.order_by("order").values_list("pk", flat=True))]


def _review(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "H2 2025",
        "date": "2025-12-31",
        "company": "Typed company",
        "notes": "Typed notes.",
        "submit_token": "3b1c2a55-5a35-4a43-a9a5-5d2c2f6a0d11",
    }
    data.update(overrides)
    return data


def test_a_first_review_starts_on_the_first_preset_with_its_levels_only(
    alice_client: Client,
) -> None:
    html = alice_client.get(NEW).content.decode()
    first = RatingScale.objects.filter(is_preset=True).order_by("order", "name", "pk").first()
    assert first is not None
    assert selected_option(html, "scale") == str(first.pk)
    for name in ("overall", "rating_impact", "rating_teamwork"):
        assert select_options(html, name) == _pks(first)
    assert "M+ — Meets+" in html


def test_the_review_form_starts_on_the_scale_of_the_last_review(
    alice: User, alice_client: Client
) -> None:
    mine = make_scale(alice)
    make_review(alice, scale=mine, ratings={"impact": "Top"})
    html = alice_client.get(NEW).content.decode()
    assert selected_option(html, "scale") == str(mine.pk)
    assert select_options(html, "rating_impact") == _pks(mine)
    assert ">Top performer<" in html and ">Solid<" in html


def test_show_levels_without_js_swaps_the_levels_and_keeps_the_typing(
    alice_client: Client,
) -> None:
    scale = RatingScale.objects.get(slug="one-to-five")
    response = alice_client.post(NEW, _review(scale=scale.pk, show_levels="1"))
    assert response.status_code == 200
    html = response.content.decode()
    assert select_options(html, "rating_impact") == _pks(scale)
    assert select_options(html, "overall") == _pks(scale)
    assert "4 — strong" in html and "4 — 4 — strong" not in html
    assert "Typed company" in html and "Typed notes." in html
    assert 'role="alert"' not in html
    assert not ReviewCycle.objects.exists()


def test_a_rating_off_the_chosen_scale_is_a_400_that_names_the_scale(
    alice_client: Client,
) -> None:
    other = RatingChoice.objects.get(scale__slug="one-to-five", code="4")
    response = alice_client.post(
        NEW, _review(scale=RatingScale.objects.get(slug="e-m-i").pk, rating_impact=other.pk)
    )
    assert response.status_code == 400
    assert "4 is not on the E / M+ / M / M- / I scale; pick one of E, M+, M, M-, I." in (
        response.content.decode()
    )
    assert not ReviewCycle.objects.exists()


def test_editing_shows_the_cycles_own_scale_and_rating(alice: User, alice_client: Client) -> None:
    cycle = make_review(alice, scale="one-to-five", ratings={"impact": "4"})
    url = reverse("growth:review_edit", args=[cycle.public_id])
    html = alice_client.get(url).content.decode()
    scale = RatingScale.objects.get(slug="one-to-five")
    assert select_options(html, "rating_impact") == _pks(scale)
    assert selected_option(html, "rating_impact") == str(scale.choices.get(code="4").pk)
    shown = alice_client.post(
        url, _review(scale=RatingScale.objects.get(slug="e-m-i").pk, show_levels="1")
    )
    assert shown.status_code == 200
    cycle.refresh_from_db()
    assert (cycle.name, cycle.date) == ("H1 2025", datetime.date(2025, 6, 30))


def test_the_level_select_names_each_level_once(alice_client: Client) -> None:
    html = alice_client.get(NEW).content.decode()
    assert ">Engineering Manager<" in html
    assert "Engineering Manager (Engineering Manager)" not in html
    assert "Senior Engineer (" not in html
