"""What happens to who sees a growth plan and to the talk on it, announced to apps above growth.

growth's sharing services (rung/growth/services/sharing.py) publish one event after each
write that someone else may want to hear of: an invitation, its answer, a revoked share,
a comment posted or deleted. Apps above growth (notifications) subscribe from their own
`AppConfig.ready()`; growth never imports them. As with qa's post events
(rung/qa/events.py), a subscriber runs after the commit, and never after a rollback,
unless it asks for `in_transaction=True`; the dispatch is rung/core/events.py.

Events carry ids and small values, never model instances. A plan is private: only its
owner and the people it is shared with (an accepted, unrevoked share) may be told
anything about it, and a subscriber checks that when it acts, since a share may be
revoked between the event and the task that reads it. Each event says who may be told.
Invitations by email address name no member (`member_id` is None): growth mails the
address itself, nobody is told in-app, and the owner never learns whose address it was
unless its holder accepts.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from rung.core import events as dispatch


@dataclass(frozen=True)
class PlanEvent:
    """Something happened around one growth plan; `owner_id` owns it."""

    plan_id: int
    owner_id: int


@dataclass(frozen=True)
class PlanShared(PlanEvent):
    """The owner invited someone to see the plan, to read or to comment (`role`).

    May be told: the invited member (`member_id`), who sees the plan once they accept.
    None for an invitation by email address: growth mails the address a link of its own,
    so nobody is told in-app.
    """

    share_id: int
    member_id: int | None
    role: str  # growth.models.ShareRole: "read" or "comment"
    include_reviews: bool


@dataclass(frozen=True)
class ShareAccepted(PlanEvent):
    """The invited member accepted: they now see the plan.

    May be told: the owner, by the member's name (accepting by an emailed link is when
    the owner learns whose address it was).
    """

    share_id: int
    member_id: int


@dataclass(frozen=True)
class ShareDeclined(PlanEvent):
    """The invitee declined; the invitation row is gone, so `share_id` no longer exists.

    May be told: the owner. `member_id` is the member the invitation named, or None for one
    sent to an email address: its holder stays unknown to the owner when they decline.
    """

    share_id: int
    member_id: int | None


@dataclass(frozen=True)
class ShareRevoked(PlanEvent):
    """The owner ended a share, or withdrew an invitation not yet answered (`was_accepted`).

    May be told: the member it was shared with (`member_id`), who no longer sees the plan;
    None for an invitation by email address nobody accepted, and then nobody is told.
    """

    share_id: int
    member_id: int | None
    was_accepted: bool


@dataclass(frozen=True)
class PlanCommentPosted(PlanEvent):
    """A comment on one of the plan's goals, or (`parent_id`) a reply to one.

    May be told: the owner and the people the plan is shared with, now, except the author.
    """

    comment_id: int
    goal_id: int
    author_id: int
    parent_id: int | None


@dataclass(frozen=True)
class PlanCommentDeleted(PlanEvent):
    """A comment was deleted by its author or the plan's owner (`actor_id`); the row is gone.

    May be told: the same people as for the comment (whoever was told of it may drop that
    notice); its replies stay, as comments of their own.
    """

    comment_id: int
    goal_id: int
    author_id: int
    actor_id: int


_subscribers: dispatch.Registry = defaultdict(list)


def subscribe[E: PlanEvent](
    event_type: type[E], handler: Callable[[E], None], *, in_transaction: bool = False
) -> None:
    """Call `handler` with every event of `event_type`, after the commit unless `in_transaction`.

    Subscribing the same handler twice to one type is a no-op, so `ready()` may run again.
    """
    dispatch.add(_subscribers, event_type, handler, in_transaction)


def subscribers(event_type: type[PlanEvent]) -> list[tuple[dispatch.Subscriber, bool]]:
    """Return who listens to an event type, in the order they subscribed."""
    return list(_subscribers[event_type])


def publish(event: PlanEvent) -> None:
    """Hand an event to its subscribers: the in-transaction ones now, the rest on commit."""
    dispatch.dispatch(_subscribers, event)
