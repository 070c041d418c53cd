"""Reads of reputation: a member's totals and the credits behind them."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet, Sum

from rung.accounts.models import User
from rung.reputation import rules
from rung.reputation.models import Credit, CreditReason, Standing


@dataclass(frozen=True)
class Totals:
    public: int
    private: int

    @property
    def from_anonymous(self) -> int:
        return self.private - self.public


def member_totals(member: User) -> Totals:
    """Return a member's public reputation and their own total with anonymous posts."""
    row = Standing.objects.filter(member=member).values_list("reputation", "private_reputation")
    public, private = row.first() or (0, 0)
    return Totals(public, private)


@dataclass(frozen=True)
class ReasonLine:
    reason: str
    label: str
    count: int
    points: int
    anonymous: bool


def member_breakdown(member: User) -> list[ReasonLine]:
    """Return what each kind of credit adds up to, public and anonymous apart, largest first."""
    labels = dict(CreditReason.choices)
    rows = (
        Credit.objects.filter(member=member)
        .order_by()
        .values("reason", "anonymous")
        .annotate(n=Count("pk"), points=Sum("points"))
        .values_list("reason", "anonymous", "n", "points")
    )
    lines = [
        ReasonLine(reason, str(labels.get(reason, reason)), n, points, anonymous)
        for reason, anonymous, n, points in rows
    ]
    return sorted(lines, key=lambda line: (line.anonymous, -line.points, line.reason))


def member_credits(member: User) -> QuerySet[Credit]:
    """Return a member's credits, newest first, with the posts they name (for a paginator).

    Never the giver: who liked what stays private, as on the posts themselves.
    """
    return (
        Credit.objects.filter(member=member)
        .select_related("question", "answer")
        .only(
            "reason",
            "points",
            "anonymous",
            "created_at",
            "question__id",
            "question__title",
            "answer__id",
            "answer__parent_id",
        )
        .order_by("-created_at", "-pk")
    )


@dataclass(frozen=True)
class Rule:
    label: str
    points: int


def rules_table() -> list[Rule]:
    """Return what earns how much, for the page that explains it."""
    labels = dict(CreditReason.choices)
    return [
        Rule(str(labels[CreditReason.OUTCOME]), rules.OUTCOME_POINTS),
        Rule(str(labels[CreditReason.HELPFUL]), rules.HELPFUL_POINTS),
        Rule(str(labels[CreditReason.ANSWER_LIKED]), rules.ANSWER_LIKE_POINTS),
        Rule(str(labels[CreditReason.QUESTION_LIKED]), rules.QUESTION_LIKE_POINTS),
        Rule(str(labels[CreditReason.REPLY_LIKED]), rules.REPLY_LIKE_POINTS),
    ]
