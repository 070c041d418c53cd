"""Q&A views in depth: bad addresses and forms, the context card, htmx, soft delete, anonymity.

Wrong methods, logged-out visitors and outsiders, for every address, are in
test_route_matrix.py.
"""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.ladder.models import Axis, RatingChoice, RatingScale
from rung.qa import services
from rung.qa.models import Answer, Question, Topic
from rung.testing import make_answer

pytestmark = pytest.mark.django_db


@pytest.fixture
def answer(question: Question, bob: User) -> Answer:
    return make_answer(question, bob)


@pytest.mark.parametrize(
    "path",
    [
        "/questions/abc/",
        "/questions/abc/edit/",
        "/answers/1x/like/",
        "/topics/no-such-topic/",
        "/questions/999999/",
        "/members/nobody-here/",
    ],
)
def test_bad_ids_in_urls_are_404(path: str, alice_client: Client) -> None:
    assert alice_client.get(path).status_code == 404
    assert alice_client.post(path).status_code in {404, 405}


def _ask_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "How do I show more ownership?",
        "body": "## Context\n\n- one\n  - two\n    - three",
        "topics": [Topic.objects.get(slug="mid-level").pk],
        "submit_token": "8f0c7c55-5a35-4a43-a9a5-5d2c2f6a0d11",
    }
    data.update(overrides)
    return data


def test_ask_creates_question_with_context_card(alice_client: Client) -> None:
    scale = RatingScale.objects.get(slug="e-m-i")
    impact = Axis.objects.get(slug="impact")
    data = _ask_data(
        scale=scale.pk,
        rating_impact=scale.choices.get(code="E").pk,
        rating_teamwork=scale.choices.get(code="M+").pk,
        years=4,
        focus="Leadership",
        feedback_wanted="What to change",
    )
    response = alice_client.post(reverse("qa:ask"), data)
    assert response.status_code == 302
    question = Question.objects.get()
    assert response["Location"] == question.get_absolute_url()
    assert question.ratings.get(axis=impact).choice.code == "E"
    page = alice_client.get(question.get_absolute_url()).content.decode()
    assert "Impact <strong>E</strong>" in page and "Teamwork <strong>M+</strong>" in page
    # The same form posted twice (a double click) still makes one question.
    alice_client.post(reverse("qa:ask"), data)
    assert Question.objects.count() == 1


def _bad_ask_inputs() -> list[tuple[str, Callable[[], dict[str, object]]]]:
    def other_scale_rating() -> dict[str, object]:
        return _ask_data(
            scale=RatingScale.objects.get(slug="e-m-i").pk,
            rating_impact=RatingChoice.objects.get(scale__slug="one-to-five", code="5").pk,
        )

    return [
        ("empty title", lambda: _ask_data(title="   ")),
        ("100 kB title", lambda: _ask_data(title="x" * 100_000)),
        ("6 topics", lambda: _ask_data(topics=[t.pk for t in Topic.objects.all()[:6]])),
        ("no topic", lambda: _ask_data(topics=[])),
        ("unknown topic id", lambda: _ask_data(topics=[999999])),
        ("non-numeric topic id", lambda: _ask_data(topics=["abc"])),
        ("rating not on the scale", other_scale_rating),
        ("unknown rating id", lambda: _ask_data(rating_impact=999999)),
        ("negative years", lambda: _ask_data(years=-3)),
        ("years not a number", lambda: _ask_data(years="many")),
        ("empty body", lambda: _ask_data(body="")),
        ("huge body", lambda: _ask_data(body="y" * 40_000)),
        ("bad token", lambda: _ask_data(submit_token="not-a-uuid")),
    ]


@pytest.mark.parametrize(("case", "make_data"), _bad_ask_inputs(), ids=lambda v: str(v))
def test_bad_ask_input_gets_400_with_a_message_and_saves_nothing(
    case: str, make_data: Callable[[], dict[str, object]], alice_client: Client
) -> None:
    response = alice_client.post(reverse("qa:ask"), make_data())
    assert response.status_code == 400, case
    assert b'class="errorlist' in response.content or b'role="alert"' in response.content
    assert not Question.objects.exists()


def test_bad_edit_input_keeps_the_saved_question(question: Question, alice_client: Client) -> None:
    before = (question.title, question.body)
    response = alice_client.post(
        reverse("qa:question_edit", args=[question.pk]), _ask_data(title="")
    )
    assert response.status_code == 400
    question.refresh_from_db()
    assert (question.title, question.body) == before


