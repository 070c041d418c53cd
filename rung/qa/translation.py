"""Topic fields stored in English and Simplified Chinese (django-modeltranslation).

See rung/ladder/translation.py and docs/languages.md, "Career content in two languages".
"""

from modeltranslation.translator import TranslationOptions, register

from rung.qa.models import Topic


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name", "tagline", "description")
