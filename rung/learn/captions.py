"""Caption files: read WebVTT or SRT, check them, and keep them as plain WebVTT.

Parsing is webvtt-py's (it reads both formats); the checks that make a file safe to keep
are ours: a size and cue-count bound, times that run forward and fit the video, text that
is not empty. What is kept is WebVTT written here from the cues' plain text, escaped, so
markup in an uploaded file never reaches a reader's player as markup and every cue
reads exactly as typed.
"""

import html
import io
import re
from dataclasses import dataclass

import webvtt
from django.db import transaction
from django.utils.translation import gettext as _
from webvtt.errors import MalformedCaptionError, MalformedFileError

from rung.learn.models import CaptionOrigin, CaptionTrack, Cue, Lesson
from rung.search.analysis import index_terms

MAX_CAPTION_BYTES = 2 * 1024 * 1024
MAX_CUES = 20_000
MAX_CUE_CHARS = 1_000
_TIME_RE = re.compile(r"^(?:(\d+):)?([0-5]?\d):([0-5]\d)[.,](\d{3})$")
# Cue text is kept as plain text; a tag (<b>, <c.x>, <00:01.000>) is the caption format's
# markup, not what the speaker said.
_TAG_RE = re.compile(r"<[^<>\n]{0,200}>")
# SRT files made from ASS/SSA subtitles carry placement overrides such as {\an8}.
_SRT_OVERRIDE_RE = re.compile(r"\{\\[^{}\n]{0,200}\}")
# Character references written out in full (&amp; &lt; &#39;); a bare "&" stays as typed.
_ENTITY_RE = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
# A caption a little past the end of the video (its length as transcoded may differ from
# the source's by a frame or two) is dropped rather than refusing the whole file.
END_SLACK_MS = 1000


class CaptionError(ValueError):
    """A caption file that cannot be kept; the message says why, for the uploader."""


@dataclass(frozen=True)
class CueText:
    start_ms: int
    end_ms: int
    text: str


def _ms(stamp: str) -> int:
    match = _TIME_RE.match(stamp.strip())
    if match is None:
        raise CaptionError(_("A cue has a time that is not a time: %(time)s") % {"time": stamp})
    hours, minutes, seconds, millis = match.groups()
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis)


def _stamp(ms: int) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def _decode(data: bytes) -> str:
    if len(data) > MAX_CAPTION_BYTES:
        raise CaptionError(
            _("A caption file may be at most %(size)s MB.") % {"size": MAX_CAPTION_BYTES // 2**20}
        )
    # UTF-16 only when its byte order mark says so: other bytes (a file in GBK or Latin-1)
    # often decode as UTF-16 too, into nonsense.
    encodings = ["utf-16"] if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ["utf-8-sig"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
            # Blocks are separated by one blank line; editors often leave several, or
            # spaces on the blank lines, which the parser would take for a broken cue.
            text = re.sub(r"[ \t]+\n", "\n", text)
            return re.sub(r"\n{3,}", "\n\n", text.strip("\n")) + "\n"
    raise CaptionError(_("The caption file is not UTF-8 text."))


def parse(data: bytes, *, duration_ms: int | None = None) -> list[CueText]:
    """Return the cues of a WebVTT or SRT file, or raise CaptionError saying what is wrong.

    The format is told by the file's first line, not its name. Times must run forward
    (each cue ends after it starts) and, when the video's length is known, start within it
    (a cue up to END_SLACK_MS past the end is dropped; one running past the end is cut).
    """
    text = _decode(data)
    is_vtt = text.startswith("WEBVTT")
    if not is_vtt and "-->" not in text:
        raise CaptionError(_("This is not a WebVTT or SRT caption file."))
    try:
        parsed = webvtt.from_buffer(io.StringIO(text), format="vtt" if is_vtt else "srt")
    except (MalformedFileError, MalformedCaptionError, ValueError, IndexError) as error:
        raise CaptionError(
            _("The caption file could not be read: %(reason)s") % {"reason": str(error)[:200]}
        ) from error
    captions = parsed.captions
    if not captions:
        raise CaptionError(_("The caption file has no cues."))
    if len(captions) > MAX_CUES:
        raise CaptionError(
            _("A caption file may have at most %(count)s cues.") % {"count": MAX_CUES}
        )
    cues: list[CueText] = []
    for number, caption in enumerate(captions, start=1):
        start, end = _ms(caption.start), _ms(caption.end)
        if end <= start:
            raise CaptionError(
                _("Cue %(number)s ends (%(end)s) before it starts (%(start)s).")
                % {"number": number, "start": caption.start, "end": caption.end}
            )
        if duration_ms and start >= duration_ms + END_SLACK_MS:
            raise CaptionError(
                _("Cue %(number)s starts at %(start)s, after the video ends.")
                % {"number": number, "start": caption.start}
            )
        if duration_ms and start >= duration_ms:
            continue
        if duration_ms:
            end = min(end, duration_ms)
        raw = caption.raw_text if is_vtt else _SRT_OVERRIDE_RE.sub("", caption.raw_text)
        words = " ".join(_TAG_RE.sub("", raw).split())
        # Both formats write &, < and > as &amp; &lt; &gt; when they mean them as text.
        words = _ENTITY_RE.sub(lambda entity: html.unescape(entity.group(0)), words)
        if not words:
            continue
        cues.append(CueText(start, end, words[:MAX_CUE_CHARS]))
    if not cues:
        raise CaptionError(_("The caption file has no text."))
    cues.sort(key=lambda cue: (cue.start_ms, cue.end_ms))
    return cues


def _escape(text: str) -> str:
    # WebVTT's own escapes; "-->" cannot appear inside a cue's text.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_vtt(cues: list[CueText]) -> str:
    """Return the cues as a WebVTT file of plain, escaped text."""
    blocks = ["WEBVTT"]
    for cue in cues:
        text = _escape(cue.text).replace("-->", "--&gt;")
        blocks.append(f"{_stamp(cue.start_ms)} --> {_stamp(cue.end_ms)}\n{text}")
    return "\n\n".join(blocks) + "\n"


def terms_of(text: str) -> str:
    """Return a text's search terms as kept on a cue: space-separated, a space at each end."""
    terms = index_terms(text)
    return f" {' '.join(terms)} " if terms else ""


def track_save(
    lesson: Lesson, language: str, cues: list[CueText], *, origin: str = CaptionOrigin.UPLOADED
) -> CaptionTrack:
    """Keep a lesson's captions in one language, replacing what was there, with its cues."""
    with transaction.atomic():
        track, _created = CaptionTrack.objects.update_or_create(
            lesson=lesson, language=language, defaults={"vtt": to_vtt(cues), "origin": origin}
        )
        track.cues.all().delete()
        Cue.objects.bulk_create(
            Cue(
                track=track,
                lesson=lesson,
                language=language,
                start_ms=cue.start_ms,
                end_ms=cue.end_ms,
                text=cue.text,
                terms=terms_of(cue.text),
            )
            for cue in cues
        )
    return track
