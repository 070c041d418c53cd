"""Watching: the lessons index, a lesson with its player and transcript, a course, progress."""

import math

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from rung.accounts.models import User
from rung.accounts.requests import MemberRequest
from rung.learn import access, selectors, serving
from rung.learn.models import CaptionTrack
from rung.learn.progress import progress_save

# A lesson opened at its very end starts again: resuming there would only show the credits.
RESUME_BEFORE_END_MS = 5_000
# A player's clock may run a little past the length the server measured.
POSITION_SLACK_MS = 2_000


def _member(request: HttpRequest) -> User | None:
    return request.user if request.user.is_authenticated else None


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    member = _member(request)
    return render(
        request,
        "learn/index.html",
        {
            "courses": selectors.courses_watchable_list(),
            "shelf": selectors.lesson_shelf(request.GET.get("topic")),
            "continuing": selectors.continue_watching(member) if member else [],
            "is_instructor": access.is_instructor(member),
        },
    )


def _start_seconds(request: HttpRequest) -> float | None:
    """Return the time asked for in ?t= (seconds, or 1m30s), or None when there is none or junk."""
    raw = request.GET.get("t", "").strip().lower()[:20]
    if not raw:
        return None
    try:
        if raw.endswith("s") or "m" in raw:
            minutes, _sep, seconds = raw.rstrip("s").rpartition("m")
            value = float(minutes or 0) * 60 + float(seconds or 0)
        else:
            value = float(raw)
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None


def _transcript_language(
    request: HttpRequest, tracks: list[CaptionTrack], spoken: str
) -> str | None:
    languages = [track.language for track in tracks]
    wanted = request.GET.get("transcript")
    for choice in (wanted, get_language(), spoken):
        if choice in languages:
            return choice
    return languages[0] if languages else None


@require_safe
def lesson(request: HttpRequest, slug: str) -> HttpResponse:
    member = _member(request)
    shown = access.lesson_for_viewer(member, slug)
    tracks = selectors.lesson_tracks(shown)
    transcript_language = _transcript_language(request, tracks, shown.language)
    course_lessons = selectors.course_lessons(shown.course) if shown.course else []
    progress = selectors.progress_for(member, [shown, *course_lessons])
    mine = progress.get(shown.pk)
    # Where the video starts: the link's ?t= (within the video), else the member's place.
    start = _start_seconds(request)
    start_from = "link" if start is not None else ""
    if start is not None and shown.duration_ms:
        start = min(start, shown.duration_ms / 1000)
    near_end = shown.duration_ms - min(RESUME_BEFORE_END_MS, shown.duration_ms // 10)
    if start is None and mine is not None and 0 < mine.position_ms < near_end:
        start, start_from = mine.position_ms / 1000, "progress"
    position = next((i for i, item in enumerate(course_lessons) if item.pk == shown.pk), None)
    # Every track's transcript is on the page, so switching language needs no reload (and
    # keeps the video playing); without JavaScript the links reload with ?transcript=.
    cues = selectors.lesson_transcripts(shown)
    transcripts = [
        (track.language, cues.get(track.language, []), track.language == transcript_language)
        for track in tracks
    ]
    interface = get_language() or ""
    return render(
        request,
        "learn/lesson.html",
        {
            "lesson": shown,
            "tracks": tracks,
            "transcript_language": transcript_language,
            "transcripts": transcripts,
            # Captions shown at first to a reader whose language the video does not speak.
            "default_captions": interface
            if interface != shown.language and any(t.language == interface for t in tracks)
            else "",
            "start": start,
            "start_from": start_from,
            "progress": mine,
            "topics": list(shown.topics.all()),
            "course_lessons": course_lessons,
            "course_progress": progress,
            "previous": course_lessons[position - 1] if position else None,
            "next": course_lessons[position + 1]
            if position is not None and position + 1 < len(course_lessons)
            else None,
            "related": selectors.lesson_related_questions(shown),
            "up_next": None
            if course_lessons
            else selectors.lesson_up_next(shown, watched=selectors.finished_ids(member)),
            "may_edit": access.may_edit_lesson(member, shown),
        },
    )


@require_safe
def video(request: HttpRequest, slug: str) -> HttpResponseBase:
    shown = access.lesson_for_viewer(_member(request), slug)
    if not shown.is_playable:
        raise Http404
    return serving.send_file(request, shown.video, content_type="video/mp4")


@require_safe
def poster(request: HttpRequest, slug: str) -> HttpResponseBase:
    shown = access.lesson_for_viewer(_member(request), slug)
    return serving.send_file(request, shown.poster, content_type="image/jpeg")


@require_safe
def captions(request: HttpRequest, slug: str, language: str) -> HttpResponse:
    shown = access.lesson_for_viewer(_member(request), slug)
    track = get_object_or_404(CaptionTrack, lesson=shown, language=language)
    response = HttpResponse(track.vtt, content_type="text/vtt; charset=utf-8")
    response["Cache-Control"] = "private, max-age=60"
    return response


@login_required
@require_POST
def progress(request: MemberRequest, slug: str) -> HttpResponse:
    """Keep the member's position (seconds, from the player); 204, or 400 for junk."""
    shown = access.lesson_for_viewer(request.user, slug)
    try:
        seconds = float(request.POST.get("position", ""))
    except ValueError:
        return HttpResponseBadRequest(_("The position must be a number of seconds."))
    if not math.isfinite(seconds) or seconds < 0:
        return HttpResponseBadRequest(_("The position must be a number of seconds."))
    if shown.duration_ms and seconds * 1000 > shown.duration_ms + POSITION_SLACK_MS:
        return HttpResponseBadRequest(_("The position is past the end of the video."))
    progress_save(
        member=request.user,
        lesson=shown,
        position_ms=int(min(seconds, 10**6) * 1000),
        ended=request.POST.get("ended") == "1",
    )
    return HttpResponse(status=204)


@require_safe
def course(request: HttpRequest, slug: str) -> HttpResponse:
    member = _member(request)
    shown = access.course_for_viewer(member, slug)
    lessons = selectors.course_lessons(shown)
    progress = selectors.progress_for(member, lessons)
    done = sum(1 for lesson in lessons if (p := progress.get(lesson.pk)) and p.completed_at)
    under_way = sum(
        1
        for lesson in lessons
        if (p := progress.get(lesson.pk)) and not p.completed_at and p.position_ms
    )
    return render(
        request,
        "learn/course.html",
        {
            "course": shown,
            "lessons": lessons,
            "progress": progress,
            "done": done,
            "under_way": under_way,
            "finished": bool(lessons) and done == len(lessons),
            "percent": round(100 * done / len(lessons)) if lessons else 0,
            "next": selectors.course_next(lessons, progress),
            "started": bool(progress),
            "topics": list(shown.topics.all()),
        },
    )
