"""The instructors' studio: upload lessons, edit their words, captions and publishing.

Every page is an instructor's; for anyone else (a member who is not an instructor, or an
instructor asking for another's lesson) the studio does not exist: 404, as for a lesson
that is not there (rung/learn/access.py). Video uploads bypass the usual body reading:
the size is checked before the body is read and while it streams (rung/learn/uploads.py).
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from rung.accounts.requests import MemberRequest
from rung.core.forms import FORM_ERROR_STATUS, save_form
from rung.learn import captions, services
from rung.learn.access import is_instructor, lesson_for_editor, lessons_editable_by
from rung.learn.forms import (
    CaptionsForm,
    LessonForm,
    LessonUploadForm,
    PublishForm,
    TranslateCaptionsForm,
    lesson_form_initial,
)
from rung.learn.models import CaptionOrigin, Lesson
from rung.learn.uploads import limit_uploads, refuse_oversized, too_large_message

STUDIO_LIST_LIMIT = 200
# A caption upload's body may hold the file and the form's few other fields.
CAPTION_BODY_LIMIT = captions.MAX_CAPTION_BYTES + 64 * 1024


def _instructor_only(request: MemberRequest) -> None:
    if not is_instructor(request.user):
        raise Http404


@login_required
@require_safe
def studio(request: MemberRequest) -> HttpResponse:
    _instructor_only(request)
    lessons = list(
        Lesson.objects.filter(lessons_editable_by(request.user))
        .select_related("course")
        .order_by("-created_at", "-pk")[:STUDIO_LIST_LIMIT]
    )
    return render(
        request,
        "learn/studio/list.html",
        {"lessons": lessons, "limited": len(lessons) >= STUDIO_LIST_LIMIT},
    )


def _guarded_upload(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """Check access and the declared size before the body is read, then stream it to disk.

    CSRF is checked by the inner view: the middleware's check would read the body before
    the upload handler is in place.
    """
    protected = csrf_protect(view)

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if request.method == "POST":
            # Answered without reading the body: a visitor is sent to log in, and for a
            # member who is not an instructor the studio does not exist.
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not is_instructor(request.user):
                raise Http404
            refused = refuse_oversized(request)
            if refused is not None:
                return refused
            request.upload_handler = limit_uploads(request)  # type: ignore[attr-defined]
        return protected(request, *args, **kwargs)

    return csrf_exempt(wrapper)


def _cut_off(request: HttpRequest) -> bool:
    handler = getattr(request, "upload_handler", None)
    return bool(handler is not None and handler.too_large)


@_guarded_upload
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def studio_new(request: MemberRequest) -> HttpResponse:
    _instructor_only(request)
    status = 200
    if request.method == "POST":
        form = LessonUploadForm(request.POST, request.FILES)
        if _cut_off(request):
            form = LessonUploadForm(request.POST)
            form.is_valid()
            form.add_error(None, too_large_message())
            return render(request, "learn/studio/new.html", {"form": form}, status=413)
        member = request.user

        def upload(data: dict[str, object]) -> Lesson:
            texts = form.texts()
            spoken = form.cleaned_data["language"]
            main = texts.pop(spoken)
            return services.lesson_upload(
                member=member,
                title=main.title,
                summary=main.summary,
                key_points=main.key_points,
                language=spoken,
                topics=list(form.cleaned_data["topics"]),
                course=form.cleaned_data["course"],
                position=form.cleaned_data["position"],
                upload=form.cleaned_data["upload"],
                translations=texts,
            )

        lesson = save_form(form, upload)
        if lesson is not None:
            messages.success(
                request,
                _(
                    "The video was uploaded. It is being converted for playback; "
                    "this page shows when it is ready."
                ),
            )
            return redirect("learn:studio_edit", lesson.slug)
        status = FORM_ERROR_STATUS
    else:
        form = LessonUploadForm()
    return render(request, "learn/studio/new.html", {"form": form}, status=status)


def _edit_page(
    request: MemberRequest,
    lesson: Lesson,
    *,
    form: LessonForm | None = None,
    captions_form: CaptionsForm | None = None,
    translate_error: str = "",
    publish_error: str = "",
    status: int = 200,
) -> HttpResponse:
    tracks = list(lesson.tracks.all())
    # A machine translation may be made again; a language with captions of its own is kept.
    written = {track.language for track in tracks if track.origin != CaptionOrigin.TRANSLATED}
    return render(
        request,
        "learn/studio/edit.html",
        {
            "lesson": lesson,
            "form": form or LessonForm(initial=lesson_form_initial(lesson)),
            "captions_form": captions_form or CaptionsForm(initial={"language": lesson.language}),
            "tracks": tracks,
            "translation_enabled": services.captions_translation_enabled(),
            "translate_targets": [
                (code, name) for code, name in settings.LANGUAGES if code not in written
            ]
            if tracks
            else [],
            "translate_error": translate_error,
            "publish_error": publish_error,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def studio_edit(request: MemberRequest, slug: str) -> HttpResponse:
    lesson = lesson_for_editor(request.user, slug)
    if request.method != "POST":
        return _edit_page(request, lesson)
    form = LessonForm(request.POST)
    member = request.user
    saved = save_form(
        form,
        lambda data: services.lesson_update(
            member=member,
            lesson=lesson,
            texts=form.texts(),
            language=data["language"],
            topics=list(data["topics"]),
            course=data["course"],
            position=data["position"],
        ),
    )
    if saved is None:
        lesson.refresh_from_db()
        return _edit_page(request, lesson, form=form, status=FORM_ERROR_STATUS)
    messages.success(request, _("The lesson was saved."))
    return redirect("learn:studio_edit", lesson.slug)


def _captions_view(request: MemberRequest, slug: str) -> HttpResponse:
    lesson = lesson_for_editor(request.user, slug)
    form = CaptionsForm(request.POST, request.FILES)
    member = request.user
    track = save_form(
        form,
        lambda data: services.lesson_captions_upload(
            member=member, lesson=lesson, language=data["language"], upload=data["upload"]
        ),
    )
    if track is None:
        return _edit_page(request, lesson, captions_form=form, status=FORM_ERROR_STATUS)
    messages.success(request, _("The captions were saved."))
    return redirect(reverse("learn:studio_edit", args=[lesson.slug]) + "#captions")


@csrf_exempt
@login_required
@require_POST
def studio_captions(request: MemberRequest, slug: str) -> HttpResponse:
    # The size is checked before the body is read, so the CSRF check waits until after.
    lesson_for_editor(request.user, slug)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > CAPTION_BODY_LIMIT:
        return HttpResponse(
            _("A caption file may be at most %(size)s MB.")
            % {"size": captions.MAX_CAPTION_BYTES // 2**20},
            status=413,
            content_type="text/plain; charset=utf-8",
        )
    return csrf_protect(_captions_view)(request, slug)


@login_required
@require_POST
def studio_translate(request: MemberRequest, slug: str) -> HttpResponse:
    lesson = lesson_for_editor(request.user, slug)
    form = TranslateCaptionsForm(request.POST)
    if not form.is_valid():
        return _edit_page(
            request, lesson, translate_error=_("Choose a language."), status=FORM_ERROR_STATUS
        )
    try:
        services.lesson_captions_translate(
            member=request.user, lesson=lesson, to_language=form.cleaned_data["to_language"]
        )
    except ValidationError as error:
        return _edit_page(
            request, lesson, translate_error=" ".join(error.messages), status=FORM_ERROR_STATUS
        )
    messages.success(request, _("The captions were translated."))
    return redirect(reverse("learn:studio_edit", args=[lesson.slug]) + "#captions")


@login_required
@require_POST
def studio_publish(request: MemberRequest, slug: str) -> HttpResponse:
    lesson = lesson_for_editor(request.user, slug)
    form = PublishForm(request.POST)
    form.is_valid()
    published = bool(form.cleaned_data.get("published"))
    try:
        services.lesson_publish(member=request.user, lesson=lesson, published=published)
    except ValidationError as error:
        return _edit_page(
            request, lesson, publish_error=" ".join(error.messages), status=FORM_ERROR_STATUS
        )
    messages.success(
        request,
        _("The lesson is published.") if published else _("The lesson is no longer published."),
    )
    return redirect("learn:studio_edit", lesson.slug)


@login_required
@require_POST
def studio_delete(request: MemberRequest, slug: str) -> HttpResponse:
    lesson = lesson_for_editor(request.user, slug)
    services.lesson_delete(member=request.user, lesson=lesson)
    messages.success(request, _("The lesson was deleted."))
    return redirect("learn:studio")
