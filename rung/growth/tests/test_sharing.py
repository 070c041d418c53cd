"""Sharing a plan: invitations, accepting, declining, revoking, the view log, shared reviews."""

import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rung.accounts.models import User
from rung.growth import access
from rung.growth.models import (
    GrowthPlan,
    ReviewCycle,
    Share,
    ShareRole,
    ShareView,
)
from rung.growth.selectors.sharing import plan_view_log
from rung.growth.services import sharing as services
from rung.ladder.models import RatingScale
from rung.testing import make_member

pytestmark = pytest.mark.django_db


def make_plan(owner: User, title: str = "Own a system end to end") -> GrowthPlan:
    return GrowthPlan.objects.create(owner=owner, title=title, summary="Become the go-to owner.")


def make_share(
    plan: GrowthPlan,
    grantee: User,
    *,
    role: str = ShareRole.READ,
    accepted: bool = True,
    include_reviews: bool = False,
) -> Share:
    return Share.objects.create(
        plan=plan,
        grantee=grantee,
        role=role,
        include_reviews=include_reviews,
        accepted_at=timezone.now() if accepted else None,
    )


@pytest.fixture
def plan(alice: User) -> GrowthPlan:
    return make_plan(alice)


def _invite(client: Client, plan: GrowthPlan, **data: Any) -> Any:
    data.setdefault("role", ShareRole.READ)
    return client.post(reverse("growth:sharing", args=[plan.public_id]), data)


# Services


def test_share_by_username_creates_a_pending_invitation(
    plan: GrowthPlan, alice: User, bob: User
) -> None:
    share = services.growth_plan_share(
        plan=plan,
        owner=alice,
        invitee_identifier="  BOB ",
        role=ShareRole.COMMENT,
        include_reviews=True,
    )
    assert share.grantee == bob
    assert share.role == ShareRole.COMMENT and share.include_reviews
    assert share.accepted_at is None and share.revoked_at is None


def test_share_by_email_names_only_the_address_and_mails_a_link(
    plan: GrowthPlan, alice: User, bob: User, mailoutbox: list[Any]
) -> None:
    """An address is not matched to a member: the invitation waits for whoever holds it."""
    share = services.growth_plan_share(
        plan=plan,
        owner=alice,
        invitee_identifier="Bob@Example.com",
        role=ShareRole.READ,
        include_reviews=False,
    )
    assert share.grantee is None and share.invitee_email == "bob@example.com"
    [mail] = mailoutbox
    assert mail.to == ["bob@example.com"]
    assert reverse("growth:invite_link", args=[share.public_id, "X"])[:-2] in mail.body
    share.refresh_from_db()
    assert len(share.link_token_hash) == 64  # only the hash of the mailed secret is kept


def test_unknown_username_gets_a_clear_message(plan: GrowthPlan, alice: User) -> None:
    with pytest.raises(ValidationError) as error:
        services.growth_plan_share(
            plan=plan, owner=alice, invitee_identifier="nobody", role="read", include_reviews=False
        )
    assert error.value.messages == ["No member with that username."]


def test_inactive_member_cannot_be_invited(plan: GrowthPlan, alice: User) -> None:
    make_member("gone", is_active=False)
    with pytest.raises(ValidationError):
        services.growth_plan_share(
            plan=plan, owner=alice, invitee_identifier="gone", role="read", include_reviews=False
        )


def test_sharing_with_oneself_is_refused(plan: GrowthPlan, alice: User) -> None:
    with pytest.raises(ValidationError):
        services.growth_plan_share(
            plan=plan,
            owner=alice,
            invitee_identifier="alice@example.com",
            role="read",
            include_reviews=False,
        )
    assert not Share.objects.exists()


def test_second_live_share_with_the_same_person_is_refused(
    plan: GrowthPlan, alice: User, bob: User
) -> None:
    make_share(plan, bob, accepted=False)
    with pytest.raises(ValidationError):
        services.growth_plan_share(
            plan=plan, owner=alice, invitee_identifier="bob", role="comment", include_reviews=False
        )
    assert Share.objects.count() == 1


