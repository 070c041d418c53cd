"""`{% byline person anonymous anonymous_label %}`: who wrote a post, with their level.

Built in Python rather than included from a template: a question page shows one per
post, and an include with its lookups cost more than the rest of a post's meta line.
"""

from html import escape as html_escape
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from rung.accounts.templatetags.employers import verified_employer_marks
from rung.core.templatetags.rung import avatar_html

register = template.Library()


def _escape(value: Any) -> str:
    """`conditional_escape`, without the lazy-text wrapper: a byline escapes a dozen values."""
    html = getattr(value, "__html__", None)
    return html() if html is not None else html_escape(str(value))


def reputation_short(value: int) -> str:
    """Write a reputation the way a byline has room for: 950, 1,204, 12k, 1.2M."""
    if value < 10_000:
        return f"{value:,}"
    if value < 1_000_000:
        return f"{value // 1000}k"
    return f"{value / 1_000_000:.1f}M"


@register.simple_tag
def byline(person: Any, anonymous: bool = False, anonymous_label: str = "") -> SafeString:
    """Render the avatar, name, headline and level pills of a post's author.

    An anonymous post shows `anonymous_label` and nothing of the person.
    """
    if anonymous:
        return format_html(
            '<span class="byline"><span class="avatar avatar-anon" aria-hidden="true">?</span>'
            '<span class="who"><span class="name">{}</span></span></span>\n',
            anonymous_label,
        )
    # Each value is escaped here (conditional_escape); the rest is our own markup.
    url = _escape(person.get_absolute_url())
    parts: list[str] = [
        f'<span class="byline"><a href="{url}" class="avatar-link" tabindex="-1">'
        f'{avatar_html(person, 32)}</a><span class="who"><a class="name" href="{url}">'
        f"{_escape(person.name)}</a>"
    ]
    if person.headline:
        parts.append(f'<span class="headline">{_escape(person.headline)}</span>')
    parts.extend(verified_employer_marks(person))
    company_level = person.company_level
    level = person.level
    if company_level:
        parts.append(
            '<span class="level-pill"><span translate="no">'
            f"{_escape(company_level.company.name)} "
            f"{_escape(company_level.code)}</span> · "
            f"{_escape(company_level.level.short_name)}</span>"
        )
        if level and person.level_id != company_level.level_id:
            parts.append(f'<span class="level-pill">{_escape(level.short_name)}</span>')
    elif person.company_level_other:
        other_level = f" · {_escape(level.short_name)}" if level else ""
        parts.append(
            f'<span class="level-pill">{_escape(person.company_level_other)}{other_level}</span>'
        )
    elif level:
        parts.append(f'<span class="level-pill">{_escape(level.short_name)}</span>')
    reputation = getattr(person, "reputation", 0)
    if reputation > 0:
        title = _escape(_("Reputation: %(n)s") % {"n": reputation})
        parts.append(
            f'<a class="rep-pill" href="{url}" title="{title}">'
            f"{_escape(reputation_short(reputation))}</a>"
        )
    parts.append("</span></span>\n")
    return SafeString("".join(parts))
