"""What badges hear from qa: after each write that may earn one, a check in the worker.

Each handler runs once the write commits and only enqueues; the check reads everything
again from the database, so a missed or repeated event costs nothing but a check.
"""

from rung.qa import events
from rung.reputation.badge_tasks import badges_check, badges_check_outcome


def _check_author(event: events.PostEvent) -> None:
    badges_check.enqueue(event.author_id, event.question_id)


def _check_liked(event: events.PostLiked) -> None:
    if event.liked:
        badges_check.enqueue(event.author_id, event.question_id)


def _check_marked(event: events.HelpfulMarked) -> None:
    if event.marked:
        badges_check.enqueue(event.author_id, event.question_id)


def _check_published(event: events.PostVisibilityChanged) -> None:
    if event.visibility == "published":
        badges_check.enqueue(event.author_id, event.question_id)


def _check_outcome(event: events.OutcomePosted) -> None:
    badges_check_outcome.enqueue(event.question_id)


def subscribe() -> None:
    # New posts, and posts that became public: an edit may drop anonymity, a moderator
    # may publish a held post, a corrected language may complete a pair.
    for event_type in (
        events.QuestionAsked,
        events.QuestionEdited,
        events.AnswerPosted,
        events.LanguageCorrected,
    ):
        events.subscribe(event_type, _check_author)
    events.subscribe(events.PostLiked, _check_liked)
    events.subscribe(events.HelpfulMarked, _check_marked)
    events.subscribe(events.PostVisibilityChanged, _check_published)
    events.subscribe(events.OutcomePosted, _check_outcome)
