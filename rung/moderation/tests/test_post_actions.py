"""The "Flag" link under other members' posts and "Moderate" under questions for moderators."""

import pytest
from django.test import Client
from django.urls import reverse

from rung.testing.routes import Scene

pytestmark = pytest.mark.django_db


def _flag(kind: str, pk: int) -> str:
    return reverse("moderation:flag", args=[kind, pk])


def test_members_get_a_flag_link_under_posts_they_did_not_write(
    scene: Scene, charlie_client: Client, bob_client: Client, visitor: Client
) -> None:
    url = scene.question.get_absolute_url()
    page = charlie_client.get(url).content.decode()
    for kind, post in [
        ("question", scene.question),
        ("answer", scene.answer),
        ("reply", scene.reply),
    ]:
        assert f'href="{_flag(kind, post.pk)}"' in page, kind
    # bob wrote the answer: no flag for it, but for alice's question and reply.
    own = bob_client.get(url).content.decode()
    assert _flag("answer", scene.answer.pk) not in own
    assert _flag("question", scene.question.pk) in own and _flag("reply", scene.reply.pk) in own
    # Logged out, nobody is offered a flag.
    assert "/moderation/flag/" not in visitor.get(url).content.decode()


def test_the_flag_link_opens_the_flag_form_and_a_flag_is_taken(
    scene: Scene, charlie_client: Client
) -> None:
    form = charlie_client.get(_flag("answer", scene.answer.pk))
    assert form.status_code == 200 and b'name="reason"' in form.content
    sent = charlie_client.post(_flag("answer", scene.answer.pk), {"reason": "rude", "note": ""})
    assert sent.status_code == 302
    again = charlie_client.post(_flag("answer", scene.answer.pk), {"reason": "rude", "note": ""})
    assert again.status_code == 400


def test_moderators_get_a_moderate_link_under_questions_only(
    scene: Scene, mod_client: Client, charlie_client: Client
) -> None:
    tools = reverse("moderation:question", args=[scene.question.pk])
    assert f'href="{tools}"' in mod_client.get(scene.question.get_absolute_url()).content.decode()
    assert tools not in charlie_client.get(scene.question.get_absolute_url()).content.decode()
