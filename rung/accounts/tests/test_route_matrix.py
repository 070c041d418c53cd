"""Every member address, by wrong method, logged out, outsider, moderator and bad input.

A new address without a Route below fails `test_every_accounts_route_is_in_the_matrix`.
"""

from typing import Any

import pytest
from allauth.account.models import EmailAddress

from rung.accounts import employers
from rung.accounts import urls as accounts_urls
from rung.testing.routes import MEMBER, PUBLIC, Bad, Case, Route, Scene, assert_covers, cases, check

pytestmark = pytest.mark.django_db


def profile_form(scene: Scene, **changes: Any) -> dict[str, Any]:
    return {"display_name": "Alice C.", "headline": "Staff Engineer", **changes}


def again_form(scene: Scene) -> dict[str, Any]:
    """Ask for a confirmation mail for a work address every member of the cast has added."""
    for member in scene.members.values():
        EmailAddress.objects.get_or_create(user=member, email="team@meta.com")
    return {"again": "team@meta.com"}


def again_key(scene: Scene) -> list[str]:
    """The link in the owner's confirm-again mail, for a confirmed work address."""
    owner = scene.members["owner"]
    EmailAddress.objects.get_or_create(
        user=owner, email="owner-work@meta.com", defaults={"verified": True}
    )
    return [employers.reconfirm_key(member=owner, email="owner-work@meta.com")]


ROUTES = [
    Route(
        "accounts:directory",
        PUBLIC,
        bad=(
            Bad("unknown level", query="level=no-such-level"),
            Bad("search over the limit", query="q=" + "x" * 101),
            Bad("page not a number", query="page=abc", status=(200,)),
            Bad("page past the end", query="page=999", status=(200,)),
            Bad("unknown sort", query="sort=oldest", status=(200,)),
        ),
    ),
    Route(
        "accounts:profile",
        PUBLIC,
        args=lambda scene: [scene.members["owner"].username],
        missing=lambda scene: ["nobody-here"],
    ),
    Route(
        "accounts:member_suggest",
        MEMBER,
        query="q=bo",
        bad=(
            Bad("query over the limit", query="q=" + "b" * 151),
            Bad("control character", query="q=b%00o"),
        ),
    ),
    Route(
        "accounts:profile_edit",
        MEMBER,
        ("GET", "POST"),
        data=profile_form,
        bad=(
            Bad(
                "display name over the limit",
                data=lambda s: profile_form(s, display_name="x" * 500),
            ),
            Bad("years not a number", data=lambda s: profile_form(s, years_experience="many")),
            Bad("unknown level", data=lambda s: profile_form(s, level=999_999)),
        ),
    ),
    Route(
        "accounts:employer",
        MEMBER,
        ("GET", "POST"),
        data=again_form,
        bad=(
            Bad("nothing chosen", data=lambda s: {}),
            Bad("someone else's address", data=lambda s: {"again": "bob@example.com"}),
            Bad("a free-mail address", data=lambda s: {"again": "owner@gmail.com"}),
            Bad("mark not a number", data=lambda s: {"withdraw": "first"}),
            Bad("someone else's mark", data=lambda s: {"withdraw": "999999"}),
        ),
    ),
    Route(
        "accounts:employer_again",
        PUBLIC,
        ("GET", "POST"),
        args=again_key,
        missing=lambda scene: ["not-a-key"],
    ),
]

CASES = cases(ROUTES)


def test_every_accounts_route_is_in_the_matrix() -> None:
    assert_covers(ROUTES, accounts_urls.urlpatterns, namespace="accounts")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_accounts_route(case: Case, scene: Scene) -> None:
    check(case, scene)
