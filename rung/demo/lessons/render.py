"""Make a demo lesson's video from its script: slides drawn with Pillow, narration spoken
by eSpeak NG, both joined by ffmpeg into an H.264/AAC MP4 that plays in any browser.

Every narrated sentence is spoken into its own WAV, so its real start and end are known:
they are the caption cues, in English and (same times) Chinese. Without eSpeak NG the
lesson is silent, with each sentence given the time its text would take to read.
"""

import logging
import shutil
import subprocess
import wave
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from rung.demo.lessons.scripts import LessonScript
from rung.learn import media
from rung.learn.captions import CueText

logger = logging.getLogger(__name__)

WIDTH, HEIGHT = 1280, 720
# Slides change only between sentences, so a few frames a second is enough; a keyframe
# every two seconds keeps seeking precise.
FPS = 5
KEYFRAME_EVERY = 2 * FPS
SPEECH_RATE = 150  # words a minute: eSpeak's default (175) is brisk for a lesson
VOICE = "en-us"
SAMPLE_RATE = 22050  # eSpeak NG's output rate; the silent track uses it too
LEAD_IN_MS = 300
SENTENCE_GAP_MS = 300
SLIDE_GAP_MS = 800
TAIL_MS = 400
BOTTOM_MARGIN = 40
# Reading pace for a silent lesson: about 150 words a minute.
SILENT_MS_PER_CHAR = 68
SILENT_MIN_MS = 1200
ESPEAK_TIMEOUT = 30
FFMPEG_TIMEOUT = 300

# The site's own colours (rung/static/rung.css).
INK = "#1d2330"
MUTED = "#5f6b7a"
LINE = "#e3e7ee"
BACKGROUND = "#f7f8fb"
ACCENT = "#2657d6"
ACCENT_INK = "#ffffff"

CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
LATIN_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LATIN_BOLD_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


class RenderError(RuntimeError):
    """The video could not be made; the message says which step failed."""


@dataclass(frozen=True)
class RenderedLesson:
    video: Path
    poster: Path
    duration_ms: int
    width: int
    height: int
    captions_en: list[CueText]
    captions_zh: list[CueText]
    spoken: bool


@dataclass(frozen=True)
class _Line:
    slide: int
    en: str
    zh: str


def _font(path: Path, size: int, *, fallback: Path | None = None) -> Font:
    for candidate in (path, fallback):
        if candidate is not None and candidate.exists():
            return ImageFont.truetype(str(candidate), size)
    logger.warning("Font %s is missing: slides use Pillow's default font.", path)
    return ImageFont.load_default(size=size)


class _Fonts:
    def __init__(self) -> None:
        if not CJK_FONT.exists():
            logger.warning(
                "%s is missing (apt-get install fonts-wqy-zenhei): Chinese on the slides "
                "will not show.",
                CJK_FONT,
            )
        self.title = _font(LATIN_BOLD_FONT, 60, fallback=CJK_FONT)
        self.title_zh = _font(CJK_FONT, 44)
        self.heading = _font(LATIN_BOLD_FONT, 46, fallback=CJK_FONT)
        self.heading_zh = _font(CJK_FONT, 32)
        self.bullet = _font(LATIN_FONT, 32, fallback=CJK_FONT)
        self.bullet_zh = _font(CJK_FONT, 27)
        self.small = _font(LATIN_BOLD_FONT, 24, fallback=CJK_FONT)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: Font, width: int) -> list[str]:
    """Break text into lines that fit the width; Chinese may break between any characters."""
    words = text.split(" ") if " " in text else list(text)
    joiner = " " if " " in text else ""
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current}{joiner}{word}" if current else word
        if current and draw.textlength(candidate, font=font) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _draw_lines(
    draw: ImageDraw.ImageDraw,
    xy: tuple[int, int],
    text: str,
    font: Font,
    width: int,
    fill: str,
    spacing: int,
) -> int:
    """Draw wrapped text from xy; return the y below it."""
    x, y = xy
    for line in _wrap(draw, text, font, width):
        draw.text((x, y), line, font=font, fill=fill)
        y += spacing
    return y


def _title_slide(script: LessonScript, fonts: _Fonts) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), ACCENT)
    draw = ImageDraw.Draw(image)
    draw.text((90, 80), "Rung", font=fonts.small, fill=ACCENT_INK)
    y = _draw_lines(draw, (90, 250), script.title_en, fonts.title, WIDTH - 180, ACCENT_INK, 76)
    y = _draw_lines(draw, (90, y + 16), script.title_zh, fonts.title_zh, WIDTH - 180, LINE, 58)
    draw.line((90, y + 30, 330, y + 30), fill=ACCENT_INK, width=4)
    return image


