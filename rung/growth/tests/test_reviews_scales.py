"""Rating scale pages, and that a member's custom scale stays private everywhere it is offered."""

from typing import Any

import pytest
from django.forms import ChoiceField, ModelChoiceField
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.growth.tests.reviews_factory import make_review, make_scale
from rung.ladder.models import Axis, RatingChoice, RatingScale
from rung.qa.forms import QuestionForm
from rung.qa.models import Question, Topic
from rung.qa.services import ContextCard
from rung.testing import make_question

pytestmark = pytest.mark.django_db


def _scale_data(
    name: str = "Acme ladder", rows: list[tuple[str, str, object]] | None = None
) -> dict[str, Any]:
    rows = (
        rows
        if rows is not None
        else [("E", "Exceptional", 5), ("S", "Strong", 4), ("N", "Not yet", 1)]
    )
    data: dict[str, Any] = {
        "name": name,
        "levels-TOTAL_FORMS": "10",
        "levels-INITIAL_FORMS": "0",
        "levels-MIN_NUM_FORMS": "0",
        "levels-MAX_NUM_FORMS": "10",
    }
    for i in range(10):
        code, label, value = rows[i] if i < len(rows) else ("", "", "")
        data[f"levels-{i}-code"] = code
        data[f"levels-{i}-label"] = label
        data[f"levels-{i}-common_value"] = value
    return data


def test_owner_defines_a_custom_scale_and_blank_rows_are_ignored(
    client: Client, alice: User
) -> None:
    client.force_login(alice)
    page = client.get(reverse("growth:scales")).content.decode()
    assert "E / M+ / M / M- / I" in page and 'name="levels-9-code"' in page
    response = client.post(reverse("growth:scales"), _scale_data())
    assert response.status_code == 302 and response["Location"] == reverse("growth:scales")
    scale = RatingScale.objects.get(owner=alice)
    assert scale.name == "Acme ladder" and not scale.is_preset
    assert scale.slug.startswith("custom-")
    assert [(c.code, c.label, c.common_value) for c in scale.choices.all()] == [
        ("E", "Exceptional", 5),
        ("S", "Strong", 4),
        ("N", "Not yet", 1),
    ]
    page = client.get(reverse("growth:scales")).content.decode()
    assert "Acme ladder" in page
    assert reverse("growth:scale_delete", args=[scale.slug]) in page


