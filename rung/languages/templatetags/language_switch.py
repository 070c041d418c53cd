"""The language switcher shown in every page's header."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from rung.accounts.interface_language import LANGUAGE_SELF_NAMES

register = template.Library()


def _is_member(context: template.Context) -> bool:
    user = context.get("user")
    return bool(user is not None and user.is_authenticated)


@register.inclusion_tag("languages/_switcher.html", takes_context=True)
def language_switcher(context: template.Context) -> dict[str, object]:
    """Render one button per interface language that POSTs to languages:switch."""
    request = context.get("request")
    current = (get_language() or settings.LANGUAGE_CODE).lower()
    return {
        "choices": [
            {
                "code": code,
                "name": LANGUAGE_SELF_NAMES.get(code, str(name)),
                "current": code == current,
            }
            for code, name in settings.LANGUAGES
        ],
        "next": request.get_full_path() if request is not None else "/",
        "csrf_token": context.get("csrf_token"),
        # Members' switch is checked against CSRF; a visitor's carries no token, so a page
        # for visitors holds nothing per reader (languages/views/switch.py).
        "is_member": _is_member(context),
    }
