"""Moderation's writes on posts: visibility, locking, closing as a duplicate, moving, mass delete.

They live beside services.py and keep its lock order (the question's row, then the post,
then topics in key order) and its rule that each write bumps the versions of what it
changes and publishes one event. The moderation app above qa decides when to call them
and records who did; lock, close, reopen, move and mass delete check here that the actor
is a moderator. `post_visibility_set` does not: moderation also calls it on a member's
behalf (a new post held for review, a post hidden by flags), so its callers decide.
"""

from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.accounts.roles import is_moderator
from rung.qa import events
from rung.qa.models import Answer, Post, Question, Topic, Visibility
from rung.qa.posts import post_kind, post_question_id
from rung.qa.services import (
    _answer_soft_delete,
    _is_listed,
    _lock_question,
    _lock_topics,
    _place_in_topics,
    _question_soft_delete,
    _recount_answers,
    _sync_placements,
    _touch,
    _validate_topics,
)

REASON_MAX_LENGTH = 300


def _check_moderator(actor: User) -> None:
    if not is_moderator(actor):
        raise PermissionDenied(_("Only moderators can do that."))


def _already(visibility: str) -> str:
    return {
        Visibility.PUBLISHED: _("This post is already published."),
        Visibility.HELD: _("This post is already waiting for review."),
        Visibility.HIDDEN: _("This post is already hidden."),
    }[Visibility(visibility)]


@transaction.atomic
def post_visibility_set(*, post: Post, visibility: str, actor: User, reason: str = "") -> None:
    """Publish, hold or hide a post; counts, feeds, caches and search follow.

    Raises ValidationError when the post is deleted or already in that state.
    """
    if visibility not in Visibility.values:
        raise ValidationError(_("Choose published, waiting for review or hidden."))
    reason = reason.strip()
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(
            _("Keep the reason under %(max)d characters.") % {"max": REASON_MAX_LENGTH}
        )
    question = _lock_question(post_question_id(post))
    fresh: Post
    if isinstance(post, Question):
        fresh = question
    else:
        fresh = Answer.objects.select_for_update().get(pk=post.pk)
    if fresh.is_deleted:
        raise ValidationError(_("This post was deleted."))
    previous = fresh.visibility
    if previous == visibility:
        raise ValidationError(_already(visibility))
    was_listed = _is_listed(question)
    fresh.visibility = visibility
    fresh.visibility_reason = "" if visibility == Visibility.PUBLISHED else reason
    fresh.save(update_fields=["visibility", "visibility_reason"])
    if isinstance(fresh, Question):
        _sync_placements(question)
        now_listed = _is_listed(question)
        if was_listed != now_listed:
            topic_ids = _lock_topics(question.placements.values_list("topic_id", flat=True))
            Topic.objects.filter(pk__in=topic_ids).update(
                question_count=F("question_count") + (1 if now_listed else -1)
            )
    elif isinstance(fresh, Answer) and fresh.parent_id is None:
        _recount_answers(question)
    _touch(question)
    post.visibility = fresh.visibility
    post.visibility_reason = fresh.visibility_reason
    events.publish(
        events.PostVisibilityChanged(
            question_id=question.pk,
            actor_id=actor.pk,
            author_id=fresh.author_id,
            kind=post_kind(fresh),
            post_id=fresh.pk,
            visibility=fresh.visibility,  # type: ignore[arg-type]
            previous=previous,  # type: ignore[arg-type]
            reason=fresh.visibility_reason,
        )
    )


@transaction.atomic
def question_lock_set(*, question: Question, actor: User, locked: bool) -> None:
    """Lock a question against new answers and replies, or unlock it."""
    _check_moderator(actor)
    question = _lock_question(question.pk)
    if question.is_deleted:
        raise ValidationError(_("This question was deleted."))
    if locked and question.locked_at is not None:
        raise ValidationError(_("This question is already locked."))
    if not locked and question.locked_at is None:
        raise ValidationError(_("This question is not locked."))
    question.locked_at = timezone.now() if locked else None
    question.save(update_fields=["locked_at"])
    _touch(question)
    events.publish(
        events.QuestionLocked(
            question_id=question.pk,
            actor_id=actor.pk,
            author_id=question.author_id,
            locked=locked,
        )
    )


