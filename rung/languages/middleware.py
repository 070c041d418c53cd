"""Make a member's chosen interface language win over the browser's guess."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from rung.languages.preferences import language_cookie_set, member_language


class MemberLanguageMiddleware:
    """Activate the logged-in member's `ui_language`, and keep the browser's cookie in step.

    LocaleMiddleware has already picked the cookie's or Accept-Language's language; this
    runs after AuthenticationMiddleware and replaces it when the member chose one, so the
    choice follows them to any browser. Copying it into the cookie keeps the page in that
    language after they log out.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = member_language(getattr(request, "user", None))
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            language_cookie_set(response, language)
        return response
