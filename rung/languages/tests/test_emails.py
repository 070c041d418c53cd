"""Account emails arrive in the recipient's language, whatever language the request was in."""

from collections.abc import Iterator
from typing import Any

import pytest
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from allauth.core import context
from django.conf import settings
from django.core.mail import EmailMessage
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from rung.accounts.interface_language import member_language_set
from rung.accounts.models import User
from rung.testing import make_member

pytestmark = pytest.mark.django_db
ENGLISH_BROWSER = "en-US,en;q=0.9"
CHINESE_BROWSER = "zh-CN,zh;q=0.9"
# allauth's own zh_Hans catalogue translates these subjects (its locale is "zh_Hans").
CONFIRM_ZH, CONFIRM_EN = "请确认您的Email地址", "Please Confirm Your Email Address"
RESET_ZH, RESET_EN = "密码重置邮件", "Password Reset Email"


@pytest.fixture(autouse=True)
def _deactivate_afterwards() -> Iterator[None]:
    yield
    translation.deactivate()


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def _only(outbox: list[EmailMessage]) -> EmailMessage:
    assert len(outbox) == 1, [message.subject for message in outbox]
    return outbox[0]


def _sign_up(browser: Client, username: str) -> None:
    response = browser.post(
        reverse("account_signup"),
        {
            "email": f"{username}@example.com",
            "username": username,
            "password1": "a long enough passphrase",
            "password2": "a long enough passphrase",
        },
    )
    assert response.status_code == 302


def _member(language: str, username: str) -> User:
    member = make_member(username)
    member_language_set(member=member, language=language)
    EmailAddress.objects.create(user=member, email=member.email, primary=True, verified=False)
    return member


def test_signup_from_a_chinese_browser_gets_a_chinese_confirmation(
    mailoutbox: list[EmailMessage],
) -> None:
    _sign_up(Client(HTTP_ACCEPT_LANGUAGE=CHINESE_BROWSER), "mei")
    message = _only(mailoutbox)
    assert CONFIRM_ZH in message.subject
    assert _has_chinese(str(message.body)) and "/accounts/confirm-email/" in str(message.body)
    assert User.objects.get(username="mei").ui_language == "zh-hans"


def test_signup_from_an_english_browser_gets_an_english_confirmation(
    mailoutbox: list[EmailMessage],
) -> None:
    _sign_up(Client(HTTP_ACCEPT_LANGUAGE=ENGLISH_BROWSER), "sam")
    message = _only(mailoutbox)
    assert CONFIRM_EN in message.subject
    assert not _has_chinese(f"{message.subject} {message.body}")
    assert User.objects.get(username="sam").ui_language == "en"


def test_signup_after_switching_to_chinese_is_in_chinese(mailoutbox: list[EmailMessage]) -> None:
    """The switcher's cookie, not only the browser's header, decides the sign-up language."""
    browser = Client(HTTP_ACCEPT_LANGUAGE=ENGLISH_BROWSER)
    browser.post(reverse("languages:switch"), {"language": "zh-hans", "next": "/"})
    _sign_up(browser, "lin")
    assert CONFIRM_ZH in _only(mailoutbox).subject


@pytest.mark.parametrize(
    ("language", "browser", "subject"),
    [("zh-hans", ENGLISH_BROWSER, RESET_ZH), ("en", CHINESE_BROWSER, RESET_EN)],
)
def test_password_reset_is_in_the_members_language_not_the_requests(
    mailoutbox: list[EmailMessage], language: str, browser: str, subject: str
) -> None:
    member = _member(language, "wei")
    response = Client(HTTP_ACCEPT_LANGUAGE=browser).post(
        reverse("account_reset_password"), {"email": member.email}
    )
    assert response.status_code == 302
    message = _only(mailoutbox)
    assert subject in message.subject
    assert _has_chinese(str(message.body)) == (language == "zh-hans")
    assert "/accounts/password/reset/key/" in str(message.body)


def test_resent_confirmation_is_in_the_members_language(mailoutbox: list[EmailMessage]) -> None:
    member = _member("zh-hans", "fang")
    # The member reads Chinese but this browser asks for English and has an English cookie.
    browser = Client(HTTP_ACCEPT_LANGUAGE=ENGLISH_BROWSER)
    browser.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    browser.force_login(member)
    response = browser.post(reverse("account_email"), {"action_send": "", "email": member.email})
    assert response.status_code == 302
    message = _only(mailoutbox)
    assert CONFIRM_ZH in message.subject and _has_chinese(str(message.body))


def test_member_without_a_preference_gets_the_requests_language(
    mailoutbox: list[EmailMessage],
) -> None:
    member = make_member("kai")
    Client(HTTP_ACCEPT_LANGUAGE=CHINESE_BROWSER).post(
        reverse("account_reset_password"), {"email": member.email}
    )
    assert RESET_ZH in _only(mailoutbox).subject


def test_email_of_no_member_is_in_the_requests_language(
    mailoutbox: list[EmailMessage], settings: Any
) -> None:
    settings.ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
    Client(HTTP_ACCEPT_LANGUAGE=CHINESE_BROWSER).post(
        reverse("account_reset_password"), {"email": "nobody@example.com"}
    )
    message = _only(mailoutbox)
    assert message.to == ["nobody@example.com"] and _has_chinese(str(message.subject))


def test_sending_an_email_leaves_the_requests_language_active(
    mailoutbox: list[EmailMessage],
) -> None:
    """The override ends with the email: the page after it is in the reader's language."""
    member = _member("zh-hans", "yu")
    response = Client(HTTP_ACCEPT_LANGUAGE=ENGLISH_BROWSER).post(
        reverse("account_reset_password"), {"email": member.email}, follow=True
    )
    assert RESET_ZH in _only(mailoutbox).subject
    assert '<html lang="en">' in response.content.decode()


@pytest.mark.parametrize(("language", "subject"), [("zh-hans", RESET_ZH), ("en", RESET_EN)])
def test_adapter_writes_in_the_recipients_language_inside_any_active_one(
    mailoutbox: list[EmailMessage], language: str, subject: str
) -> None:
    """Whatever language the sending code runs in, the member's own language is used."""
    member = _member(language, "an")
    request = RequestFactory().get("/")
    other = "en" if language == "zh-hans" else "zh-hans"
    with context.request_context(request), translation.override(other):
        get_adapter(request).send_mail(
            "account/email/password_reset_key",
            member.email,
            {"user": member, "password_reset_url": "http://testserver/reset/", "request": request},
        )
        assert translation.get_language() == other
    assert subject in _only(mailoutbox).subject


def test_adapter_finds_the_member_by_address_when_no_user_is_given(
    mailoutbox: list[EmailMessage],
) -> None:
    member = _member("zh-hans", "bo")
    request = RequestFactory().get("/")
    with context.request_context(request), translation.override("en"):
        get_adapter(request).send_mail(
            "account/email/password_reset_key",
            member.email.upper(),
            {"password_reset_url": "http://testserver/reset/", "request": request},
        )
    assert RESET_ZH in _only(mailoutbox).subject
