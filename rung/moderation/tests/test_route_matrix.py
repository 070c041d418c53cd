"""Every moderation address: wrong method, logged out, outsider, moderator, missing, bad input.

The review queue and its actions are for moderators; revealing an anonymous author and the
audit log for administrators; flagging for any member. A new address without a Route below
fails `test_every_moderation_route_is_in_the_matrix`.
"""

from typing import Any

import pytest

from rung.moderation import urls as moderation_urls
from rung.testing.routes import (
    ADMINISTRATOR,
    MEMBER,
    MODERATOR,
    Bad,
    Case,
    Route,
    Scene,
    assert_covers,
    cases,
    check,
)

pytestmark = pytest.mark.django_db


def answer_post(scene: Scene) -> list[Any]:
    return ["answer", scene.answer.pk]


def question_post(scene: Scene) -> list[Any]:
    return ["question", scene.question.pk]


def question_id(scene: Scene) -> list[Any]:
    return [scene.question.pk]


def teammate(scene: Scene) -> list[Any]:
    return [scene.members["teammate"].username]


def nobody(scene: Scene) -> list[Any]:
    return ["nobody-by-that-name"]


def reason(**more: Any) -> Any:
    return lambda scene: {"reason": "Seen in the queue", **more}


NO_REASON = Bad("no reason", data=lambda scene: {"reason": "  "})

ROUTES = [
    Route("moderation:queue", MODERATOR, doer="moderator"),
    Route("moderation:notices", MEMBER),
    Route(
        "moderation:flag",
        MEMBER,
        ("GET", "POST"),
        args=answer_post,
        doer="outsider",
        data=lambda scene: {"reason": "rude"},
        missing=lambda scene: ["answer", 999_999],
        bad=(
            Bad("own post", data=lambda scene: {"reason": "spam"}, actor="teammate"),
            Bad("no reason", data=lambda scene: {"note": "x"}),
            Bad("something else without a note", data=lambda scene: {"reason": "other"}),
            Bad("unknown reason", data=lambda scene: {"reason": "boring"}),
            Bad(
                "not a kind of post",
                data=lambda scene: {"reason": "spam"},
                args=lambda scene: ["poem", scene.answer.pk],
                status=(404,),
            ),
            Bad(
                "a reply's id as an answer",
                data=lambda scene: {"reason": "spam"},
                args=lambda scene: ["answer", scene.reply.pk],
                status=(404,),
            ),
        ),
    ),
    Route(
        "moderation:post_action",
        MODERATOR,
        ("POST",),
        args=answer_post,
        doer="moderator",
        data=reason(action="hide"),
        missing=lambda scene: ["answer", 999_999],
        bad=(
            Bad("no reason", data=lambda scene: {"action": "hide", "reason": " "}),
            Bad("unknown action", data=reason(action="explode")),
            Bad(
                "a deleted post",
                data=reason(action="delete"),
                args=lambda scene: ["answer", scene.extra["deleted"].pk],
            ),
        ),
    ),
    Route(
        "moderation:reveal",
        ADMINISTRATOR,
        ("GET", "POST"),
        args=question_post,
        doer="administrator",
        data=reason(),
        missing=lambda scene: ["question", 999_999],
        bad=(NO_REASON,),
    ),
    Route("moderation:question", MODERATOR, args=question_id, doer="moderator"),
    Route(
        "moderation:question_lock",
        MODERATOR,
        ("POST",),
        args=question_id,
        doer="moderator",
        data=reason(locked="on"),
        bad=(
            Bad("no reason", data=lambda scene: {"locked": "on"}),
            Bad("unlock an open question", data=reason()),
        ),
    ),
    Route(
        "moderation:question_duplicate",
        MODERATOR,
        ("POST",),
        args=question_id,
        doer="moderator",
        data=lambda scene: {"original": f"/questions/{scene.extra['original'].pk}/x/"},
        bad=(
            Bad("itself", data=lambda scene: {"original": str(scene.question.pk)}),
            Bad("no such question", data=lambda scene: {"original": "999999"}),
            Bad("not a number", data=lambda scene: {"original": "٣٤"}),
        ),
    ),
    Route(
        "moderation:question_reopen",
        MODERATOR,
        ("POST",),
        args=lambda scene: [scene.extra["closed"].pk],
        doer="moderator",
        data=reason(),
        bad=(NO_REASON, Bad("not closed", data=reason(), args=question_id)),
    ),
    Route(
        "moderation:question_move",
        MODERATOR,
        ("POST",),
        args=question_id,
        doer="moderator",
        data=lambda scene: {"reason": "Fits", "topics": [scene.topic.pk]},
        bad=(
            Bad("no topic", data=reason()),
            Bad("unknown topic", data=reason(topics=[999_999])),
        ),
    ),
    Route("moderation:member", MODERATOR, args=teammate, doer="moderator", missing=nobody),
    Route(
        "moderation:member_penalty",
        MODERATOR,
        ("POST",),
        args=teammate,
        doer="moderator",
        data=reason(kind="silence", days=2),
        missing=nobody,
        bad=(
            Bad(
                "an administrator",
                data=reason(kind="suspend", days=2),
                args=lambda scene: [scene.members["administrator"].username],
            ),
            Bad(
                "oneself",
                data=reason(kind="suspend", days=2),
                args=lambda scene: [scene.members["moderator"].username],
            ),
            Bad("no days", data=reason(kind="suspend", days=0)),
            Bad("unknown kind", data=reason(kind="banish", days=2)),
            Bad("no reason", data=lambda scene: {"kind": "silence", "days": 2}),
        ),
    ),
    Route(
        "moderation:penalty_lift",
        MODERATOR,
        ("POST",),
        args=lambda scene: [scene.extra["silenced"].username, scene.extra["penalty"].pk],
        doer="moderator",
        data=reason(),
        bad=(
            NO_REASON,
            Bad(
                "someone else's penalty",
                data=reason(),
                args=lambda scene: [scene.members["teammate"].username, scene.extra["penalty"].pk],
                status=(404,),
            ),
        ),
    ),
    Route(
        "moderation:member_spammer",
        MODERATOR,
        ("POST",),
        args=lambda scene: [scene.extra["spammer"].username],
        doer="moderator",
        data=reason(block_domains="on"),
        missing=nobody,
        bad=(
            NO_REASON,
            Bad(
                "an administrator",
                data=reason(),
                args=lambda scene: [scene.members["administrator"].username],
            ),
        ),
    ),
    Route(
        "moderation:member_trust",
        MODERATOR,
        ("POST",),
        args=teammate,
        doer="moderator",
        data=reason(level=2),
        missing=nobody,
        bad=(Bad("unknown level", data=reason(level=9)), NO_REASON),
    ),
    Route(
        "moderation:domains",
        MODERATOR,
        ("GET", "POST"),
        doer="moderator",
        data=reason(domain="spam.example"),
        bad=(
            Bad("not a domain", data=reason(domain="two words")),
            Bad("no domain", data=reason()),
        ),
    ),
    Route("moderation:audit", ADMINISTRATOR, doer="administrator"),
]

CASES = cases(ROUTES)


def test_every_moderation_route_is_in_the_matrix() -> None:
    assert_covers(ROUTES, moderation_urls.urlpatterns, namespace="moderation")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_moderation_route(case: Case, moderation_scene: Scene) -> None:
    check(case, moderation_scene)
