"""The network an account signs up from is kept as a keyed hash, never as the address."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from rung.accounts.models import SignupNetwork, User
from rung.accounts.signup_network import network_key, network_of


def test_ipv4_addresses_share_a_key_by_their_24() -> None:
    assert network_key("10.1.2.3") == network_key("10.1.2.200")
    assert network_key("10.1.2.3") != network_key("10.1.3.1")
    assert network_of("10.1.2.3") == "10.1.2.0/24"


def test_ipv6_addresses_share_a_key_by_their_56() -> None:
    assert network_key("2001:db8:0:aa::1") == network_key("2001:db8:0:ff:1234::9")
    assert network_key("2001:db8:0:aa::1") != network_key("2001:db8:0:100::1")
    assert network_of("2001:db8:0:aa::1") == "2001:db8::/56"
    # An IPv4 address written as IPv6 is the same network as itself.
    assert network_key("::ffff:10.1.2.9") == network_key("10.1.2.3")


@pytest.mark.parametrize("garbage", ["", "unknown", "10.1.2", "999.1.2.3", "not an address"])
def test_an_unparsable_address_has_no_key(garbage: str) -> None:
    assert network_key(garbage) is None


def test_the_key_is_a_keyed_hash_of_the_network_only(settings: object) -> None:
    key = network_key("192.0.2.10")
    assert key is not None and re.fullmatch(r"[0-9a-f]{64}", key)
    assert "192.0.2" not in key
    settings.SECRET_KEY = "another secret key for another site entirely"  # type: ignore[attr-defined]
    assert network_key("192.0.2.10") != key


def _sign_up(address: str, username: str) -> User:
    client = Client(REMOTE_ADDR=address)
    response = client.post(
        reverse("account_signup"),
        {
            "email": f"{username}@example.com",
            "username": username,
            "password1": "a long enough passphrase",
            "password2": "a long enough passphrase",
        },
    )
    assert response.status_code == 302
    return User.objects.get(username=username)


@pytest.mark.django_db
def test_signing_up_records_the_network() -> None:
    first = _sign_up("203.0.113.7", "newbie")
    second = _sign_up("203.0.113.99", "neighbour")
    third = _sign_up("198.51.100.7", "stranger")
    rows = {row.member_id: row.network for row in SignupNetwork.objects.all()}
    assert rows[first.pk] == rows[second.pk] == network_key("203.0.113.7")
    assert rows[third.pk] != rows[first.pk]
    assert all("203.0.113" not in value for value in rows.values())


@pytest.mark.django_db
def test_signing_up_from_an_unreadable_address_records_nothing() -> None:
    member = _sign_up("not-an-address", "nowhere")
    assert not SignupNetwork.objects.filter(member=member).exists()
