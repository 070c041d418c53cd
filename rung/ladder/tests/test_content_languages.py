"""Every piece of shared career content exists in English and in Chinese."""

import re

import pytest
from django.db.models import Model
from django.utils import translation
from modeltranslation.translator import translator

from rung.accounts.models import User
from rung.growth.services.reviews import ScaleLevel, rating_scale_create
from rung.ladder import content, content_zh
from rung.ladder.models import Axis, Expectation, Level, RatingChoice, RatingScale, Track
from rung.ladder.services import ladder_translations_fill
from rung.qa.models import Topic
from rung.qa.topics import topics_translations_fill
from rung.testing import make_member

pytestmark = pytest.mark.django_db

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# Fields that are codes rather than words, whatever the language: the 1–5 scale's labels
# start with the number, and the E/M scale's name is its list of codes. Their Chinese
# still has to differ from the English and hold Han (checked below); nothing is exempt.
CONTENT_MODELS: list[type[Model]] = [
    Track,
    Level,
    Axis,
    Expectation,
    RatingScale,
    RatingChoice,
    Topic,
]


def _shared_rows(model: type[Model]) -> list[Model]:
    if model is RatingScale:
        return list(RatingScale.objects.filter(owner__isnull=True))
    if model is RatingChoice:
        return list(RatingChoice.objects.filter(scale__owner__isnull=True))
    return list(model._default_manager.all())


def _translated_fields(model: type[Model]) -> tuple[str, ...]:
    return tuple(translator.get_options_for_model(model).all_fields)


def _column(row: Model, name: str) -> object:
    """Return one language column; modeltranslation adds them at run time."""
    return getattr(row, name)


def _missing_languages(model: type[Model]) -> list[str]:
    problems = []
    for row in _shared_rows(model):
        for field in _translated_fields(model):
            english = str(_column(row, f"{field}_en") or "")
            chinese = str(_column(row, f"{field}_zh_hans") or "")
            where = f"{model.__name__} {row.pk} {field}"
            if isinstance(row, Topic) and field == "description" and row.level_id and not english:
                # A level topic's guide is its level's text; it has no description of its own.
                assert not chinese, where
                continue
            if not english.strip():
                problems.append(f"{where}: no English")
            if not chinese.strip():
                problems.append(f"{where}: no Chinese")
            elif not HAN.search(chinese) or chinese == english:
                problems.append(f"{where}: the Chinese is not Chinese: {chinese!r}")
    return problems


def test_every_shared_content_row_has_english_and_chinese() -> None:
    """Each translated field of every shared row holds both languages, the Chinese in Han."""
    counts = {model.__name__: len(_shared_rows(model)) for model in CONTENT_MODELS}
    assert counts == {
        "Track": 2,
        "Level": 8,
        "Axis": 4,
        "Expectation": 32,
        "RatingScale": 4,
        "RatingChoice": 17,
        "Topic": 15,
    }
    problems = [problem for model in CONTENT_MODELS for problem in _missing_languages(model)]
    assert problems == []


def test_the_chinese_content_mirrors_the_english_one() -> None:
    """content_zh has an entry for every slug, expectation and rating code in content."""
    assert set(content_zh.AXES) == {axis["slug"] for axis in content.AXES}
    assert set(content_zh.TRACKS) == {track["slug"] for track in content.TRACKS}
    assert set(content_zh.LEVELS) == {level["slug"] for level in content.LEVELS}
    for level in content.LEVELS:
        assert set(content_zh.LEVELS[level["slug"]]["expectations"]) == set(level["expectations"])
    assert set(content_zh.SUBJECT_TOPICS) == {topic["slug"] for topic in content.SUBJECT_TOPICS}
    for scale in content.RATING_SCALES:
        codes = {code for code, _label, _value in scale["choices"]}
        assert set(content_zh.RATING_SCALES[scale["slug"]]["choices"]) == codes


def test_reading_a_field_gives_the_active_language() -> None:
    level = Level.objects.get(slug="mid-level")
    with translation.override("en"):
        assert level.name == "Mid-level Engineer"
        assert Topic.objects.get(slug="mid-level").name == "Mid-level Engineer"
    with translation.override("zh-hans"):
        assert level.name == "中级工程师"
        assert Topic.objects.get(slug="mid-level").name == "中级工程师"
        assert Axis.objects.get(slug="impact").name == "影响力"


def test_filling_keeps_an_operators_english_edit_and_leaves_its_chinese_to_fall_back() -> None:
    """An install that edited a level before the language columns keeps the edit; the
    shipped Chinese of the untouched fields arrives, the edited field falls back."""
    # Written to the base columns, as before the language columns existed.
    Level.objects.rewrite(False).filter(slug="senior").update(
        name="Senior Software Engineer",
        name_en=None,
        name_zh_hans=None,
        tagline_en=None,
        tagline_zh_hans=None,
    )
    Topic.objects.rewrite(False).filter(slug__in=["promotions", "senior"]).update(
        name_en=None, name_zh_hans=None
    )
    ladder_translations_fill()
    topics_translations_fill()
    level = Level.objects.get(slug="senior")
    assert _column(level, "name_en") == "Senior Software Engineer"
    assert _column(level, "name_zh_hans") is None
    assert _column(level, "tagline_zh_hans") == content_zh.LEVELS["senior"]["tagline"]
    with translation.override("zh-hans"):
        assert level.name == "Senior Software Engineer"
        assert Topic.objects.get(slug="promotions").name == "晋升"
        # The level's topic still holds the shipped name, so it gets the shipped Chinese.
        assert Topic.objects.get(slug="senior").name == "高级工程师"


def test_a_members_custom_scale_keeps_what_they_typed_in_every_language(
    django_user_model: type[User],
) -> None:
    owner = make_member("alice")
    with translation.override("zh-hans"):
        scale = rating_scale_create(
            owner=owner,
            name="公司五档",
            levels=[
                ScaleLevel(code="Strong", label="强", common_value=5),
                ScaleLevel(code="OK", label="OK", common_value=3),
            ],
        )
    scale = RatingScale.objects.get(pk=scale.pk)
    assert (_column(scale, "name_en"), _column(scale, "name_zh_hans")) == ("公司五档", None)
    strong = scale.choices.get(code="Strong")
    assert (_column(strong, "label_en"), _column(strong, "label_zh_hans")) == ("强", None)
    for language in ("en", "zh-hans"):
        with translation.override(language):
            assert scale.name == "公司五档"
            assert strong.display_name == "Strong — 强"
            assert strong.mark == "Strong"


@pytest.mark.parametrize(
    ("slug", "code", "english", "chinese", "chinese_mark"),
    [
        ("e-m-i", "M+", "M+ — Meets+", "M+ — 达到预期（偏上）", "M+"),
        ("exceeds-meets-below", "Exceeds", "Exceeds expectations", "超出预期", "超出预期"),
        ("one-to-five", "4", "4 — strong", "4 — 优秀", "4"),
    ],
)
def test_rating_choices_read_in_the_interface_language(
    slug: str, code: str, english: str, chinese: str, chinese_mark: str
) -> None:
    choice = RatingChoice.objects.get(scale__slug=slug, code=code)
    with translation.override("en"):
        assert choice.display_name == english
        assert choice.mark == code
    with translation.override("zh-hans"):
        assert choice.display_name == chinese
        assert choice.mark == chinese_mark