def test_share_race_on_the_unique_constraint_becomes_a_validation_error(
    plan: GrowthPlan, alice: User, bob: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another request may insert the live share between the check and the insert."""

    def create_racing(**fields: Any) -> Share:
        raise IntegrityError("growth_share_live_unique")

    monkeypatch.setattr(Share.objects, "create", create_racing)
    with pytest.raises(ValidationError):
        services.growth_plan_share(
            plan=plan, owner=alice, invitee_identifier="bob", role="read", include_reviews=False
        )


def test_the_database_itself_refuses_two_live_shares(plan: GrowthPlan, bob: User) -> None:
    make_share(plan, bob)
    with pytest.raises(IntegrityError):
        make_share(plan, bob)


def test_person_can_be_invited_again_after_a_revoke(
    plan: GrowthPlan, alice: User, bob: User
) -> None:
    old = make_share(plan, bob)
    services.share_revoke(share=old, owner=alice)
    new = services.growth_plan_share(
        plan=plan, owner=alice, invitee_identifier="bob", role="read", include_reviews=False
    )
    assert new.pk != old.pk and Share.objects.count() == 2


def test_only_the_owner_can_share(plan: GrowthPlan, bob: User) -> None:
    with pytest.raises(PermissionDenied):
        services.growth_plan_share(
            plan=plan, owner=bob, invitee_identifier="carol", role="read", include_reviews=False
        )


def test_bad_role_is_refused(plan: GrowthPlan, alice: User, bob: User) -> None:
    with pytest.raises(ValidationError):
        services.growth_plan_share(
            plan=plan, owner=alice, invitee_identifier="bob", role="admin", include_reviews=False
        )


def test_accept_makes_the_share_active_once(plan: GrowthPlan, bob: User) -> None:
    share = make_share(plan, bob, accepted=False)
    services.share_accept(share=share, member=bob)
    share.refresh_from_db()
    first = share.accepted_at
    assert share.is_active
    with pytest.raises(ValidationError):
        services.share_accept(share=share, member=bob)
    share.refresh_from_db()
    assert share.accepted_at == first


def test_only_the_invitee_may_accept(plan: GrowthPlan, bob: User, carol: User) -> None:
    share = make_share(plan, bob, accepted=False)
    with pytest.raises(PermissionDenied):
        services.share_accept(share=share, member=carol)
    share.refresh_from_db()
    assert share.accepted_at is None


def test_revoked_invitation_cannot_be_accepted(plan: GrowthPlan, alice: User, bob: User) -> None:
    share = make_share(plan, bob, accepted=False)
    services.share_revoke(share=share, owner=alice)
    with pytest.raises(ValidationError):
        services.share_accept(share=share, member=bob)
    share.refresh_from_db()
    assert share.accepted_at is None


def test_decline_removes_the_invitation(plan: GrowthPlan, bob: User) -> None:
    share = make_share(plan, bob, accepted=False)
    services.share_decline(share=share, member=bob)
    assert not Share.objects.exists()


def test_accepted_share_cannot_be_declined(plan: GrowthPlan, bob: User) -> None:
    share = make_share(plan, bob)
    with pytest.raises(ValidationError):
        services.share_decline(share=share, member=bob)
    assert Share.objects.get().is_active


def test_revoke_twice_is_refused_and_keeps_the_first_date(
    plan: GrowthPlan, alice: User, bob: User
) -> None:
    share = make_share(plan, bob)
    services.share_revoke(share=share, owner=alice)
    share.refresh_from_db()
    first = share.revoked_at
    with pytest.raises(ValidationError):
        services.share_revoke(share=share, owner=alice)
    share.refresh_from_db()
    assert share.revoked_at == first


def test_only_the_owner_may_revoke(plan: GrowthPlan, bob: User) -> None:
    share = make_share(plan, bob)
    with pytest.raises(PermissionDenied):
        services.share_revoke(share=share, owner=bob)
    share.refresh_from_db()
    assert share.revoked_at is None


# The sharing page


def test_owner_sees_shares_with_their_status(
    client: Client, plan: GrowthPlan, alice: User, bob: User, carol: User, charlie: User
) -> None:
    make_share(plan, bob, role=ShareRole.COMMENT)
    make_share(plan, carol, accepted=False)
    revoked = make_share(plan, charlie)
    services.share_revoke(share=revoked, owner=alice)
    client.force_login(alice)
    response = client.get(reverse("growth:sharing", args=[plan.public_id]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="share-active"' in html and "@bob" in html
    assert 'class="share-pending"' in html and "@carol" in html
    assert 'class="share-revoked"' in html and "@charlie" in html


def test_invite_from_the_page_creates_a_share_and_redirects(
    client: Client, plan: GrowthPlan, alice: User, bob: User
) -> None:
    client.force_login(alice)
    response = _invite(client, plan, invitee="bob", role="comment", include_reviews="on")
    assert response.status_code == 302
    share = Share.objects.get()
    assert share.grantee == bob and share.role == "comment" and share.include_reviews


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"invitee": "alice"}, "your own plan"),
        ({"invitee": "alice@example.com"}, "your own plan"),
        ({"invitee": "nobody"}, "No member with that username."),
        ({"invitee": "nobody@"}, "Enter a valid email address."),
        ({"invitee": "a@b@example.com"}, "Enter a valid email address."),
        ({"invitee": "   "}, "This field is required."),
        ({"invitee": ""}, "This field is required."),
        ({"invitee": "bob", "role": "owner"}, "Select a valid choice."),
        ({"invitee": "x" * 10_000}, "at most 254 characters"),
    ],
)
def test_bad_invitations_get_400_with_a_message_and_save_nothing(
    client: Client, plan: GrowthPlan, alice: User, bob: User, data: dict[str, str], message: str
) -> None:
    client.force_login(alice)
    response = _invite(client, plan, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Share.objects.exists()


def test_inviting_someone_who_already_has_access_gets_400(
    client: Client, plan: GrowthPlan, alice: User, bob: User
) -> None:
    make_share(plan, bob)
    client.force_login(alice)
    response = _invite(client, plan, invitee="bob")
    assert response.status_code == 400
    assert "already has access" in response.content.decode()
    assert Share.objects.count() == 1


def test_sharing_page_is_owner_only(
    client: Client, plan: GrowthPlan, bob: User, carol: User, charlie: User, mod: User
) -> None:
    make_share(plan, bob, role=ShareRole.COMMENT)
    url = reverse("growth:sharing", args=[plan.public_id])
    client.force_login(bob)
    assert client.get(url).status_code == 403
    assert _invite(client, plan, invitee="carol").status_code == 403
    for outsider in (charlie, mod):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        assert _invite(client, plan, invitee="carol").status_code == 404
    assert Share.objects.count() == 1


def test_sharing_page_sends_logged_out_visitors_to_login(client: Client, plan: GrowthPlan) -> None:
    response = _invite(client, plan, invitee="bob")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not Share.objects.exists()


def test_sharing_page_refuses_other_methods(client: Client, plan: GrowthPlan, alice: User) -> None:
    client.force_login(alice)
    assert client.put(reverse("growth:sharing", args=[plan.public_id])).status_code == 405


def test_sharing_page_for_unknown_plan_is_404(client: Client, alice: User) -> None:
    client.force_login(alice)
    assert client.get(reverse("growth:sharing", args=["nosuchplan00"])).status_code == 404


def test_sharing_page_queries_stay_bounded(
    client: Client, plan: GrowthPlan, alice: User, django_assert_max_num_queries: Any
) -> None:
    for n in range(15):
        member = make_member(f"viewer{n}")
        share = make_share(plan, member)
        ShareView.objects.bulk_create(ShareView(share=share, what="plan") for _ in range(3))
    client.force_login(alice)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("growth:sharing", args=[plan.public_id]))
    assert response.status_code == 200
    assert "@viewer14" in response.content.decode()


# Revoking from the page


def test_owner_revokes_and_the_viewer_loses_access(
    client: Client, plan: GrowthPlan, alice: User, bob: User
) -> None:
    share = make_share(plan, bob)
    client.force_login(alice)
    response = client.post(reverse("growth:share_revoke", args=[share.public_id]))
    assert response.status_code == 302
    share.refresh_from_db()
    assert share.revoked_at is not None
    assert access.active_share(plan, bob) is None


def test_revoking_twice_from_the_page_gets_400_with_a_message(
    client: Client, plan: GrowthPlan, alice: User, bob: User
) -> None:
    share = make_share(plan, bob)
    client.force_login(alice)
    url = reverse("growth:share_revoke", args=[share.public_id])
    client.post(url)
    response = client.post(url)
    assert response.status_code == 400
    assert "already revoked" in response.content.decode()


def test_grantee_cannot_revoke_and_outsider_gets_404(
    client: Client, plan: GrowthPlan, bob: User, carol: User, charlie: User
) -> None:
    share = make_share(plan, bob, role=ShareRole.COMMENT)
    make_share(plan, carol)
    url = reverse("growth:share_revoke", args=[share.public_id])
    client.force_login(carol)
    assert client.post(url).status_code == 403
    client.force_login(bob)
    assert client.post(url).status_code == 403
    client.force_login(charlie)
    assert client.post(url).status_code == 404
    share.refresh_from_db()
    assert share.revoked_at is None


def test_revoke_refuses_get_and_logged_out(
    client: Client, plan: GrowthPlan, alice: User, bob: User
) -> None:
    share = make_share(plan, bob)
    url = reverse("growth:share_revoke", args=[share.public_id])
    response = client.post(url)
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    client.force_login(alice)
    assert client.get(url).status_code == 405
    share.refresh_from_db()
    assert share.revoked_at is None


# Invitations


def test_invitee_accepts_from_home_and_can_then_see_the_plan(
    client: Client, plan: GrowthPlan, bob: User
) -> None:
    share = make_share(plan, bob, accepted=False)
    client.force_login(bob)
    home = client.get(reverse("growth:home")).content.decode()
    assert reverse("growth:invite_accept", args=[share.public_id]) in home
    response = client.post(reverse("growth:invite_accept", args=[share.public_id]))
    assert response.status_code == 302
    assert response["Location"] == plan.get_absolute_url()
    assert access.active_share(plan, bob) is not None


def test_double_accept_gets_a_message_and_no_second_change(
    client: Client, plan: GrowthPlan, bob: User
) -> None:
    share = make_share(plan, bob, accepted=False)
    client.force_login(bob)
    url = reverse("growth:invite_accept", args=[share.public_id])
    client.post(url)
    share.refresh_from_db()
    first = share.accepted_at
    response = client.post(url)
    assert response.status_code == 400
    assert "already accepted" in response.content.decode()
    share.refresh_from_db()
    assert share.accepted_at == first


def test_accepting_a_withdrawn_invitation_gets_a_message(
    client: Client, plan: GrowthPlan, alice: User, bob: User
) -> None:
    share = make_share(plan, bob, accepted=False)
    services.share_revoke(share=share, owner=alice)
    client.force_login(bob)
    response = client.post(reverse("growth:invite_accept", args=[share.public_id]))
    assert response.status_code == 400
    assert "withdrawn" in response.content.decode()
    assert access.active_share(plan, bob) is None


@pytest.mark.parametrize("name", ["growth:invite_accept", "growth:invite_decline"])
def test_only_the_invitee_can_answer_an_invitation(
    client: Client, plan: GrowthPlan, alice: User, bob: User, carol: User, name: str
) -> None:
    share = make_share(plan, bob, accepted=False)
    for other in (alice, carol):
        client.force_login(other)
        assert client.post(reverse(name, args=[share.public_id])).status_code == 404
    share.refresh_from_db()
    assert share.accepted_at is None and share.revoked_at is None


@pytest.mark.parametrize("name", ["growth:invite_accept", "growth:invite_decline"])
def test_invitation_answers_refuse_get_and_logged_out(
    client: Client, plan: GrowthPlan, bob: User, name: str
) -> None:
    share = make_share(plan, bob, accepted=False)
    url = reverse(name, args=[share.public_id])
    response = client.post(url)
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    client.force_login(bob)
    assert client.get(url).status_code == 405
    share.refresh_from_db()
    assert share.accepted_at is None


def test_decline_from_home_removes_the_invitation(
    client: Client, plan: GrowthPlan, bob: User
) -> None:
    share = make_share(plan, bob, accepted=False)
    client.force_login(bob)
    response = client.post(reverse("growth:invite_decline", args=[share.public_id]))
    assert response.status_code == 302
    assert not Share.objects.exists()
    assert plan.title not in client.get(reverse("growth:home")).content.decode()


def test_declining_an_accepted_share_gets_400(client: Client, plan: GrowthPlan, bob: User) -> None:
    share = make_share(plan, bob)
    client.force_login(bob)
    response = client.post(reverse("growth:invite_decline", args=[share.public_id]))
    assert response.status_code == 400
    assert Share.objects.get().is_active


def test_unknown_invitation_is_404(client: Client, bob: User) -> None:
    client.force_login(bob)
    assert client.post(reverse("growth:invite_accept", args=["nosuchshare0"])).status_code == 404


# The view log


def test_view_log_shows_who_viewed_what_newest_first(
    client: Client, plan: GrowthPlan, alice: User, bob: User, carol: User
) -> None:
    bob_share = make_share(plan, bob, include_reviews=True)
    carol_share = make_share(plan, carol)
    now = timezone.now()
    for share, what, minutes_ago in [(bob_share, "reviews", 60), (carol_share, "plan", 5)]:
        view = ShareView.objects.create(share=share, what=what)
        ShareView.objects.filter(pk=view.pk).update(
            viewed_at=now - datetime.timedelta(minutes=minutes_ago)
        )
    client.force_login(alice)
    html = client.get(reverse("growth:sharing", args=[plan.public_id])).content.decode()
    carol_at = html.index("Carol viewed the plan")
    bob_at = html.index("Bob Rivera viewed the review history")
    assert carol_at < bob_at


def _backdate_views(share: Share, minutes: int) -> None:
    ShareView.objects.filter(share=share).update(
        viewed_at=timezone.now() - datetime.timedelta(minutes=minutes)
    )


def test_reloading_a_shared_plan_within_ten_minutes_is_one_view(
    client: Client, plan: GrowthPlan, carol: User
) -> None:
    share = make_share(plan, carol)
    client.force_login(carol)
    for _ in range(5):
        assert client.get(reverse("growth:plan", args=[plan.public_id])).status_code == 200
    assert ShareView.objects.filter(share=share, what="plan").count() == 1


def test_a_look_after_ten_minutes_is_a_new_view(
    client: Client, plan: GrowthPlan, carol: User
) -> None:
    share = make_share(plan, carol)
    client.force_login(carol)
    client.get(reverse("growth:plan", args=[plan.public_id]))
    _backdate_views(share, minutes=11)
    client.get(reverse("growth:plan", args=[plan.public_id]))
    assert ShareView.objects.filter(share=share, what="plan").count() == 2


def test_each_part_and_each_person_is_recorded_separately(
    plan: GrowthPlan, bob: User, carol: User
) -> None:
    bob_share = make_share(plan, bob)
    carol_share = make_share(plan, carol)
    for share, what in [(bob_share, "plan"), (bob_share, "export"), (carol_share, "plan")]:
        assert services.share_view_record(share=share, what=what) is not None
    assert services.share_view_record(share=bob_share, what="plan") is None
    rows = plan_view_log(plan)
    assert sorted((row.viewer.username, row.what) for row in rows) == [
        ("bob", "export"),
        ("bob", "plan"),
        ("carol", "plan"),
    ]


def test_a_repeated_view_costs_one_query(
    plan: GrowthPlan, carol: User, django_assert_num_queries: Any
) -> None:
    share = make_share(plan, carol)
    services.share_view_record(share=share, what="plan")
    with django_assert_num_queries(1):
        assert services.share_view_record(share=share, what="plan") is None


def test_the_check_for_a_repeated_view_uses_its_index(plan: GrowthPlan, carol: User) -> None:
    share = make_share(plan, carol)
    recent = ShareView.objects.filter(share=share, what="plan", viewed_at__gte=timezone.now())
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # A table of a few rows is cheapest to scan whole; ask for the plan at scale.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")
        assert "growth_shareview_recent" in recent.explain()


def test_shared_review_history_views_are_not_recorded_twice(
    client: Client, plan: GrowthPlan, bob: User
) -> None:
    share = make_share(plan, bob, include_reviews=True)
    client.force_login(bob)
    for _ in range(3):
        assert (
            client.get(reverse("growth:shared_reviews", args=[plan.public_id])).status_code == 200
        )
    assert ShareView.objects.filter(share=share, what="reviews").count() == 1


def test_view_log_is_bounded(plan: GrowthPlan, bob: User) -> None:
    share = make_share(plan, bob)
    now = timezone.now()
    ShareView.objects.bulk_create(ShareView(share=share, what="plan") for _ in range(150))
    for index, view in enumerate(ShareView.objects.order_by("pk")):
        ShareView.objects.filter(pk=view.pk).update(viewed_at=now - datetime.timedelta(hours=index))
    assert len(plan_view_log(plan, limit=100)) == 100


def test_view_log_leaves_out_other_plans(alice: User, bob: User) -> None:
    plan = make_plan(alice)
    other = make_plan(alice, "Another plan")
    ShareView.objects.create(share=make_share(other, bob), what="plan")
    assert plan_view_log(plan) == []


# Shared review history


@pytest.fixture
def cycle(alice: User) -> ReviewCycle:
    return ReviewCycle.objects.create(
        owner=alice,
        name="H2 review at Acme",
        date=datetime.date(2024, 12, 1),
        scale=RatingScale.objects.get(slug="e-m-i"),
    )


def test_viewer_with_reviews_included_sees_the_history_and_is_logged(
    client: Client, plan: GrowthPlan, bob: User, cycle: ReviewCycle
) -> None:
    share = make_share(plan, bob, include_reviews=True)
    client.force_login(bob)
    response = client.get(reverse("growth:shared_reviews", args=[plan.public_id]))
    assert response.status_code == 200
    assert cycle.name in response.content.decode()
    assert list(share.views.values_list("what", flat=True)) == ["reviews"]


def test_viewer_without_reviews_gets_404_and_no_log_entry(
    client: Client, plan: GrowthPlan, carol: User, cycle: ReviewCycle
) -> None:
    make_share(plan, carol)
    client.force_login(carol)
    response = client.get(reverse("growth:shared_reviews", args=[plan.public_id]))
    assert response.status_code == 404
    assert cycle.name not in response.content.decode()
    assert not ShareView.objects.exists()


def test_pending_or_revoked_share_does_not_open_the_history(
    client: Client, plan: GrowthPlan, alice: User, bob: User, carol: User, cycle: ReviewCycle
) -> None:
    make_share(plan, bob, include_reviews=True, accepted=False)
    revoked = make_share(plan, carol, include_reviews=True)
    services.share_revoke(share=revoked, owner=alice)
    url = reverse("growth:shared_reviews", args=[plan.public_id])
    for member in (bob, carol):
        client.force_login(member)
        assert client.get(url).status_code == 404


def test_owner_is_sent_to_their_own_reviews(client: Client, plan: GrowthPlan, alice: User) -> None:
    client.force_login(alice)
    response = client.get(reverse("growth:shared_reviews", args=[plan.public_id]))
    assert response.status_code == 302
    assert response["Location"] == reverse("growth:reviews")


def test_shared_reviews_for_outsiders_and_logged_out(
    client: Client, plan: GrowthPlan, charlie: User, mod: User
) -> None:
    url = reverse("growth:shared_reviews", args=[plan.public_id])
    response = client.get(url)
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    for outsider in (charlie, mod):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    client.force_login(charlie)
    assert client.post(url).status_code == 405
