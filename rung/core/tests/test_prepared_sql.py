"""Reads compiled once give what the ORM gives, with new values each time."""

from typing import Any

import pytest
from django.db.models import F, Q

from rung.accounts.models import User
from rung.core.prepared_sql import PreparedModels, PreparedRows
from rung.qa.models import Answer, Question, Topic
from rung.testing import make_answer, make_member, make_question

pytestmark = pytest.mark.django_db


def test_rows_match_the_orm_for_each_value(django_assert_num_queries: Any) -> None:
    read = PreparedRows(lambda pk: Topic.objects.filter(pk=pk).values_list("slug", "order"))
    topics = list(Topic.objects.all()[:3])
    assert topics
    for topic in topics:
        with django_assert_num_queries(1):
            rows = read.rows(topic.pk)
        assert rows == list(Topic.objects.filter(pk=topic.pk).values_list("slug", "order"))
    assert read.rows(-1) == []


@pytest.mark.parametrize(
    "columns",
    [("feed_version", "question_count", "slug"), ("slug", "question_count", "feed_version")],
)
def test_columns_come_in_the_order_asked(columns: tuple[str, ...]) -> None:
    """Topic's queryset (modeltranslation's) selects columns from a set; rows keep the order."""
    topic = Topic.objects.get(slug="mid-level")
    Topic.objects.filter(pk=topic.pk).update(feed_version=7, question_count=3)
    read = PreparedRows(lambda pk: Topic.objects.filter(pk=pk).values_list(*columns))
    expected = {"feed_version": 7, "question_count": 3, "slug": "mid-level"}
    assert read.rows(topic.pk) == [tuple(expected[name] for name in columns)]


def test_values_are_converted_as_the_orm_converts_them(alice: User) -> None:
    question = make_question(alice)
    read = PreparedRows(
        lambda pk: Question.objects.filter(pk=pk).values_list("created_at", "is_anonymous")
    )
    assert read.rows(question.pk) == list(
        Question.objects.filter(pk=question.pk).values_list("created_at", "is_anonymous")
    )
    created, anonymous = read.rows(question.pk)[0]
    assert created.tzinfo is not None and anonymous is False


def test_fixed_values_stay_and_several_parameters_take_their_places() -> None:
    erin, gina = make_member("erin"), make_member("gina")
    read = PreparedRows(
        lambda first, second: (
            User.objects.filter(pk__in=[first, second], is_active=True)
            .order_by("username")
            .values_list("username")
        ),
        2,
    )
    assert read.rows(gina.pk, erin.pk) == [("erin",), ("gina",)]
    User.objects.filter(pk=gina.pk).update(is_active=False)
    assert read.rows(erin.pk, gina.pk) == [("erin",)]


def test_a_parameter_used_twice_is_refused() -> None:
    read = PreparedRows(
        lambda pk: Topic.objects.filter(Q(pk=pk) | Q(level_id=pk)).values_list("slug")
    )
    with pytest.raises(ValueError):
        read.rows(1)


def test_a_text_parameter_takes_its_place() -> None:
    read = PreparedRows(lambda slug: Topic.objects.filter(slug=slug).values_list("pk"))
    topic = Topic.objects.get(slug="mid-level")
    assert read.rows("mid-level") == [(topic.pk,)]
    assert read.rows("no-such-topic") == []
    # A slug that looks like the marker is a value like any other.
    assert read.rows("-7300000001") == []


def _same_instances(prepared: list[Any], orm: list[Any], related: tuple[str, ...]) -> None:
    """Assert two lists of instances hold the same rows, related objects and annotations."""
    assert [type(obj) for obj in prepared] == [type(obj) for obj in orm]
    for mine, theirs in zip(prepared, orm, strict=True):
        assert mine.__dict__.keys() - {"_state"} == theirs.__dict__.keys() - {"_state"}
        for name, value in theirs.__dict__.items():
            if name != "_state":
                assert getattr(mine, name) == value, name
        assert not mine._state.adding and mine._state.db == theirs._state.db
        for path in related:
            mine_obj, theirs_obj = mine, theirs
            for step in path.split("__"):
                mine_obj, theirs_obj = getattr(mine_obj, step), getattr(theirs_obj, step)
            assert (mine_obj and mine_obj.pk) == (theirs_obj and theirs_obj.pk), path
            if theirs_obj is not None:
                assert mine_obj.__dict__.keys() == theirs_obj.__dict__.keys()


def test_models_match_the_orm_with_related_objects_and_annotations(
    alice: User, bob: User, django_assert_num_queries: Any
) -> None:
    question = make_question(alice)
    answers = [make_answer(question, bob), make_answer(question, alice)]
    related = ("author", "author__level", "question", "question__author")

    def build(question_id: int) -> Any:
        return (
            Answer.objects.filter(question_id=question_id)
            .select_related(*related)
            .annotate(doubled=F("like_count") * 2)
            .order_by("pk")
        )

    read = PreparedModels(build)
    for _ in range(2):  # compiled the first time, reused the second
        with django_assert_num_queries(1):
            rows = read.get(question.pk)
        with django_assert_num_queries(0):
            assert [row.author.username for row in rows] == ["bob", "alice"]
        _same_instances(rows, list(build(question.pk)), related)
    assert [row.pk for row in rows] == [answer.pk for answer in answers]
    assert read.get(-1) == []


def test_models_take_a_parameter_used_in_several_places(alice: User, bob: User) -> None:
    question = make_question(alice)
    mine, theirs = make_answer(question, alice), make_answer(question, bob)
    read = PreparedModels(
        lambda author, question_id: Answer.objects.filter(
            Q(author_id=author) | Q(question__author_id=author), question_id=question_id
        ).order_by("pk"),
        2,
    )
    assert [a.pk for a in read.get(alice.pk, question.pk)] == [mine.pk, theirs.pk]
    assert [a.pk for a in read.get(bob.pk, question.pk)] == [theirs.pk]
    with pytest.raises(TypeError):
        read.get(alice.pk)


def test_models_refuse_a_parameter_the_query_does_not_use() -> None:
    read = PreparedModels(lambda pk, unused: Topic.objects.filter(pk=pk), 2)
    with pytest.raises(ValueError):
        read.get(1, 2)
