"""Courses and lessons in the Django admin, with their words in English and Chinese.

Uploading and processing videos happen in the studio (/learn/studio/), which checks the
file and runs the transcode; here operators fix words, courses and publishing.
"""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from rung.learn.models import Course, Lesson


@admin.register(Course)
class CourseAdmin(TranslationAdmin):
    list_display = ["title", "slug", "is_published", "updated_at"]
    list_filter = ["is_published"]
    search_fields = ["slug", "title_en", "title_zh_hans"]
    prepopulated_fields = {"slug": ("title_en",)}
    filter_horizontal = ["topics"]


@admin.register(Lesson)
class LessonAdmin(TranslationAdmin):
    list_display = ["title", "course", "position", "status", "is_published", "created_at"]
    list_filter = ["status", "is_published", "language"]
    search_fields = ["slug", "title_en", "title_zh_hans"]
    list_select_related = ["course"]
    raw_id_fields = ["created_by"]
    filter_horizontal = ["topics"]
    readonly_fields = [
        "status",
        "error",
        "source",
        "video",
        "poster",
        "duration_ms",
        "width",
        "height",
        "processed_at",
    ]
