"""What apps above qa add under a post: links that are the same for every reader
(`{% post_actions post "answer" %}`) and controls of the reader's own
(`{% reader_post_parts post "answer" %}`)."""

from typing import Any

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from rung.qa.fragments import reader_post_slot
from rung.qa.models import Post
from rung.qa.posts import post_question_id
from rung.qa.slots import PostRef, post_actions_for, reader_post_parts

register = template.Library()


@register.simple_tag(takes_context=True)
def post_actions(context: dict[str, Any], post: Post, kind: str) -> SafeString:
    """Render the registered actions the reader gets under this post, as links."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return SafeString("")
    actions = post_actions_for(
        kind,
        is_author=user.pk == post.author_id,
        is_moderator=bool(context.get("can_moderate")),
    )
    return format_html_join(
        " ",
        '<a class="post-action post-action-{}" href="{}">{}</a>',
        ((action.name, action.url(kind, post.pk), action.label) for action in actions),
    )


@register.simple_tag(takes_context=True, name="reader_post_parts")
def reader_post_parts_tag(context: Any, post: Post, kind: str) -> SafeString:
    """Render the reader's own controls under a post, or a slot for them in a cached part.

    A cached part is shared by many readers, so it keeps a slot that each response fills
    for its reader (qa/fragments.py); a page rendered for one reader renders them here.
    """
    question_id = post_question_id(post)
    slot = reader_post_slot(context, kind, post.pk, question_id)
    if slot:
        return SafeString(slot)
    request = context.get("request")
    if request is None:
        return SafeString("")
    ref = PostRef(kind, post.pk, question_id)
    return reader_post_parts(request, [ref]).get(ref, SafeString(""))
