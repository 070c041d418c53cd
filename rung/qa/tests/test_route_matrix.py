"""Every Q&A address, by wrong method, logged out, outsider, moderator, missing ids, bad input.

alice asked the question and replied to bob's answer; charlie is an outsider; mod is a
moderator, who may also edit and delete anyone's posts and set their language. alice
invited bob to answer before he did (the scene's invitation): only she invites, only he
declines. A new address without a Route below fails `test_every_qa_route_is_in_the_matrix`.
"""

import uuid
from typing import Any

import pytest
from django.utils.text import slugify

from rung.qa import urls as qa_urls
from rung.qa.models import AnswerInvitation
from rung.testing.routes import (
    MEMBER,
    OWNER,
    PUBLIC,
    Bad,
    Case,
    Route,
    Scene,
    assert_covers,
    cases,
    check,
)

pytestmark = pytest.mark.django_db


def question_id(scene: Scene) -> list[Any]:
    return [scene.question.pk]


def answer_id(scene: Scene) -> list[Any]:
    return [scene.answer.pk]


def reply_id(scene: Scene) -> list[Any]:
    return [scene.reply.pk]


def question_form(scene: Scene, **changes: Any) -> dict[str, Any]:
    return {
        "title": "How do I show ownership before my next review?",
        "body": "I lead small features and want to own a system.",
        "topics": [scene.topic.pk],
        "submit_token": str(uuid.uuid4()),
        **changes,
    }


def body(text: str) -> Any:
    return lambda scene: {"body": text, "submit_token": str(uuid.uuid4())}


GOOD_BODY = body("Pick the system nobody owns and write its runbook.")
EMPTY_BODY = Bad("empty body", data=body("   "))
HUGE_BODY = Bad("body over the limit", data=body("z" * 40_000))
LANGUAGE = {"language": "zh-hans"}
OUTCOME = {"kind": "promoted", "note": "Promoted to senior in the spring cycle."}
BAD_LANGUAGE = Bad("unknown language", data=lambda scene: {"language": "fr"})

