"""Who hears of a post event, worked out by the task worker from the rows as they are now.

Each function takes ids, reads the post, and stops quietly when it is gone, unpublished or
deleted by the time the worker gets to it. Followers are read in chunks through an
iterator, so a level watched by a hundred thousand members costs flat memory.
"""

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone

from rung.growth.models import Comment, Goal, GrowthPlan, Share
from rung.notifications import services
from rung.notifications.models import Follow, WatchLevel
from rung.qa.models import (
    Answer,
    AnswerInvitation,
    Like,
    Outcome,
    Post,
    Question,
    Visibility,
)
from rung.qa.outcomes import outcome_prompts_due, outcome_prompts_mark
from rung.qa.posts import post_author_hidden


def _visible[P: Post](post: P | None) -> P | None:
    if post is None or post.is_deleted or post.visibility != Visibility.PUBLISHED:
        return None
    return post


def _question(question_id: int) -> Question | None:
    return _visible(Question.objects.filter(pk=question_id).first())


def shown_actor(question: Question, actor_id: int) -> int | None:
    """The actor a notice may name: nobody when it is the anonymous asker."""
    if question.is_anonymous and actor_id == question.author_id:
        return None
    return actor_id


def muted_on(question: Question, topic_ids: Iterable[int]) -> set[int]:
    """Members who muted the question or any of its topics: muting wins over watching."""
    return set(
        Follow.objects.filter(level=WatchLevel.MUTED)
        .filter(Q(question_id=question.pk) | Q(topic_id__in=list(topic_ids)))
        .values_list("user_id", flat=True)
    )


def _followers(**target: object) -> Iterator[int]:
    return (
        Follow.objects.filter(level=WatchLevel.WATCHING, **target)
        .order_by()
        .values_list("user_id", flat=True)
        .iterator(chunk_size=services.CHUNK)
    )


def question_asked(question_id: int, *, released: bool = False) -> None:
    """`released`: published now after review, so news now, whatever the post's date."""
    question = _question(question_id)
    if question is None:
        return
    services.watch_automatically(question.author_id, question.pk)
    topic_ids = list(question.topics.values_list("pk", flat=True))
    muted = muted_on(question, topic_ids)
    exclude = muted | {question.author_id}
    key = f"question:{question.pk}"
    first_topic = topic_ids[0] if topic_ids else None
    actor = shown_actor(question, question.author_id)
    seen: set[int] = set()

    def watchers() -> Iterator[int]:
        # One member watching two of the question's topics is told once.
        for pk in _followers(topic_id__in=topic_ids):
            if pk not in seen:
                seen.add(pk)
                yield pk

    services.notify(
        watchers(),
        kind="watched_question",
        event_key=key,
        exclude=exclude,
        actor_id=actor,
        question_id=question.pk,
        topic_id=first_topic,
        when=None if released else question.created_at,
    )
    if not question.is_anonymous:
        # Followers of an anonymous asker never hear of the question: that would name them.
        services.notify(
            _followers(member_id=question.author_id),
            kind="member_posted",
            event_key=key,
            exclude=exclude | seen,
            actor_id=question.author_id,
            question_id=question.pk,
            when=None if released else question.created_at,
        )


def answer_posted(answer_id: int, *, released: bool = False) -> None:
    answer = _visible(
        Answer.objects.select_related("question", "parent").filter(pk=answer_id).first()
    )
    if answer is None or _visible(answer.question) is None:
        return
    question = answer.question
    actor = shown_actor(question, answer.author_id)
    key = f"answer:{answer.pk}"
    common: dict[str, Any] = {
        "event_key": key,
        "actor_id": actor,
        "question_id": question.pk,
        "answer_id": answer.pk,
        "when": None if released else answer.created_at,
    }
    muted = muted_on(question, question.topics.values_list("pk", flat=True))
    exclude = muted | {answer.author_id}
    if answer.parent_id is not None:
        assert answer.parent is not None
        services.notify([answer.parent.author_id], kind="reply", exclude=exclude, **common)
        return
    services.watch_automatically(answer.author_id, question.pk)
    told = set(services.notify([question.author_id], kind="answer", exclude=exclude, **common))
    watchers = set(_followers(question_id=question.pk)) - told - {question.author_id}
    told |= set(services.notify(watchers, kind="watched_answer", exclude=exclude, **common))
    if actor is not None:
        services.notify(
            _followers(member_id=answer.author_id),
            kind="member_posted",
            exclude=exclude | told,
            **common,
        )


def helpful_marked(answer_id: int, actor_id: int) -> None:
    answer = _visible(Answer.objects.select_related("question").filter(pk=answer_id).first())
    if answer is None or answer.question.accepted_answer_id != answer.pk:
        return
    # One answer holds the mark at a time: a notice about an earlier one is out of date.
    services.notices_forget(kind="helpful", question_id=answer.question_id, answer_id__ne=answer.pk)
    services.notify(
        [answer.author_id],
        kind="helpful",
        event_key=f"helpful:{answer.pk}",
        actor_id=shown_actor(answer.question, actor_id),
        question_id=answer.question_id,
        answer_id=answer.pk,
    )


def post_liked(kind: str, post_id: int, actor_id: int) -> None:
    post: Question | Answer | None
    if kind == "question":
        post = _visible(Question.objects.filter(pk=post_id).first())
        question_id = post_id
    else:
        post = _visible(Answer.objects.filter(pk=post_id).first())
        question_id = post.question_id if post is not None else 0
    if post is None or post.author_id == actor_id:
        return
    like = Like.objects.filter(user_id=actor_id, **{kind if kind == "question" else "answer": post})
    liked_at = like.values_list("created_at", flat=True).first()
    # Taken back before the worker got here, or an old like brought in by an import.
    if liked_at is None or timezone.now() - liked_at > services.IMPORTED_AFTER:
        return
    services.notice_like(
        recipient_id=post.author_id,
        actor_id=actor_id,
        kind=kind,
        post_id=post.pk,
        question_id=question_id,
    )


