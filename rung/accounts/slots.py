"""Where apps above accounts add to a member's public profile and to the members directory."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

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


# In the profile's header, beside the member's name: the member's standing at a glance
# (reputation and badges, from reputation).
profile_highlights: Slot[User] = Slot("member profile highlights")


@dataclass(frozen=True)
class DirectoryExtension:
    """What an app above accounts adds to the members directory (reputation sets it).

    - `expertise_choices()`: the topics a reader may filter by, as (slug, name) pairs.
    - `annotate(members, expertise)`: when `expertise` names a topic, only members with a
      record there, annotated with `expertise_points` (one subquery, so a page stays a
      fixed number of queries). Reputation itself is on each member's row.
    - `decorate(members)`: set `top_expertise` (a short list) on a page's members, in one
      query for the whole page.
    """

    expertise_choices: Callable[[], list[tuple[str, str]]]
    annotate: Callable[[QuerySet[User], str], QuerySet[User]]
    decorate: Callable[[Sequence[User]], None]
    # Pages about the same people that the directory links to, as (url, label) pairs.
    links: Callable[[], Sequence[tuple[str, str]]] = tuple


_directory_extension: DirectoryExtension | None = None


def directory_extension_set(extension: DirectoryExtension | None) -> None:
    """Say what the directory adds about reputation and expertise (reputation sets it)."""
    global _directory_extension
    _directory_extension = extension


def directory_extension() -> DirectoryExtension | None:
    return _directory_extension
