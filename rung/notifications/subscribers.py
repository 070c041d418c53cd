"""The notifications app's answers to qa's post events and growth's plan events.

Every handler runs after the write commits and only enqueues a task (or removes rows that
must go at once), so posting never waits for however many members are to be told.
Notices about a post that is deleted, hidden or held go away with it; a post published
again after review is announced then, once.
"""

from rung.growth import events as plan_events
from rung.notifications import services, tasks
from rung.qa import events


def _asked(event: events.QuestionAsked) -> None:
    tasks.question_asked.enqueue(event.question_id)


def _answered(event: events.AnswerPosted) -> None:
    tasks.answer_posted.enqueue(event.answer_id)


def _helpful(event: events.HelpfulMarked) -> None:
    if event.marked:
        tasks.helpful_marked.enqueue(event.answer_id, event.actor_id)
    else:
        services.notices_forget(kind="helpful", answer_id=event.answer_id)


def _liked(event: events.PostLiked) -> None:
    if event.liked:
        tasks.post_liked.enqueue(event.kind, event.post_id, event.actor_id)


def _question_deleted(event: events.QuestionDeleted) -> None:
    services.notices_forget(question_id=event.question_id)


def _answer_deleted(event: events.AnswerDeleted) -> None:
    services.notices_forget(answer_id=event.answer_id)


def _visibility(event: events.PostVisibilityChanged) -> None:
    if event.visibility != "published":
        if event.kind == "question":
            services.notices_forget(question_id=event.post_id)
        else:
            services.notices_forget(answer_id=event.post_id)
    elif event.previous == "held":
        # Held posts were announced to nobody; now they are out, announce them once.
        if event.kind == "question":
            tasks.question_asked.enqueue(event.post_id, True)
        else:
            tasks.answer_posted.enqueue(event.post_id, True)


def _mentioned(event: events.MembersMentioned) -> None:
    tasks.members_mentioned.enqueue(event.kind, event.post_id, list(event.user_ids))


def _invited(event: events.AnswerInvited) -> None:
    tasks.answer_invited.enqueue(event.invitation_id)


def _invitation_declined(event: events.AnswerInvitationDeclined) -> None:
    services.notices_forget(
        recipient_id=event.invitee_id, kind="invitation", question_id=event.question_id
    )


def _outcome(event: events.OutcomePosted) -> None:
    tasks.outcome_posted.enqueue(event.question_id, event.outcome_id, event.edited)


def _plan_shared(event: plan_events.PlanShared) -> None:
    if event.member_id is not None:
        tasks.plan_shared.enqueue(event.share_id)


def _share_ended(event: plan_events.ShareRevoked | plan_events.ShareDeclined) -> None:
    """A member who no longer sees the plan keeps no notice about it."""
    if event.member_id is not None:
        services.notices_forget(
            recipient_id=event.member_id,
            kind__in=["plan_shared", "plan_comment"],
            data__plan_id=event.plan_id,
        )
    services.notices_forget(share_id=event.share_id)


def _plan_comment(event: plan_events.PlanCommentPosted) -> None:
    tasks.plan_comment.enqueue(event.comment_id)


def _plan_comment_deleted(event: plan_events.PlanCommentDeleted) -> None:
    services.notices_forget(kind="plan_comment", data__comment_id=event.comment_id)


def subscribe() -> None:
    events.subscribe(events.QuestionAsked, _asked)
    events.subscribe(events.AnswerPosted, _answered)
    events.subscribe(events.HelpfulMarked, _helpful)
    events.subscribe(events.PostLiked, _liked)
    events.subscribe(events.QuestionDeleted, _question_deleted)
    events.subscribe(events.AnswerDeleted, _answer_deleted)
    events.subscribe(events.PostVisibilityChanged, _visibility)
    events.subscribe(events.OutcomePosted, _outcome)
    events.subscribe(events.MembersMentioned, _mentioned)
    events.subscribe(events.AnswerInvited, _invited)
    events.subscribe(events.AnswerInvitationDeclined, _invitation_declined)
    plan_events.subscribe(plan_events.PlanShared, _plan_shared)
    plan_events.subscribe(plan_events.ShareRevoked, _share_ended)
    plan_events.subscribe(plan_events.ShareDeclined, _share_ended)
    plan_events.subscribe(plan_events.PlanCommentPosted, _plan_comment)
    plan_events.subscribe(plan_events.PlanCommentDeleted, _plan_comment_deleted)