def _content_slide(script: LessonScript, number: int, fonts: _Fonts) -> Image.Image:
    segment = script.segments[number]
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 14, HEIGHT), fill=ACCENT)
    draw.text((80, 40), script.title_en, font=fonts.small, fill=MUTED)
    draw.text(
        (WIDTH - 80, 40),
        f"{number + 1} / {len(script.segments)}",
        font=fonts.small,
        fill=MUTED,
        anchor="ra",
    )
    y = _draw_lines(draw, (80, 100), segment.heading_en, fonts.heading, WIDTH - 160, INK, 58)
    y = _draw_lines(draw, (80, y + 4), segment.heading_zh, fonts.heading_zh, WIDTH - 160, MUTED, 42)
    draw.line((80, y + 14, WIDTH - 80, y + 14), fill=LINE, width=3)
    y += 44
    for bullet_en, bullet_zh in zip(segment.bullets_en, segment.bullets_zh, strict=True):
        draw.ellipse((84, y + 12, 100, y + 28), fill=ACCENT)
        y = _draw_lines(draw, (124, y), bullet_en, fonts.bullet, WIDTH - 220, INK, 42)
        y = _draw_lines(draw, (124, y + 2), bullet_zh, fonts.bullet_zh, WIDTH - 220, MUTED, 36)
        y += 26
    if y - 26 > HEIGHT - BOTTOM_MARGIN:
        raise RenderError(
            f"Slide {number + 1} of {script.slug} runs off the bottom: shorten its bullets."
        )
    return image


def draw_slides(script: LessonScript) -> list[Image.Image]:
    """Draw a lesson's slides: the title slide, then one per segment."""
    fonts = _Fonts()
    return [_title_slide(script, fonts)] + [
        _content_slide(script, number, fonts) for number in range(len(script.segments))
    ]


def _lines(script: LessonScript) -> list[_Line]:
    """Return the spoken lines in order: the title over the title slide, then each segment's."""
    lines = [_Line(0, script.title_en, script.title_zh)]
    for number, segment in enumerate(script.segments, start=1):
        for en, zh in zip(segment.narration_en, segment.narration_zh, strict=True):
            lines.append(_Line(number, en, zh))
    return lines


