"""Sign-up, log in/out, password reset, and the profile shown on posts."""

import io
import re
from pathlib import Path
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from rung.accounts.models import User
from rung.ladder.models import Level, Track
from rung.testing import CORPORA, PASSWORD

pytestmark = pytest.mark.django_db
SVG_DIR = CORPORA / "svg"


def test_signup_logs_the_member_in_at_once(client: Client) -> None:
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new@example.com",
            "username": "newbie",
            "password1": "a long enough passphrase",
            "password2": "a long enough passphrase",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile_edit")
    user = User.objects.get(username="newbie")
    assert user.password.startswith(("argon2", "md5"))
    assert client.get(reverse("accounts:profile_edit")).status_code == 200


def test_argon2_is_the_production_hasher() -> None:
    from rung import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_signup_with_mandatory_verification_waits_for_email(
    client: Client, settings: object
) -> None:
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"  # type: ignore[attr-defined]
    client.post(
        reverse("account_signup"),
        {
            "email": "careful@example.com",
            "username": "careful",
            "password1": "a long enough passphrase",
            "password2": "a long enough passphrase",
        },
    )
    assert client.get(reverse("accounts:profile_edit")).status_code == 302
    assert len(mail.outbox) == 1 and "careful@example.com" in mail.outbox[0].to


def test_login_logout_and_password_reset(client: Client, alice: User) -> None:
    response = client.post(reverse("account_login"), {"login": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile_edit")).status_code == 200
    client.post(reverse("account_logout"))
    assert client.get(reverse("accounts:profile_edit")).status_code == 302

    client.post(reverse("account_reset_password"), {"email": "alice@example.com"})
    assert len(mail.outbox) == 1
    link = re.search(
        r"http://testserver(/accounts/password/reset/key/\S+)", str(mail.outbox[0].body)
    )
    assert link
    form_page = client.get(link.group(1), follow=True)
    assert form_page.status_code == 200
    reset = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link.group(1),
        {"password1": "a brand new passphrase", "password2": "a brand new passphrase"},
    )
    assert reset.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("a brand new passphrase")


def _profile_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "display_name": "Alice Chen",
        "headline": "Tech Lead/Manager at Meta, Pinterest",
        "level": Level.objects.get(slug="senior").pk,
        "track": Track.objects.get(slug="ic").pk,
        "companies": "Meta, Pinterest",
        "years_experience": 9,
        "languages": ["en", "zh-hans"],
    }
    data.update(overrides)
    return data


def _png(size: tuple[int, int] = (600, 400), fmt: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format=fmt)
    return out.getvalue()


def test_profile_edit_saves_and_shows_on_profile(alice_client: Client, alice: User) -> None:
    response = alice_client.post(reverse("accounts:profile_edit"), _profile_data())
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.languages == ["en", "zh-hans"]
    assert alice.level is not None and alice.level.slug == "senior"
    page = alice_client.get(alice.get_absolute_url()).content.decode()
    assert "Tech Lead/Manager at Meta, Pinterest" in page and "Senior Engineer" in page


def test_avatar_upload_is_reencoded_square_webp(
    alice_client: Client, alice: User, settings: object, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    upload = SimpleUploadedFile("me.png", _png(), content_type="image/png")
    response = alice_client.post(reverse("accounts:profile_edit"), _profile_data(avatar=upload))
    assert response.status_code == 302
    alice.refresh_from_db()
    assert str(alice.avatar.name).endswith(".webp")
    with Image.open(alice.avatar.path) as stored:
        assert stored.format == "WEBP" and stored.size == (256, 256)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.png", b"this is not an image at all"),
        ("empty.png", b""),
        ("truncated.png", _png()[:200]),
        ("fake.gif", b"GIF89a" + b"\x00" * 50),
    ],
)
def test_non_images_are_refused_and_profile_kept(
    alice_client: Client, alice: User, name: str, content: bytes
) -> None:
    upload = SimpleUploadedFile(name, content, content_type="image/png")
    response = alice_client.post(
        reverse("accounts:profile_edit"), _profile_data(avatar=upload, headline="Changed")
    )
    assert response.status_code == 400
    assert b'role="alert"' in response.content
    alice.refresh_from_db()
    assert not alice.avatar and alice.headline == "ML Engineer at Acme"


def test_every_hostile_svg_is_refused(alice_client: Client, alice: User) -> None:
    files = sorted(SVG_DIR.glob("*.svg"))
    assert files, f"the shared corpus is missing at {SVG_DIR}"
    for path in files:
        upload = SimpleUploadedFile(path.name, path.read_bytes(), content_type="image/svg+xml")
        response = alice_client.post(reverse("accounts:profile_edit"), _profile_data(avatar=upload))
        assert response.status_code == 400, path.name
    alice.refresh_from_db()
    assert not alice.avatar


def test_oversized_upload_is_refused(alice_client: Client, alice: User) -> None:
    big = _png((3000, 3000), "BMP")  # ~27 MB uncompressed
    upload = SimpleUploadedFile("big.bmp", big, content_type="image/bmp")
    response = alice_client.post(reverse("accounts:profile_edit"), _profile_data(avatar=upload))
    assert response.status_code in {400, 413}
    alice.refresh_from_db()
    assert not alice.avatar


