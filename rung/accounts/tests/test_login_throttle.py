"""Failed log-ins are limited on every way in, in a store every worker shares."""

from typing import Any

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.testing import PASSWORD, make_member

pytestmark = pytest.mark.django_db

WRONG = "not the password"
MEMBER_LOGIN = "account_login"
ADMIN_LOGIN = "admin:login"


@pytest.fixture
def staff(db: None) -> User:
    return make_member("operator", is_staff=True, is_superuser=True)


def _member_login(client: Client, login: str, password: str, **extra: Any) -> Any:
    return client.post(reverse(MEMBER_LOGIN), {"login": login, "password": password}, **extra)


def _admin_login(client: Client, username: str, password: str, **extra: Any) -> Any:
    return client.post(
        reverse(ADMIN_LOGIN),
        {"username": username, "password": password, "next": "/admin/"},
        **extra,
    )


def _logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_admin_login_refuses_even_the_right_password_after_five_failures(
    client: Client, staff: User
) -> None:
    """The admin log-in is limited like the members' one: then it says why, with a 429."""
    for _attempt in range(5):
        response = _admin_login(client, "operator", WRONG)
        assert response.status_code == 200
    response = _admin_login(client, "operator", PASSWORD)
    assert not _logged_in(client)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many failed log-in attempts" in response.content.decode()


def test_member_login_refuses_the_right_password_after_five_failures(
    client: Client, alice: User
) -> None:
    for _attempt in range(5):
        _member_login(client, "alice", WRONG)
    response = _member_login(client, "alice", PASSWORD)
    assert not _logged_in(client)
    assert response.status_code == 429
    assert "Too many failed log-in attempts" in response.content.decode()
    assert int(response["Retry-After"]) <= 15 * 60


def test_member_and_admin_failures_count_against_one_account(client: Client, staff: User) -> None:
    """Three failures at the admin and two at the member log-in close both."""
    for _attempt in range(3):
        _admin_login(client, "operator", WRONG)
    for _attempt in range(2):
        _member_login(client, "Operator", WRONG)
    assert _member_login(client, "operator", PASSWORD).status_code == 429
    assert _admin_login(client, "operator", PASSWORD).status_code == 429


def test_switching_between_username_and_address_gains_nothing(client: Client, alice: User) -> None:
    for login in ["alice", "ALICE", "alice@example.com", "Alice@Example.com", "alice"]:
        _member_login(client, login, WRONG)
    assert _member_login(client, "alice@example.com", PASSWORD).status_code == 429
    assert not _logged_in(client)


def test_other_accounts_and_addresses_are_not_held_up(
    client: Client, alice: User, bob: User
) -> None:
    for _attempt in range(5):
        _member_login(client, "alice", WRONG)
    other = Client(REMOTE_ADDR="198.51.100.7")
    _member_login(other, "bob", PASSWORD)
    assert _logged_in(other)
    _member_login(client, "bob", PASSWORD)
    assert _logged_in(client)


def test_one_address_trying_many_names_is_limited(client: Client, alice: User) -> None:
    """Thirty failures from one address over many names close that address, not others."""
    for index in range(30):
        _member_login(client, f"nobody{index}", WRONG)
    assert _member_login(client, "alice", PASSWORD).status_code == 429
    elsewhere = Client(REMOTE_ADDR="203.0.113.9")
    _member_login(elsewhere, "alice", PASSWORD)
    assert _logged_in(elsewhere)


def test_a_successful_log_in_starts_the_account_afresh(client: Client, alice: User) -> None:
    for _attempt in range(4):
        _member_login(client, "alice", WRONG)
    _member_login(client, "alice", PASSWORD)
    assert _logged_in(client)
    client.logout()
    for _attempt in range(4):
        _member_login(client, "alice", WRONG)
    _member_login(client, "alice", PASSWORD)
    assert _logged_in(client)


def test_the_count_does_not_live_in_a_worker_s_memory(client: Client, alice: User) -> None:
    """Another worker (or a restart) sees the failures: wiping process memory changes nothing."""
    for _attempt in range(3):
        _member_login(client, "alice", WRONG)
    caches["default"].clear()  # what a second worker process, or a restart, starts from
    for _attempt in range(2):
        _member_login(client, "alice", WRONG)
    caches["default"].clear()
    assert _member_login(client, "alice", PASSWORD).status_code == 429


def test_the_limits_follow_the_settings(client: Client, alice: User, settings: Any) -> None:
    settings.RUNG_LOGIN_FAILURES_PER_ACCOUNT = "2/1h"
    _member_login(client, "alice", WRONG)
    _member_login(client, "alice", WRONG)
    response = _member_login(client, "alice", PASSWORD)
    assert response.status_code == 429
    assert 3000 < int(response["Retry-After"]) <= 3600
    assert "60 minutes" in response.content.decode()


def test_the_refusal_is_in_the_reader_s_language(client: Client, alice: User) -> None:
    for _attempt in range(5):
        _member_login(client, "alice", WRONG)
    response = _member_login(client, "alice", PASSWORD, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 429
    assert "登录失败次数过多" in response.content.decode()
