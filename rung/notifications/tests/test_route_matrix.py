"""Every notifications address, by wrong method, logged out, outsider, moderator, missing ids,
bad input (rung/testing/routes.py).

alice asked the question and holds a notice and a bookmark; bob answered; charlie is an
outsider; mod is a moderator. Follows and bookmarks are each member's own: a member
route acts on the sender's own rows only, and an owner route (removing a bookmark,
opening a notice) answers 404 to anyone else, so nobody learns another's rows exist.
A new address without a Route below fails `test_every_notifications_route_is_in_the_matrix`.
"""

from typing import Any

import pytest

from rung.notifications import services
from rung.notifications import urls as notifications_urls
from rung.notifications.models import Bookmark, Notification
from rung.testing import routes
from rung.testing.routes import MEMBER, OWNER, PUBLIC, Bad, Case, Route, Scene, assert_covers, cases

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _watch_notifications_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    """A refused request must leave follows, bookmarks and notices as they were too."""
    monkeypatch.setattr(routes, "WATCHED_APPS", (*routes.WATCHED_APPS, "notifications"))


@pytest.fixture
def notified_scene(scene: Scene) -> Scene:
    owner = scene.members["owner"]
    scene.extra["notice"] = Notification.objects.create(
        recipient=owner,
        kind="answer",
        actor=scene.members["teammate"],
        question=scene.question,
        answer=scene.answer,
        event_key=f"answer:{scene.answer.pk}",
    )
    services.bookmark_set(owner, saved=True, question=scene.question)
    scene.extra["bookmark"] = Bookmark.objects.get(user=owner, question=scene.question)
    return scene


def question_id(scene: Scene) -> list[Any]:
    return [scene.question.pk]


def answer_id(scene: Scene) -> list[Any]:
    return [scene.answer.pk]


def level(value: str) -> Any:
    return lambda scene: {"level": value, "next": "/"}


def saved(value: str) -> Any:
    return lambda scene: {"saved": value}


ROUTES = [
    # The lead's: the notifications page, the bell's count, marking read and opening.
    Route(
        "notifications:list",
        MEMBER,
        bad=(
            Bad("cursor not a number", query="before=abc"),
            Bad("cursor too long", query="before=" + "9" * 40),
        ),
    ),
    Route("notifications:bell", PUBLIC),
    Route(
        "notifications:mark_read",
        MEMBER,
        ("POST",),
        bad=(Bad("not a notice number", data=lambda scene: {"id": "abc"}),),
    ),
    Route(
        "notifications:open",
        OWNER,
        args=lambda scene: [scene.extra["notice"].pk],
        ok=(302,),
        refused=(404,),
    ),
    # Follows.
    Route(
        "notifications:following",
        MEMBER,
        bad=(
            Bad("unknown kind", query="kind=everything"),
            Bad("cursor not a number", query="kind=questions&before=abc"),
            Bad("cursor too long", query="kind=members&before=" + "9" * 40),
        ),
    ),
    Route(
        "notifications:follow_topic",
        MEMBER,
        ("POST",),
        args=lambda scene: [scene.topic.pk],
        data=level("watching"),
        bad=(
            Bad("unknown level", data=level("loud")),
            Bad("no level", data=lambda scene: {}),
        ),
    ),
    Route(
        "notifications:follow_question",
        MEMBER,
        ("POST",),
        args=question_id,
        data=level("muted"),
        bad=(
            Bad("tracking a question", data=level("tracking")),
            Bad("unknown level", data=level("WATCHING")),
        ),
    ),
    Route(
        "notifications:follow_member",
        MEMBER,
        ("POST",),
        args=lambda scene: [scene.members["owner"].pk],
        doer="teammate",
        data=level("watching"),
        bad=(
            Bad("following oneself", data=level("watching"), actor="owner"),
            Bad("muting a member", data=level("muted")),
        ),
    ),
    # Bookmarks.
    Route(
        "notifications:bookmarks",
        MEMBER,
        bad=(
            Bad("cursor not ours", query="after=abc"),
            Bad("cursor out of range", query="after=999999999999999999.1"),
        ),
    ),
    Route(
        "notifications:bookmark_question",
        MEMBER,
        ("POST",),
        args=question_id,
        data=saved("1"),
        bad=(Bad("neither saved nor not", data=saved("yes")),),
    ),
    Route(
        "notifications:bookmark_answer",
        MEMBER,
        ("POST",),
        args=answer_id,
        data=saved("1"),
        bad=(
            Bad("neither saved nor not", data=saved("")),
            Bad(
                "a reply's address",
                data=saved("1"),
                args=lambda scene: [scene.reply.pk],
                status=(404,),
            ),
        ),
    ),
    Route(
        "notifications:bookmark_remove",
        OWNER,
        ("POST",),
        args=lambda scene: [scene.extra["bookmark"].pk],
        refused=(404,),
    ),
]

CASES = cases(ROUTES)


def test_every_notifications_route_is_in_the_matrix() -> None:
    # The settings page and the unsubscribe link have their matrix in test_preferences.py.
    from rung.notifications.tests.test_preferences import ROUTES as MAIL_ROUTES

    assert_covers(
        [*ROUTES, *MAIL_ROUTES], notifications_urls.urlpatterns, namespace="notifications"
    )


@pytest.mark.parametrize("case", CASES, ids=str)
def test_notifications_route(case: Case, notified_scene: Scene) -> None:
    routes.check(case, notified_scene)
