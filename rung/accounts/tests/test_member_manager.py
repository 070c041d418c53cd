"""`User.objects.get(pk=...)`, which authentication runs on every request, reads compiled once."""

from typing import Any

import pytest
from django.contrib.auth import get_user
from django.test import RequestFactory

from rung.accounts.models import User
from rung.testing import make_member

pytestmark = pytest.mark.django_db


def test_get_by_id_gives_the_orm_s_member(django_assert_num_queries: Any) -> None:
    member = make_member("erin", display_name="Erin <b>")
    expected = User.objects.filter(pk=member.pk).get()
    for name in ("pk", "id"):
        with django_assert_num_queries(1):
            found = User.objects.get(**{name: member.pk})
        assert type(found) is User
        assert {k: v for k, v in found.__dict__.items() if k != "_state"} == {
            k: v for k, v in expected.__dict__.items() if k != "_state"
        }
        assert not found._state.adding and found._state.db == "default"


def test_a_missing_member_is_does_not_exist() -> None:
    with pytest.raises(User.DoesNotExist):
        User.objects.get(pk=-5)


def test_other_gets_go_through_the_orm() -> None:
    member = make_member("gina")
    assert User.objects.get(pk=str(member.pk)) == member
    assert User.objects.get(username="gina") == member
    assert User.objects.get(pk=member.pk, is_active=True) == member
    User.objects.filter(pk=member.pk).update(is_active=False)
    with pytest.raises(User.DoesNotExist):
        User.objects.get(pk=member.pk, is_active=True)


def test_a_logged_in_request_loads_its_member(client: Any) -> None:
    member = make_member("hana")
    client.force_login(member)
    request = RequestFactory().get("/")
    request.session = client.session
    assert get_user(request) == member
    User.objects.filter(pk=member.pk).update(is_active=False)
    assert not get_user(request).is_authenticated
