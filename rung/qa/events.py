"""What happens to posts, announced to the apps that react to it.

qa's services publish one event after each write, from inside the write's transaction.
Apps above qa subscribe from their own `AppConfig.ready()`; qa never imports them. A
subscriber says when it runs:

- `in_transaction=True`: at once, inside the writing transaction, so its own writes
  commit or roll back with the post (search's index, the detected post language). Keep
  such work short and bounded: it holds the post's locks.
- otherwise (the default): once the transaction commits, and never if it rolls back.
  Anything slow or external (mail, notifications, webhooks) belongs here, and should
  itself only enqueue a task, so the request never waits for it.

Events carry ids and small values, never model instances: a subscriber reads what it
needs, and the same event can be put in a task or a webhook as it is. They are plain
frozen dataclasses, so mypy checks every field a subscriber reads. The dispatch itself is
rung/core/events.py, which growth's events (rung/growth/events.py) use too.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from rung.core import events as dispatch

PostKind = Literal["question", "answer", "reply"]


@dataclass(frozen=True)
class PostEvent:
    """Something happened to a post of one question, done by one member.

    `author_id` is who wrote the post the event is about (the answer for answer events,
    the liked post for likes), which may not be the actor: a moderator, say.
    """

    question_id: int
    actor_id: int
    author_id: int


@dataclass(frozen=True)
class QuestionAsked(PostEvent):
    pass


@dataclass(frozen=True)
class QuestionEdited(PostEvent):
    # False when only the context card, topics or anonymity changed, not the words.
    text_changed: bool


@dataclass(frozen=True)
class QuestionDeleted(PostEvent):
    pass


@dataclass(frozen=True)
class AnswerPosted(PostEvent):
    """An answer to the question, or (with `parent_id`) a reply to one of its answers."""

    answer_id: int
    parent_id: int | None


@dataclass(frozen=True)
class AnswerEdited(PostEvent):
    answer_id: int
    parent_id: int | None


@dataclass(frozen=True)
class AnswerDeleted(PostEvent):
    answer_id: int
    parent_id: int | None


@dataclass(frozen=True)
class PostLiked(PostEvent):
    """A like given (`liked`) or taken back, on the question or on one of its answers."""

    kind: PostKind
    post_id: int
    liked: bool
    like_count: int


@dataclass(frozen=True)
class AnswersReordered(PostEvent):
    """The answers' "most helpful first" order moved because their weights did (the
    reputation app weighs likes by the answerer's standing); `actor_id` and `author_id`
    are the asker's. Nothing a member wrote changed."""


@dataclass(frozen=True)
class HelpfulMarked(PostEvent):
    """The asker marked an answer most helpful (`marked`), or took the mark back."""

    answer_id: int
    marked: bool


@dataclass(frozen=True)
class LanguageCorrected(PostEvent):
    """The author or a moderator set a post's language by hand."""

    kind: PostKind
    post_id: int
    language: str


Visibility = Literal["published", "held", "hidden"]


@dataclass(frozen=True)
class PostVisibilityChanged(PostEvent):
    """A post was held for review, hidden, or published again (`previous` is what it was)."""

    kind: PostKind
    post_id: int
    visibility: Visibility
    previous: Visibility
    reason: str = ""


@dataclass(frozen=True)
class QuestionLocked(PostEvent):
    """A moderator locked the question against new answers (`locked`), or unlocked it."""

    locked: bool


@dataclass(frozen=True)
class QuestionClosed(PostEvent):
    """The question was closed as a duplicate of another, or reopened (`duplicate_of_id` None)."""

    duplicate_of_id: int | None


@dataclass(frozen=True)
class QuestionMoved(PostEvent):
    """A moderator moved the question to other topics."""

    topic_ids: tuple[int, ...]
    previous_topic_ids: tuple[int, ...]


@dataclass(frozen=True)
class OutcomePosted(PostEvent):
    """The asker said what happened after asking (`edited` when they changed what they said).

    `outcome_kind` is one of `qa.models.OutcomeKind`. The people to tell are those who
    answered or replied and may still read the question; on an anonymous question, never
    name the asker (`actor_id` and `author_id` are theirs).
    """

    outcome_id: int
    outcome_kind: str
    edited: bool


@dataclass(frozen=True)
class MembersMentioned(PostEvent):
    """A new post mentions members by @username, or an edit mentions them for the first time.

    `user_ids` are active members other than the post's author and the one who wrote or
    edited it (`actor_id`), in order of first mention, at most
    `rung.qa.mentions.MENTIONS_ANNOUNCED` (10) per post and write; on an edit, only those
    the text before it did not mention. `kind` and `post_id` name the post (the question,
    or an answer or reply of it).

    Subscribers must check anonymity before naming anyone: on an anonymous question
    (`Question.is_anonymous`), the question and its asker's own posts under it carry the
    asker as `author_id` and `actor_id`, for abuse handling, but pages never show who
    wrote them (`rung.qa.posts.post_author_hidden`), so neither may a notice. The post may
    also be held for review or hidden by the time a subscriber runs; tell a member only
    about a post they can read.
    """

    kind: PostKind
    post_id: int
    user_ids: tuple[int, ...]


@dataclass(frozen=True)
class AnswerInvited(PostEvent):
    """The asker (`actor_id`, also `author_id`) invited a member to answer the question.

    As with mentions, an anonymous question's asker must never be named to the invitee.
    """

    invitation_id: int
    invitee_id: int


@dataclass(frozen=True)
class AnswerInvitationDeclined(PostEvent):
    """The invitee (`actor_id`) declined an invitation to answer; `author_id` is the asker."""

    invitation_id: int
    invitee_id: int


Subscriber = dispatch.Subscriber
# Kept here, not in rung/core/events.py, so each app's events have a registry of their own.
_subscribers: dispatch.Registry = defaultdict(list)


def subscribe[E: PostEvent](
    event_type: type[E], handler: Callable[[E], None], *, in_transaction: bool = False
) -> None:
    """Call `handler` with every event of `event_type` (see the module for `in_transaction`).

    Subscribing the same handler twice to one type is a no-op, so `ready()` may run again.
    """
    dispatch.add(_subscribers, event_type, handler, in_transaction)


def subscribers(event_type: type[PostEvent]) -> list[tuple[Subscriber, bool]]:
    """Return who listens to an event type, in the order they subscribed."""
    return list(_subscribers[event_type])


def publish(event: PostEvent) -> None:
    """Hand an event to its subscribers: the in-transaction ones now, the rest on commit."""
    dispatch.dispatch(_subscribers, event)