@pytest.mark.parametrize("body", ["", "   ", "z" * 40_000])
def test_bad_answer_body_gets_400_and_saves_nothing(
    body: str, question: Question, bob_client: Client
) -> None:
    response = bob_client.post(reverse("qa:answer_create", args=[question.pk]), {"body": body})
    assert response.status_code == 400
    assert not Answer.objects.exists()


def test_answer_reply_and_edit_through_views(
    question: Question, bob_client: Client, alice_client: Client
) -> None:
    response = bob_client.post(
        reverse("qa:answer_create", args=[question.pk]), {"body": "Own the on-call rotation."}
    )
    answer = Answer.objects.get()
    assert response["Location"].endswith(f"#answer-{answer.pk}")
    alice_client.post(reverse("qa:reply_create", args=[answer.pk]), {"body": "Thanks!"})
    reply = Answer.objects.get(parent=answer)
    assert reply.author.username == "alice"
    bob_client.post(reverse("qa:answer_edit", args=[answer.pk]), {"body": "Own on-call."})
    answer.refresh_from_db()
    assert answer.body == "Own on-call." and answer.revisions.count() == 2
    history = bob_client.get(reverse("qa:answer_history", args=[answer.pk]))
    assert b"Own the on-call rotation." in history.content


def test_like_with_htmx_returns_the_button_and_without_redirects(
    question: Question, bob_client: Client
) -> None:
    url = reverse("qa:question_like", args=[question.pk])
    fragment = bob_client.post(url, HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200
    assert b'aria-pressed="true"' in fragment.content and b"<html" not in fragment.content
    plain = bob_client.post(url)
    assert plain.status_code == 302
    question.refresh_from_db()
    assert question.like_count == 0


def test_liking_a_deleted_post_is_404_and_own_post_400(
    question: Question, answer: Answer, alice_client: Client, bob_client: Client
) -> None:
    assert alice_client.post(reverse("qa:question_like", args=[question.pk])).status_code == 400
    services.answer_delete(answer=answer, actor=answer.author)
    assert alice_client.post(reverse("qa:answer_like", args=[answer.pk])).status_code == 404
    services.question_delete(question=question, actor=question.author)
    assert bob_client.post(reverse("qa:question_like", args=[question.pk])).status_code == 404


def test_delete_is_soft_and_hides_the_page(question: Question, alice_client: Client) -> None:
    alice_client.post(reverse("qa:question_delete", args=[question.pk]))
    assert Question.objects.filter(pk=question.pk, is_deleted=True).exists()
    assert alice_client.get(question.get_absolute_url()).status_code == 404


def test_anonymous_question_never_shows_the_author(alice: User, client: Client, bob: User) -> None:
    anonymous = services.question_create(
        author=alice,
        title="Is my rating fair?",
        body="Details",
        topics=list(Topic.objects.filter(slug="mid-level")),
        is_anonymous=True,
        card=services.ContextCard(level=alice.level),
    )
    reply_target = make_answer(anonymous, bob)
    reply = make_answer(anonymous, alice, parent=reply_target, body="Thank you, that helps")
    services.answer_edit(answer=reply, editor=alice, body="Thank you, that helps a lot")
    pages = [
        client.get(anonymous.get_absolute_url()),
        client.get(reverse("qa:topic", args=["mid-level"])),
        client.get(reverse("home")),
        client.get(reverse("qa:question_history", args=[anonymous.pk])),
        client.get(reverse("qa:answer_history", args=[reply.pk])),
    ]
    for response in pages:
        assert response.status_code == 200
        html = response.content.decode()
        assert "Alice Chen" not in html
        assert "/members/alice/" not in html
    assert "Anonymous member" in pages[0].content.decode()
    assert "Anonymous (asker)" in pages[0].content.decode()
    # Her public profile lists neither the question nor her reply on it.
    profile = client.get(reverse("accounts:profile", args=["alice"])).content.decode()
    assert "Is my rating fair?" not in profile
    # She sees it on her own profile, marked as anonymous.
    client.force_login(alice)
    own = client.get(reverse("accounts:profile", args=["alice"])).content.decode()
    assert "Is my rating fair?" in own and "only you see this" in own
