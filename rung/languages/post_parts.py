"""What this app adds to every post on a question page, for qa's Python-rendered answers.

The same HTML as the `language_badge`, `lang_attr` and `translate_button` tags and the
`glossary_terms` filter give in templates; qa calls these through
`rung.qa.slots.post_language_parts`, set when the app starts.
"""

from django.template.loader import get_template
from django.utils.html import format_html
from django.utils.translation import get_language

from rung.languages.glossary import link_glossary_terms
from rung.languages.templatetags.languages import lang_attr, language_badge
from rung.languages.templatetags.post_translation import translate_button
from rung.qa.models import Post
from rung.qa.slots import PostLanguageParts, post_language_parts_set


def post_badge_html(post: Post) -> str:
    """Return what `{% language_badge post %}` renders."""
    badge = language_badge(post)
    if not badge["code"]:
        return ""
    return format_html(
        '<span class="lang-badge lang-tag" data-lang="{}" title="{}"><span lang="{}" '
        'aria-hidden="true">{}</span><span class="visually-hidden">{}</span></span>',
        badge["code"],
        badge["label"],
        badge["lang"],
        badge["short"],
        badge["label"],
    )


def post_translate_html(post: Post) -> str:
    """Return what `{% translate_button post %}` renders: a line break alone when no offer
    makes sense (the template's own)."""
    control = translate_button(post)
    if control.get("hidden"):
        return "\n"
    return get_template("languages/_translate_control.html").render(control)


def post_body_html(body_html: str) -> str:
    """Return a post's sanitized HTML with glossary terms linked in the interface language."""
    return link_glossary_terms(body_html, language=get_language())


def register() -> None:
    post_language_parts_set(
        PostLanguageParts(
            lang_attr=lang_attr,
            badge=post_badge_html,
            translate_control=post_translate_html,
            body=post_body_html,
        )
    )
