"""The sign-up and log-in pages in a real headless Chromium, on a laptop and a phone, in both
languages: the show-password button, the strength meter, no sideways scrolling, and a wrong
log-in that says what went wrong. Screenshots go to test-output/auth-*.png.
"""

from pathlib import Path
from typing import Any

import pytest

from rung.testing.browser import Watch

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SIZES = {"1280": {"width": 1280, "height": 900}, "390": {"width": 390, "height": 844}}
LOCALES = {"en": "en-US", "zh": "zh-CN"}
WORDS = {
    "en": {"weak": "weak", "fair": "fair", "strong": "strong", "show": "Show", "hide": "Hide"},
    "zh": {"weak": "弱", "fair": "中", "strong": "强", "show": "显示", "hide": "隐藏"},
}
WRONG_LOGIN = {
    "en": "not correct",
    "zh": "不正确",
}


def _shoot(page: Any, test_output: Path, name: str) -> None:
    path = test_output / name
    path.unlink(missing_ok=True)
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000


def _fits(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], width


@pytest.mark.parametrize("language", ["en", "zh"])
def test_sign_up_and_log_in_pages_in_chromium(
    live_server: Any, chromium: Any, test_output: Path, language: str
) -> None:
    from playwright.sync_api import expect

    base = live_server.url
    words = WORDS[language]
    watch = Watch()
    for size, viewport in SIZES.items():
        context = watch.attach(chromium.new_context(viewport=viewport, locale=LOCALES[language]))
        page = context.new_page()
        page.goto(f"{base}/accounts/signup/")
        expect(page.locator("html")).to_have_attribute(
            "lang", "zh-hans" if language == "zh" else "en"
        )
        card = page.locator(".account-card")
        expect(card).to_be_visible()
        _fits(page)

        password = page.locator("#id_password1")
        toggle = page.locator("button[data-password-toggle][aria-controls=id_password1]")
        expect(toggle).to_be_visible()
        expect(toggle).to_have_text(words["show"])
        meter = page.locator("[data-password-meter=id_password1]")
        expect(meter).to_be_visible()
        level = meter.locator("[data-password-meter-level]")

        password.fill("abc")
        expect(meter).to_have_attribute("data-level", "weak")
        expect(level).to_have_text(words["weak"])
        password.fill("Summer2024")
        expect(meter).to_have_attribute("data-level", "fair")
        expect(level).to_have_text(words["fair"])
        password.fill("a long enough passphrase")
        expect(meter).to_have_attribute("data-level", "strong")
        expect(level).to_have_text(words["strong"])

        toggle.click()
        expect(password).to_have_attribute("type", "text")
        expect(toggle).to_have_text(words["hide"])
        toggle.click()
        expect(password).to_have_attribute("type", "password")
        # The rules the server checks stay listed under the field.
        expect(page.locator("#id_password1_helptext li")).to_have_count(4)
        _fits(page)
        _shoot(page, test_output, f"auth-signup-{language}-{size}.png")

        # A sign-up with mismatched passwords: the summary at the top, the error by its field.
        page.locator("#id_email").fill("casey@example.com")
        page.locator("#id_username").fill("casey")
        page.locator("#id_password2").fill("something else entirely")
        with page.expect_response(lambda r: r.request.method == "POST") as response:
            page.locator("form.account-form button[type=submit]").click()
        assert response.value.status == 400
        expect(page.locator(".error-summary[role=alert]")).to_be_visible()
        expect(page.locator(".account-field.has-error #id_password2")).to_have_count(1)
        _fits(page)
        _shoot(page, test_output, f"auth-signup-errors-{language}-{size}.png")

        # A wrong log-in says so plainly, above the form.
        page.goto(f"{base}/accounts/login/")
        expect(page.locator("a[href='/accounts/signup/']").last).to_be_visible()
        expect(page.locator("a[href='/accounts/password/reset/']")).to_be_visible()
        page.locator("#id_login").fill("nobody-here")
        page.locator("#id_password").fill("wrong password")
        with page.expect_response(lambda r: r.request.method == "POST") as response:
            page.locator("form.account-form button[type=submit]").click()
        assert response.value.status == 400
        summary = page.locator(".error-summary[role=alert]")
        expect(summary).to_contain_text(WRONG_LOGIN[language])
        expect(page.locator("#id_login")).to_have_value("nobody-here")
        _fits(page)
        _shoot(page, test_output, f"auth-login-error-{language}-{size}.png")
        context.close()
    watch.assert_clean()


def test_account_pages_and_the_dev_mailbox_in_chromium(
    live_server: Any, chromium: Any, test_output: Path, settings: Any, tmp_path: Path
) -> None:
    """Sign up, manage email and password, and reset it through the mail the server kept."""
    from playwright.sync_api import expect

    from rung.testing.browser import sign_up

    # The embedded default during development: no mail server, DEBUG on.
    settings.DEBUG = True
    settings.EMAIL_BACKEND = "rung.core.mail.ConsoleBackend"
    settings.RUNG_KEPT_MAIL_DIR = tmp_path
    base = live_server.url
    watch = Watch()
    for size, viewport in SIZES.items():
        context = watch.attach(chromium.new_context(viewport=viewport, locale="en-US"))
        page = context.new_page()
        name = f"dana{size}"
        sign_up(page, base, name)
        expect(page.locator(".messages")).to_contain_text("was not emailed")
        expect(page.locator(".messages")).to_contain_text("console")

        page.goto(f"{base}/accounts/email/")
        expect(page.locator(".account-card")).to_contain_text(f"{name}@example.com")
        _fits(page)
        _shoot(page, test_output, f"auth-email-en-{size}.png")

        page.goto(f"{base}/accounts/password/change/")
        expect(page.locator("button[data-password-toggle]")).to_have_count(3)
        _fits(page)
        _shoot(page, test_output, f"auth-password-change-en-{size}.png")

        menu = page.locator("header.site-header summary.nav-menu-button")
        if menu.is_visible():  # on a phone, the account links are in the header's menu
            menu.click()
        page.locator("header.site-header").get_by_role("button", name="Log out").click()
        page.goto(f"{base}/accounts/password/reset/")
        page.locator("#id_email").fill(f"{name}@example.com")
        page.locator("form.account-form button[type=submit]").click()
        page.wait_for_url(f"{base}/accounts/password/reset/done/")
        note = page.locator(".mail-delivery")
        expect(note).to_contain_text("written to the server's console")
        _fits(page)
        _shoot(page, test_output, f"auth-reset-done-en-{size}.png")

        note.get_by_role("link").click()
        page.wait_for_url(f"{base}/-/mail/")
        newest = page.locator(".kept-message").first
        expect(newest).to_contain_text("Password Reset")
        _fits(page)
        _shoot(page, test_output, f"auth-mailbox-en-{size}.png")

        newest.locator("a[href*='/accounts/password/reset/key/']").click()
        page.locator("#id_password1").wait_for()
        page.locator("#id_password1").fill("a brand new passphrase")
        expect(page.locator("[data-password-meter=id_password1]")).to_have_attribute(
            "data-level", "strong"
        )
        page.locator("#id_password2").fill("a brand new passphrase")
        _fits(page)
        _shoot(page, test_output, f"auth-reset-key-en-{size}.png")
        page.locator("form.account-form button[name=action]").click()
        page.wait_for_load_state()
        expect(page.locator("main")).not_to_contain_text("Bad Token")
        context.close()
    watch.assert_clean()
