"""A submit that loses a race to its own form's token gets the winner's row, or keeps its own."""

import uuid

import pytest

from rung.accounts.models import User
from rung.core.submit_once import SubmitOnce, SubmitOnceForm
from rung.qa.models import Question

pytestmark = pytest.mark.django_db


def _race(alice: User, *, winner_title: str, loser_title: str) -> tuple[Question, Question]:
    """Check for an earlier row, let a twin submit save first, then save; return both rows."""
    token = uuid.uuid4()
    submit = SubmitOnce(Question.objects.filter(author=alice), token)
    assert submit.earlier(title=loser_title, body="Body") is None
    winner = Question.objects.create(
        author=alice, title=winner_title, body="Body", submit_token=token
    )
    loser = submit.save(
        Question(author=alice, title=loser_title, body="Body", body_html="", submit_token=token)
    )
    return winner, loser


def test_a_submit_that_loses_the_race_with_the_same_values_gets_the_winners_row(
    alice: User,
) -> None:
    winner, loser = _race(alice, winner_title="Same", loser_title="Same")
    assert loser.pk == winner.pk
    assert Question.objects.filter(author=alice).count() == 1


def test_a_submit_that_loses_the_race_with_other_values_is_saved_without_the_token(
    alice: User,
) -> None:
    """The same token with other text is another post typed into a reused form: both stay."""
    winner, loser = _race(alice, winner_title="First", loser_title="Second")
    assert loser.pk != winner.pk
    assert (loser.title, loser.submit_token) == ("Second", None)
    assert Question.objects.filter(author=alice).count() == 2


def test_each_unbound_form_gets_a_new_token_unless_one_is_given() -> None:
    given = uuid.uuid4()
    assert SubmitOnceForm().initial["submit_token"] != SubmitOnceForm().initial["submit_token"]
    assert SubmitOnceForm(initial={"submit_token": given}).initial["submit_token"] == given
    assert "submit_token" not in SubmitOnceForm({}).initial
