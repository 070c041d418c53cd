"""A replaced, cleared or orphaned avatar's file is deleted from storage, after the commit."""

import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import update_last_login
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from rung.accounts.models import User
from rung.testing import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Callable[[], Any]:
    """Run what follows as if its transaction committed (the test's own never does)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _upload(color: tuple[int, int, int] = (200, 30, 30)) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (300, 300), color).save(out, format="PNG")
    return SimpleUploadedFile("me.png", out.getvalue(), content_type="image/png")


def _save_profile(client: Client, **fields: object) -> Any:
    data: dict[str, object] = {"display_name": "Alice Chen", **fields}
    return client.post(reverse("accounts:profile_edit"), data)


def _stored(media: Path) -> list[str]:
    return sorted(path.name for path in (media / "avatars").glob("*"))


@pytest.fixture
def alice_with_avatar(
    alice: User, alice_client: Client, committed: Callable[[], Any], media: Path
) -> Iterator[Path]:
    """Alice has uploaded one avatar; yield its file."""
    with committed():
        assert _save_profile(alice_client, avatar=_upload()).status_code == 302
    alice.refresh_from_db()
    path = Path(alice.avatar.path)
    assert path.is_file()
    yield path


def test_uploading_a_new_avatar_deletes_the_old_file(
    alice: User, alice_client: Client, alice_with_avatar: Path, committed: Any, media: Path
) -> None:
    with committed():
        assert _save_profile(alice_client, avatar=_upload((0, 90, 200))).status_code == 302
    alice.refresh_from_db()
    assert not alice_with_avatar.exists()
    assert _stored(media) == [Path(alice.avatar.name or "").name]


def test_clearing_the_avatar_deletes_its_file(
    alice: User, alice_client: Client, alice_with_avatar: Path, committed: Any, media: Path
) -> None:
    with committed():
        assert _save_profile(alice_client, **{"avatar-clear": "on"}).status_code == 302
    alice.refresh_from_db()
    assert alice.avatar.name == ""
    assert _stored(media) == []


def test_saving_without_a_new_avatar_keeps_the_file(
    alice: User, alice_client: Client, alice_with_avatar: Path, committed: Any
) -> None:
    with committed():
        assert _save_profile(alice_client, headline="Staff engineer").status_code == 302
        update_last_login(User, alice)  # a log-in saves the row too
    alice.refresh_from_db()
    assert alice.headline == "Staff engineer" and alice_with_avatar.is_file()


def test_a_refused_form_keeps_the_current_avatar(
    alice: User, alice_client: Client, alice_with_avatar: Path, committed: Any
) -> None:
    with committed():
        response = _save_profile(alice_client, avatar=_upload(), years_experience=-1)
    assert response.status_code == 400
    alice.refresh_from_db()
    assert Path(alice.avatar.path) == alice_with_avatar and alice_with_avatar.is_file()


def test_a_failed_save_never_loses_the_current_file(
    alice: User,
    alice_client: Client,
    alice_with_avatar: Path,
    committed: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The database write fails after the new file is stored: the old file stays, in use."""
    original_save = User.save

    def failing_save(self: User, *args: Any, **kwargs: Any) -> None:
        original_save(self, *args, **kwargs)
        raise RuntimeError("the database went away mid-save")

    monkeypatch.setattr(User, "save", failing_save)
    alice_client.raise_request_exception = False
    with committed() as callbacks:
        assert _save_profile(alice_client, avatar=_upload((0, 90, 200))).status_code == 500
    assert callbacks == []
    monkeypatch.undo()
    alice.refresh_from_db()
    assert Path(alice.avatar.path) == alice_with_avatar and alice_with_avatar.is_file()


def test_deleting_the_account_deletes_its_avatar_file(
    alice: User, alice_with_avatar: Path, committed: Any, media: Path
) -> None:
    with committed():
        alice.delete()
    assert _stored(media) == []


def test_deleting_members_in_bulk_deletes_each_avatar_file(
    alice: User, alice_with_avatar: Path, committed: Any, media: Path
) -> None:
    """The admin's bulk delete goes through a queryset, not each member's delete()."""
    bob = make_member("bob")
    with committed():
        User.objects.filter(pk__in=[alice.pk, bob.pk]).delete()
    assert _stored(media) == []


def test_replacing_the_avatar_in_the_admin_deletes_the_old_file(
    alice: User, alice_with_avatar: Path, committed: Any, media: Path
) -> None:
    root = make_member("root", is_staff=True, is_superuser=True)
    admin = Client()
    admin.force_login(root)
    url = reverse("admin:accounts_user_change", args=[alice.pk])
    form = admin.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in {"avatar", "password"}
    }
    data.update(
        groups=[],
        user_permissions=[],
        languages="[]",
        last_login_0="",
        last_login_1="",
        date_joined_0="2025-01-01",
        date_joined_1="00:00:00",
        avatar=_upload((0, 200, 0)),
    )
    with committed():
        response = admin.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    alice.refresh_from_db()
    assert not alice_with_avatar.exists()
    assert _stored(media) == [Path(alice.avatar.name or "").name]
