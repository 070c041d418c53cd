"""What this app adds to every post on a question page, for qa's Python-rendered answers.

The same HTML as the `language_badge`, `lang_attr` and `translate_button` tags and the
`glossary_terms` filter give in templates; qa calls these through
`rung.qa.slots.post_language_parts`, set when the app starts.
"""

import functools

from django.template.loader import get_template
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

from rung.core.fast_urls import fast_reverse
from rung.languages.glossary.linking import link_glossary_terms_stored
from rung.languages.templatetags.languages import lang_attr, language_badge
from rung.languages.templatetags.post_translation import translate_button
from rung.qa.models import Post
from rung.qa.slots import PostLanguageParts, post_language_parts_set

_TRANSLATE_CONTROL = "languages/_translate_control.html"


def post_badge_html(post: Post) -> str:
    """Return what `{% language_badge post %}` renders."""
    return _badge_html(post.language, get_language())


# The badge depends only on the post's language and the interface's, so a page's posts
# share the few there are.
@functools.lru_cache(maxsize=64)
def _badge_html(code: str, interface_language: str | None) -> str:
    badge = language_badge(code)  # in `interface_language`, the active one
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
    makes sense (the template's own).

    The control under a post only ever offers a translation, so the template's "offer"
    state is written here rather than rendered for every post; other states render it.
    """
    control = translate_button(post)
    if control.get("hidden"):
        return "\n"
    if control["state"] != "offer":
        return get_template(_TRANSLATE_CONTROL).render(control)
    kind = str(control["kind"])
    url = fast_reverse("languages:translate", kind, post.pk)
    return format_html(
        '<span class="translate-control" id="translate-{kind}-{post_id}">'
        '<a href="{url}?to={target}" rel="nofollow" hx-get="{url}?to={target}"'
        ' hx-target="#post-body-{kind}-{post_id}" hx-swap="outerHTML">{label}'
        '<span class="htmx-indicator" aria-hidden="true"> …</span>'
        "</a></span>\n",
        kind=kind,
        post_id=post.pk,
        url=url,
        target=control["target"],
        label=gettext("Translate"),
    )


def post_body_html(post: Post) -> str:
    """Return a post's sanitized HTML with glossary terms linked in the interface language.

    From the links stored with the post when they were made for its HTML and this glossary
    (rung/languages/post_links.py); otherwise they are worked out now.
    """
    return link_glossary_terms_stored(post.body_html, post.body_links, language=get_language())


def register() -> None:
    post_language_parts_set(
        PostLanguageParts(
            lang_attr=lang_attr,
            badge=post_badge_html,
            translate_control=post_translate_html,
            body=post_body_html,
        )
    )