def _speak(espeak: str, text: str, path: Path) -> bytes:
    """Speak one sentence into a WAV; return its 16-bit mono samples at SAMPLE_RATE."""
    try:
        subprocess.run(
            [espeak, "-v", VOICE, "-s", str(SPEECH_RATE), "-w", str(path), "--", text],
            check=True,
            capture_output=True,
            timeout=ESPEAK_TIMEOUT,
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise RenderError(f"eSpeak NG could not speak {text!r}: {error}") from error
    try:
        with wave.open(str(path), "rb") as speech:
            layout = (speech.getnchannels(), speech.getsampwidth(), speech.getframerate())
            samples = speech.readframes(speech.getnframes())
    except (OSError, EOFError, wave.Error) as error:
        raise RenderError(f"eSpeak NG wrote no readable WAV for {text!r}: {error}") from error
    if layout != (1, 2, SAMPLE_RATE):
        raise RenderError(f"eSpeak NG wrote an unexpected WAV format for {text!r}: {layout}")
    return samples


def _silence(ms: int) -> bytes:
    return b"\x00\x00" * (SAMPLE_RATE * ms // 1000)


def _ms_of(size: int) -> int:
    """Return how long this many bytes of 16-bit mono samples play, in milliseconds."""
    return round(size / 2 * 1000 / SAMPLE_RATE)


def _narrate(
    lines: list[_Line], work: Path, espeak: str | None
) -> tuple[bytes, list[tuple[int, int]]]:
    """Return the whole narration's samples and each line's (start, end) in ms."""
    audio = bytearray(_silence(LEAD_IN_MS))
    times: list[tuple[int, int]] = []
    for index, line in enumerate(lines):
        if index:
            gap = SLIDE_GAP_MS if line.slide != lines[index - 1].slide else SENTENCE_GAP_MS
            audio += _silence(gap)
        if espeak:
            samples = _speak(espeak, line.en, work / f"line-{index:03d}.wav")
        else:
            samples = _silence(max(SILENT_MIN_MS, len(line.en) * SILENT_MS_PER_CHAR))
        start = _ms_of(len(audio))
        audio += samples
        times.append((start, _ms_of(len(audio))))
    audio += _silence(TAIL_MS)
    return bytes(audio), times


def _ffmpeg(args: list[str], what: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [media.ffmpeg_exe(), "-hide_banner", "-nostdin", *args],
            check=True,
            capture_output=True,
            text=True,
            timeout=FFMPEG_TIMEOUT,
        )
    except subprocess.CalledProcessError as error:
        raise RenderError(f"ffmpeg could not {what}: {error.stderr[-600:]}") from error
    except (OSError, subprocess.SubprocessError) as error:
        raise RenderError(f"ffmpeg could not {what}: {error}") from error


def render_lesson(
    script: LessonScript, work: Path, *, espeak: str | None = None, speak: bool = True
) -> RenderedLesson:
    """Draw, narrate and encode a lesson into the directory work; return what was made.

    espeak is the eSpeak NG program (found on PATH when not given); with speak=False or
    without it the lesson is silent, timed by its text.
    """
    if speak and espeak is None:
        espeak = shutil.which("espeak-ng")
        if espeak is None:
            logger.warning(
                "espeak-ng is not on PATH (apt-get install espeak-ng): the lesson %s is "
                "made silent, with captions timed by their length.",
                script.slug,
            )
    if not speak:
        espeak = None
    lines = _lines(script)
    audio, times = _narrate(lines, work, espeak)
    total_ms = _ms_of(len(audio))
    audio_path = work / "narration.wav"
    with wave.open(str(audio_path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(audio)

    slides = draw_slides(script)
    # Each slide comes in midway through the pause before its first sentence.
    starts = [0]
    for number in range(1, len(slides)):
        first = next(i for i, line in enumerate(lines) if line.slide == number)
        starts.append(times[first][0] - SLIDE_GAP_MS // 2)
    ends = [*starts[1:], total_ms]
    playlist = ["ffconcat version 1.0"]
    for number, slide in enumerate(slides):
        slide_path = work / f"slide-{number:02d}.png"
        slide.save(slide_path)
        playlist += [
            f"file '{slide_path.name}'",
            f"duration {(ends[number] - starts[number]) / 1000:.3f}",
        ]
    # The concat demuxer holds the last entry for its duration only if it is listed again.
    playlist.append(f"file 'slide-{len(slides) - 1:02d}.png'")
    (work / "slides.ffconcat").write_text("\n".join(playlist) + "\n")

    poster = work / "poster.jpg"
    slides[0].save(poster, "JPEG", quality=88)
    video = work / "lesson.mp4"
    # Written to the temporary name first: a file called lesson.mp4 is always whole.
    partial = work / "lesson.partial.mp4"
    _ffmpeg(
        [
            "-y",
            "-f", "concat", "-safe", "0", "-i", str(work / "slides.ffconcat"),
            "-i", str(audio_path),
            "-map", "0:v", "-map", "1:a",
            "-vf", f"fps={FPS},format=yuv420p",
            "-c:v", "libx264", "-preset", "veryfast", "-tune", "stillimage", "-crf", "26",
            "-g", str(KEYFRAME_EVERY), "-keyint_min", str(KEYFRAME_EVERY),
            "-sc_threshold", "0",
            "-c:a", "aac", "-b:a", "64k", "-ac", "1",
            "-t", f"{total_ms / 1000:.3f}",
            "-movflags", "+faststart",
            "-f", "mp4", str(partial),
        ],
        "encode the lesson",
    )  # fmt: skip
    partial.rename(video)
    try:
        # The header is enough: the file was just written whole by ffmpeg.
        made = media.probe(video, full=False)
    except media.MediaError as error:
        raise RenderError(f"ffmpeg could not read {video.name}: {error.message}") from error
    captions_en = [
        CueText(start, end, line.en) for line, (start, end) in zip(lines, times, strict=True)
    ]
    captions_zh = [
        CueText(start, end, line.zh) for line, (start, end) in zip(lines, times, strict=True)
    ]
    return RenderedLesson(
        video=video,
        poster=poster,
        duration_ms=made.duration_ms,
        width=made.width,
        height=made.height,
        captions_en=captions_en,
        captions_zh=captions_zh,
        spoken=espeak is not None,
    )
