"""Questions, answers and replies answer alike to the post helpers, and share one base."""

import pytest
from django.core.exceptions import PermissionDenied

from rung.accounts.models import User
from rung.qa.access import answer_for_editor, question_for_editor
from rung.qa.models import Answer, Question
from rung.qa.posts import post_kind, post_model, post_question, post_question_id
from rung.testing import make_answer, make_question

pytestmark = pytest.mark.django_db


def test_each_post_names_its_kind_and_its_question(alice: User, bob: User) -> None:
    """A question is its own question; an answer and a reply belong to the one they are on."""
    question = make_question(alice)
    answer = make_answer(question, bob)
    reply = make_answer(question, alice, parent=answer)
    assert [post_kind(post) for post in (question, answer, reply)] == [
        "question",
        "answer",
        "reply",
    ]
    assert {post_question_id(post) for post in (question, answer, reply)} == {question.pk}
    assert all(post_question(post) == question for post in (question, answer, reply))


def test_each_kind_is_stored_in_its_table() -> None:
    """Replies live in the answers' table."""
    assert [post_model(kind) for kind in ("question", "answer", "reply")] == [
        Question,
        Answer,
        Answer,
    ]


def test_likes_and_revisions_are_the_posts_own(alice: User, bob: User) -> None:
    """`post.revisions` and `post.likes` find the rows of that post only."""
    question = make_question(alice)
    answer = make_answer(question, bob, body="First words")
    assert [r.body for r in answer.revisions.all()] == ["First words"]
    assert [r.title for r in question.revisions.all()] == [question.title]
    assert not question.likes.exists() and not answer.likes.exists()


def test_only_the_author_gets_a_post_to_change(alice: User, bob: User) -> None:
    """The access helpers answer for a member, with no request: 403 to anyone else."""
    question = make_question(alice)
    answer = make_answer(question, bob)
    assert question_for_editor(alice, question.pk) == question
    assert answer_for_editor(bob, answer.pk) == answer
    with pytest.raises(PermissionDenied):
        question_for_editor(bob, question.pk)
    with pytest.raises(PermissionDenied):
        answer_for_editor(alice, answer.pk)
