"""The demo lessons: scripts in both languages, videos that really play, captions that match.

The rendering tests run the real eSpeak NG and ffmpeg on the two-slide SHORT_LESSON, so they
take a few seconds, not the half-minute of the full set.
"""

import dataclasses
import functools
import logging
import os
import re
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import imageio_ffmpeg
import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db.models.fields.files import FieldFile
from django.tasks import task_backends
from django.tasks.backends.dummy import DummyBackend
from PIL import Image

from rung.demo.lessons import render
from rung.demo.lessons.scripts import (
    COURSES,
    DISTINCTIVE_LESSON,
    DISTINCTIVE_WORD,
    LESSONS,
    SHORT_LESSON,
    LessonScript,
)
from rung.demo.lessons.services import build_demo_lesson, demo_lessons_create
from rung.learn.captions import parse, to_vtt
from rung.learn.models import CaptionOrigin, Course, Lesson, LessonStatus
from rung.qa.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def _name(field: FieldFile) -> str:
    assert field.name, "the file is stored"
    return field.name


def _streams(path: Path) -> str:
    """Return ffmpeg's own description of a file (it prints it on stderr)."""
    result = subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-i", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result.stderr


def _duration_ms(description: str) -> int:
    match = re.search(r"Duration: (\d+):(\d\d):(\d\d)\.(\d\d)", description)
    assert match is not None, description
    hours, minutes, seconds, hundredths = (int(part) for part in match.groups())
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + hundredths * 10


def _texts(script: LessonScript) -> list[str]:
    texts = [
        script.title_en,
        script.title_zh,
        script.summary_en,
        script.summary_zh,
        *script.key_points_en,
        *script.key_points_zh,
    ]
    for segment in script.segments:
        texts += [segment.heading_en, segment.heading_zh, *segment.bullets_en, *segment.bullets_zh]
    return texts


def _narration(script: LessonScript) -> list[str]:
    return [line for segment in script.segments for line in segment.narration_en]


def test_a_lesson_renders_into_a_playable_video_with_matching_captions(media: Path) -> None:
    """Real speech: an H.264/AAC MP4 as long as its captions, both tracks on the same times."""
    junior = Topic.objects.get(slug="junior")
    lesson = build_demo_lesson(SHORT_LESSON)

    lesson.refresh_from_db()
    assert lesson.status == LessonStatus.READY and lesson.is_published and lesson.is_playable
    assert lesson.created_by is None and lesson.processed_at is not None
    assert (lesson.width, lesson.height) == (1280, 720)
    assert list(lesson.topics.all()) == [junior]
    video = Path(default_storage.path(_name(lesson.video)))
    description = _streams(video)
    assert re.search(r"Video: h264\b.*yuv420p.*1280x720", description), description
    assert re.search(r"Audio: aac\b", description), description

    tracks = {track.language: track for track in lesson.tracks.all()}
    assert set(tracks) == {"en", "zh-hans"}
    assert {track.origin for track in tracks.values()} == {CaptionOrigin.SCRIPT}
    english = parse(tracks["en"].vtt.encode(), duration_ms=lesson.duration_ms)
    chinese = parse(tracks["zh-hans"].vtt.encode(), duration_ms=lesson.duration_ms)
    assert [(c.start_ms, c.end_ms) for c in english] == [(c.start_ms, c.end_ms) for c in chinese]
    assert [c.text for c in english] == [SHORT_LESSON.title_en, *_narration(SHORT_LESSON)]
    assert chinese[-1].text == SHORT_LESSON.segments[-1].narration_zh[-1]
    # Spoken, each sentence takes its real time; the video ends just after the last one.
    assert all(cue.end_ms - cue.start_ms > 300 for cue in english)
    assert abs(_duration_ms(description) - english[-1].end_ms) <= 500
    assert abs(lesson.duration_ms - _duration_ms(description)) <= 50
    assert lesson.cues.filter(language="en").count() == len(english)

    with default_storage.open(_name(lesson.poster)) as poster, Image.open(poster) as image:
        assert image.format == "JPEG" and image.size == (1280, 720)
    # Cached topic pages learn that a lesson joined them.
    junior_after = Topic.objects.get(pk=junior.pk)
    assert junior_after.feed_version == junior.feed_version + 1
    # Nothing else is left in storage.
    stored = sorted(p.relative_to(media).as_posix() for p in media.rglob("*") if p.is_file())
    assert stored == sorted([_name(lesson.video), _name(lesson.poster)])


def test_a_lesson_is_made_silent_but_captioned_without_espeak(
    media: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: Any
) -> None:
    """Without eSpeak NG on PATH: a silent track, cues timed by their text, a warning."""
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with caplog.at_level(logging.WARNING, logger="rung.demo.lessons.render"):
        lesson = build_demo_lesson(SHORT_LESSON)
    assert "espeak-ng is not on PATH" in caplog.text
    lesson.refresh_from_db()
    assert lesson.status == LessonStatus.READY
    description = _streams(Path(default_storage.path(_name(lesson.video))))
    assert "Video: h264" in description and "Audio: aac" in description
    english = parse(lesson.tracks.get(language="en").vtt.encode())
    lines = [SHORT_LESSON.title_en, *_narration(SHORT_LESSON)]
    estimates = [max(render.SILENT_MIN_MS, len(line) * render.SILENT_MS_PER_CHAR) for line in lines]
    # Within a millisecond or two: the times are whole samples of the silent track.
    assert len(english) == len(estimates)
    for cue, estimate in zip(english, estimates, strict=True):
        assert abs(cue.end_ms - cue.start_ms - estimate) <= 2
    assert abs(_duration_ms(description) - english[-1].end_ms) <= 500


