"""Reads for the index pages (levels, topics) and the counts profiles and the members
directory show, each in a fixed number of queries whatever the number of rows.

Every count here is of what anyone may read: published, not deleted posts, leaving out
anonymous questions and what their askers write under them, so a count never reveals a
post that its page does not show. A member looking at their own profile gets their own
totals, which include their anonymous and pending posts.
"""

from dataclasses import dataclass
from typing import Literal

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.expressions import Combinable, OrderBy
from django.db.models.functions import Coalesce, Lower

from rung.accounts.models import User
from rung.qa.models import Answer, Question, QuestionTopic, Topic
from rung.qa.visibility import readable_answers_q, readable_q

TopicSort = Literal["popular", "name", "new"]
TOPIC_SORTS: tuple[TopicSort, ...] = ("popular", "name", "new")


def level_topics() -> list[Topic]:
    """Return every level's topic with its level and track, tracks in order, levels by rank."""
    return list(
        Topic.objects.filter(kind=Topic.Kind.LEVEL, level__isnull=False)
        .select_related("level", "level__track")
        .order_by("level__track__order", "level__track__pk", "level__rank", "pk")
    )


def topic_index(*, query: str = "", sort: TopicSort = "popular") -> list[Topic]:
    """Return every topic matching `query`, each with `last_asked`: its newest visible question.

    `last_asked` is one index seek per topic (the feed's own newest-first index).
    """
    newest = (
        QuestionTopic.objects.filter(topic=OuterRef("pk"), is_visible=True)
        .order_by("-created_at", "-question_id")
        .values("created_at")[:1]
    )
    topics = Topic.objects.select_related("level").annotate(last_asked=Subquery(newest))
    if query:
        topics = topics.filter(
            Q(name__icontains=query) | Q(tagline__icontains=query) | Q(description__icontains=query)
        )
    order: list[str | Combinable | OrderBy]
    if sort == "name":
        order = [Lower("name"), "pk"]
    elif sort == "new":
        order = [F("last_asked").desc(nulls_last=True), Lower("name"), "pk"]
    else:
        order = [F("question_count").desc(), Lower("name"), "pk"]
    return list(topics.order_by(*order))


def _public_answers() -> QuerySet[Answer]:
    """Answers and replies anyone may read, less those written under one's own anonymous
    question (they would unmask its asker)."""
    return Answer.objects.filter(readable_answers_q(None)).exclude(
        question__is_anonymous=True, question__author=F("author")
    )


def member_answer_totals(members: QuerySet[User]) -> QuerySet[User]:
    """Annotate members with `answer_total`: their answers anyone may read, in one subquery."""
    answers = (
        _public_answers()
        .filter(author=OuterRef("pk"), parent=None)
        .order_by()
        .values("author")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return members.annotate(answer_total=Coalesce(Subquery(answers), 0))


@dataclass(frozen=True)
class MemberActivity:
    questions: int
    answers: int
    replies: int
    # Answers of theirs that an asker marked most helpful.
    helpful: int
    # Counted for the member themselves, with their anonymous and pending posts.
    is_own: bool


def member_activity(member: User, *, viewer: User | AnonymousUser) -> MemberActivity:
    """Count a member's posts as a viewer may see them, in two queries."""
    is_own = viewer.is_authenticated and viewer.pk == member.pk
    if is_own:
        questions = Question.objects.filter(readable_q(member), author=member)
        posts = Answer.objects.filter(readable_answers_q(member), author=member)
    else:
        # Moderators see held posts on the pages, but counts stay what anyone may read.
        questions = Question.objects.filter(readable_q(None), author=member, is_anonymous=False)
        posts = _public_answers().filter(author=member)
    counts = posts.aggregate(
        answers=Count("pk", filter=Q(parent=None)),
        replies=Count("pk", filter=Q(parent__isnull=False)),
        helpful=Count("pk", filter=Q(parent=None, question__accepted_answer=F("pk"))),
    )
    return MemberActivity(
        questions=questions.count(),
        answers=counts["answers"],
        replies=counts["replies"],
        helpful=counts["helpful"],
        is_own=is_own,
    )
