"""The badge that says which language a post is written in."""

from django import template
from django.utils.translation import gettext_lazy as _

from rung.core.languages import CHINESE, ENGLISH

register = template.Library()

# (short text shown, its BCP 47 tag for the lang attribute, the label read out and on hover)
_BADGES = {
    ENGLISH: ("EN", "en", _("Written in English")),
    CHINESE: ("中文", "zh-Hans", _("Written in Chinese")),
}


@register.inclusion_tag("languages/_language_badge.html")
def language_badge(post_or_code: object) -> dict[str, object]:
    """Render a post's language badge; nothing for a post whose language is unknown."""
    code = getattr(post_or_code, "language", post_or_code)
    badge = _BADGES.get(code) if isinstance(code, str) else None
    if badge is None:
        return {"code": ""}
    short, lang, label = badge
    return {"code": code, "short": short, "lang": lang, "label": label}
