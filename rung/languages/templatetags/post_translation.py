"""The "Translate" control under a post, shown only when a translation can help."""

from django import template
from django.utils.translation import get_language

from rung.languages.providers import get_provider, site_languages
from rung.languages.selectors import translation_kind
from rung.qa.models import Post

register = template.Library()


def translation_target(post: Post) -> str | None:
    """Return the interface language to offer a post in, or None when no offer makes sense."""
    target = (get_language() or "").lower()
    if post.language == target:
        return None  # most posts, checked before reading the settings
    languages = site_languages()
    if target not in languages or post.language not in languages:
        return None
    return target


@register.inclusion_tag("languages/_translate_control.html")
def translate_button(post: Post) -> dict[str, object]:
    """Render the button that fetches a post's translation into the interface language.

    It depends only on the post's language, the interface language and the site's provider,
    never on the viewer, so it is safe inside cached fragments (whose keys carry the
    interface language).
    """
    target = translation_target(post)
    if target is None or not get_provider().is_enabled:
        return {"hidden": True}
    return {"kind": translation_kind(post), "post_id": post.pk, "target": target, "state": "offer"}
