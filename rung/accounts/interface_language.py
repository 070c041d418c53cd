"""The interface language: what a member chose, and what a request or an email should use."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.http import HttpResponseBase
from django.utils import translation

from rung.accounts.models import User
from rung.core.languages import LANGUAGE_SELF_NAMES

__all__ = [
    "LANGUAGE_SELF_NAMES",
    "language_cookie_set",
    "language_of",
    "member_language",
    "member_language_set",
    "recipient_language",
    "supported_language",
]


def supported_language(code: str | None) -> str:
    """Return `code` if it is one of settings.LANGUAGES (any case), else ""."""
    if not code:
        return ""
    code = code.strip().lower()
    return code if code in {c.lower() for c, _name in settings.LANGUAGES} else ""


def member_language(member: object) -> str:
    """Return the interface language a member chose, or "" for visitors and the undecided."""
    if not isinstance(member, User) or not member.is_authenticated:
        return ""
    return supported_language(member.ui_language)


def member_language_set(*, member: User, language: str) -> None:
    """Remember a member's interface language ("" forgets it); raise ValueError if unknown."""
    if language and not supported_language(language):
        raise ValueError(f"unsupported language {language!r}")
    language = supported_language(language)
    if member.ui_language != language:
        member.ui_language = language
        member.save(update_fields=["ui_language"])


def recipient_language(member: User | None) -> str:
    """Return the language to write to a member in: their choice, else the active one."""
    return (
        member_language(member)
        or supported_language(translation.get_language())
        or settings.LANGUAGE_CODE
    )


@contextmanager
def language_of(member: User | None) -> Iterator[str]:
    """Render everything inside in the language `member` reads (see recipient_language)."""
    language = recipient_language(member)
    with translation.override(language):
        yield language


def language_cookie_set(response: HttpResponseBase, language: str) -> None:
    """Remember the language in this browser, the way Django's set_language view does."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
