"""Translate one post on demand: an htmx fragment, or a page of its own without JavaScript."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from rung.core import ratelimit
from rung.core.requests import HtmxRequest
from rung.languages import selectors, services
from rung.languages.models import Translation
from rung.languages.providers import (
    TranslationUnavailable,
    get_provider,
    provider_label,
    site_languages,
)
from rung.qa.models import Post


def _language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


def _client(request: HttpRequest) -> str:
    if request.user.is_authenticated:
        return f"member:{request.user.pk}"
    return f"ip:{ratelimit.client_address(request)}"


def _base_context(post: Post, kind: str, target: str) -> dict[str, object]:
    return {
        "kind": kind,
        "post_id": post.pk,
        "target": target,
        "original_url": post.get_absolute_url(),
        "body_class": "prose" if kind == Translation.Kind.REPLY else "prose body",
    }


def _refused(request: HtmxRequest, message: str) -> HttpResponse:
    if request.htmx:
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
    return render(request, "languages/translation_refused.html", {"message": message}, status=400)


def _failed(
    request: HtmxRequest, context: dict[str, object], message: str, status: int
) -> HttpResponse:
    context = {**context, "state": "failed", "failed": True, "message": message}
    if request.htmx:
        # htmx swaps only 2xx replies; the post stays as it is and the control says why.
        response = render(request, "languages/_translate_control.html", {**context, "oob": True})
        response["HX-Reswap"] = "none"
        return response
    context["retry_url"] = (
        reverse("languages:translate", args=[context["kind"], context["post_id"]])
        + f"?to={context['target']}"
    )
    response = render(request, "languages/translation_page.html", context, status=status)
    response["Retry-After"] = "60"
    return response


@require_safe
def translate_post(request: HtmxRequest, kind: str, pk: int) -> HttpResponse:
    if kind not in selectors.TRANSLATION_KINDS:
        return _refused(request, _("Only questions, answers and replies can be translated."))
    provider = get_provider()
    if not provider.is_enabled:
        raise Http404("Translation is not enabled on this site.")
    post = selectors.post_for_translation(kind, pk, viewer=request.user)
    target = (request.GET.get("to") or get_language() or "").lower()
    context = _base_context(post, kind, target)

    if request.GET.get("show") == "original":
        if not request.htmx:
            return redirect(post.get_absolute_url())
        return render(
            request,
            "languages/_translation.html",
            {**context, "state": "offer", "body_html": post.body_html, "lang": post.language},
        )

    if target not in site_languages():
        return _refused(request, _("Choose English or Chinese to translate into."))
    try:
        source = services.post_source_language(post, target=target)
    except ValidationError as error:
        return _refused(request, " ".join(error.messages))

    cached = selectors.translation_cached(selectors.post_text(post), source=source, target=target)
    quota = None if cached else services.translation_quota_take(client=_client(request))
    if quota is not None and not quota.allowed:
        refused = _failed(
            request,
            context,
            _("You have translated many posts in the last minute. Try again shortly."),
            status=429,
        )
        refused["Retry-After"] = str(quota.retry_after)
        return refused
    try:
        translation = cached or services.translation_for_post(
            post=post, target=target, provider=provider
        )
    except TranslationUnavailable:
        return _failed(request, context, _("Translation unavailable, try again later."), 503)

    context.update(
        {
            "state": "translated",
            "title": translation.title,
            "body_html": translation.body_html,
            "lang": target,
            "source_name": _language_name(source),
            "provider_label": provider_label(translation.provider),
        }
    )
    if request.htmx:
        return render(request, "languages/_translation.html", context)
    return render(request, "languages/translation_page.html", context)
