"""The access helpers answer for a member, with no request: as a task or an API would ask."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from rung.accounts.models import User
from rung.growth import access
from rung.growth.models import GrowthPlan, Share, ShareRole
from rung.growth.services.sharing import invitation_link_token_set

pytestmark = pytest.mark.django_db


def test_a_plan_answers_its_owner_its_reader_and_no_one_else(
    alice: User, bob: User, charlie: User
) -> None:
    """The owner may change it, the reader it is shared with gets 403 there, others 404."""
    plan = GrowthPlan.objects.create(owner=alice, title="Towards staff")
    Share.objects.create(plan=plan, grantee=bob, role=ShareRole.READ, accepted_at=timezone.now())
    assert access.plan_for_owner(alice, plan.public_id) == plan
    shared = access.plan_access(bob, plan.public_id)
    assert (shared.plan, shared.is_owner, shared.can_comment) == (plan, False, False)
    with pytest.raises(PermissionDenied):
        access.plan_for_owner(bob, plan.public_id)
    with pytest.raises(Http404):
        access.plan_access(charlie, plan.public_id)


def test_a_mailed_invitation_opens_for_a_visitor_with_the_link(alice: User) -> None:
    plan = GrowthPlan.objects.create(owner=alice, title="Towards staff")
    share = Share.objects.create(plan=plan, invitee_email="dana@example.com", role=ShareRole.READ)
    token = invitation_link_token_set(share)
    assert access.invitation_by_link(AnonymousUser(), share.public_id, token) == share
    with pytest.raises(Http404):
        access.invitation_by_link(AnonymousUser(), share.public_id, token + "x")
