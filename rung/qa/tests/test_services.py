"""Behaviour of the question and answer services, independent of any view."""

import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.text import slugify

from rung.accounts.models import User
from rung.ladder.models import Axis, Level, RatingScale
from rung.qa import services
from rung.qa.models import Answer, Question, QuestionTopic, Revision, Topic
from rung.testing import make_answer, make_card, make_question

pytestmark = pytest.mark.django_db


def topics(*slugs: str) -> list[Topic]:
    return list(Topic.objects.filter(slug__in=slugs))


def test_question_create_saves_card_ratings_placements_and_first_revision(alice: User) -> None:
    question = make_question(alice, topics=["mid-level", "promotions"], card=make_card())
    question.refresh_from_db()
    assert question.ctx_level == Level.objects.get(slug="mid-level")
    ratings = {
        r.axis.slug: r.choice.code for r in question.ratings.select_related("axis", "choice")
    }
    assert ratings == {"impact": "E", "teamwork": "M+", "technical-skills": "M"}
    assert set(question.placements.values_list("topic__slug", flat=True)) == {
        "mid-level",
        "promotions",
    }
    assert Topic.objects.get(slug="promotions").question_count == 1
    assert Revision.objects.filter(question=question).count() == 1
    assert "<p>" in question.body_html
    assert question.excerpt


def test_double_submit_with_one_token_creates_one_question(alice: User) -> None:
    token = uuid.uuid4()
    first = make_question(alice, submit_token=token, title="Same?", body="Same body")
    second = make_question(alice, submit_token=token, title="Same?", body="Same body")
    assert first.pk == second.pk
    assert Question.objects.count() == 1


def test_a_reused_token_with_new_content_still_posts(
    alice: User, bob: User, question: Question
) -> None:
    """A form served from a cached page may repeat a token; a different post is not a repeat."""
    token = uuid.uuid4()
    first = make_answer(question, bob, body="First thought", submit_token=token)
    again = make_answer(question, bob, body="First thought", submit_token=token)
    second = make_answer(question, bob, body="Second thought", submit_token=token)
    assert first.pk == again.pk != second.pk
    assert Answer.objects.filter(question=question).count() == 2


@pytest.mark.parametrize("count", [0, 6])
def test_topic_count_outside_one_to_five_is_refused(alice: User, count: int) -> None:
    chosen = list(Topic.objects.all()[:count])
    with pytest.raises(ValidationError):
        services.question_create(author=alice, title="T?", body="B", topics=chosen)
    assert not Question.objects.exists()


def test_rating_not_on_the_chosen_scale_is_refused(alice: User) -> None:
    other = RatingScale.objects.get(slug="one-to-five")
    card = make_card(scale=other)  # ratings are E/M+/M codes from the e-m-i scale
    with pytest.raises(ValidationError):
        make_question(alice, card=card)
    assert not Question.objects.exists()


def test_negative_years_are_refused(alice: User) -> None:
    with pytest.raises(ValidationError):
        make_question(alice, card=make_card(years=-1))


def test_anonymous_question_is_labelled_by_level(alice: User) -> None:
    question = make_question(alice, card=make_card(), is_anonymous=True)
    assert question.anonymous_label == "Anonymous Mid-level engineer"


def test_a_questions_address_follows_its_title(alice: User, question: Question) -> None:
    """The slug is kept per title, so a retitled question's links carry the new one."""
    assert question.get_absolute_url() == f"/questions/{question.pk}/{slugify(question.title)}/"
    services.question_edit(
        question=question,
        editor=alice,
        title="A sharper title, after feedback?",
        body=question.body,
        topics=topics("mid-level"),
        card=make_card(),
        is_anonymous=False,
    )
    question.refresh_from_db()
    assert question.get_absolute_url() == (
        f"/questions/{question.pk}/a-sharper-title-after-feedback/"
    )
    # A title with nothing to slug (Chinese, say) has the plain address.
    question.title = "如何准备晋升答辩？"
    assert question.get_absolute_url() == f"/questions/{question.pk}/"


def test_edit_keeps_every_revision(alice: User, question: Question) -> None:
    services.question_edit(
        question=question,
        editor=alice,
        title="A sharper title?",
        body="New body",
        topics=topics("senior"),
        card=make_card(),
        is_anonymous=False,
    )
    question.refresh_from_db()
    assert question.title == "A sharper title?"
    assert question.edited_at is not None
    assert list(question.revisions.values_list("title", flat=True))[-1] == "A sharper title?"
    assert question.revisions.count() == 2
    assert list(question.placements.values_list("topic__slug", flat=True)) == ["senior"]
    assert Topic.objects.get(slug="mid-level").question_count == 0


