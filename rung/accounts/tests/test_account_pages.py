"""The account pages in Rung's look, and what they say about mail that never left the server."""

import re
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from rung.accounts.models import User
from rung.testing import PASSWORD

pytestmark = pytest.mark.django_db

CONSOLE = "rung.core.mail.ConsoleBackend"
SMTP = "django.core.mail.backends.smtp.EmailBackend"


def _signup(client: Client, **changes: str) -> Any:
    data = {
        "email": "newcomer@example.com",
        "username": "newcomer",
        "password1": "a long enough passphrase",
        "password2": "a long enough passphrase",
        **changes,
    }
    return client.post(reverse("account_signup"), data)


def _field_block(page: str, name: str) -> str:
    """Return the markup of the field wrapper that holds the input called `name`."""
    blocks = re.findall(r'<div class="field account-field.*?\n</div>', page, re.S)
    matching = [block for block in blocks if f'name="{name}"' in block]
    assert len(matching) == 1, name
    return matching[0]


# --- the look -----------------------------------------------------------------------------


def test_signup_page_is_a_card_with_labels_show_password_and_the_rules(client: Client) -> None:
    page = client.get(reverse("account_signup")).content.decode()
    assert 'class="account-card entrance"' in page
    assert '<label for="id_email">' in page and '<label for="id_password1">' in page
    # One show-password button per password field, hidden until the script reveals it.
    assert page.count("data-password-toggle") == 2
    assert re.search(r"<button [^>]*data-password-toggle[^>]*hidden>", page)
    # The strength meter, hidden without JavaScript, and the rules it stands in for.
    meter = r'<div class="password-meter" data-password-meter="id_password1"[^>]*hidden>'
    assert re.search(meter, page)
    assert 'aria-live="polite"' in page
    password = _field_block(page, "password1")
    assert 'id="id_password1_helptext"' in password
    assert "at least 8 characters" in password and "commonly used password" in password
    # Links to log in from sign-up; the primary button is the wide one.
    assert f'href="{reverse("account_login")}"' in page
    assert 'class="button primary prominent"' in page


def test_login_page_links_to_sign_up_and_password_reset(client: Client) -> None:
    page = client.get(reverse("account_login")).content.decode()
    assert 'class="account-card entrance"' in page
    assert f'href="{reverse("account_signup")}"' in page
    assert f'href="{reverse("account_reset_password")}"' in page
    assert page.count("data-password-toggle") == 1


def test_signup_errors_sit_by_their_field_with_a_summary_and_400(client: Client) -> None:
    response = _signup(client, email="not-an-address", password1="short", password2="other")
    assert response.status_code == 400
    page = response.content.decode()
    summary = re.search(r'<div class="error-summary" role="alert">.*?</div>', page, re.S)
    assert summary and 'href="#id_email"' in summary.group(0)
    email = _field_block(page, "email")
    assert "has-error" in email and "Enter a valid email address." in email
    assert 'id="id_email_error"' in email
    password = _field_block(page, "password1")
    assert "too short" in password
    assert not User.objects.filter(username="newcomer").exists()


def test_wrong_login_says_so_at_the_top_with_400(client: Client, alice: User) -> None:
    response = client.post(reverse("account_login"), {"login": "alice", "password": "wrong"})
    assert response.status_code == 400
    page = response.content.decode()
    summary = re.search(r'<div class="error-summary" role="alert">.*?</div>', page, re.S)
    assert summary and "not correct" in summary.group(0)


def test_a_good_login_still_redirects(client: Client, alice: User) -> None:
    response = client.post(reverse("account_login"), {"login": "alice", "password": PASSWORD})
    assert response.status_code == 302


def test_the_honeypot_stays_hidden_in_the_card(client: Client) -> None:
    page = client.get(reverse("account_signup")).content.decode()
    assert "hp-field" in _field_block(page, "website")


@pytest.mark.parametrize(
    "name",
    ["account_change_password", "account_email", "account_logout", "account_reauthenticate"],
)
def test_member_account_pages_use_the_card(alice_client: Client, name: str) -> None:
    response = alice_client.get(reverse(name))
    assert response.status_code == 200
    assert 'class="account-card ' in response.content.decode()


def test_password_change_has_toggles_and_meter(alice_client: Client) -> None:
    page = alice_client.get(reverse("account_change_password")).content.decode()
    assert page.count("data-password-toggle") == 3
    assert 'data-password-meter="id_password1"' in page