@pytest.mark.parametrize(
    "overrides",
    [
        {"years_experience": -1},
        {"years_experience": "ten"},
        {"years_experience": 500},
        {"level": 999999},
        {"level": "abc"},
        {"languages": ["klingon"]},
        {"headline": "h" * 10_000},
        {"display_name": "d" * 1_000},
    ],
)
def test_bad_profile_input_gets_400_and_keeps_saved_profile(
    alice_client: Client, alice: User, overrides: dict[str, object]
) -> None:
    response = alice_client.post(reverse("accounts:profile_edit"), _profile_data(**overrides))
    assert response.status_code == 400
    alice.refresh_from_db()
    assert alice.headline == "ML Engineer at Acme" and alice.years_experience is None


def test_level_from_another_track_is_refused(alice_client: Client, alice: User) -> None:
    data = _profile_data(level=Level.objects.get(slug="director").pk)
    assert alice_client.post(reverse("accounts:profile_edit"), data).status_code == 400


def test_generated_avatar_when_none_uploaded(client: Client, alice: User) -> None:
    html = client.get(alice.get_absolute_url()).content.decode()
    hue = alice.avatar_hue * 24 // 360
    assert f'class="avatar avatar-generated avatar-96 avatar-hue-{hue}"' in html
    assert ">AC<" in html


def _without_per_member_parts(html: str) -> str:
    """Blank what differs between any two responses: tokens, nonces and the generated avatar."""
    html = re.sub(r"[A-Za-z0-9]{64}", "TOKEN", html)
    html = re.sub(r'nonce="[^"]+"', "NONCE", html)
    return re.sub(r'<span class="avatar[^"]*"[^>]*>[^<]*</span>', "AVATAR", html)


def _sign_up(client: Client, email: str, username: str) -> Any:
    return client.post(
        reverse("account_signup"),
        {
            "email": email,
            "username": username,
            "password1": "a long enough passphrase",
            "password2": "a long enough passphrase",
        },
    )


@pytest.mark.parametrize("verification", ["optional", "mandatory"])
def test_sign_up_answers_alike_for_a_registered_address_and_a_new_one(
    alice: User, settings: Any, verification: str
) -> None:
    """Nothing in the answer tells whether an address already has an account."""
    settings.ACCOUNT_EMAIL_VERIFICATION = verification
    settings.ACCOUNT_PREVENT_ENUMERATION = True if verification == "mandatory" else "strict"
    answers = []
    for email, username in [("alice@example.com", "second"), ("fresh@example.org", "third")]:
        client = Client()
        response = _sign_up(client, email, username)
        page = client.get(response["Location"]) if response.status_code == 302 else response
        answers.append(
            (
                response.status_code,
                response.get("Location"),
                page.status_code,
                _without_per_member_parts(
                    page.content.decode().replace(email, "ADDRESS").replace(username, "NAME")
                ),
                "_auth_user_id" in client.session,
            )
        )
    assert answers[0] == answers[1]
    assert "already" not in answers[0][3]
    # The account that had the address keeps it, and keeps its owner's password.
    alice.refresh_from_db()
    assert alice.email == "alice@example.com" and alice.check_password(PASSWORD)


def test_with_mandatory_confirmation_the_owner_of_a_registered_address_is_told_by_mail(
    alice: User, settings: Any
) -> None:
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    settings.ACCOUNT_PREVENT_ENUMERATION = True
    _sign_up(Client(), "alice@example.com", "imposter")
    assert not User.objects.filter(username="imposter").exists()
    [message] = mail.outbox
    assert message.to == ["alice@example.com"]


def test_settings_confirm_addresses_when_a_mail_server_is_configured() -> None:
    """With EMAIL_HOST set, sign-up waits for a confirmed address and hides registered ones."""
    import os
    import subprocess
    import sys

    script = (
        "from django.conf import settings; "
        "print(settings.ACCOUNT_EMAIL_VERIFICATION, settings.ACCOUNT_PREVENT_ENUMERATION)"
    )
    for email_host, expected in [("smtp.example.org", "mandatory True"), ("", "optional strict")]:
        env = {**os.environ, "EMAIL_HOST": email_host, "DJANGO_SETTINGS_MODULE": "rung.settings"}
        env.pop("RUNG_EMAIL_VERIFICATION", None)
        output = subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {script}"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert output.strip() == expected


@pytest.mark.parametrize(
    ("email", "confirmed"), [("alice@example.com", False), ("new@example.org", True)]
)
def test_a_second_account_cannot_get_a_taken_address_confirmed(
    alice: User, settings: Any, email: str, confirmed: bool
) -> None:
    """The owner's click on the confirmation mail does not hand their address to a newcomer."""
    settings.ACCOUNT_EMAIL_VERIFICATION = "optional"
    settings.ACCOUNT_PREVENT_ENUMERATION = "strict"
    newcomer = Client()
    _sign_up(newcomer, email, "newcomer")
    [message] = mail.outbox
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", str(message.body))
    assert link, message.body
    owner = Client()
    owner.get(link.group(1))
    response = owner.post(link.group(1), follow=True)
    address = EmailAddress.objects.get(user__username="newcomer")
    assert address.verified is confirmed
    if not confirmed:
        assert "already belongs to another Rung account" in response.content.decode()
