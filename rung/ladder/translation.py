"""Ladder fields stored in English and Simplified Chinese (django-modeltranslation).

Each registered field gets one column per language (`name_en`, `name_zh_hans`) on the same
row; reading `level.name` gives the reader's language, falling back to English.
See docs/languages.md, "Career content in two languages".
"""

from modeltranslation.translator import TranslationOptions, register

from rung.ladder.content_zh import LEVEL_FIELDS
from rung.ladder.models import (
    Axis,
    Company,
    CompanyLevel,
    Expectation,
    Level,
    RatingChoice,
    RatingScale,
    Track,
)


@register(Track)
class TrackTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Level)
class LevelTranslationOptions(TranslationOptions):
    fields = LEVEL_FIELDS


@register(Axis)
class AxisTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Expectation)
class ExpectationTranslationOptions(TranslationOptions):
    fields = ("text",)


# A member's custom scale keeps what they typed: its Chinese columns stay empty and the
# English ones (what they typed, whatever its language) are shown to everyone.
@register(RatingScale)
class RatingScaleTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(RatingChoice)
class RatingChoiceTranslationOptions(TranslationOptions):
    fields = ("label",)


# Company levels ------------------------------------------------------------------------
# Company names are translated where the company has a name of its own in Chinese
# ("阿里巴巴"); brand names read the same in both. Titles and source notes are prose.


@register(Company)
class CompanyTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(CompanyLevel)
class CompanyLevelTranslationOptions(TranslationOptions):
    fields = ("title", "source")
