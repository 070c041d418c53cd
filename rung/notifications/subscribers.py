"""The notifications app's answers to qa's post events.

Every handler runs after the write commits and only enqueues a task (or removes rows that
must go at once), so posting never waits for however many members are to be told.
Notices about a post that is deleted, hidden or held go away with it; a post published
again after review is announced then, once.
"""

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


def subscribe() -> None:
    events.subscribe(events.QuestionAsked, _asked)
    events.subscribe(events.AnswerPosted, _answered)
    events.subscribe(events.HelpfulMarked, _helpful)
    events.subscribe(events.PostLiked, _liked)
    events.subscribe(events.QuestionDeleted, _question_deleted)
    events.subscribe(events.AnswerDeleted, _answer_deleted)
    events.subscribe(events.PostVisibilityChanged, _visibility)