# --- mentions and invitations ----------------------------------------------------------------


def _post_of(kind: str, post_id: int) -> Question | Answer | None:
    if kind == "question":
        return _visible(Question.objects.filter(pk=post_id).first())
    return _visible(Answer.objects.select_related("question").filter(pk=post_id).first())


def members_mentioned(kind: str, post_id: int, user_ids: list[int]) -> None:
    """Tell the members a post mentions, if they can still read it and did not mute it."""
    post = _post_of(kind, post_id)
    if post is None:
        return
    question = post if isinstance(post, Question) else post.question
    if _visible(question) is None:
        return
    muted = muted_on(question, question.topics.values_list("pk", flat=True))
    services.notify(
        user_ids,
        kind="mention",
        event_key=f"mention:{kind}:{post_id}",
        exclude=muted,
        actor_id=None if post_author_hidden(post) else post.author_id,
        question_id=question.pk,
        answer_id=None if isinstance(post, Question) else post.pk,
    )


def answer_invited(invitation_id: int) -> None:
    """Tell the invitee, while the invitation stands and the question takes answers."""
    invitation = (
        AnswerInvitation.objects.select_related("question")
        .filter(pk=invitation_id, declined_at=None)
        .first()
    )
    if invitation is None or _visible(invitation.question) is None:
        return
    question = invitation.question
    services.notify(
        [invitation.invitee_id],
        kind="invitation",
        event_key=f"invitation:{invitation.pk}",
        actor_id=shown_actor(question, invitation.inviter_id),
        question_id=question.pk,
    )


# --- outcomes ------------------------------------------------------------------------------


def outcome_posted(question_id: int, outcome_id: int, edited: bool) -> None:
    """Tell everyone who answered that the asker said what happened (not again on an edit
    that keeps the same kind: the event says `edited`, and one notice per outcome is kept)."""
    question = _question(question_id)
    outcome = Outcome.objects.filter(pk=outcome_id, question_id=question_id).first()
    if question is None or outcome is None:
        return
    answerers = (
        Answer.objects.filter(question=question, is_deleted=False, visibility=Visibility.PUBLISHED)
        .exclude(author_id=question.author_id)
        .order_by()
        .values_list("author_id", flat=True)
        .distinct()
    )
    muted = muted_on(question, question.topics.values_list("pk", flat=True))
    key = f"outcome:{outcome.pk}:{outcome.kind}"
    services.notify(
        list(answerers),
        kind="outcome",
        event_key=key,
        exclude=muted | {question.author_id},
        actor_id=shown_actor(question, question.author_id),
        question_id=question.pk,
        data={"outcome": outcome.kind},
        when=outcome.edited_at or outcome.created_at,
    )


def outcome_prompts(now: datetime | None = None) -> int:
    """Ask the askers whose questions reached the prompt age what happened; return how many.

    Each question is claimed before its asker is told, so two workers never ask twice.
    """
    now = now or timezone.now()
    asked = 0
    while due := outcome_prompts_due(now):
        claimed = outcome_prompts_mark(due, now)
        if not claimed:
            break  # another worker holds these and will ask
        for question_id, author_id in Question.objects.filter(pk__in=claimed).values_list(
            "pk", "author_id"
        ):
            asked += len(
                services.notify(
                    [author_id],
                    kind="outcome_prompt",
                    event_key=f"outcome_prompt:{question_id}",
                    question_id=question_id,
                )
            )
    return asked


# --- growth plans --------------------------------------------------------------------------


def _plan_data(plan: GrowthPlan, goal: Goal | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"plan_id": plan.pk, "plan": plan.public_id, "owner_id": plan.owner_id}
    if goal is not None:
        data["goal"] = goal.public_id
    return data


def plan_shared(share_id: int) -> None:
    """Tell the member a plan was shared with, while the invitation still stands."""
    share = Share.objects.select_related("plan").filter(pk=share_id, revoked_at=None).first()
    if share is None or share.grantee_id is None:
        return
    services.notify(
        [share.grantee_id],
        kind="plan_shared",
        event_key=f"plan_shared:{share.pk}",
        actor_id=share.plan.owner_id,
        share_id=share.pk,
        data=_plan_data(share.plan),
    )


def plan_comment(comment_id: int) -> None:
    """Tell the plan's owner and everyone it is shared with now, except the comment's author."""
    comment = Comment.objects.select_related("goal__plan").filter(pk=comment_id).first()
    if comment is None:
        return
    plan = comment.goal.plan
    data = {**_plan_data(plan, comment.goal), "comment_id": comment.pk}
    key = f"plan_comment:{comment.pk}"
    services.notify(
        [plan.owner_id],
        kind="plan_comment",
        event_key=key,
        actor_id=comment.author_id,
        data=data,
    )
    for share_id, grantee_id in (
        Share.objects.filter(plan=plan, revoked_at=None, accepted_at__isnull=False)
        .exclude(grantee_id=None)
        .values_list("pk", "grantee_id")
    ):
        services.notify(
            [grantee_id],
            kind="plan_comment",
            event_key=key,
            actor_id=comment.author_id,
            share_id=share_id,
            data=data,
        )
