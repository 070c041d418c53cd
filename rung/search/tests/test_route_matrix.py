"""Every search address, by wrong method, logged out, outsider, moderator and bad input.

A new address without a Route below fails `test_every_search_route_is_in_the_matrix`.
"""

import pytest

from rung.search import urls as search_urls
from rung.testing.routes import MEMBER, PUBLIC, Bad, Case, Route, Scene, assert_covers, cases, check

pytestmark = pytest.mark.django_db

ROUTES = [
    Route(
        "search:search",
        PUBLIC,
        query="q=ownership",
        bad=(
            Bad("unknown topic", query="q=ownership&topic=999999"),
            Bad("topic not a number", query="topic=abc"),
            Bad("unknown level", query="level=999999"),
            Bad("unknown sort", query="q=ownership&sort=bogus"),
            Bad("forged cursor", query="q=ownership&after=not-a-cursor"),
            # A long query is cut to the limit and searched, not refused.
            Bad("query over the limit", query="q=" + "ownership+" * 200, status=(200,)),
        ),
    ),
    Route(
        "search:ask_assist",
        MEMBER,
        ("POST",),
        data=lambda scene: {"title": "How do I own a system?", "body": "I lead features."},
        headers={"HX-Request": "true"},
    ),
]

CASES = cases(ROUTES)


def test_every_search_route_is_in_the_matrix() -> None:
    assert_covers(ROUTES, search_urls.urlpatterns, namespace="search")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_search_route(case: Case, scene: Scene) -> None:
    check(case, scene)
