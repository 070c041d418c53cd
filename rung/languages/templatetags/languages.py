"""The badge that says which language a post is written in."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from rung.core.languages import CHINESE, ENGLISH
from rung.languages.detection import detect_language

register = template.Library()

# (short text shown, its BCP 47 tag for the lang attribute, the label read out and on hover)
_BADGES = {
    ENGLISH: ("EN", "en", _("Written in English")),
    CHINESE: ("中文", "zh-Hans", _("Written in Chinese")),
}
# What `lang_attr` gives for each language, written once rather than for every post.
_LANG_ATTRS = {
    code: format_html(' lang="{}"', lang) for code, (_short, lang, _label) in _BADGES.items()
}


@register.inclusion_tag("languages/_language_badge.html")
def language_badge(post_or_code: object, always: bool = False) -> dict[str, object]:
    """Render a post's language badge when it is written in another language than the
    interface's; nothing for a post whose language is unknown.

    A badge on every card says nothing to a reader whose language they all are in. What
    shows depends on the interface language, which every cached fragment's key carries.
    `always` shows it whatever the reader's language, where the language is the subject.
    """
    code = getattr(post_or_code, "language", post_or_code)
    badge = _BADGES.get(code) if isinstance(code, str) else None
    if badge is None or (not always and code == (get_language() or "").lower()):
        return {"code": ""}
    short, lang, label = badge
    return {"code": code, "short": short, "lang": lang, "label": label}


@register.simple_tag
def lang_attr(post_or_text: object) -> str:
    """Return ` lang="…"` for member text whose language is known, else nothing.

    Titles and excerpts in cards and lists take it, as post bodies do, so a screen reader
    (and the browser's hyphenation and fonts) read an English title in English on a
    Chinese page; a post with no label inherits the page's language. Short member text
    with no label of its own (an outcome's note) is given as text and detected here; it
    sits in cached fragments, so detection runs once per rendering, not per view.
    """
    if isinstance(post_or_text, str):
        code = detect_language(post_or_text)
    else:
        code = getattr(post_or_text, "language", "")
    return _LANG_ATTRS.get(code, "")
