"""Growth-plan invitations are tighter for a member at the lowest trust level."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.growth.models import Share
from rung.growth.services.plans import plan_create
from rung.moderation.models import TrustLevel
from rung.testing import make_member

pytestmark = pytest.mark.django_db


def _invite(client: Client, plan_id: str, n: int) -> Any:
    return client.post(
        reverse("growth:sharing", args=[plan_id]),
        {"invitee": f"colleague{n}@example.org", "role": "read"},
    )


def _sent_until_refused(member: User) -> int:
    plan = plan_create(owner=member, title="Towards senior")
    client = Client()
    client.force_login(member)
    for n in range(40):
        response = _invite(client, plan.public_id, n)
        if response.status_code == 429:
            assert "many invitations" in response.content.decode()
            assert int(response["Retry-After"]) > 0
            return n
        assert response.status_code == 302, response.status_code
    return 40


def test_a_new_member_sends_fewer_invitations_than_a_member(settings: Any) -> None:
    settings.RUNG_NEW_MEMBER_INVITATION_LIMITS = "3/h,5/d"
    settings.RUNG_SHARE_INVITATION_LIMITS = "6/h,30/d"
    assert _sent_until_refused(make_member("newcomer", trust_level=TrustLevel.NEW)) == 3
    assert _sent_until_refused(make_member("settled")) == 6
    assert Share.objects.count() == 9


def test_moderators_and_lifted_limits_are_not_held_to_the_new_member_limit(settings: Any) -> None:
    settings.RUNG_NEW_MEMBER_INVITATION_LIMITS = "1/h"
    settings.RUNG_SHARE_INVITATION_LIMITS = "4/h"
    assert (
        _sent_until_refused(make_member("newmod", trust_level=TrustLevel.NEW, is_staff=True)) == 4
    )
    settings.RUNG_RATE_LIMITS = False
    assert _sent_until_refused(make_member("importer", trust_level=TrustLevel.NEW)) == 40
