"""Video files: check what an upload is, and make the copy every browser plays (docs/learn.md).

Everything runs the ffmpeg that imageio-ffmpeg ships (a static build; no ffprobe comes
with it), so what a file is comes from ffmpeg's own description of its input. An upload is
untrusted: before ffmpeg reads it, its first bytes must not be empty, an archive or text
(ffmpeg follows playlists and concat lists, which could name other files on the server);
ffmpeg may open plain files only, and the container must be one of a known list. A quick
check reads the header; the full check also reads every packet, which is how a file cut
short (an MP4 or MKV that stopped half-way) is found before a transcode is started.
"""

import os
import re
import signal
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import imageio_ffmpeg
from django.conf import settings
from django.utils.translation import gettext as _

# 8K (7680x4320) is the largest picture accepted.
MAX_WIDTH = 7680
MAX_HEIGHT = 4320
# The output fits a 1920x1080 box (1080x1920 for an upright video).
OUTPUT_LONG_SIDE = 1920
OUTPUT_SHORT_SIDE = 1080
# Seconds the header check may take; it reads kilobytes, so this only stops a stuck ffmpeg.
PROBE_SECONDS = 60
# A file whose packets end this much before its declared length was cut short.
TRUNCATION_SLACK = 0.05
TRUNCATION_SLACK_MS = 1000
# Demuxers accepted, as ffmpeg names them: the common video containers, nothing that reads
# other files (hls, concat, image sequences) or is a still picture.
VIDEO_FORMATS = frozenset(
    {"mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "avi", "flv", "mpegts", "mpeg", "ogg", "asf"}
)
_FORMAT_FLAG = {"mov,mp4,m4a,3gp,3g2,mj2": "mov", "matroska,webm": "matroska"}
_ARCHIVES = (
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!", "rar"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
)
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"RIFF")
_INPUT_RE = re.compile(r"^Input #0, (.+?), from ", re.MULTILINE)
_DURATION_RE = re.compile(r"Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)")
_STREAM_RE = re.compile(r"^\s*Stream #0:\d+\S*: (Video|Audio): (.*)$", re.MULTILINE)
_SIZE_RE = re.compile(r"(?:^|[ ,])(\d{2,6})x(\d{2,6})(?=[ ,\[]|$)")
_TIME_RE = re.compile(r"time=\s*(-?\d+):(\d\d):(\d\d(?:\.\d+)?)")
_CUT_SHORT = ("partial file", "File ended prematurely", "moov atom not found", "Truncat")