@transaction.atomic
def question_close_as_duplicate(*, question: Question, duplicate_of: Question, actor: User) -> None:
    """Close a question as a duplicate of a published one; its page links to the original."""
    _check_moderator(actor)
    if duplicate_of.pk == question.pk:
        raise ValidationError(_("A question cannot be a duplicate of itself."))
    # Both rows, in key order, so two moderators closing a pair the other way round queue.
    first, second = sorted([question.pk, duplicate_of.pk])
    locked = {pk: _lock_question(pk) for pk in (first, second)}
    question, original = locked[question.pk], locked[duplicate_of.pk]
    if question.is_deleted:
        raise ValidationError(_("This question was deleted."))
    if original.is_deleted:
        raise ValidationError(_("The original question was deleted."))
    if original.visibility != Visibility.PUBLISHED:
        raise ValidationError(_("The original question is not published."))
    if original.closed_at is not None:
        # Closing against a closed question could make a loop; point to its original.
        raise ValidationError(
            _("That question is itself closed as a duplicate; choose the question it points to.")
        )
    if question.closed_at is not None and question.duplicate_of_id == original.pk:
        raise ValidationError(_("This question is already closed as a duplicate of that one."))
    question.duplicate_of = original
    question.closed_at = timezone.now()
    question.save(update_fields=["duplicate_of", "closed_at"])
    _touch(question)
    events.publish(
        events.QuestionClosed(
            question_id=question.pk,
            actor_id=actor.pk,
            author_id=question.author_id,
            duplicate_of_id=original.pk,
        )
    )


@transaction.atomic
def question_reopen(*, question: Question, actor: User) -> None:
    """Reopen a question closed as a duplicate."""
    _check_moderator(actor)
    question = _lock_question(question.pk)
    if question.is_deleted:
        raise ValidationError(_("This question was deleted."))
    if question.closed_at is None:
        raise ValidationError(_("This question is not closed."))
    question.duplicate_of = None
    question.closed_at = None
    question.save(update_fields=["duplicate_of", "closed_at"])
    _touch(question)
    events.publish(
        events.QuestionClosed(
            question_id=question.pk,
            actor_id=actor.pk,
            author_id=question.author_id,
            duplicate_of_id=None,
        )
    )


@transaction.atomic
def question_topics_set(*, question: Question, topics: Sequence[Topic], actor: User) -> None:
    """Move a question to other topics (1 to 5); feeds and topic counts follow."""
    _check_moderator(actor)
    wanted = _validate_topics(topics)
    question = _lock_question(question.pk)
    if question.is_deleted:
        raise ValidationError(_("This question was deleted."))
    previous = tuple(sorted(question.placements.values_list("topic_id", flat=True)))
    topic_ids = tuple(sorted(topic.pk for topic in wanted))
    if previous == topic_ids:
        raise ValidationError(_("The question is already in those topics."))
    _lock_topics([*previous, *topic_ids])
    _touch(question)  # the topics it leaves
    _place_in_topics(question, wanted)
    _touch(question)  # the topics it joins
    events.publish(
        events.QuestionMoved(
            question_id=question.pk,
            actor_id=actor.pk,
            author_id=question.author_id,
            topic_ids=topic_ids,
            previous_topic_ids=previous,
        )
    )


@transaction.atomic
def member_posts_delete(*, member: User, actor: User) -> int:
    """Delete every question, answer and reply a member wrote; return how many.

    Each is deleted as its author's own delete would be, with its event, so feeds,
    counts and the search index drop it in the same transaction.
    """
    _check_moderator(actor)
    deleted = 0
    question_ids = list(
        Question.objects.filter(author=member, is_deleted=False)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for question_id in question_ids:
        question = _lock_question(question_id)
        if not question.is_deleted:
            _question_soft_delete(question, actor)
            deleted += 1
    answers_by_question: dict[int, list[int]] = {}
    for answer_id, question_id in (
        Answer.objects.filter(author=member, is_deleted=False)
        .order_by("question_id", "pk")
        .values_list("pk", "question_id")
    ):
        answers_by_question.setdefault(question_id, []).append(answer_id)
    for question_id, answer_ids in answers_by_question.items():
        question = _lock_question(question_id)
        for answer in Answer.objects.select_for_update().filter(pk__in=answer_ids).order_by("pk"):
            if not answer.is_deleted:
                _answer_soft_delete(question, answer, actor)
                deleted += 1
    return deleted
