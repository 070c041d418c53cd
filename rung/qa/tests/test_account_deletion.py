"""Deleting a member takes their questions and their private rating scales with them."""

import pytest

from rung.accounts.models import User
from rung.ladder.models import Axis, RatingChoice, RatingScale
from rung.qa.models import ContextRating, Question
from rung.qa.services import ContextCard
from rung.testing import make_card, make_member, make_question

pytestmark = pytest.mark.django_db


def _custom_scale(owner: User) -> RatingScale:
    scale = RatingScale.objects.create(
        slug=f"custom-{owner.username}", name="Acme ratings", is_preset=False, owner=owner
    )
    RatingChoice.objects.create(scale=scale, code="Top", label="Top", common_value=5, order=0)
    RatingChoice.objects.create(scale=scale, code="Low", label="Low", common_value=1, order=1)
    return scale


def test_member_whose_question_rates_on_their_own_scale_can_be_deleted() -> None:
    member = make_member("leaving")
    scale = _custom_scale(member)
    top = scale.choices.get(code="Top")
    question = make_question(
        member, card=ContextCard(scale=scale, ratings={Axis.objects.get(slug="impact"): top})
    )
    assert ContextRating.objects.filter(question=question, choice=top).exists()

    member.delete()

    assert not User.objects.filter(pk=member.pk).exists()
    assert not RatingScale.objects.filter(pk=scale.pk).exists()
    assert not RatingChoice.objects.filter(scale_id=scale.pk).exists()
    assert not Question.objects.filter(pk=question.pk).exists()
    assert not ContextRating.objects.filter(question_id=question.pk).exists()


def test_deleting_a_member_leaves_other_members_questions_on_preset_scales() -> None:
    leaving = make_member("leaving")
    _custom_scale(leaving)
    staying = make_member("staying")
    kept = make_question(staying, card=make_card())  # rated on a shared preset scale
    leaving.delete()
    assert Question.objects.filter(pk=kept.pk).exists()
    assert ContextRating.objects.filter(question=kept).count() == 3
