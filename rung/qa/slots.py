"""Where apps above qa add to a question's page and to every post."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise

from rung.core.slots import Slot
from rung.qa.models import Question

# Below the answers and the answer form: similar questions (search), and the like.
question_page_end: Slot[Question] = Slot("end of a question's page")

# Next to the question's outcome, for the asker alone and never cached: what the asker can
# do with it elsewhere (growth adds "Add to my work log").
outcome_actions: Slot[Question] = Slot("beside a question's outcome, for its asker")


@dataclass(frozen=True)
class PostAction:
    """A link an app above qa adds to every post's actions (flag, moderate, and the like).

    `url(kind, pk)` gives the address for a post of a kind ("question", "answer",
    "reply"); `kinds` limits the action to some kinds. Members who did not write the post
    see it, or only moderators when `moderators_only` is set. It depends on nothing but
    the post and those two facts about the reader, so it is safe in cached fragments,
    which are kept apart for authors and moderators.
    """

    name: str
    label: str | Promise
    url: Callable[[str, int], str]
    kinds: frozenset[str] = frozenset({"question", "answer", "reply"})
    moderators_only: bool = False
    order: int = 100


_post_actions: dict[str, PostAction] = {}


def post_action_register(action: PostAction) -> None:
    """Add an action; a second one under the same name replaces the first."""
    _post_actions[action.name] = action


def post_actions_for(kind: str, *, is_author: bool, is_moderator: bool) -> list[PostAction]:
    """Return the actions a reader gets under a post of `kind`, in order."""
    return [
        action
        for action in sorted(_post_actions.values(), key=lambda a: (a.order, a.name))
        if kind in action.kinds and (is_moderator if action.moderators_only else not is_author)
    ]
