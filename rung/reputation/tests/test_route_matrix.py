"""Every reputation address, by wrong method, logged out, outsider, moderator and bad input.

A new address without a Route below fails `test_every_reputation_route_is_in_the_matrix`.
"""

import pytest

from rung.reputation import urls as reputation_urls
from rung.testing.routes import PUBLIC, Bad, Case, Route, Scene, assert_covers, cases, check

pytestmark = pytest.mark.django_db

ROUTES = [
    # Members see their own ledger; visitors see the rules. Odd page numbers show a page.
    Route("reputation:mine", PUBLIC),
    Route(
        "reputation:experts",
        PUBLIC,
        query="window=all&topic=mid-level",
        bad=(
            Bad("unknown topic", query="topic=no-such-topic"),
            Bad("unknown window", query="window=bogus"),
            Bad("page not a number", query="page=abc"),
        ),
    ),
]

CASES = cases(ROUTES)


def test_every_reputation_route_is_in_the_matrix() -> None:
    assert_covers(ROUTES, reputation_urls.urlpatterns, namespace="reputation")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_reputation_route(case: Case, scene: Scene) -> None:
    check(case, scene)
