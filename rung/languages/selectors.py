"""Reads for the languages app."""

from dataclasses import dataclass

from django.http import Http404

from rung.languages.models import Translation
from rung.qa.access import answer_for_reader, question_for_reader
from rung.qa.models import Post, Question
from rung.qa.posts import post_kind
from rung.qa.visibility import Viewer

# --- translating posts ---------------------------------------------------------------------

TRANSLATION_KINDS = tuple(Translation.Kind.values)


@dataclass(frozen=True)
class PostText:
    """The text of a post at its newest revision: what a translation is made from."""

    kind: str
    post: Post
    # None only for posts created without a revision (bulk-loaded data); never cached.
    revision_id: int | None
    title: str
    body: str


def translation_kind(post: Post) -> str:
    """Return "question", "answer" or "reply" for a post."""
    return Translation.Kind(post_kind(post))


def post_for_translation(kind: str, pk: int, *, viewer: Viewer = None) -> Post:
    """Return a post the viewer may read, by kind, or raise 404 as its own page would."""
    post: Post
    if kind == Translation.Kind.QUESTION:
        post = question_for_reader(viewer, pk)
    else:
        post = answer_for_reader(viewer, pk)
        # An answer's id under "reply" (or the reverse) names nothing that exists.
        if translation_kind(post) != kind:
            raise Http404("No such post.")
    return post


def post_text(post: Post) -> PostText:
    """Return a post's newest revision, whose id keys the translation cache."""
    revision = post.revisions.order_by("-pk").only("pk", "title", "body").first()
    kind = translation_kind(post)
    if revision is None:
        title = post.title if isinstance(post, Question) else ""
        return PostText(kind=kind, post=post, revision_id=None, title=title, body=post.body)
    title = revision.title if kind == Translation.Kind.QUESTION else ""
    return PostText(kind=kind, post=post, revision_id=revision.pk, title=title, body=revision.body)


def translation_cached(text: PostText, *, source: str, target: str) -> Translation | None:
    """Return the stored translation of this revision into `target`, if one was made."""
    if text.revision_id is None:
        return None
    return Translation.objects.filter(
        kind=text.kind,
        object_id=text.post.pk,
        revision_id=text.revision_id,
        target_language=target,
        # A language corrected by hand since makes the old translation wrong.
        source_language=source,
    ).first()
