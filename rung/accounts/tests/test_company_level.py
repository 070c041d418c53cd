"""A member's company level on the profile form: listed or typed, and the level it sets."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from rung.accounts.forms import ProfileForm
from rung.accounts.models import User
from rung.ladder.forms import OTHER_COMPANY_LEVEL
from rung.ladder.models import CompanyLevel, Level, Track
from rung.testing import PASSWORD, make_member

pytestmark = pytest.mark.django_db


def company_level(company: str, code: str) -> CompanyLevel:
    return CompanyLevel.objects.select_related("level").get(company__slug=company, code=code)


def _form(member: User, **data: Any) -> ProfileForm:
    return ProfileForm({"display_name": member.display_name, **data}, instance=member)


def _save(member: User, **data: Any) -> User:
    form = _form(member, **data)
    assert form.is_valid(), form.errors
    form.save()
    member.refresh_from_db()
    return member


def test_a_company_level_sets_the_level_left_empty() -> None:
    p6 = company_level("alibaba", "P6")
    member = _save(make_member(), company_level=p6.pk)
    assert member.company_level == p6
    assert member.level == p6.level
    assert member.track == p6.level.track


def test_a_level_the_member_chose_stays_as_chosen() -> None:
    staff = Level.objects.get(slug="staff")
    member = _save(make_member(), company_level=company_level("meta", "E4").pk, level=staff.pk)
    assert member.level == staff


def test_the_level_follows_a_new_company_level_while_it_matched_the_old_one() -> None:
    e4, e5 = company_level("meta", "E4"), company_level("meta", "E5")
    member = _save(make_member(), company_level=e4.pk)
    member = _save(member, company_level=e5.pk, level=member.level_id, track=member.track_id)
    assert member.level == e5.level


def test_a_manager_keeps_their_track_with_a_company_level() -> None:
    manager = Level.objects.get(slug="engineering-manager")
    em = Track.objects.get(slug="em")
    member = _save(make_member(), company_level=company_level("google", "L6").pk, track=em.pk)
    assert member.level is None
    member = _save(member, company_level=company_level("google", "L6").pk, level=manager.pk)
    assert member.level == manager


def test_other_takes_a_typed_company_level() -> None:
    member = _save(
        make_member(), company_level=OTHER_COMPANY_LEVEL, company_level_other="Stripe L3"
    )
    assert member.company_level is None
    assert member.company_level_other == "Stripe L3"
    assert ProfileForm(instance=member).initial["company_level"] == OTHER_COMPANY_LEVEL


def test_other_without_text_asks_for_it() -> None:
    form = _form(make_member(), company_level=OTHER_COMPANY_LEVEL, company_level_other=" ")
    assert not form.is_valid()
    assert "company_level_other" in form.errors


def test_a_listed_and_a_typed_company_level_together_are_refused() -> None:
    form = _form(
        make_member(),
        company_level=company_level("meta", "E5").pk,
        company_level_other="Stripe L3",
    )
    assert not form.is_valid()
    assert "company_level_other" in form.errors


@pytest.mark.parametrize("value", ["999999", "E5", "1.5", "x" * 300])
def test_profile_edit_refuses_an_unknown_company_level_with_400(client: Client, value: str) -> None:
    member = make_member("alice")
    client.login(username="alice", password=PASSWORD)
    response = client.post(
        reverse("accounts:profile_edit"),
        {"display_name": "Alice", "company_level": value},
    )
    assert response.status_code == 400
    member.refresh_from_db()
    assert member.company_level is None


def test_profile_edit_offers_company_levels_grouped_by_company_in_chinese(client: Client) -> None:
    make_member("alice")
    client.login(username="alice", password=PASSWORD)
    html = client.get(reverse("accounts:profile_edit"), HTTP_ACCEPT_LANGUAGE="zh-hans").content
    page = html.decode()
    assert '<optgroup label="字节跳动">' in page
    assert "其他（在下方填写）" in page


def test_profile_page_shows_the_company_level(client: Client) -> None:
    e5 = company_level("meta", "E5")
    member = make_member("alice", company_level=e5, level=e5.level)
    page = client.get(member.get_absolute_url()).content.decode()
    assert f'<span translate="no">Meta E5</span> · {e5.level.name}' in page
