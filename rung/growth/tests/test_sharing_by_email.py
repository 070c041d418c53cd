"""Sharing a plan with an email address: no answer tells whose address it is."""

import re
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.growth.models import GrowthPlan, Share, ShareRole
from rung.growth.services import sharing as services
from rung.testing import make_member

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/growth/invites/\S+/join/\S+/")


@pytest.fixture
def plan(alice: User) -> GrowthPlan:
    return GrowthPlan.objects.create(owner=alice, title="Lead the platform migration")


def _invite(client: Client, plan: GrowthPlan, invitee: str, **data: Any) -> Any:
    data.setdefault("role", ShareRole.READ)
    return client.post(
        reverse("growth:sharing", args=[plan.public_id]), {"invitee": invitee, **data}
    )


def _share(plan: GrowthPlan, owner: User, invitee: str, role: str = ShareRole.READ) -> Share:
    return services.growth_plan_share(
        plan=plan, owner=owner, invitee_identifier=invitee, role=role, include_reviews=False
    )


def _link(mail: Any) -> str:
    match = LINK.search(mail.body)
    assert match, mail.body
    return "/" + match.group(0).split("/", 3)[3]


def test_a_member_s_address_and_an_unknown_one_get_the_same_answer(
    client: Client, plan: GrowthPlan, alice: User, bob: User, mailoutbox: list[Any]
) -> None:
    """Same status, same message, same row; neither names Bob or links his profile."""
    client.force_login(alice)
    pages = []
    for address in ("bob@example.com", "stranger@example.org"):
        response = _invite(client, plan, address)
        assert response.status_code == 302
        page = client.get(response["Location"]).content.decode()
        pages.append(page.replace(address, "ADDRESS"))
    message = "Invitation sent to ADDRESS. They see the plan once they accept."
    assert message in pages[0] and message in pages[1]
    for page in pages:
        assert f"{bob.name} <" not in page and "@bob" not in page
        assert bob.get_absolute_url() not in page
    # Both addresses got the same mail, apart from the secret in its link.
    assert [mail.to for mail in mailoutbox] == [["bob@example.com"], ["stranger@example.org"]]
    bodies = [LINK.sub("LINK", mail.body) for mail in mailoutbox]
    assert bodies[0] == bodies[1]
    assert mailoutbox[0].subject == mailoutbox[1].subject


def test_the_holder_of_the_address_accepts_through_the_mailed_link(
    client: Client, plan: GrowthPlan, alice: User, bob: User, mailoutbox: list[Any]
) -> None:
    _share(plan, alice, "bob@example.com", ShareRole.COMMENT)
    link = _link(mailoutbox[0])
    visitor = client.get(link)
    assert visitor.status_code == 200
    page = visitor.content.decode()
    assert "Lead the platform migration" in page
    assert f"{reverse('account_login')}?next=" in page
    client.force_login(bob)
    assert "Accept" in client.get(link).content.decode()
    response = client.post(link, {"accept": "1"})
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    share = Share.objects.get()
    assert share.grantee == bob and share.is_active
    assert client.get(plan.get_absolute_url()).status_code == 200
    # Now that Bob accepted, the owner sees who it is.
    client.force_login(alice)
    sharing = client.get(reverse("growth:sharing", args=[plan.public_id])).content.decode()
    assert bob.name in sharing and "@bob" in sharing


def test_someone_new_signs_up_from_the_link_and_accepts(
    client: Client, plan: GrowthPlan, alice: User, mailoutbox: list[Any]
) -> None:
    _share(plan, alice, "newcomer@example.org")
    link = _link(mailoutbox[0])
    signup = client.post(
        f"{reverse('account_signup')}?next={link}",
        {
            "email": "newcomer@example.org",
            "username": "newcomer",
            "password1": "a long enough passphrase",
            "password2": "a long enough passphrase",
            "next": link,
        },
    )
    assert signup.status_code == 302 and signup["Location"] == link
    client.post(link, {"accept": "1"})
    assert Share.objects.get().grantee == User.objects.get(username="newcomer")