def test_custom_scale_can_be_used_for_a_review(client: Client, alice: User) -> None:
    scale = make_scale(alice)
    client.force_login(alice)
    response = client.post(
        reverse("growth:review_create"),
        {
            "name": "2024",
            "date": "2024-12-01",
            "scale": scale.pk,
            "rating_impact": scale.choices.get(code="Top").pk,
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("growth:reviews")).content.decode()
    assert "Impact: 2024 Top (5 of 5)" in page


BAD_SCALES = {
    "one level": lambda: _scale_data(rows=[("A", "a", 5)]),
    "no levels": lambda: _scale_data(rows=[]),
    "duplicate codes": lambda: _scale_data(rows=[("A", "a", 5), ("a", "b", 1)]),
    "value 6": lambda: _scale_data(rows=[("A", "a", 6), ("B", "b", 1)]),
    "value 0": lambda: _scale_data(rows=[("A", "a", 0), ("B", "b", 1)]),
    "value not a number": lambda: _scale_data(rows=[("A", "a", "x"), ("B", "b", 1)]),
    "row without code": lambda: _scale_data(rows=[("", "a", 5), ("B", "b", 1)]),
    "row without value": lambda: _scale_data(rows=[("A", "a", ""), ("B", "b", 1)]),
    "no name": lambda: _scale_data(name=" "),
    "long code": lambda: _scale_data(rows=[("A" * 21, "a", 5), ("B", "b", 1)]),
    "1 MB label": lambda: _scale_data(rows=[("A", "a" * 1_000_000, 5), ("B", "b", 1)]),
    "forged form count": lambda: {**_scale_data(), "levels-TOTAL_FORMS": "5000"},
    "missing management form": lambda: {"name": "X", "levels-0-code": "A"},
}


@pytest.mark.parametrize("case", BAD_SCALES)
def test_bad_scale_input_gets_400_with_a_message_and_saves_nothing(
    client: Client, alice: User, case: str
) -> None:
    client.force_login(alice)
    response = client.post(reverse("growth:scales"), BAD_SCALES[case]())
    assert response.status_code == 400, case
    assert b'class="errorlist' in response.content or b'role="alert"' in response.content
    assert not RatingScale.objects.filter(owner=alice).exists()


def test_scale_errors_say_what_is_wrong(client: Client, alice: User) -> None:
    client.force_login(alice)
    post = lambda data: client.post(reverse("growth:scales"), data).content.decode()  # noqa: E731
    assert "Fill in between 2 and 10 levels." in post(_scale_data(rows=[("A", "a", 5)]))
    assert "This code is already used above." in post(
        _scale_data(rows=[("A", "a", 5), ("a", "b", 1)])
    )
    assert "Select a valid choice" in post(_scale_data(rows=[("A", "a", 6), ("B", "b", 1)]))


def test_owner_deletes_an_unused_custom_scale(client: Client, alice: User) -> None:
    scale = make_scale(alice)
    client.force_login(alice)
    response = client.post(reverse("growth:scale_delete", args=[scale.slug]))
    assert response.status_code == 302
    assert not RatingScale.objects.filter(pk=scale.pk).exists()


def test_deleting_a_scale_a_review_uses_gives_a_clear_error(client: Client, alice: User) -> None:
    scale = make_scale(alice)
    make_review(alice, scale=scale, ratings={"impact": "Top"})
    client.force_login(alice)
    response = client.post(reverse("growth:scale_delete", args=[scale.slug]))
    assert response.status_code == 400
    assert "1 of your reviews uses this scale" in response.content.decode()
    assert RatingScale.objects.filter(pk=scale.pk).exists()


def test_deleting_a_scale_a_question_rates_on_gives_a_clear_error(
    client: Client, alice: User
) -> None:
    scale = make_scale(alice)
    top = scale.choices.get(code="Top")
    make_question(
        alice, card=ContextCard(scale=scale, ratings={Axis.objects.get(slug="impact"): top})
    )
    client.force_login(alice)
    response = client.post(reverse("growth:scale_delete", args=[scale.slug]))
    assert response.status_code == 400
    assert "One of your questions uses this scale" in response.content.decode()
    assert RatingScale.objects.filter(pk=scale.pk).exists()
    assert RatingChoice.objects.filter(pk=top.pk).exists()


@pytest.mark.parametrize("who", ["charlie", "mod"])
def test_outsider_gets_404_deleting_someone_elses_scale(
    request: pytest.FixtureRequest, client: Client, alice: User, who: str
) -> None:
    scale = make_scale(alice)
    client.force_login(request.getfixturevalue(who))
    assert client.post(reverse("growth:scale_delete", args=[scale.slug])).status_code == 404
    assert RatingScale.objects.filter(pk=scale.pk).exists()


def test_outsider_does_not_see_someone_elses_scale_on_the_scales_page(
    client: Client, alice: User, charlie: User
) -> None:
    make_scale(alice, "Alice's secret scale")
    client.force_login(charlie)
    assert "Alice&#x27;s secret scale" not in client.get(reverse("growth:scales")).content.decode()


@pytest.mark.parametrize("slug", ["e-m-i", "no-such-scale"])
def test_preset_or_unknown_scale_gets_404_on_delete(client: Client, alice: User, slug: str) -> None:
    client.force_login(alice)
    assert client.post(reverse("growth:scale_delete", args=[slug])).status_code == 404
    assert RatingScale.objects.filter(slug="e-m-i").exists()


def test_logged_out_visitor_is_sent_to_log_in_from_scale_pages(client: Client, alice: User) -> None:
    scale = make_scale(alice)
    for url in (reverse("growth:scales"), reverse("growth:scale_delete", args=[scale.slug])):
        response = client.post(url, _scale_data())
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert client.get(reverse("growth:scales")).status_code == 302
    assert RatingScale.objects.filter(owner=alice).count() == 1


def test_wrong_method_on_scale_pages_gets_405(client: Client, alice: User) -> None:
    scale = make_scale(alice)
    client.force_login(alice)
    assert client.put(reverse("growth:scales")).status_code == 405
    assert client.get(reverse("growth:scale_delete", args=[scale.slug])).status_code == 405
    assert RatingScale.objects.filter(pk=scale.pk).exists()


# The ask form in qa offers presets plus the asker's own scales only.


def test_ask_form_does_not_list_another_members_custom_scale(
    client: Client, alice: User, charlie: User
) -> None:
    theirs = make_scale(charlie, "Charlie's private scale")
    mine = make_scale(alice, "Alice scale")
    form = QuestionForm(user=alice)
    scale_field = form.fields["scale"]
    rating_field = form.fields["rating_impact"]
    assert isinstance(scale_field, ModelChoiceField) and isinstance(rating_field, ChoiceField)
    offered = list(scale_field.queryset or [])
    assert mine in offered and theirs not in offered
    assert set(RatingScale.objects.filter(is_preset=True)) <= set(offered)
    # The rating selects may offer any usable level (one scale's at a time), never theirs.
    usable = set(form.usable_ratings)
    assert not usable & set(theirs.choices.values_list("pk", flat=True))
    assert set(mine.choices.values_list("pk", flat=True)) <= usable
    assert [group.scale for group in form.scale_levels] == offered
    client.force_login(alice)
    page = client.get(reverse("qa:ask")).content.decode()
    assert "Alice scale" in page and "Charlie" not in page


def test_ask_form_refuses_another_members_custom_scale_and_rating(
    client: Client, alice: User, charlie: User
) -> None:
    theirs = make_scale(charlie)
    client.force_login(alice)
    response = client.post(
        reverse("qa:ask"),
        {
            "title": "How do I get to senior?",
            "body": "Some context here.",
            "topics": [Topic.objects.get(slug="mid-level").pk],
            "scale": theirs.pk,
            "rating_impact": theirs.choices.get(code="Top").pk,
        },
    )
    assert response.status_code == 400
    assert not Question.objects.exists()


def test_asker_can_use_their_own_custom_scale_on_a_question(client: Client, alice: User) -> None:
    mine = make_scale(alice)
    form = QuestionForm(
        {
            "title": "How do I get to senior?",
            "body": "Some context here.",
            "topics": [Topic.objects.get(slug="mid-level").pk],
            "scale": mine.pk,
            "rating_impact": mine.choices.get(code="Top").pk,
        },
        user=alice,
    )
    assert form.is_valid(), form.errors
    assert form.card().ratings == {Axis.objects.get(slug="impact"): mine.choices.get(code="Top")}


def test_edit_question_form_still_shows_the_authors_custom_scale(
    client: Client, alice: User
) -> None:
    mine = make_scale(alice, "Alice scale")
    top = RatingChoice.objects.get(scale=mine, code="Top")
    question = make_question(
        alice, card=ContextCard(scale=mine, ratings={Axis.objects.get(slug="impact"): top})
    )
    client.force_login(alice)
    page = client.get(reverse("qa:question_edit", args=[question.pk])).content.decode()
    assert f'<option value="{mine.pk}" selected>Alice scale</option>' in page
