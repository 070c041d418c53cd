"""Lesson and course text in English and Simplified Chinese (django-modeltranslation).

The same choice as the ladder's (rung/ladder/translation.py): one column per language on
the row, so a lesson page reads one row whatever the reader's language.
"""

from modeltranslation.translator import TranslationOptions, register

from rung.learn.models import Course, Lesson


@register(Course)
class CourseTranslationOptions(TranslationOptions):
    fields = ("title", "summary")
    fallback_languages = {"default": ("en", "zh-hans")}


@register(Lesson)
class LessonTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "key_points")
    # A lesson made in Chinese only still shows its title to English readers.
    fallback_languages = {"default": ("en", "zh-hans")}