def test_a_failed_render_marks_the_lesson_failed_and_keeps_nothing(
    media: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An encoder that cannot run leaves a failed lesson with its reason and no files."""
    monkeypatch.setattr(imageio_ffmpeg, "get_ffmpeg_exe", lambda: "/nonexistent/ffmpeg")
    with pytest.raises(render.RenderError, match="ffmpeg could not encode"):
        build_demo_lesson(SHORT_LESSON, speak=False)
    lesson = Lesson.objects.get(slug=SHORT_LESSON.slug)
    assert lesson.status == LessonStatus.FAILED and "ffmpeg" in lesson.error
    assert not lesson.video and not lesson.tracks.exists()
    assert not [p for p in media.rglob("*") if p.is_file()]


def test_a_broken_espeak_fails_the_lesson_with_its_reason(
    media: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An espeak-ng on PATH that cannot speak is an error, not a silent lesson."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    broken = bin_dir / "espeak-ng"
    broken.write_text("#!/bin/sh\necho 'no voice data' >&2\nexit 1\n")
    broken.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin:/bin")
    with pytest.raises(render.RenderError, match="eSpeak NG could not speak"):
        build_demo_lesson(SHORT_LESSON)
    lesson = Lesson.objects.get(slug=SHORT_LESSON.slug)
    assert lesson.status == LessonStatus.FAILED and "eSpeak NG" in lesson.error
    assert not [p for p in media.rglob("*") if p.is_file()]


def test_making_a_lesson_again_replaces_its_files(
    media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    first = build_demo_lesson(SHORT_LESSON, speak=False)
    with django_capture_on_commit_callbacks(execute=True):
        demo_lessons_create(only=[SHORT_LESSON.slug])
    assert not default_storage.exists(_name(first.video))
    assert not default_storage.exists(_name(first.poster))
    again = build_demo_lesson(SHORT_LESSON, speak=False)
    assert again.pk == first.pk and again.status == LessonStatus.READY
    assert Lesson.objects.count() == 1 and again.tracks.count() == 2
    files = sorted(p.relative_to(media).as_posix() for p in media.rglob("*") if p.is_file())
    assert files == sorted([_name(again.video), _name(again.poster)])


def test_every_script_is_complete_in_both_languages() -> None:
    slugs = [script.slug for script in (*LESSONS, SHORT_LESSON)]
    assert len(slugs) == len(set(slugs))
    topic_slugs = set(Topic.objects.values_list("slug", flat=True))
    course_slugs = {course.slug for course in COURSES}
    for course in COURSES:
        assert course.title_en and course.title_zh and course.summary_en and course.summary_zh
        assert set(course.topics) <= topic_slugs
    for script in LESSONS:
        assert all(text.strip() for text in _texts(script)), script.slug
        assert set(script.topics) <= topic_slugs, script.slug
        assert script.course is None or script.course in course_slugs
        assert len(script.key_points_en) == len(script.key_points_zh) >= 2
        assert 4 <= len(script.segments) <= 7, script.slug
        for segment in script.segments:
            assert 2 <= len(segment.bullets_en) == len(segment.bullets_zh) <= 4
            assert len(segment.narration_en) == len(segment.narration_zh) >= 2
            assert all(line.strip() for line in segment.narration_en + segment.narration_zh)
            # One Chinese sentence per English one: none holds two.
            assert all(line.count("。") <= 1 for line in segment.narration_zh), segment
    # A course's lessons have distinct places in it.
    for course in COURSES:
        places = [s.position for s in LESSONS if s.course == course.slug]
        assert len(places) == len(set(places)) == 4
    covered = {topic for script in LESSONS if script.course is None for topic in script.topics}
    assert {"junior", "mid-level", "senior", "staff"} <= covered


def test_every_slide_fits_and_an_overfull_one_is_refused() -> None:
    """Drawing checks the bullets end above the bottom margin: none of ours run off."""
    for script in LESSONS:
        slides = render.draw_slides(script)
        assert len(slides) == len(script.segments) + 1
        assert {slide.size for slide in slides} == {(render.WIDTH, render.HEIGHT)}
    wordy = "A bullet long enough to wrap over two lines of the slide, and then some more words"
    overfull = dataclasses.replace(
        SHORT_LESSON.segments[0], bullets_en=(wordy,) * 4, bullets_zh=("很长的要点" * 12,) * 4
    )
    script = dataclasses.replace(SHORT_LESSON, segments=(overfull,))
    with pytest.raises(render.RenderError, match="runs off the bottom"):
        render.draw_slides(script)


def test_the_distinctive_word_is_said_in_one_lesson_only() -> None:
    """A transcript search for it finds one moment: it is in no title, slide or summary."""
    word = re.compile(rf"\b{DISTINCTIVE_WORD}\b", re.IGNORECASE)
    for script in LESSONS:
        assert not any(word.search(text) for text in _texts(script)), script.slug
        spoken = [line for line in _narration(script) if word.search(line)]
        assert len(spoken) == (1 if script.slug == DISTINCTIVE_LESSON else 0), script.slug
    distinctive = next(s for s in LESSONS if s.slug == DISTINCTIVE_LESSON)
    assert "mid-level" in distinctive.topics


def test_demo_content_queues_the_lessons_for_the_task_worker(settings: Any) -> None:
    """The command makes the rows and queues one render per lesson; it renders none itself."""
    settings.RUNG_DEMO_LESSONS = True
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    call_command("demo_content")
    backend = task_backends["default"]
    assert isinstance(backend, DummyBackend)
    queued = sorted(r.args[0] for r in backend.results if r.task.name == "render_demo_lesson")
    assert queued == sorted(script.slug for script in LESSONS)
    assert set(Lesson.objects.values_list("status", flat=True)) == {LessonStatus.WAITING}
    assert Lesson.objects.filter(is_published=True).count() == len(LESSONS)
    course = Course.objects.get(slug="senior-ml-system-design")
    assert course.is_published
    assert list(course.lessons.values_list("position", flat=True)) == [1, 2, 3, 4]
    assert set(course.topics.values_list("slug", flat=True)) == {
        "senior",
        "ml-system-design",
        "interviewing",
    }


def test_demo_content_with_inline_tasks_makes_a_lesson_ready(settings: Any, media: Path) -> None:
    """With tasks run inline (the test backend), the queued lesson is made at once."""
    settings.RUNG_DEMO_LESSONS = True
    call_command("demo_content", lesson=["staff-setting-technical-direction"])
    lesson = Lesson.objects.get()
    assert lesson.slug == "staff-setting-technical-direction"
    assert lesson.status == LessonStatus.READY and lesson.duration_ms > 30_000
    with pytest.raises(CommandError, match="invalid choice"):
        call_command("demo_lessons", "--only", "no-such-lesson")


def test_the_distinctive_word_is_timed_in_the_transcript(media: Path) -> None:
    """The search test's moment: the word's cue, in the lesson it belongs to."""
    call_command("demo_lessons", "--now", "--only", DISTINCTIVE_LESSON)
    lesson = Lesson.objects.get(slug=DISTINCTIVE_LESSON)
    (cue,) = lesson.cues.filter(language="en", text__icontains=DISTINCTIVE_WORD)
    assert 25_000 < cue.start_ms < 45_000
    assert f" {DISTINCTIVE_WORD} " in cue.terms
    assert os.path.exists(default_storage.path(_name(lesson.video)))


class _RangeHandler(SimpleHTTPRequestHandler):
    """Answer Range requests, as Rung's media view does: without them a video cannot seek."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        match = re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range", ""))
        if match is None:
            super().do_GET()
            return
        data = Path(self.translate_path(self.path)).read_bytes()
        start = int(match.group(1))
        end = min(int(match.group(2) or len(data) - 1), len(data) - 1)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(self.path))
        self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        self.wfile.write(data[start : end + 1])


