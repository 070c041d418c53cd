"""@mentions in questions, answers and replies: the links they become, and who is told.

The write services render a post's body with `post_body_render`, which links each mention
of an active member to their profile (rung/accounts/mentions.py decides who is one), and
after the write they announce the members mentioned with `mentions_announce`, which
publishes `events.MembersMentioned` for the notifications to come. The links are stored
in `body_html` like the rest of the rendering: a member who joins after a post named them
is linked at its next edit, and a deactivated member's link stays until then.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rung.accounts.mentions import MentionLinks, mentioned_members
from rung.accounts.models import User
from rung.core.markdown import render_markdown
from rung.qa import events
from rung.qa.models import Post
from rung.qa.posts import post_kind, post_question_id

# At most this many members are told of one post (or one edit of it), the first mentioned:
# a post that names fifty people is a broadcast, not a mention. Every mention of a member
# is linked all the same, up to the renderer's own bound (rung.core.mentions.NAMES_MAX).
MENTIONS_ANNOUNCED = 10


@dataclass(frozen=True)
class RenderedBody:
    """A post body's HTML, and the active members it mentions, in order of first mention."""

    html: str
    mentioned_ids: tuple[int, ...]


def post_body_render(body: str) -> RenderedBody:
    """Render a post's Markdown with its mentions of members as links to their profiles."""
    links = MentionLinks()
    html = render_markdown(body, mentions=links)
    return RenderedBody(html, tuple(member.pk for member in links.members))


def mentioned_ids(body: str) -> set[int]:
    """Return the ids of the active members a post's Markdown mentions."""
    return {member.pk for member in mentioned_members(body)}


def mentions_announce(
    *, post: Post, actor: User, mentioned: Sequence[int], before: Iterable[int] = ()
) -> tuple[int, ...]:
    """Publish who a post newly mentions, leaving out its author, the actor and `before`.

    `before` holds the members the post already mentioned (an edit's previous text).
    Returns the ids announced, at most MENTIONS_ANNOUNCED; nothing is published for none.
    """
    skipped = {post.author_id, actor.pk, *before}
    user_ids = tuple(pk for pk in mentioned if pk not in skipped)[:MENTIONS_ANNOUNCED]
    if user_ids:
        events.publish(
            events.MembersMentioned(
                question_id=post_question_id(post),
                actor_id=actor.pk,
                author_id=post.author_id,
                kind=post_kind(post),
                post_id=post.pk,
                user_ids=user_ids,
            )
        )
    return user_ids