def test_editing_someone_elses_question_changes_nothing(bob: User, question: Question) -> None:
    with pytest.raises(PermissionDenied):
        services.question_edit(
            question=question,
            editor=bob,
            title="Hijacked",
            body="x",
            topics=topics("senior"),
            card=make_card(),
            is_anonymous=False,
        )
    question.refresh_from_db()
    assert question.title != "Hijacked"
    assert question.revisions.count() == 1


def test_delete_hides_question_from_feeds_and_counts(alice: User, question: Question) -> None:
    services.question_delete(question=question, actor=alice)
    assert not QuestionTopic.objects.filter(question=question, is_visible=True).exists()
    assert Topic.objects.get(slug="mid-level").question_count == 0
    assert Question.objects.filter(pk=question.pk, is_deleted=True).exists()


def test_answers_count_only_visible_top_level_posts(
    alice: User, bob: User, question: Question
) -> None:
    answer = make_answer(question, bob)
    reply = make_answer(question, alice, parent=answer)
    nested = make_answer(question, bob, parent=reply)
    assert nested.parent_id == answer.pk, "a reply to a reply joins the answer's thread"
    question.refresh_from_db()
    assert question.answer_count == 1
    assert QuestionTopic.objects.filter(question=question, answer_count=1).count() == 2
    services.answer_delete(answer=answer, actor=bob)
    question.refresh_from_db()
    assert question.answer_count == 0


def test_like_toggles_once_per_member(bob: User, question: Question) -> None:
    assert services.like_toggle(user=bob, target=question) == (True, 1)
    assert services.like_toggle(user=bob, target=question) == (False, 0)
    assert services.like_toggle(user=bob, target=question) == (True, 1)
    assert QuestionTopic.objects.filter(question=question, like_count=1).count() == 2


def test_liking_own_or_deleted_post_is_refused(alice: User, bob: User, question: Question) -> None:
    with pytest.raises(ValidationError):
        services.like_toggle(user=alice, target=question)
    answer = make_answer(question, bob)
    services.answer_delete(answer=answer, actor=bob)
    answer.refresh_from_db()
    with pytest.raises(ValidationError):
        services.like_toggle(user=alice, target=answer)
    assert answer.like_count == 0


def test_only_the_asker_marks_most_helpful_and_it_toggles(
    alice: User, bob: User, charlie: User, question: Question
) -> None:
    answer = make_answer(question, bob)
    with pytest.raises(PermissionDenied):
        services.answer_mark_helpful(question=question, answer=answer, actor=charlie)
    assert services.answer_mark_helpful(question=question, answer=answer, actor=alice) is True
    question.refresh_from_db()
    assert question.accepted_answer_id == answer.pk
    assert services.answer_mark_helpful(question=question, answer=answer, actor=alice) is False


def test_deleting_the_helpful_answer_unmarks_it(alice: User, bob: User, question: Question) -> None:
    answer = make_answer(question, bob)
    services.answer_mark_helpful(question=question, answer=answer, actor=alice)
    services.answer_delete(answer=answer, actor=bob)
    question.refresh_from_db()
    assert question.accepted_answer_id is None


def test_a_reply_cannot_be_marked_helpful(alice: User, bob: User, question: Question) -> None:
    answer = make_answer(question, bob)
    reply = make_answer(question, bob, parent=answer)
    with pytest.raises(ValidationError):
        services.answer_mark_helpful(question=question, answer=reply, actor=alice)


def test_answer_edit_keeps_revisions(bob: User, charlie: User, question: Question) -> None:
    answer = make_answer(question, bob)
    services.answer_edit(answer=answer, editor=bob, body="Better advice")
    with pytest.raises(PermissionDenied):
        services.answer_edit(answer=answer, editor=charlie, body="Vandalism")
    answer.refresh_from_db()
    assert answer.body == "Better advice"
    assert list(answer.revisions.values_list("body", flat=True)) == [
        "Pick one system nobody owns and become its owner.",
        "Better advice",
    ]


def test_answering_a_deleted_question_is_refused(
    alice: User, bob: User, question: Question
) -> None:
    services.question_delete(question=question, actor=alice)
    with pytest.raises(ValidationError):
        make_answer(question, bob)
    assert not Answer.objects.exists()


def test_context_card_axes_come_from_the_ladder() -> None:
    assert list(Axis.objects.values_list("slug", flat=True)) == [
        "impact",
        "teamwork",
        "technical-skills",
        "leadership-ownership",
    ]
