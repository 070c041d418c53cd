"""Publishing lessons: upload, processing by the task worker, edits, captions, publishing.

An upload is checked while the request waits (its first bytes and ffmpeg's reading of its
header, which is quick) and kept as the lesson's source; the task worker then reads every
packet, transcodes it (rung/learn/media.py) and puts the playable copy and its poster in
place, or marks the lesson failed with the reason. Whatever the outcome, nothing half-made
stays in storage: a failed lesson has no files, a ready one only its video and poster.

Every change readers can see bumps the feed version of the lesson's topics, so the cached
topic and home pages that list it are replaced.
"""

import logging
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from pathlib import Path, PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.languages.providers import TranslationUnavailable, get_provider, site_languages
from rung.learn import captions, media
from rung.learn.access import is_instructor, may_edit_lesson
from rung.learn.models import CaptionOrigin, CaptionTrack, Course, Lesson, LessonStatus
from rung.qa.models import Topic
from rung.qa.services import topics_touch

logger = logging.getLogger(__name__)

# Extensions kept on a stored source; anything else is stored as ".video" (ffmpeg reads the
# content, not the name).
_SOURCE_SUFFIXES = {".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".mpg", ".mpeg", ".ts"}
# Cue texts sent to the translation provider in one request.
TRANSLATE_BATCH = 40
_TEXT_FIELDS = ("title", "summary", "key_points")


@dataclass(frozen=True)
class LessonText:
    """A lesson's words in one language."""

    title: str = ""
    summary: str = ""
    key_points: str = ""


def _column(name: str, language: str) -> str:
    return f"{name}_{language.replace('-', '_')}"


def _check_instructor(member: User) -> None:
    if not is_instructor(member):
        raise PermissionDenied


def _check_editor(member: User, lesson: Lesson) -> None:
    if not may_edit_lesson(member, lesson):
        raise PermissionDenied


def _touch(lesson: Lesson) -> None:
    topics_touch(lesson.topics.values_list("pk", flat=True))


def _delete_files(*names: str | None) -> None:
    """Delete stored files after the transaction commits (a rollback keeps them in use)."""
    kept = [name for name in names if name]

    def delete() -> None:
        for name in kept:
            default_storage.delete(name)

    if kept:
        transaction.on_commit(delete)


def _new_slug(title: str) -> str:
    base = slugify(title)[:60].strip("-") or "lesson"
    return f"{base}-{secrets.token_hex(4)}"


def _set_texts(lesson: Lesson, texts: Mapping[str, LessonText]) -> None:
    for language, text in texts.items():
        if language not in site_languages():
            raise ValidationError(_("Unknown language: %(code)s") % {"code": language})
        for name in _TEXT_FIELDS:
            setattr(lesson, _column(name, language), getattr(text, name).strip())
    if not any(getattr(lesson, _column("title", code)) for code in site_languages()):
        raise ValidationError({"title": _("Give the lesson a title.")})


def _course_position(lesson: Lesson, course: Course | None, position: int | None) -> int:
    """Return where a lesson goes: as asked, else where it was, else after the course's last."""
    if course is None:
        return position or 0
    if position is not None:
        return position
    if lesson.pk is not None and lesson.course_id == course.pk:
        return lesson.position
    last = (
        Lesson.objects.filter(course=course)
        .exclude(pk=lesson.pk)
        .aggregate(last=Max("position"))["last"]
    )
    return 1 if last is None else last + 1


def _check_placement(topics: Sequence[Topic], language: str) -> None:
    if language not in site_languages():
        raise ValidationError({"language": _("Choose the language spoken in the video.")})
    if len(topics) > 5:
        raise ValidationError({"topics": _("Choose at most five topics.")})


def lesson_texts(lesson: Lesson) -> dict[str, LessonText]:
    """Return a lesson's words in each site language, as they are stored."""
    return {
        code: LessonText(
            *(getattr(lesson, _column(name, code)) or "" for name in _TEXT_FIELDS),
        )
        for code in site_languages()
    }


def lesson_upload(
    *,
    member: User,
    title: str,
    summary: str = "",
    key_points: str = "",
    language: str,
    topics: Sequence[Topic],
    course: Course | None = None,
    position: int | None = None,
    upload: UploadedFile,
    translations: Mapping[str, LessonText] | None = None,
) -> Lesson:
    """Keep an uploaded video as a new lesson waiting to be processed; return the lesson.

    The words are in the spoken `language`; `translations` gives them in other languages.
    A file that is plainly not a usable video is refused here (ValidationError on
    "upload"); the task worker checks the rest after the commit. Without a `position`, a
    lesson in a course goes after the course's last lesson.
    """
    _check_instructor(member)
    _check_placement(topics, language)
    suffix = PurePath(upload.name or "").suffix.lower()
    suffix = suffix if suffix in _SOURCE_SUFFIXES else ".video"
    name = f"learn/uploads/{secrets.token_urlsafe(16)}{suffix}"
    saved = default_storage.save(name, upload)
    try:
        try:
            media.probe(default_storage.path(saved), full=False)
        except media.MediaError as error:
            raise ValidationError({"upload": error.message}) from error
        with transaction.atomic():
            lesson = Lesson(
                slug=_new_slug(title),
                course=course,
                language=language,
                status=LessonStatus.WAITING,
                created_by=member,
            )
            lesson.position = _course_position(lesson, course, position)
            lesson.source.name = saved
            _set_texts(
                lesson,
                {
                    **(translations or {}),
                    language: LessonText(title=title, summary=summary, key_points=key_points),
                },
            )
            lesson.save()
            lesson.topics.set(topics)
            transaction.on_commit(lambda: _enqueue(lesson.pk))
    except BaseException:
        default_storage.delete(saved)
        raise
    return lesson


def _enqueue(lesson_id: int) -> None:
    from rung.learn.tasks import lesson_process_task

    lesson_process_task.enqueue(lesson_id)


def _claim(lesson_id: int) -> Lesson | None:
    """Move a waiting lesson to processing and return it; None if there is nothing to do."""
    with transaction.atomic():
        lesson = Lesson.objects.select_for_update().filter(pk=lesson_id).first()
        if lesson is None or lesson.status != LessonStatus.WAITING:
            return None
        lesson.status = LessonStatus.PROCESSING
        lesson.error = ""
        lesson.save(update_fields=["status", "error", "updated_at"])
        return lesson


def _fail(lesson_id: int, message: str, *, source: str) -> None:
    with transaction.atomic():
        updated = Lesson.objects.filter(pk=lesson_id, status=LessonStatus.PROCESSING).update(
            status=LessonStatus.FAILED, error=message, source="", updated_at=timezone.now()
        )
        if updated or not Lesson.objects.filter(pk=lesson_id).exists():
            _delete_files(source)


def _place(made: Path, folder: str, suffix: str) -> str:
    """Move a finished file into storage under a new name; return the stored name."""
    name = default_storage.get_available_name(f"{folder}/{secrets.token_urlsafe(16)}{suffix}")
    target = Path(default_storage.path(name))
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(made, target)
    target.chmod(0o644)
    return name


def lesson_process(lesson_id: int) -> None:
    """Make a waiting lesson's video playable: ready with its files, or failed with why.

    Safe to run twice: only a waiting lesson is taken, and it is marked processing first.
    """
    lesson = _claim(lesson_id)
    if lesson is None:
        return
    source = lesson.source.name or ""
    placed: list[str] = []
    work = Path(tempfile.mkdtemp(prefix="transcode-", dir=_work_root()))
    try:
        found = media.probe(default_storage.path(source))
        made = media.transcode(default_storage.path(source), work, found=found)
        placed.append(_place(made.video_path, "learn/video", ".mp4"))
        placed.append(_place(made.poster_path, "learn/posters", ".jpg"))
        with transaction.atomic():
            updated = Lesson.objects.filter(pk=lesson_id, status=LessonStatus.PROCESSING).update(
                status=LessonStatus.READY,
                video=placed[0],
                poster=placed[1],
                duration_ms=made.duration_ms,
                width=made.width,
                height=made.height,
                source="",
                error="",
                processed_at=timezone.now(),
                updated_at=timezone.now(),
            )
            # Deleted while it was processing: its new files have no lesson.
            _delete_files(source, *(() if updated else placed))
    except media.MediaError as error:
        _remove(placed)
        _fail(lesson_id, error.message, source=source)
    except Exception:
        logger.exception("Processing lesson %s failed", lesson_id)
        _remove(placed)
        _fail(
            lesson_id,
            _("The video could not be processed because of an error in Rung. Try again later."),
            source=source,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def lessons_requeue() -> list[int]:
    """Enqueue the lessons left waiting, and those whose processing outlived its worker.

    A worker stopped mid-transcode (a restart, a crash) leaves its lesson processing; past
    twice the transcode time limit no ffmpeg can still be at work on it, so it waits again.
    Return the ids enqueued.
    """
    stale = timezone.now() - timedelta(seconds=2 * settings.RUNG_LEARN_TRANSCODE_SECONDS)
    with transaction.atomic():
        Lesson.objects.filter(status=LessonStatus.PROCESSING, updated_at__lt=stale).update(
            status=LessonStatus.WAITING, updated_at=timezone.now()
        )
        waiting = list(
            Lesson.objects.filter(status=LessonStatus.WAITING)
            .order_by("created_at", "pk")
            .values_list("pk", flat=True)
        )
        for lesson_id in waiting:
            transaction.on_commit(partial(_enqueue, lesson_id))
    return waiting


def _work_root() -> Path:
    # Inside MEDIA_ROOT, so finished files are moved into place, not copied across disks.
    root = Path(settings.MEDIA_ROOT) / "learn" / "work"
    root.mkdir(parents=True, exist_ok=True)
    return root


def _remove(names: Iterable[str]) -> None:
    for name in names:
        default_storage.delete(name)


@transaction.atomic
def lesson_update(
    *,
    member: User,
    lesson: Lesson,
    texts: Mapping[str, LessonText],
    language: str,
    topics: Sequence[Topic],
    course: Course | None,
    position: int | None = None,
) -> Lesson:
    """Change a lesson's words (per language), spoken language, topics and place in a course.

    Without a `position` the lesson keeps its place in its course, or goes after the last
    lesson of a course it moves to.
    """
    _check_editor(member, lesson)
    _check_placement(topics, language)
    _set_texts(lesson, texts)
    lesson.language = language
    lesson.position = _course_position(lesson, course, position)
    lesson.course = course
    if lesson.is_published:
        _touch(lesson)  # the topics it leaves
    lesson.save()
    lesson.topics.set(topics)
    if lesson.is_published:
        _touch(lesson)  # the topics it joins
    return lesson


@transaction.atomic
def lesson_publish(*, member: User, lesson: Lesson, published: bool) -> Lesson:
    """Show a ready lesson to readers, or take it back."""
    _check_editor(member, lesson)
    lesson = Lesson.objects.select_for_update().get(pk=lesson.pk)
    if published and lesson.status != LessonStatus.READY:
        raise ValidationError(_("Only a lesson whose video is ready can be published."))
    if lesson.is_published != published:
        lesson.is_published = published
        lesson.save(update_fields=["is_published", "updated_at"])
        _touch(lesson)
    return lesson


def lesson_delete(*, member: User, lesson: Lesson) -> None:
    """Delete a lesson with its captions, progress and files."""
    _check_editor(member, lesson)
    with transaction.atomic():
        lesson = Lesson.objects.select_for_update().get(pk=lesson.pk)
        if lesson.is_published:
            _touch(lesson)
        files = (lesson.source.name, lesson.video.name, lesson.poster.name)
        lesson.delete()
        _delete_files(*files)


def lesson_captions_upload(
    *, member: User, lesson: Lesson, language: str, upload: UploadedFile
) -> CaptionTrack:
    """Keep a WebVTT or SRT file as the lesson's captions in a language (ValidationError if bad)."""
    _check_editor(member, lesson)
    if language not in site_languages():
        raise ValidationError({"language": _("Choose the language of the captions.")})
    if (upload.size or 0) > captions.MAX_CAPTION_BYTES:
        raise ValidationError(
            {
                "upload": _("A caption file may be at most %(size)s MB.")
                % {"size": captions.MAX_CAPTION_BYTES // 2**20}
            }
        )
    try:
        cues = captions.parse(upload.read(), duration_ms=lesson.duration_ms or None)
    except captions.CaptionError as error:
        raise ValidationError({"upload": str(error)}) from error
    with transaction.atomic():
        track = captions.track_save(lesson, language, cues, origin=CaptionOrigin.UPLOADED)
        if lesson.is_published:
            _touch(lesson)
    return track


def captions_translation_enabled() -> bool:
    """Say whether a translation provider is configured, so captions can be translated."""
    return get_provider().is_enabled


def _translate_batch(texts: list[str], *, source: str, target: str) -> list[str]:
    provider = get_provider()
    joined = provider.translate("\n\n".join(texts), source=source, target=target)
    parts = [part.strip() for part in joined.split("\n\n") if part.strip()]
    if len(parts) == len(texts):
        return parts
    # The provider merged or split lines: translate this batch one cue at a time.
    return [provider.translate(text, source=source, target=target).strip() for text in texts]


def lesson_captions_translate(*, member: User, lesson: Lesson, to_language: str) -> CaptionTrack:
    """Make the lesson's captions in `to_language` by machine-translating another track.

    The cues keep their times; the track is marked machine translated. Raise
    ValidationError when there is no provider, no track to translate, or the provider fails.
    """
    _check_editor(member, lesson)
    if to_language not in site_languages():
        raise ValidationError(_("Unknown language: %(code)s") % {"code": to_language})
    if not captions_translation_enabled():
        raise ValidationError(_("No translation service is configured on this site."))
    tracks = {track.language: track for track in lesson.tracks.exclude(language=to_language)}
    track = tracks.get(lesson.language) or next(iter(tracks.values()), None)
    if track is None:
        raise ValidationError(_("Upload captions in one language before translating them."))
    cues = list(track.cues.order_by("start_ms", "pk"))
    translated: list[captions.CueText] = []
    try:
        for start in range(0, len(cues), TRANSLATE_BATCH):
            batch = cues[start : start + TRANSLATE_BATCH]
            texts = _translate_batch(
                [cue.text for cue in batch], source=track.language, target=to_language
            )
            translated.extend(
                captions.CueText(cue.start_ms, cue.end_ms, " ".join(text.split()) or cue.text)
                for cue, text in zip(batch, texts, strict=True)
            )
    except TranslationUnavailable as error:
        logger.warning("Caption translation failed: %s", error.reason)
        raise ValidationError(
            _("The translation service did not answer; try again later.")
        ) from error
    with transaction.atomic():
        made = captions.track_save(lesson, to_language, translated, origin=CaptionOrigin.TRANSLATED)
        if lesson.is_published:
            _touch(lesson)
    return made
