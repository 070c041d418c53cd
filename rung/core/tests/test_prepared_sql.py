"""Reads compiled once give what the ORM gives, with new values each time."""

from typing import Any

import pytest
from django.db.models import Q

from rung.accounts.models import User
from rung.core.prepared_sql import PreparedRows
from rung.qa.models import Question, Topic
from rung.testing import make_member, make_question

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
