"""Which members a text's @mentions name, and the links those mentions become.

The finding is the Markdown renderer's (rung/core/mentions.py: not in code, links or
e-mail addresses); this module says who the names are: active members, by username
without regard to case. A deactivated or suspended member's name stays plain text.
"""

from collections.abc import Mapping, Sequence

from rung.accounts.models import User
from rung.accounts.selectors import members_named
from rung.core.markdown import mention_names


class MentionLinks:
    """A resolver for `render_markdown(text, mentions=...)` that keeps who it found.

    After the rendering, `members` holds the members mentioned, each once, in order of
    first mention.
    """

    def __init__(self) -> None:
        self.members: list[User] = []

    def __call__(self, names: Sequence[str]) -> Mapping[str, str]:
        named = members_named(names)
        seen: set[int] = set()
        for name in names:
            member = named.get(name)
            if member is not None and member.pk not in seen:
                seen.add(member.pk)
                self.members.append(member)
        return {name: member.get_absolute_url() for name, member in named.items()}


def mentioned_members(text: str) -> list[User]:
    """Return the active members a Markdown text mentions, each once, in order of mention."""
    links = MentionLinks()
    links(mention_names(text))
    return links.members
