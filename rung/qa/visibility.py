"""Who may read a post: published posts for everyone, held and hidden ones for few.

A post that is not deleted is readable by anyone when published. Held (waiting for
review) and hidden posts are readable only by their author, who sees a notice, and by
moderators, who see a badge. An answer is readable only when its question is, and a
reply only when its answer is too: a thread goes with its head. Selectors build their
filters here, so every list, page and count agrees.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from rung.accounts.models import User
from rung.accounts.roles import is_moderator
from rung.qa.models import Answer, Post, Question, Visibility

Viewer = User | AnonymousUser | None


def sees_everything(viewer: Viewer) -> bool:
    """Say whether a viewer reads held and hidden posts of anyone (moderators)."""
    return is_moderator(viewer)


def readable_q(viewer: Viewer, prefix: str = "") -> Q:
    """Return the filter for posts of one table (at `prefix`) that a viewer may read."""
    alive = Q(**{f"{prefix}is_deleted": False})
    if sees_everything(viewer):
        return alive
    published = Q(**{f"{prefix}visibility": Visibility.PUBLISHED})
    if viewer is not None and viewer.is_authenticated:
        published |= Q(**{f"{prefix}author_id": viewer.pk})
    return alive & published


def readable_answers_q(viewer: Viewer, prefix: str = "") -> Q:
    """Return the filter for answers and replies a viewer may read, with their question."""
    parent = f"{prefix}parent__"
    return (
        readable_q(viewer, prefix)
        & readable_q(viewer, f"{prefix}question__")
        & (Q(**{f"{parent}isnull": True}) | readable_q(viewer, parent))
    )


def post_readable(viewer: Viewer, post: Post) -> bool:
    """Say whether a viewer may read one post, looked at alone."""
    if post.is_deleted:
        return False
    if post.is_published or sees_everything(viewer):
        return True
    return viewer is not None and viewer.is_authenticated and post.author_id == viewer.pk


def question_readable(viewer: Viewer, question: Question) -> bool:
    return post_readable(viewer, question)


def answer_readable(viewer: Viewer, answer: Answer) -> bool:
    """Say whether a viewer may read an answer or reply, and the question and thread it is in."""
    if not post_readable(viewer, answer) or not post_readable(viewer, answer.question):
        return False
    return answer.parent is None or post_readable(viewer, answer.parent)


def notice_for(viewer: Viewer, post: Post) -> str:
    """Return how a post that is not published is marked for this viewer.

    "author" for its author (a notice that says what to do), "moderator" for a moderator
    (a badge), "" for a published post.
    """
    if post.is_published:
        return ""
    if viewer is not None and viewer.is_authenticated and post.author_id == viewer.pk:
        return "author"
    return "moderator"