def test_a_wrong_secret_a_used_link_and_a_withdrawn_one_are_404(
    client: Client, plan: GrowthPlan, alice: User, bob: User, carol: User, mailoutbox: list[Any]
) -> None:
    share = _share(plan, alice, "bob@example.com")
    link = _link(mailoutbox[0])
    wrong = reverse("growth:invite_link", args=[share.public_id, "guessed-secret"])
    client.force_login(carol)
    assert client.get(wrong).status_code == 404
    assert client.post(wrong, {"accept": "1"}).status_code == 404
    client.force_login(bob)
    client.post(link, {"accept": "1"})
    client.force_login(carol)
    assert client.get(link).status_code == 404
    assert client.post(link, {"accept": "1"}).status_code == 404
    client.force_login(bob)
    assert client.get(link)["Location"] == plan.get_absolute_url()
    services.share_revoke(share=share, owner=alice)
    assert client.get(link).status_code == 404
    assert Share.objects.get().grantee == bob


@pytest.mark.parametrize("confirmed", [False, True])
def test_an_address_on_an_account_opens_nothing_without_the_link(
    client: Client, plan: GrowthPlan, alice: User, confirmed: bool
) -> None:
    """Only the mailed link opens an invitation, even for an address confirmed on an account.

    Otherwise whoever got someone's address confirmed on their own account (a stranger who
    signed up with it, and a click on a mail that named another account) would see it.
    """
    holder = make_member("holder", email="target@example.com")
    EmailAddress.objects.create(user=holder, email="target@example.com", verified=confirmed)
    share = _share(plan, alice, "target@example.com")
    client.force_login(holder)
    assert plan.title not in client.get(reverse("growth:home")).content.decode()
    for name in ("growth:invite_accept", "growth:invite_decline"):
        assert client.post(reverse(name, args=[share.public_id])).status_code == 404
    share.refresh_from_db()
    assert share.grantee is None and share.accepted_at is None


def test_invited_by_name_and_by_address_keeps_one_share(
    client: Client, plan: GrowthPlan, alice: User, bob: User, mailoutbox: list[Any]
) -> None:
    _share(plan, alice, "bob")
    _share(plan, alice, "bob@example.com")
    client.force_login(bob)
    response = client.post(_link(mailoutbox[0]), {"accept": "1"})
    assert response.status_code == 302
    assert "already have access" in client.get(response["Location"]).content.decode()
    assert Share.objects.get().grantee == bob


def test_an_address_cannot_be_invited_twice_while_the_first_is_open(
    plan: GrowthPlan, alice: User
) -> None:
    _share(plan, alice, "x@example.org")
    with pytest.raises(ValidationError, match="already invited"):
        _share(plan, alice, "X@example.org")


def test_invitations_are_limited_whoever_they_name(
    client: Client, plan: GrowthPlan, alice: User, bob: User, settings: Any
) -> None:
    """Every lookup counts, found or not; past the limit: a 429 with a clear message."""
    settings.RUNG_SHARE_INVITATION_LIMITS = "3/h,10/d"
    client.force_login(alice)
    assert _invite(client, plan, "nobody").status_code == 400
    assert _invite(client, plan, "someone@example.org").status_code == 302
    assert _invite(client, plan, "bob").status_code == 302
    refused = _invite(client, plan, "carol@example.org")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert "many invitations in a short time" in refused.content.decode()
    assert Share.objects.count() == 2
    settings.RUNG_RATE_LIMITS = False
    assert _invite(client, plan, "carol@example.org").status_code == 302


def test_the_mail_is_written_in_the_language_of_the_member_with_that_address(
    plan: GrowthPlan, alice: User, mailoutbox: list[Any]
) -> None:
    make_member("mei", email="mei@example.cn", ui_language="zh-hans")
    _share(plan, alice, "mei@example.cn")
    assert "成长计划" in mailoutbox[0].subject


def test_the_link_page_answers_head_and_refuses_other_methods(
    client: Client, plan: GrowthPlan, alice: User, mailoutbox: list[Any]
) -> None:
    _share(plan, alice, "x@example.org")
    link = _link(mailoutbox[0])
    assert client.head(link).status_code == 200
    assert client.put(link).status_code == 405
    # A visitor's accept is sent to log in first, and changes nothing.
    response = client.post(link, {"accept": "1"})
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert Share.objects.get().grantee is None