class MediaError(Exception):
    """A video that cannot be used; the message says why, in words for the uploader."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Probe:
    duration_ms: int
    width: int
    height: int
    has_video: bool
    has_audio: bool
    # The streams' codec names, video first ("h264", "aac").
    codecs: tuple[str, ...] = field(default=())
    # ffmpeg's name of the container ("mov,mp4,m4a,3gp,3g2,mj2").
    container: str = ""


@dataclass(frozen=True)
class Transcoded:
    video_path: Path
    poster_path: Path
    duration_ms: int
    width: int
    height: int


def ffmpeg_exe() -> str:
    """Return the path of the ffmpeg that imageio-ffmpeg ships."""
    return imageio_ffmpeg.get_ffmpeg_exe()


def transcode_threads() -> int:
    """Return the threads one transcode may use: the setting, or at most two."""
    configured = getattr(settings, "RUNG_LEARN_TRANSCODE_THREADS", 0)
    return max(1, int(configured) or min(2, os.cpu_count() or 1))


def _run(args: list[str], *, timeout: float) -> subprocess.CompletedProcess[str]:
    """Run ffmpeg; on timeout kill it (and anything it started) and raise MediaError."""
    command = [ffmpeg_exe(), "-hide_banner", "-nostdin", *args]
    with subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        start_new_session=True,
    ) as process:
        try:
            _out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise MediaError(
                _("Processing the video took longer than %(minutes)s minutes and was stopped.")
                % {"minutes": max(1, round(timeout / 60))}
            ) from None
    return subprocess.CompletedProcess(command, process.returncode, "", err)


def _seconds_ms(hours: str, minutes: str, seconds: str) -> int:
    return round((int(hours) * 3600 + int(minutes) * 60 + float(seconds)) * 1000)


def _sniff(path: Path) -> None:
    """Refuse, by its first bytes, a file that is empty, an archive, a picture or text."""
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            head = file.read(8192)
    except OSError as error:
        raise MediaError(_("The uploaded file could not be read.")) from error
    if size == 0:
        raise MediaError(_("The file is empty."))
    for magic, _name in _ARCHIVES:
        if head.startswith(magic):
            raise MediaError(
                _("This is a compressed archive, not a video. Upload the video itself.")
            )
    if any(head.startswith(magic) for magic in _IMAGES) and not head[8:12] == b"AVI ":
        raise MediaError(_("This is a picture, not a video."))
    if b"\x00" not in head:
        # Video containers begin with binary headers; a file of text is a playlist, a list
        # of other files, or something else that is not a video.
        raise MediaError(_("This is a text file, not a video."))


def _parse(stderr: str) -> Probe:
    """Return what ffmpeg's description of its input says, or raise MediaError."""
    container_match = _INPUT_RE.search(stderr)
    if container_match is None:
        # A real MP4 cut short is recognised as one; bytes that merely might be one are not.
        if "moov atom not found" in stderr and "misdetection possible" not in stderr:
            raise MediaError(
                _(
                    "The video file is incomplete (it was cut short, perhaps by an upload "
                    "that stopped). Upload the whole file again."
                )
            )
        raise MediaError(_("This file is not a video Rung can read."))
    container = container_match.group(1)
    if container not in VIDEO_FORMATS:
        if container.endswith("_pipe") or container.startswith("image"):
            raise MediaError(_("This is a picture, not a video."))
        raise MediaError(_("This file is not a video Rung can read."))
    width = height = 0
    codecs: list[str] = []
    has_video = has_audio = False
    for kind, description in _STREAM_RE.findall(stderr):
        codec = description.split(",")[0].split(" ")[0].strip()
        if kind == "Video":
            # Cover art in a music file is a "video" stream of one picture.
            if "(attached pic)" in description:
                continue
            if has_video:
                continue
            size = _SIZE_RE.search(description)
            if size is None:
                continue
            has_video = True
            width, height = int(size.group(1)), int(size.group(2))
            codecs.insert(0, codec)
        elif not has_audio:
            has_audio = True
            codecs.append(codec)
    if not has_video:
        raise MediaError(_("This file has no picture: upload a video, not only sound."))
    if width > MAX_WIDTH or height > MAX_HEIGHT or width * height > MAX_WIDTH * MAX_HEIGHT:
        raise MediaError(
            _("The picture is %(width)s×%(height)s; the largest accepted is 8K (7680×4320).")
            % {"width": width, "height": height}
        )
    if width < 16 or height < 16:
        raise MediaError(_("The picture is too small to be a video."))
    duration_match = _DURATION_RE.search(stderr)
    duration_ms = _seconds_ms(*duration_match.groups()) if duration_match else 0
    _check_duration(duration_ms)
    return Probe(
        duration_ms=duration_ms,
        width=width,
        height=height,
        has_video=has_video,
        has_audio=has_audio,
        codecs=tuple(codecs),
        container=container,
    )


