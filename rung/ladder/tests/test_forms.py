"""Level and rating selects name each option once and offer one scale's levels at a time."""

import pytest

from rung.ladder.forms import LevelChoiceField, RatingChoiceField, level_labels
from rung.ladder.models import Level, RatingChoice, RatingScale, Track

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "label", "shown"),
    [
        ("4", "4 — strong", "4 — strong"),
        ("M+", "Meets+", "M+ — Meets+"),
        ("E", "Exceeds", "E — Exceeds"),
        ("Top", "top", "Top"),
        ("Meets", "Meets expectations", "Meets expectations"),
        ("5", "", "5"),
    ],
)
def test_a_rating_shows_its_code_and_meaning_once(code: str, label: str, shown: str) -> None:
    assert RatingChoice(code=code, label=label, common_value=3).display_name == shown


def test_no_preset_rating_repeats_its_code() -> None:
    for choice in RatingChoice.objects.filter(scale__is_preset=True):
        assert choice.display_name.count(" — ") <= 1, choice.display_name


def test_the_level_select_names_each_level_once() -> None:
    field = LevelChoiceField()
    labels = [field.label_from_instance(level) for level in Level.objects.all()]
    assert "Engineering Manager" in labels
    assert not any("(" in label or " — " in label for label in labels)


def test_a_level_name_two_tracks_share_carries_its_track() -> None:
    track = Track.objects.create(slug="mle", name="Machine learning", order=9)
    Level.objects.create(track=track, slug="mle-em", name="Engineering Manager", rank=50)
    labels = level_labels(Level.objects.select_related("track"))
    shared = [label for label in labels.values() if label.startswith("Engineering Manager")]
    assert sorted(shared) == [
        "Engineering Manager (Engineering Manager)",
        "Engineering Manager (Machine learning)",
    ]
    assert "Senior Engineer" in labels.values()


def test_a_rating_field_accepts_any_usable_level_but_nothing_else() -> None:
    scale = RatingScale.objects.get(slug="e-m-i")
    usable = {choice.pk: choice for choice in scale.choices.all()}
    field = RatingChoiceField(label="Impact", usable=usable, choices=[("", "—")])
    some = next(iter(usable))
    assert field.clean(str(some)) == some
    assert field.clean("") is None
    for bad in ("0", "abc", "99999"):
        with pytest.raises(Exception, match="valid choice"):
            field.clean(bad)