def test_a_rendered_lesson_plays_and_seeks_in_chromium(tmp_path: Path, chromium: Any) -> None:
    """The browser reads the MP4 and its captions, and a seek lands where it was asked."""
    made = render.render_lesson(SHORT_LESSON, tmp_path)
    (tmp_path / "en.vtt").write_text(to_vtt(made.captions_en))
    (tmp_path / "page.html").write_text(
        '<video id="v" src="lesson.mp4" muted preload="auto">'
        '<track kind="captions" srclang="en" src="en.vtt" default></video>'
    )
    # Served over HTTP: Chromium loads no caption track from a file:// page.
    handler = functools.partial(_RangeHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page = chromium.new_page()
    try:
        page.goto(f"http://127.0.0.1:{server.server_port}/page.html")
        page.wait_for_function("document.getElementById('v').readyState >= 2")
        size = page.evaluate("[v.videoWidth, v.videoHeight, v.duration]")
        assert size[:2] == [1280, 720]
        assert abs(size[2] * 1000 - made.duration_ms) < 300
        target = made.captions_en[-1].start_ms / 1000 + 0.2
        page.evaluate(f"v.currentTime = {target}")
        page.wait_for_function("!v.seeking && v.readyState >= 2")
        assert abs(page.evaluate("v.currentTime") - target) < 0.05
        page.wait_for_function("v.textTracks[0].cues && v.textTracks[0].cues.length > 0")
        cues = page.evaluate("Array.from(v.textTracks[0].cues).map(c => c.text)")
        assert cues == [cue.text for cue in made.captions_en]
        page.evaluate("v.play()")
        page.wait_for_function(f"v.currentTime > {target + 0.3}")
    finally:
        page.close()
        server.shutdown()
        server.server_close()
