"""Review and scale services: what they accept, what they refuse, and that they write whole."""

import datetime
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from rung.accounts.models import User
from rung.growth.models import AxisRating, ReviewCycle
from rung.growth.selectors import reviews as selectors
from rung.growth.services import reviews as services
from rung.growth.services.reviews import ScaleLevel
from rung.growth.tests.reviews_factory import make_review, make_scale
from rung.ladder.models import Axis, RatingChoice, RatingScale
from rung.qa.services import ContextCard
from rung.testing import make_question

pytestmark = pytest.mark.django_db


def _choice(scale: str, code: str) -> RatingChoice:
    return RatingChoice.objects.get(scale__slug=scale, code=code)


def _axis(slug: str) -> Axis:
    return Axis.objects.get(slug=slug)


def _cycle_kwargs(owner: User, **overrides: object) -> dict[str, object]:
    kwargs: dict[str, object] = {
        "owner": owner,
        "name": "H1 2025",
        "date": datetime.date(2025, 6, 30),
        "company": "Acme",
        "level": None,
        "scale": RatingScale.objects.get(slug="e-m-i"),
        "overall": _choice("e-m-i", "M+"),
        "notes": "Ask for a bigger project.",
        "ratings": {
            _axis("impact"): (_choice("e-m-i", "E"), "Shipped the ranking model."),
            _axis("teamwork"): (_choice("e-m-i", "M"), ""),
        },
    }
    kwargs.update(overrides)
    return kwargs


# Scales


def test_custom_scale_is_private_to_its_owner_with_a_random_slug(alice: User, bob: User) -> None:
    scale = make_scale(alice)
    assert scale.owner == alice and not scale.is_preset
    assert scale.slug.startswith("custom-") and len(scale.slug) > len("custom-") + 10
    assert make_scale(alice, "Other").slug != scale.slug
    assert [(c.code, c.common_value, c.order) for c in scale.choices.all()] == [
        ("Top", 5, 0),
        ("Solid", 3, 1),
        ("Low", 1, 2),
    ]
    assert scale in selectors.scales_for(alice)
    assert scale not in selectors.scales_for(bob)
    assert not selectors.rating_choices_for(bob).filter(scale=scale).exists()


def test_scales_for_lists_every_preset_first(alice: User) -> None:
    make_scale(alice, "Aardvark scale")
    scales = list(selectors.scales_for(alice))
    presets = list(RatingScale.objects.filter(is_preset=True))
    assert scales[: len(presets)] == sorted(presets, key=lambda s: s.order)
    assert scales[-1].name == "Aardvark scale"


@pytest.mark.parametrize(
    ("name", "levels", "message"),
    [
        ("", [ScaleLevel("A", "a", 5), ScaleLevel("B", "b", 1)], "Give the scale a name."),
        ("X", [ScaleLevel("A", "a", 5)], "between 2 and 10 levels"),
        ("X", [ScaleLevel(str(i), "l", 3) for i in range(11)], "between 2 and 10 levels"),
        ("X", [ScaleLevel("A", "a", 5), ScaleLevel("a", "b", 1)], "used twice"),
        ("X", [ScaleLevel("A", "a", 6), ScaleLevel("B", "b", 1)], "between 1 and 5"),
        ("X", [ScaleLevel("A", "a", 0), ScaleLevel("B", "b", 1)], "between 1 and 5"),
        ("X", [ScaleLevel("", "a", 5), ScaleLevel("B", "b", 1)], "needs a code"),
        ("X", [ScaleLevel("A" * 21, "a", 5), ScaleLevel("B", "b", 1)], "needs a code"),
        ("X", [ScaleLevel("A", " ", 5), ScaleLevel("B", "b", 1)], "needs a label"),
        ("n" * 121, [ScaleLevel("A", "a", 5), ScaleLevel("B", "b", 1)], "under 120"),
    ],
)
def test_bad_scale_is_refused_with_a_clear_message_and_nothing_saved(
    alice: User, name: str, levels: list[ScaleLevel], message: str
) -> None:
    with pytest.raises(ValidationError) as error:
        services.rating_scale_create(owner=alice, name=name, levels=levels)
    assert any(message in text for text in error.value.messages)
    assert not RatingScale.objects.filter(owner=alice).exists()


