"""The links apps above qa add under a post: `{% post_actions post "answer" %}`."""

from typing import Any

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from rung.qa.models import Post
from rung.qa.slots import post_actions_for

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