ROUTES = [
    Route(
        "home",
        PUBLIC,
        bad=(
            Bad("page not a number", query="page=abc", status=(200, 404)),
            Bad("cursor not ours", query="after=abc", status=(200,)),
        ),
    ),
    Route("qa:levels", PUBLIC),
    Route(
        "qa:company_levels",
        PUBLIC,
        bad=(
            Bad("unknown company", query="company=no-such-company"),
            Bad("company over any slug", query="company=" + "x" * 300),
        ),
    ),
    Route(
        "qa:topics",
        PUBLIC,
        bad=(
            Bad("filter over the limit", query="q=" + "x" * 101),
            Bad("unknown sort", query="sort=oldest", status=(200,)),
        ),
    ),
    Route(
        "qa:ask",
        MEMBER,
        ("GET", "POST"),
        data=question_form,
        bad=(
            Bad("empty title", data=lambda scene: question_form(scene, title=" ")),
            Bad("no topic", data=lambda scene: question_form(scene, topics=[])),
            Bad("unknown topic", data=lambda scene: question_form(scene, topics=[999999])),
            Bad("years not a number", data=lambda scene: question_form(scene, years="many")),
            Bad("token not a uuid", data=lambda scene: question_form(scene, submit_token="x")),
            Bad("body over the limit", data=lambda scene: question_form(scene, body="y" * 40_000)),
        ),
    ),
    Route(
        "qa:topic",
        PUBLIC,
        args=lambda scene: [scene.topic.slug],
        missing=lambda scene: ["no-such-topic"],
        bad=(
            Bad("page not a number", query="page=abc", status=(200, 404)),
            Bad("page past the end", query="page=999", status=(200, 404)),
            Bad("unknown sort", query="sort=bogus", status=(200, 400)),
        ),
    ),
    # The short address sends readers on to the one with the title in it.
    Route("qa:question", PUBLIC, args=question_id, ok=(301,)),
    Route(
        "qa:question_slug",
        PUBLIC,
        args=lambda scene: [scene.question.pk, slugify(scene.question.title)[:60]],
        missing=lambda scene: [999_999, slugify(scene.question.title)[:60]],
        bad=(
            Bad("a wrong slug", query="", args=lambda s: [s.question.pk, "wrong"], status=(301,)),
            Bad("page not a number", query="page=abc", status=(200, 404)),
            Bad("page past the end", query="page=999", status=(200, 404)),
        ),
    ),
    Route(
        "qa:question_edit",
        OWNER,
        ("GET", "POST"),
        args=question_id,
        moderators=True,
        data=question_form,
        bad=(
            Bad("empty title", data=lambda scene: question_form(scene, title="")),
            Bad("six topics", data=lambda scene: question_form(scene, topics=list(range(1, 7)))),
        ),
    ),
    Route("qa:question_delete", OWNER, ("POST",), args=question_id, moderators=True),
    Route("qa:question_history", PUBLIC, args=question_id),
    Route(
        "qa:question_like",
        MEMBER,
        ("POST",),
        args=question_id,
        doer="teammate",
        bad=(Bad("liking one's own question", data=lambda scene: {}, actor="owner"),),
    ),
    Route(
        "qa:answer_create",
        MEMBER,
        ("POST",),
        args=question_id,
        doer="teammate",
        data=GOOD_BODY,
        bad=(EMPTY_BODY, HUGE_BODY),
    ),
    Route(
        "qa:question_language",
        OWNER,
        ("GET", "POST"),
        args=question_id,
        moderators=True,
        data=lambda scene: LANGUAGE,
        bad=(BAD_LANGUAGE,),
    ),
    # Only the asker says what happened; moderators neither (the outcome is the asker's word).
    Route(
        "qa:outcome",
        OWNER,
        ("GET", "POST"),
        args=question_id,
        data=lambda scene: OUTCOME,
        bad=(
            Bad("no kind", data=lambda scene: {"note": "It went well."}),
            Bad("unknown kind", data=lambda scene: {**OUTCOME, "kind": "fired"}),
            Bad("note over the limit", data=lambda scene: {**OUTCOME, "note": "n" * 1_001}),
        ),
    ),
    Route("qa:answer", PUBLIC, args=answer_id, ok=(302,)),
    Route("qa:answer_replies", PUBLIC, args=answer_id, headers={"HX-Request": "true"}),
    Route(
        "qa:reply_create",
        MEMBER,
        ("POST",),
        args=answer_id,
        data=GOOD_BODY,
        bad=(
            EMPTY_BODY,
            HUGE_BODY,
        ),
    ),
    Route(
        "qa:answer_edit",
        OWNER,
        ("GET", "POST"),
        args=answer_id,
        moderators=True,
        doer="teammate",
        data=GOOD_BODY,
        bad=(EMPTY_BODY, HUGE_BODY),
    ),
    Route("qa:answer_delete", OWNER, ("POST",), args=answer_id, doer="teammate", moderators=True),
    Route("qa:answer_history", PUBLIC, args=answer_id),
    Route(
        "qa:answer_like",
        MEMBER,
        ("POST",),
        args=answer_id,
        bad=(Bad("liking one's own answer", data=lambda scene: {}, actor="teammate"),),
    ),
    Route(
        "qa:answer_helpful",
        OWNER,
        ("POST",),
        args=answer_id,
        bad=(Bad("marking a reply", data=lambda scene: {}, args=reply_id, status=(400, 404)),),
    ),
    Route(
        "qa:answer_language",
        OWNER,
        ("GET", "POST"),
        args=answer_id,
        doer="teammate",
        moderators=True,
        data=lambda scene: LANGUAGE,
        bad=(
            BAD_LANGUAGE,
            Bad("a reply's address", data=lambda s: LANGUAGE, args=reply_id, status=(404,)),
        ),
    ),
    Route(
        "qa:reply_language",
        OWNER,
        ("GET", "POST"),
        args=reply_id,
        moderators=True,
        data=lambda scene: LANGUAGE,
        bad=(
            BAD_LANGUAGE,
            Bad("an answer's address", data=lambda s: LANGUAGE, args=answer_id, status=(404,)),
        ),
    ),
]


def invite_form(username: str) -> Any:
    return lambda scene: {"username": username}


ROUTES += [
    Route(
        "qa:answer_invite",
        OWNER,
        ("POST",),
        args=question_id,
        data=invite_form("charlie"),
        bad=(
            Bad("no username", data=invite_form("  ")),
            Bad("nobody by that name", data=invite_form("nobody-here")),
            Bad("oneself", data=invite_form("alice")),
            Bad("a member who answered", data=invite_form("bob")),
            Bad("username over the limit", data=invite_form("x" * 151)),
        ),
    ),
    Route(
        "qa:answer_invitation_decline",
        OWNER,
        ("POST",),
        args=lambda scene: [scene.extra["invitation"].pk],
        doer="teammate",
        refused=(404,),
    ),
]

CASES = cases(ROUTES)


@pytest.fixture
def qa_scene(scene: Scene) -> Scene:
    """The shared scene, with alice's invitation to bob."""
    scene.extra["invitation"] = AnswerInvitation.objects.create(
        question=scene.question, inviter=scene.members["owner"], invitee=scene.members["teammate"]
    )
    return scene


def test_every_qa_route_is_in_the_matrix() -> None:
    assert_covers(ROUTES, qa_urls.urlpatterns, namespace="qa", extra=["home"])


@pytest.mark.parametrize("case", CASES, ids=str)
def test_qa_route(case: Case, qa_scene: Scene) -> None:
    check(case, qa_scene)