def test_a_member_may_keep_only_so_many_custom_scales(
    alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services, "MAX_CUSTOM_SCALES", 2)
    make_scale(alice)
    make_scale(alice)
    with pytest.raises(ValidationError, match="already have 2 custom scales"):
        make_scale(alice)


def test_unused_custom_scale_is_deleted_with_its_levels(alice: User) -> None:
    scale = make_scale(alice)
    services.rating_scale_delete(scale=scale)
    assert not RatingScale.objects.filter(pk=scale.pk).exists()
    assert not RatingChoice.objects.filter(scale_id=scale.pk).exists()


def test_custom_scale_used_by_a_review_cannot_be_deleted(alice: User) -> None:
    scale = make_scale(alice)
    make_review(alice, scale=scale, ratings={"impact": "Top"})
    with pytest.raises(ValidationError, match="1 of your reviews uses this scale"):
        services.rating_scale_delete(scale=scale)
    assert scale.choices.count() == 3


def test_custom_scale_used_only_as_overall_rating_cannot_be_deleted(alice: User) -> None:
    scale = make_scale(alice)
    make_review(alice, scale=scale, ratings={}, overall="Solid")
    with pytest.raises(ValidationError):
        services.rating_scale_delete(scale=scale)
    assert RatingScale.objects.filter(pk=scale.pk).exists()


def test_custom_scale_used_by_a_question_cannot_be_deleted(alice: User) -> None:
    scale = make_scale(alice)
    card = ContextCard(scale=scale, ratings={_axis("impact"): scale.choices.get(code="Top")})
    make_question(alice, card=card)
    with pytest.raises(ValidationError, match="questions uses this scale"):
        services.rating_scale_delete(scale=scale)
    assert RatingScale.objects.filter(pk=scale.pk).exists()


def test_preset_scale_cannot_be_deleted_through_the_service() -> None:
    with pytest.raises(ValidationError):
        services.rating_scale_delete(scale=RatingScale.objects.get(slug="e-m-i"))
    assert RatingScale.objects.filter(slug="e-m-i").exists()


def test_deleting_a_member_removes_their_scales_even_while_their_reviews_use_them(
    alice: User,
) -> None:
    scale = make_scale(alice)
    make_review(alice, scale=scale, ratings={"impact": "Top"}, overall="Solid")
    alice.delete()
    assert not RatingScale.objects.filter(pk=scale.pk).exists()
    assert not ReviewCycle.objects.exists()


# Review cycles


def test_review_is_recorded_with_its_ratings_and_words(alice: User) -> None:
    cycle = services.review_cycle_create(**_cycle_kwargs(alice))  # type: ignore[arg-type]
    assert (cycle.owner, cycle.name, cycle.company, cycle.overall.code) == (  # type: ignore[union-attr]
        alice,
        "H1 2025",
        "Acme",
        "M+",
    )
    assert len(cycle.public_id) == 12
    ratings = {r.axis.slug: (r.rating.code, r.manager_words) for r in cycle.ratings.all()}
    assert ratings == {"impact": ("E", "Shipped the ranking model."), "teamwork": ("M", "")}


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": "   "}, "Give the review cycle a name"),
        ({"name": "n" * 121}, "under 120"),
        ({"company": "c" * 121}, "company name under 120"),
        ({"date": datetime.date(1899, 12, 31)}, "Enter a date between 1900-01-01"),
        ({"notes": "x" * 20_001}, "notes under 20000"),
    ],
)
def test_bad_review_is_refused_and_nothing_saved(
    alice: User, overrides: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError) as error:
        services.review_cycle_create(**_cycle_kwargs(alice, **overrides))  # type: ignore[arg-type]
    assert any(message in text for text in error.value.messages)
    assert not ReviewCycle.objects.exists()
    assert not AxisRating.objects.exists()


