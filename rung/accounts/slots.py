"""Where apps above accounts add to a member's public profile and to the members directory."""

from collections.abc import Callable

from django.db.models import QuerySet

from rung.accounts.models import User
from rung.core.slots import Slot

# Below the profile's header: the member's activity and posts (qa), and later their
# standing and badges.
profile_sections: Slot[User] = Slot("member profile")

# In the profile's header, under the member's facts: what a reader can do about the member
# (follow them, from notifications).
profile_actions: Slot[User] = Slot("member profile actions")

# The members directory lists answer counts and sorts by them, but answers live in qa,
# above this app. qa names a function that annotates a queryset of members with
# `answer_total` (public answers only), in one subquery, so the directory's page stays one
# query whatever its size. Without it, counts are left out and "most answers" sorts by
# newest.
MemberAnnotator = Callable[[QuerySet[User]], QuerySet[User]]
_answer_totals: MemberAnnotator | None = None


def answer_totals_source_set(annotate: MemberAnnotator | None) -> None:
    """Say how to count members' public answers (qa sets it when it starts)."""
    global _answer_totals
    _answer_totals = annotate


def answer_totals_source() -> MemberAnnotator | None:
    return _answer_totals
