"""The client's address behind the operator's reverse proxies (RUNG_TRUSTED_PROXIES)."""

from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from rung.accounts.models import User
from rung.core.middleware import ClientAddressMiddleware
from rung.testing import PASSWORD

PROXY = "10.0.0.2"


def _seen(forwarded: str | None, proxies: int, settings: Any) -> str:
    settings.RUNG_TRUSTED_PROXIES = proxies
    extra: dict[str, Any] = {"REMOTE_ADDR": PROXY}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    request = RequestFactory().get("/", **extra)
    seen: list[str] = []

    def view(request: HttpRequest) -> HttpResponse:
        seen.append(request.META["REMOTE_ADDR"])
        return HttpResponse()

    ClientAddressMiddleware(view)(request)
    return seen[0]


@pytest.mark.parametrize(
    ("forwarded", "proxies", "client"),
    [
        # No trusted proxy: the header is anyone's to write and is ignored.
        ("203.0.113.5", 0, PROXY),
        # One proxy: it appended the address it was called from.
        ("203.0.113.5", 1, "203.0.113.5"),
        # Entries to the left were sent by the client and prove nothing.
        ("6.6.6.6, 203.0.113.5", 1, "203.0.113.5"),
        # Two proxies: the client is the second entry from the right.
        ("6.6.6.6, 203.0.113.5, 10.0.0.1", 2, "203.0.113.5"),
        ("2001:db8::7, 10.0.0.1", 2, "2001:db8::7"),
        # Fewer entries than proxies: it did not come through them; keep the connection's.
        ("203.0.113.5", 2, PROXY),
        (None, 1, PROXY),
        ("not-an-address", 1, PROXY),
        ("", 1, PROXY),
    ],
)
def test_client_address_behind_trusted_proxies(
    forwarded: str | None, proxies: int, client: str, settings: Any
) -> None:
    assert _seen(forwarded, proxies, settings) == client


@pytest.mark.django_db
def test_failed_log_ins_are_counted_per_client_behind_the_proxy(alice: User, settings: Any) -> None:
    """Behind a proxy every request comes from its address; the limit still tells clients apart."""
    settings.RUNG_TRUSTED_PROXIES = 1
    settings.RUNG_LOGIN_FAILURES_PER_ADDRESS = "3/15m"
    attacker = Client(REMOTE_ADDR=PROXY)
    for index in range(3):
        attacker.post(
            reverse("account_login"),
            {"login": f"nobody{index}", "password": "wrong"},
            # Spoofed entries on the left change nothing: the proxy's entry is the address.
            HTTP_X_FORWARDED_FOR=f"198.51.100.{index}, 203.0.113.66",
        )
    refused = attacker.post(
        reverse("account_login"),
        {"login": "alice", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.66",
    )
    assert refused.status_code == 429
    member = Client(REMOTE_ADDR=PROXY)
    member.post(
        reverse("account_login"),
        {"login": "alice", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="192.0.2.44",
    )
    assert "_auth_user_id" in member.session