def test_review_date_more_than_five_years_ahead_is_refused(alice: User) -> None:
    today = timezone.localdate()
    latest = services.latest_allowed_date(today)
    assert latest.year == today.year + 5
    services.review_cycle_create(**_cycle_kwargs(alice, date=latest))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="Enter a date between"):
        services.review_cycle_create(
            **_cycle_kwargs(alice, date=latest + datetime.timedelta(days=1))  # type: ignore[arg-type]
        )
    assert ReviewCycle.objects.count() == 1


def test_latest_allowed_date_handles_29_february() -> None:
    assert services.latest_allowed_date(datetime.date(2028, 2, 29)) == datetime.date(2033, 2, 28)


def test_rating_from_another_scale_is_refused(alice: User) -> None:
    ratings = {_axis("impact"): (_choice("one-to-five", "5"), "")}
    with pytest.raises(ValidationError, match="5 for Impact is not on the E / M"):
        services.review_cycle_create(**_cycle_kwargs(alice, ratings=ratings))  # type: ignore[arg-type]
    assert not ReviewCycle.objects.exists()


def test_overall_rating_from_another_scale_is_refused(alice: User) -> None:
    with pytest.raises(ValidationError, match="overall rating 5 is not on"):
        services.review_cycle_create(
            **_cycle_kwargs(alice, overall=_choice("one-to-five", "5"))  # type: ignore[arg-type]
        )
    assert not ReviewCycle.objects.exists()


def test_manager_words_over_the_limit_are_refused(alice: User) -> None:
    ratings = {_axis("impact"): (_choice("e-m-i", "E"), "w" * 20_001)}
    with pytest.raises(ValidationError, match="manager's words for Impact under 20000"):
        services.review_cycle_create(**_cycle_kwargs(alice, ratings=ratings))  # type: ignore[arg-type]


def test_someone_elses_custom_scale_cannot_be_used(alice: User, charlie: User) -> None:
    scale = make_scale(charlie)
    top = scale.choices.get(code="Top")
    with pytest.raises(ValidationError, match="preset scales or one of your own"):
        services.review_cycle_create(
            **_cycle_kwargs(  # type: ignore[arg-type]
                alice, scale=scale, overall=None, ratings={_axis("impact"): (top, "")}
            )
        )
    assert not ReviewCycle.objects.exists()


def test_a_member_may_keep_only_so_many_cycles(
    alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services, "MAX_CYCLES", 1)
    make_review(alice)
    with pytest.raises(ValidationError, match="reached 1 review cycles"):
        make_review(alice, name="H2 2025")
    assert ReviewCycle.objects.count() == 1


def test_a_failure_while_saving_ratings_leaves_no_cycle_behind(alice: User) -> None:
    with (
        mock.patch.object(AxisRating.objects, "bulk_create", side_effect=RuntimeError("disk")),
        pytest.raises(RuntimeError),
    ):
        services.review_cycle_create(**_cycle_kwargs(alice))  # type: ignore[arg-type]
    assert not ReviewCycle.objects.exists()


def test_update_replaces_details_and_the_per_axis_ratings(alice: User) -> None:
    cycle = make_review(alice, ratings={"impact": "M", "teamwork": "M-"}, words={"impact": "ok"})
    one_to_five = RatingScale.objects.get(slug="one-to-five")
    services.review_cycle_update(
        cycle=cycle,
        name="H1 2025 (final)",
        date=datetime.date(2025, 7, 1),
        company="Beta",
        level=None,
        scale=one_to_five,
        overall=_choice("one-to-five", "4"),
        notes="",
        ratings={_axis("technical-skills"): (_choice("one-to-five", "5"), "Great design doc")},
    )
    cycle.refresh_from_db()
    assert (cycle.name, cycle.company, cycle.scale, cycle.overall.code) == (  # type: ignore[union-attr]
        "H1 2025 (final)",
        "Beta",
        one_to_five,
        "4",
    )
    assert [(r.axis.slug, r.rating.code, r.manager_words) for r in cycle.ratings.all()] == [
        ("technical-skills", "5", "Great design doc")
    ]


