"""The demo-content command fills an empty database and leaves a full one alone."""

import re
from typing import Any, cast

import pytest
from django.core.management import CommandError, call_command

from rung.accounts.models import User
from rung.demo.data_more import MORE_QUESTIONS
from rung.qa.models import Answer, ContextRating, Like, Outcome, Question, Topic
from rung.testing import make_member, make_question

pytestmark = pytest.mark.django_db


def test_demo_content_fills_every_topic_with_consistent_counts() -> None:
    call_command("demo_content")
    questions = Question.objects.all()
    assert questions.count() >= 40
    assert questions.filter(language="zh-hans").count() >= 5
    assert ContextRating.objects.exists() and Like.objects.exists()
    assert Answer.objects.filter(parent__isnull=False).exists(), "replies exist"
    assert User.objects.exclude(headline="").count() >= 10
    for topic in Topic.objects.all():
        assert topic.question_count == topic.placements.filter(is_visible=True).count() >= 3
    for question in questions:
        visible = question.answers.filter(parent=None, is_deleted=False).count()
        assert question.answer_count == visible
        assert question.like_count == question.likes.count()
        assert question.view_count > 0
    # The core story is there.
    story = Question.objects.get(
        ratings__axis__slug="impact", ratings__choice__code="E", title__icontains="leadership"
    )
    assert story.ctx_level is not None and story.ctx_level.slug == "mid-level"
    # Some askers said what happened, in the language they asked in, after the answers.
    outcomes = Outcome.objects.select_related("question")
    assert outcomes.filter(question__language="en").count() >= 2
    assert outcomes.filter(question__language="zh-hans", question__is_anonymous=True).exists()
    for outcome in outcomes:
        assert outcome.question.answer_count > 0
        last_answer = outcome.question.answers.order_by("-created_at").first()
        assert last_answer is not None and outcome.created_at > last_answer.created_at
    # Each outcome names an answer that helped, and reputation was computed from it all.
    assert all(outcome.helped_count == 1 for outcome in outcomes)
    from rung.reputation.models import Credit, TopicStanding

    assert Credit.objects.filter(reason="outcome").count() == outcomes.count()
    assert User.objects.filter(reputation__gt=100).count() >= 5
    assert TopicStanding.objects.filter(topic__slug="mid-level", points__gt=0).count() >= 3
    # Some members proved where they work; badges were awarded from the posts.
    assert User.objects.get(username="mei").verified_companies == ["Meta"]
    from rung.accounts.selectors import members_to_mail
    from rung.reputation.models import BadgeAward

    assert members_to_mail().filter(username="mei").exists()
    assert BadgeAward.objects.filter(badge="first_answer").count() >= 10
    assert BadgeAward.objects.filter(badge="promotion").exists()
    # Demo members are established, so trying the demo is not trying a brand-new account;
    # grace moderates, so the review queue can be tried too.
    from rung.accounts.roles import is_moderator, is_new_member

    demo_members = User.objects.filter(email__endswith="@demo.rung.invalid")
    assert demo_members.count() >= 10
    assert not any(is_new_member(member) for member in demo_members)
    assert [m.username for m in demo_members if is_moderator(m)] == ["grace"]


def test_demo_content_refuses_a_database_with_questions_and_if_empty_skips() -> None:
    """One question of a member's own is enough to keep the demo out."""
    make_question(make_member())
    with pytest.raises(CommandError):
        call_command("demo_content")
    call_command("demo_content", if_empty=True)
    assert Question.objects.count() == 1 and User.objects.count() == 1


def test_demo_content_gives_a_chinese_reader_plenty_of_chinese() -> None:
    """The newest questions mix both languages, and every engineer level and every subject
    has Chinese threads of its own."""
    call_command("demo_content")
    newest = list(Question.objects.order_by("-created_at")[:20])
    chinese = sum(question.language == "zh-hans" for question in newest)
    assert 8 <= chinese <= 12, chinese
    for slug in ["junior", "mid-level", "senior", "staff", "principal"]:
        topic = Topic.objects.get(slug=slug)
        assert topic.placements.filter(question__language="zh-hans").count() >= 2, slug
    for topic in Topic.objects.filter(level__isnull=True):
        assert topic.placements.filter(question__language="zh-hans").exists(), topic.slug
    mid_level = Topic.objects.get(slug="mid-level").placements.order_by("-created_at")[:20]
    assert sum(p.question.language == "zh-hans" for p in mid_level) >= 8


def test_the_added_threads_each_stay_in_one_language() -> None:
    """A Chinese thread is answered in Chinese and an English one in English."""
    cjk = re.compile("[\u4e00-\u9fff]")
    for question in cast(list[dict[str, Any]], MORE_QUESTIONS):
        posts = [question["body"]]
        for answer in question["answers"]:
            posts += [answer["body"], *(reply["body"] for reply in answer["replies"])]
        for text in posts:
            share = len(cjk.findall(text)) / len(text)
            assert (share > 0.2) == (question["language"] == "zh-hans"), question["title"]
