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
from rung.qa.models import Post, Visibility

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


def readable(post: Post, viewer: Viewer) -> bool:
    """Say whether a viewer may read one post, as `readable_q` filters its table."""
    if post.is_deleted:
        return False
    if post.visibility == Visibility.PUBLISHED or sees_everything(viewer):
        return True
    return viewer is not None and viewer.is_authenticated and post.author_id == viewer.pk


def readable_answers_q(viewer: Viewer, prefix: str = "") -> Q:
    """Return the filter for answers and replies a viewer may read, with their question."""
    parent = f"{prefix}parent__"
    return (
        readable_q(viewer, prefix)
        & readable_q(viewer, f"{prefix}question__")
        & (Q(**{f"{parent}isnull": True}) | readable_q(viewer, parent))
    )


# For queries compiled once (rung/core/prepared_sql.py), a reader is one of three kinds,
# and the filters differ by kind alone: anyone (published posts), a member who may also
# read their own held or hidden posts (their id is a parameter), or a moderator, who reads
# every post that is not deleted.
READER_ANYONE, READER_OWN, READER_EVERYTHING = "anyone", "own", "everything"


def reader_kind(viewer: Viewer) -> tuple[str, list[int]]:
    """Return the reader's kind and the parameters it adds to their queries."""
    if viewer is None or not viewer.is_authenticated:
        return READER_ANYONE, []
    if sees_everything(viewer):
        return READER_EVERYTHING, []
    return READER_OWN, [viewer.pk]


def reader_stand_in(kind: str, marker: int | None) -> Viewer:
    """Return a reader of this kind to write a query with, its id the marker."""
    if kind == READER_ANYONE:
        return None
    member = User(pk=marker, is_active=True, is_superuser=kind == READER_EVERYTHING)
    member._rung_in_moderators = kind == READER_EVERYTHING  # type: ignore[attr-defined]
    return member