def test_a_failed_update_keeps_the_old_ratings(alice: User) -> None:
    cycle = make_review(alice, ratings={"impact": "M", "teamwork": "M-"})
    with (
        mock.patch.object(AxisRating.objects, "bulk_create", side_effect=RuntimeError("disk")),
        pytest.raises(RuntimeError),
    ):
        services.review_cycle_update(
            cycle=cycle,
            name="Renamed",
            date=cycle.date,
            scale=cycle.scale,
            ratings={_axis("impact"): (_choice("e-m-i", "E"), "")},
        )
    cycle = ReviewCycle.objects.get(pk=cycle.pk)
    assert cycle.name == "H1 2025"
    assert sorted(r.rating.code for r in cycle.ratings.all()) == ["M", "M-"]


def test_update_refuses_a_rating_off_the_new_scale_and_keeps_everything(alice: User) -> None:
    cycle = make_review(alice, ratings={"impact": "M"})
    with pytest.raises(ValidationError):
        services.review_cycle_update(
            cycle=cycle,
            name="Renamed",
            date=cycle.date,
            scale=RatingScale.objects.get(slug="one-to-five"),
            ratings={_axis("impact"): (_choice("e-m-i", "E"), "")},
        )
    cycle = ReviewCycle.objects.get(pk=cycle.pk)
    assert cycle.name == "H1 2025" and cycle.ratings.get().rating.code == "M"


def test_delete_removes_the_cycle_and_its_ratings(alice: User) -> None:
    cycle = make_review(alice, ratings={"impact": "M", "teamwork": "E"})
    services.review_cycle_delete(cycle=cycle)
    assert not ReviewCycle.objects.exists() and not AxisRating.objects.exists()


# Reads


def test_review_history_orders_cycles_by_date_and_lines_ratings_up_by_axis(
    alice: User, bob: User
) -> None:
    make_review(alice, name="H2 2025", date=datetime.date(2025, 12, 1), ratings={"impact": "E"})
    make_review(
        alice,
        name="H1 2025",
        date=datetime.date(2025, 6, 1),
        ratings={"impact": "M", "teamwork": "M+"},
        overall="M",
    )
    make_review(bob, name="Bob's", ratings={"impact": "I"})
    history = selectors.review_history(alice)
    assert [c.name for c in history.cycles] == ["H1 2025", "H2 2025"]
    assert [row.cycle.name for row in history.newest_first] == ["H2 2025", "H1 2025"]
    codes = [[cell.rating.code if cell else None for cell in row.cells] for row in history.rows]
    assert codes == [["M", "M+", None, None], ["E", None, None, None]]
    titles = [c.title for c in history.charts]
    assert titles == ["Overall", *(axis.name for axis in Axis.objects.all())]
    impact = history.charts[1]
    assert impact.summary == "Impact: H1 2025 M (3 of 5), H2 2025 E (5 of 5)"
    assert history.charts[0].summary == "Overall: H1 2025 M (3 of 5)"


def test_review_history_compares_cycles_on_different_scales(alice: User) -> None:
    scale = make_scale(alice)
    make_review(alice, name="Old job", date=datetime.date(2023, 1, 1), ratings={"impact": "M"})
    make_review(
        alice,
        name="New job",
        date=datetime.date(2024, 1, 1),
        scale=scale,
        ratings={"impact": "Top"},
    )
    impact = selectors.review_history(alice).charts[0]
    assert impact.summary == "Impact: Old job M (3 of 5), New job Top (5 of 5)"


def test_review_history_without_overall_ratings_has_no_overall_chart(alice: User) -> None:
    make_review(alice)
    assert selectors.review_history(alice).charts[0].title == "Impact"


def test_empty_review_history(alice: User) -> None:
    history = selectors.review_history(alice)
    assert history.is_empty and history.rows == [] and not history.has_words