def _check_duration(duration_ms: int) -> None:
    limit = settings.RUNG_LEARN_MAX_DURATION_SECONDS
    if duration_ms > limit * 1000:
        raise MediaError(
            _("The video is longer than %(minutes)s minutes, the longest accepted.")
            % {"minutes": limit // 60}
        )


def _input_args(path: Path, container: str = "") -> list[str]:
    """Return ffmpeg's input options: plain files only, the container forced once known."""
    forced = ["-f", _FORMAT_FLAG.get(container, container)] if container else []
    return ["-protocol_whitelist", "file", *forced, "-i", str(path)]


def probe(path: Path | str, *, full: bool = True) -> Probe:
    """Return what a video file holds, or raise MediaError saying why it cannot be used.

    The quick check (full=False) reads the header only, fast enough for a request. The
    full check reads every packet too, without decoding, to find a file that was cut short.
    """
    path = Path(path)
    _sniff(path)
    result = _run(_input_args(path), timeout=PROBE_SECONDS)
    found = _parse(result.stderr)
    if not full:
        return found
    scan = _run(
        [
            "-v",
            "error",
            "-stats",
            *_input_args(path, found.container),
            "-map",
            "0",
            "-c",
            "copy",
            "-f",
            "null",
            "-",
        ],
        timeout=settings.RUNG_LEARN_TRANSCODE_SECONDS,
    )
    times = _TIME_RE.findall(scan.stderr)
    read_ms = _seconds_ms(*times[-1]) if times else 0
    declared = found.duration_ms
    short = declared and read_ms < declared * (1 - TRUNCATION_SLACK) - TRUNCATION_SLACK_MS
    if scan.returncode != 0 or short or any(sign in scan.stderr for sign in _CUT_SHORT):
        raise MediaError(
            _(
                "The video file is incomplete or damaged (it ends before its stated length). "
                "Upload the whole file again."
            )
        )
    # A header may understate the length; what was read is what the transcode would face.
    _check_duration(read_ms)
    if not declared:
        # Some containers (a recording still being written) state no length: use what was read.
        found = Probe(**{**found.__dict__, "duration_ms": read_ms})
    if found.duration_ms <= 0:
        raise MediaError(_("The video has no length."))
    return found


def _scale_filter() -> str:
    # Fit the box without enlarging, keep the aspect, even sizes for yuv420p.
    long, short = OUTPUT_LONG_SIDE, OUTPUT_SHORT_SIDE
    return (
        f"scale=w='if(gte(iw,ih),min({long},iw),min({short},iw))'"
        f":h='if(gte(iw,ih),min({short},ih),min({long},ih))'"
        ":force_original_aspect_ratio=decrease:force_divisible_by=2,format=yuv420p"
    )


def transcode(src: Path | str, out_dir: Path | str, *, found: Probe | None = None) -> Transcoded:
    """Make an H.264/AAC MP4 that starts playing before it has all arrived, and its poster.

    Raise MediaError if the source cannot be used or ffmpeg fails or runs past
    RUNG_LEARN_TRANSCODE_SECONDS; then nothing is left in out_dir.
    """
    src, out_dir = Path(src), Path(out_dir)
    found = found or probe(src)
    out_dir.mkdir(parents=True, exist_ok=True)
    video_fd, video_name = tempfile.mkstemp(suffix=".mp4", dir=out_dir)
    poster_fd, poster_name = tempfile.mkstemp(suffix=".jpg", dir=out_dir)
    os.close(video_fd)
    os.close(poster_fd)
    video_path, poster_path = Path(video_name), Path(poster_name)
    try:
        audio = (
            ["-map", "0:a:0", "-c:a", "aac", "-b:a", "128k", "-ac", "2"] if found.has_audio else []
        )
        result = _run(
            [
                "-v",
                "error",
                "-y",
                *_input_args(src, found.container),
                "-map",
                "0:v:0",
                *audio,
                "-map_metadata",
                "-1",
                "-vf",
                _scale_filter(),
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-crf",
                "23",
                "-profile:v",
                "high",
                "-pix_fmt",
                "yuv420p",
                "-threads",
                str(transcode_threads()),
                "-filter_threads",
                "1",
                "-movflags",
                "+faststart",
                "-f",
                "mp4",
                str(video_path),
            ],
            timeout=settings.RUNG_LEARN_TRANSCODE_SECONDS,
        )
        if result.returncode != 0:
            raise MediaError(
                _("The video could not be converted: %(reason)s")
                % {"reason": _last_line(result.stderr)}
            )
        made = probe(video_path, full=False)
        if made.duration_ms < found.duration_ms * (1 - TRUNCATION_SLACK) - TRUNCATION_SLACK_MS:
            raise MediaError(
                _(
                    "The video file is incomplete or damaged (it ends before its stated "
                    "length). Upload the whole file again."
                )
            )
        poster_at = f"{made.duration_ms / 10000:.3f}"
        result = _run(
            [
                "-v",
                "error",
                "-y",
                "-ss",
                poster_at,
                *_input_args(video_path, made.container),
                "-frames:v",
                "1",
                "-q:v",
                "3",
                "-f",
                "image2",
                "-c:v",
                "mjpeg",
                str(poster_path),
            ],
            timeout=PROBE_SECONDS,
        )
        if result.returncode != 0 or poster_path.stat().st_size == 0:
            raise MediaError(_("No picture could be taken from the video for its poster."))
    except BaseException:
        video_path.unlink(missing_ok=True)
        poster_path.unlink(missing_ok=True)
        raise
    return Transcoded(
        video_path=video_path,
        poster_path=poster_path,
        duration_ms=made.duration_ms,
        width=made.width,
        height=made.height,
    )


def _last_line(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    return lines[-1][:200] if lines else _("ffmpeg stopped without saying why")
