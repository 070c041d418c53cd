"""Demo lessons in the database: the rows made at once, the videos made by the task worker."""

import contextlib
import logging
import tempfile
from collections.abc import Collection
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from rung.demo.lessons.render import RenderError, render_lesson
from rung.demo.lessons.scripts import (
    LESSONS,
    CourseScript,
    LessonScript,
    course_script,
    lesson_script,
)
from rung.learn.captions import track_save
from rung.learn.models import CaptionOrigin, Course, Lesson, LessonStatus
from rung.qa.models import Topic

logger = logging.getLogger(__name__)


def _course_row(script: CourseScript) -> Course:
    course = Course.objects.filter(slug=script.slug).first() or Course(slug=script.slug)
    course.title_en = script.title_en  # type: ignore[attr-defined]
    course.title_zh_hans = script.title_zh  # type: ignore[attr-defined]
    course.summary_en = script.summary_en  # type: ignore[attr-defined]
    course.summary_zh_hans = script.summary_zh  # type: ignore[attr-defined]
    course.is_published = True
    course.save()
    course.topics.set(Topic.objects.filter(slug__in=script.topics))
    return course


def _files_delete(names: Collection[str | None]) -> None:
    for name in names:
        if name:
            with contextlib.suppress(OSError):
                default_storage.delete(name)


def _lesson_row(script: LessonScript, courses: dict[str, Course]) -> Lesson:
    """Create or reset a demo lesson's row, waiting for its video; its old files go."""
    lesson = Lesson.objects.filter(slug=script.slug).first() or Lesson(slug=script.slug)
    old_files = [lesson.video.name, lesson.poster.name]
    lesson.course = courses[script.course] if script.course else None
    lesson.position = script.position
    lesson.title_en = script.title_en  # type: ignore[attr-defined]
    lesson.title_zh_hans = script.title_zh  # type: ignore[attr-defined]
    lesson.summary_en = script.summary_en  # type: ignore[attr-defined]
    lesson.summary_zh_hans = script.summary_zh  # type: ignore[attr-defined]
    lesson.key_points_en = "\n".join(script.key_points_en)  # type: ignore[attr-defined]
    lesson.key_points_zh_hans = "\n".join(script.key_points_zh)  # type: ignore[attr-defined]
    lesson.language = "en"
    lesson.status = LessonStatus.WAITING
    lesson.error = ""
    lesson.video = lesson.poster = ""
    lesson.duration_ms = lesson.width = lesson.height = 0
    lesson.processed_at = None
    lesson.created_by = None
    lesson.is_published = True
    lesson.save()
    lesson.topics.set(Topic.objects.filter(slug__in=script.topics))
    lesson.tracks.all().delete()
    transaction.on_commit(lambda: _files_delete(old_files))
    return lesson


def demo_lessons_create(*, only: Collection[str] | None = None) -> list[Lesson]:
    """Create (or reset) the demo courses and lessons, waiting for their videos.

    only names the lessons to make by slug (any unknown slug raises KeyError); by default,
    every demo lesson. Rendering is left to build_demo_lesson, so this is quick.
    """
    scripts = [lesson_script(slug) for slug in only] if only else list(LESSONS)
    with transaction.atomic():
        wanted = {script.course for script in scripts if script.course}
        courses = {slug: _course_row(course_script(slug)) for slug in wanted}
        return [_lesson_row(script, courses) for script in scripts]


def build_demo_lesson(script: LessonScript, *, speak: bool = True) -> Lesson:
    """Render a demo lesson's video, poster and captions and make it ready to watch.

    The row is made first when missing. The files are made in a temporary directory and
    stored only when whole; on failure the lesson is marked failed, nothing made is kept,
    and RenderError is raised.
    """
    lesson = Lesson.objects.filter(slug=script.slug).first()
    if lesson is None:
        [lesson] = demo_lessons_create(only=[script.slug])
    Lesson.objects.filter(pk=lesson.pk).update(status=LessonStatus.PROCESSING, error="")
    stored: list[str] = []
    try:
        with tempfile.TemporaryDirectory(prefix="rung-demo-lesson-") as work:
            made = render_lesson(script, Path(work), speak=speak)
            with made.video.open("rb") as video:
                stored.append(default_storage.save(f"learn/video/{script.slug}.mp4", File(video)))
            with made.poster.open("rb") as poster:
                stored.append(
                    default_storage.save(f"learn/posters/{script.slug}.jpg", File(poster))
                )
        with transaction.atomic():
            lesson = Lesson.objects.select_for_update().get(pk=lesson.pk)
            old_files = [lesson.video.name, lesson.poster.name]
            lesson.video.name, lesson.poster.name = stored
            lesson.duration_ms = made.duration_ms
            lesson.width, lesson.height = made.width, made.height
            lesson.status = LessonStatus.READY
            lesson.processed_at = timezone.now()
            lesson.save(
                update_fields=[
                    "video",
                    "poster",
                    "duration_ms",
                    "width",
                    "height",
                    "status",
                    "processed_at",
                    "updated_at",
                ]
            )
            track_save(lesson, "en", made.captions_en, origin=CaptionOrigin.SCRIPT)
            track_save(lesson, "zh-hans", made.captions_zh, origin=CaptionOrigin.SCRIPT)
            # Cached topic pages list lessons: a new version makes them draw again.
            Topic.objects.filter(pk__in=lesson.topics.values("pk")).update(
                feed_version=F("feed_version") + 1
            )
            transaction.on_commit(
                lambda: _files_delete([name for name in old_files if name not in stored])
            )
    except Exception as error:
        _files_delete(stored)
        Lesson.objects.filter(pk=lesson.pk).update(
            status=LessonStatus.FAILED, error=str(error)[:2000]
        )
        logger.exception("The demo lesson %s could not be made.", script.slug)
        if isinstance(error, RenderError):
            raise
        raise RenderError(str(error)) from error
    return lesson
