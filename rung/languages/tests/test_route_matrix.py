"""Every language address, by wrong method, logged out, outsider, moderator and bad input.

Translation runs against a local LibreTranslate. A new address without a Route below fails
`test_every_languages_route_is_in_the_matrix`.
"""

from typing import Any

import pytest

from rung.languages import urls as languages_urls
from rung.testing.routes import PUBLIC, Bad, Case, Route, Scene, assert_covers, cases, check

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("libretranslate")]


def question_kind(scene: Scene) -> list[Any]:
    return ["question", scene.question.pk]


ROUTES = [
    Route(
        "languages:switch",
        PUBLIC,
        ("POST",),
        data=lambda scene: {"language": "zh-hans", "next": "/"},
        bad=(
            Bad("unknown language", data=lambda scene: {"language": "fr", "next": "/"}),
            Bad("no language", data=lambda scene: {"next": "/"}),
        ),
    ),
    Route("languages:glossary", PUBLIC),
    Route(
        "languages:translate",
        PUBLIC,
        args=question_kind,
        query="to=zh-hans",
        bad=(
            Bad("unknown kind", args=lambda scene: ["plan", scene.question.pk], query="to=en"),
            Bad("unknown target language", query="to=fr"),
            Bad("a reply as an answer", args=lambda s: ["answer", s.reply.pk], status=(404,)),
        ),
    ),
]

CASES = cases(ROUTES)


def test_every_languages_route_is_in_the_matrix() -> None:
    assert_covers(ROUTES, languages_urls.urlpatterns, namespace="languages")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_languages_route(case: Case, scene: Scene) -> None:
    check(case, scene)
