"""The network an account was signed up from, as a keyed hash (accounts.SignupNetwork).

IPv4 addresses count by their /24 and IPv6 ones by their /56, so the accounts one home or
office makes share a key; the address itself is never kept, and without the site's secret
key the hash cannot be matched back to a network.
"""

import hashlib
import hmac
import ipaddress
from typing import Any

from allauth.account.signals import user_signed_up
from django.conf import settings
from django.dispatch import receiver
from django.http import HttpRequest

from rung.accounts.models import SignupNetwork, User
from rung.core.ratelimit import client_address

IPV4_PREFIX = 24
IPV6_PREFIX = 56


def network_of(address: str) -> str | None:
    """Return the network an address belongs to ("10.1.2.0/24"), or None for no address."""
    try:
        parsed = ipaddress.ip_address(address.strip())
    except ValueError:
        return None
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is not None:
        parsed = parsed.ipv4_mapped
    prefix = IPV4_PREFIX if parsed.version == 4 else IPV6_PREFIX
    return str(ipaddress.ip_network(f"{parsed}/{prefix}", strict=False))


def network_key(address: str) -> str | None:
    """Return the keyed hash (64 hex characters) of an address's network, None if unparsable."""
    network = network_of(address)
    if network is None:
        return None
    return hmac.new(settings.SECRET_KEY.encode(), network.encode(), hashlib.sha256).hexdigest()


def signup_network_record(*, member: User, request: HttpRequest) -> SignupNetwork | None:
    key = network_key(client_address(request))
    if key is None:
        return None
    row, _ = SignupNetwork.objects.update_or_create(member=member, defaults={"network": key})
    return row


@receiver(user_signed_up, dispatch_uid="rung.accounts.signup_network_on_sign_up")
def signup_network_on_sign_up(
    sender: Any, request: HttpRequest | None = None, user: Any = None, **kwargs: Any
) -> None:
    if request is not None and isinstance(user, User):
        signup_network_record(member=user, request=request)
