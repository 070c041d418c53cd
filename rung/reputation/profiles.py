"""What a profile and the members directory show of reputation: the public total, badges
and expertise, each read in one query (a page of the directory too).

Everything here is public: `Standing.reputation` and `TopicStanding` count only posts under
the member's name, and badges are earned only by those (rung/reputation/badges.py). A
member without a row yet has 0 and no expertise.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, OuterRef, QuerySet, Subquery

from rung.accounts.models import User
from rung.qa.models import Topic
from rung.reputation.badges import BADGES, Badge
from rung.reputation.models import BadgeAward, Standing, TopicStanding

EXPERTISE_SHOWN = 5
# On a directory card, only the strongest topics, so the card stays short.
EXPERTISE_ON_CARD = 2


@dataclass(frozen=True)
class Reputation:
    public: int
    # With anonymous posts: shown to the member alone.
    private: int


def member_reputation(member: User) -> Reputation:
    row = Standing.objects.filter(member=member).values("reputation", "private_reputation")
    found = row.first()
    if found is None:
        return Reputation(0, 0)
    return Reputation(found["reputation"], found["private_reputation"])


@dataclass(frozen=True)
class ShownBadge:
    badge: Badge
    awarded_at: datetime


def member_badges(member: User) -> list[ShownBadge]:
    """Return the member's badges, gold first, each tier in the registry's order."""
    awards = dict(BadgeAward.objects.filter(member=member).values_list("badge", "awarded_at"))
    tier_order = {"gold": 0, "silver": 1, "bronze": 2}
    shown = [ShownBadge(badge, awards[badge.code]) for badge in BADGES if badge.code in awards]
    return sorted(shown, key=lambda item: tier_order[item.badge.tier])


def member_expertise(member: User, *, limit: int = EXPERTISE_SHOWN) -> list[TopicStanding]:
    """Return the topics (levels and subjects) the member answers most well, best first."""
    return list(
        TopicStanding.objects.filter(member=member, points__gt=0)
        .select_related("topic")
        .order_by("-points", "-helpful", "topic__name", "topic_id")[:limit]
    )


# The members directory (accounts.slots.DirectoryExtension) -------------------------------


def expertise_choices() -> list[tuple[str, str]]:
    """Every topic a reader may filter the directory by: levels first, then subjects."""
    return list(Topic.objects.order_by("kind", "order", "name").values_list("slug", "name"))


def directory_annotate(members: QuerySet[User], expertise: str) -> QuerySet[User]:
    """With a topic slug, keep only members with a record there, with `expertise_points`.

    Each member's public reputation is on their own row (`User.reputation`, which the
    ledger keeps), so the directory sorts by it with no join.
    """
    if expertise:
        there = TopicStanding.objects.filter(member=OuterRef("pk"), topic__slug=expertise)
        members = members.filter(Exists(there)).annotate(
            expertise_points=Subquery(there.values("points")[:1])
        )
    return members


@dataclass(frozen=True)
class CardTopic:
    name: str
    url: str


def directory_decorate(members: Sequence[User]) -> None:
    """Set `top_expertise` on each member of a page: their strongest topics, in one query."""
    tops: dict[int, list[CardTopic]] = {member.pk: [] for member in members}
    rows = (
        TopicStanding.objects.filter(member_id__in=list(tops), points__gt=0)
        .select_related("topic")
        .order_by("member_id", "-points", "topic__name", "topic_id")
    )
    for row in rows:
        shown = tops[row.member_id]
        if len(shown) < EXPERTISE_ON_CARD:
            shown.append(CardTopic(row.topic.name, row.topic.get_absolute_url()))
    for member in members:
        member.top_expertise = tops[member.pk]  # type: ignore[attr-defined]
