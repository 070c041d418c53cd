"""The ladder's fields that are stored in English and Chinese (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from rung.ladder.models import Company, CompanyLevel

# Company levels ------------------------------------------------------------------------
# Company names are translated where the company has a name of its own in Chinese
# ("阿里巴巴"); brand names read the same in both. Titles and source notes are prose.


@register(Company)
class CompanyTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(CompanyLevel)
class CompanyLevelTranslationOptions(TranslationOptions):
    fields = ("title", "source")
