"""What reputation hears from qa: every write that can change what a question's posts earn.

Each handler runs once the write commits and only queues a recount of the question
(rung/reputation/tasks.py); the worker computes its credits again (ledger.py).
"""

from rung.qa import events
from rung.reputation.tasks import question_recount_task

# Likes and marks move credits; posts, deletions, moderation, moves and anonymity move
# what counts, and where.
RECOUNTED_AFTER: tuple[type[events.PostEvent], ...] = (
    events.QuestionEdited,
    events.QuestionDeleted,
    events.AnswerPosted,
    events.AnswerDeleted,
    events.PostLiked,
    events.HelpfulMarked,
    events.OutcomePosted,
    events.PostVisibilityChanged,
)


def _recount(event: events.PostEvent) -> None:
    question_recount_task.enqueue(event.question_id, [])


def _recount_moved(event: events.QuestionMoved) -> None:
    question_recount_task.enqueue(event.question_id, list(event.previous_topic_ids))


def subscribe() -> None:
    for event_type in RECOUNTED_AFTER:
        events.subscribe(event_type, _recount)
    events.subscribe(events.QuestionMoved, _recount_moved)
