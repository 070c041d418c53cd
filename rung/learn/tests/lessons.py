"""Lessons with real, playable files for tests: a few seconds of ffmpeg's test pattern."""

import io
import subprocess
import tempfile
from pathlib import Path

import imageio_ffmpeg
from django.core.files import File
from django.utils import timezone
from PIL import Image

from rung.learn import captions
from rung.learn.models import Course, Lesson, LessonStatus
from rung.qa.models import Topic

_made: dict[int, bytes] = {}


def poster_bytes() -> bytes:
    """Return a small JPEG, as a lesson's poster."""
    out = io.BytesIO()
    Image.new("RGB", (320, 180), (38, 87, 214)).save(out, "JPEG")
    return out.getvalue()


def video_bytes(seconds: int = 6) -> bytes:
    """Return an H.264/AAC MP4 of `seconds` seconds with a keyframe each second."""
    if seconds not in _made:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "v.mp4"
            subprocess.run(
                [
                    imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-y",
                    "-f", "lavfi", "-i", f"testsrc2=size=320x180:rate=10:duration={seconds}",
                    "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
                    "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "10",
                    "-c:a", "aac", "-shortest", "-movflags", "+faststart", str(out),
                ],
                check=True,
                timeout=60,
            )  # fmt: skip
            _made[seconds] = out.read_bytes()
    return _made[seconds]


def make_lesson(
    slug: str = "owning-a-project",
    *,
    title: str = "Owning a project end to end",
    title_zh: str = "端到端负责一个项目",
    topics: tuple[str, ...] = ("mid-level",),
    course: Course | None = None,
    position: int = 1,
    seconds: int = 6,
    published: bool = True,
    status: str = LessonStatus.READY,
    lines: tuple[tuple[str, str], ...] = (
        ("Welcome to the lesson on ownership.", "欢迎来到关于主人翁意识的课程。"),
        ("Write down the decision and who made it.", "写下这个决定以及是谁做出的。"),
        ("Keep a short backlog of risks every week.", "每周维护一份简短的风险清单。"),
    ),
    **fields: object,
) -> Lesson:
    """Make a lesson with a real video, a poster and English and Chinese captions."""
    lesson = Lesson.objects.create(
        slug=slug,
        title_en=title,
        title_zh_hans=title_zh,
        course=course,
        position=position,
        status=status,
        is_published=published,
        duration_ms=seconds * 1000,
        width=320,
        height=180,
        processed_at=timezone.now(),
        **fields,
    )
    lesson.topics.set(Topic.objects.filter(slug__in=topics))
    if status == LessonStatus.READY:
        with tempfile.NamedTemporaryFile(suffix=".mp4") as handle:
            handle.write(video_bytes(seconds))
            handle.flush()
            handle.seek(0)
            lesson.video.save(f"{slug}.mp4", File(handle), save=False)
        with tempfile.NamedTemporaryFile(suffix=".jpg") as handle:
            handle.write(poster_bytes())
            handle.seek(0)
            lesson.poster.save(f"{slug}.jpg", File(handle), save=False)
        lesson.save(update_fields=["video", "poster"])
    step = seconds * 1000 // max(len(lines), 1)
    for index, language in enumerate(("en", "zh-hans")):
        cues = [
            captions.CueText(n * step, (n + 1) * step, pair[index]) for n, pair in enumerate(lines)
        ]
        captions.track_save(lesson, language, cues, origin="script")
    return lesson
