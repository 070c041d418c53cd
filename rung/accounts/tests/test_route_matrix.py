"""Every member address, by wrong method, logged out, outsider, moderator and bad input.

A new address without a Route below fails `test_every_accounts_route_is_in_the_matrix`.
"""

from typing import Any

import pytest

from rung.accounts import urls as accounts_urls
from rung.testing.routes import MEMBER, PUBLIC, Bad, Case, Route, Scene, assert_covers, cases, check

pytestmark = pytest.mark.django_db


def profile_form(scene: Scene, **changes: Any) -> dict[str, Any]:
    return {"display_name": "Alice C.", "headline": "Staff Engineer", **changes}


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
]

CASES = cases(ROUTES)


def test_every_accounts_route_is_in_the_matrix() -> None:
    assert_covers(ROUTES, accounts_urls.urlpatterns, namespace="accounts")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_accounts_route(case: Case, scene: Scene) -> None:
    check(case, scene)