def test_password_change_refusal_answers_400(alice_client: Client) -> None:
    response = alice_client.post(
        reverse("account_change_password"),
        {"oldpassword": "wrong", "password1": "x", "password2": "y"},
    )
    assert response.status_code == 400
    assert "has-error" in _field_block(response.content.decode(), "oldpassword")


# --- where the mail went --------------------------------------------------------------------


def test_signup_says_the_confirmation_went_to_the_console(client: Client) -> None:
    with override_settings(EMAIL_BACKEND=CONSOLE):
        response = _signup(client)
        page = client.get(response["Location"]).content.decode()
    assert "was written to the server&#x27;s console" in page
    assert "not emailed" in page
    assert "We have emailed" not in page


def test_password_reset_done_says_where_the_message_went(client: Client, alice: User) -> None:
    with override_settings(EMAIL_BACKEND=CONSOLE):
        response = client.post(
            reverse("account_reset_password"), {"email": "alice@example.com"}, follow=True
        )
    page = response.content.decode()
    assert "was written to the server&#x27;s console" in page
    assert "We have emailed" not in page


def test_file_backend_names_the_folder(client: Client, tmp_path: Path) -> None:
    with override_settings(
        EMAIL_BACKEND="rung.core.mail.FileBackend", EMAIL_FILE_PATH=str(tmp_path)
    ):
        page = client.get(reverse("account_reset_password_done")).content.decode()
    assert f"saved as a file in {tmp_path}" in page


def test_with_a_mail_server_the_pages_say_it_was_emailed(client: Client) -> None:
    with override_settings(EMAIL_HOST="smtp.example.com", EMAIL_BACKEND=SMTP):
        reset = client.get(reverse("account_reset_password_done")).content.decode()
        sent = client.get(reverse("account_email_verification_sent")).content.decode()
    assert "We have emailed that address" in reset and "console" not in reset
    assert "We have emailed you a confirmation link" in sent and "console" not in sent


def test_confirmation_message_with_a_mail_server_says_it_was_emailed(client: Client) -> None:
    # allauth's message after sign-up, rendered from Rung's template, as a real server would.
    from django.template.loader import render_to_string

    with override_settings(EMAIL_HOST="smtp.example.com", EMAIL_BACKEND=SMTP):
        text = render_to_string(
            "account/messages/email_confirmation_sent.txt", {"email": "a@example.com"}
        )
    assert text.strip() == "We have emailed a confirmation link to a@example.com."


def test_dev_mailbox_lists_mail_with_debug(client: Client, tmp_path: Path) -> None:
    with override_settings(DEBUG=True, EMAIL_BACKEND=CONSOLE, RUNG_KEPT_MAIL_DIR=tmp_path):
        message = client.get(_signup(client)["Location"]).content.decode()
        page = client.get(reverse("kept_mail"))
    assert page.status_code == 200
    assert "Please Confirm Your Email Address" in page.content.decode()
    assert "/accounts/confirm-email/" in page.content.decode()
    assert reverse("kept_mail") in message


def test_dev_mailbox_keeps_only_the_newest_fifty(tmp_path: Path) -> None:
    from django.core.mail import EmailMessage

    from rung.core import mail as kept

    with override_settings(DEBUG=True, RUNG_KEPT_MAIL_DIR=tmp_path):
        kept.keep([EmailMessage(f"Subject {n}", "body", to=["x@example.com"]) for n in range(60)])
        listed = kept.kept_mail()
    assert len(listed) == kept.KEPT == 50
    assert listed[0].subject == "Subject 59" and listed[-1].subject == "Subject 10"


def test_dev_mailbox_is_404_without_debug(client: Client, tmp_path: Path) -> None:
    with override_settings(DEBUG=False, EMAIL_BACKEND=CONSOLE, RUNG_KEPT_MAIL_DIR=tmp_path):
        _signup(client)
        assert client.get(reverse("kept_mail")).status_code == 404
    assert not list(tmp_path.iterdir())


def test_dev_mailbox_is_404_with_a_mail_server(client: Client) -> None:
    with override_settings(DEBUG=True, EMAIL_HOST="smtp.example.com", EMAIL_BACKEND=SMTP):
        assert client.get(reverse("kept_mail")).status_code == 404


def test_mail_still_reaches_the_outbox_in_tests(client: Client) -> None:
    _signup(client)
    assert len(mail.outbox) == 1
