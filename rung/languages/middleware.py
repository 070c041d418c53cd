"""Make a member's chosen interface language win over the browser's guess."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from rung.accounts.interface_language import language_cookie_set, member_language


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
        member_id = getattr(getattr(request, "user", None), "pk", None)
        response = self.get_response(request)
        # Read again: the view may have just changed the choice (profile, switcher).
        user = getattr(request, "user", None)
        chosen = member_language(user)
        if chosen and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != chosen:
            language_cookie_set(response, chosen)
        elif (
            language
            and not chosen
            and member_id is not None
            and getattr(user, "pk", None) == member_id
        ):
            # The member went back to "follow my browser": forget the copied choice.
            response.delete_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
            )
        return response
