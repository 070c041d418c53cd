"""`{% byline person anonymous anonymous_label %}`: who wrote a post, with their level.

Built in Python rather than included from a template: a question page shows one per
post, and an include with its lookups cost more than the rest of a post's meta line.
"""

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from rung.accounts.templatetags.employers import verified_employer_marks
from rung.core.templatetags.rung import avatar_html

register = template.Library()


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
    url = person.get_absolute_url()
    parts: list[str] = [
        format_html(
            '<span class="byline"><a href="{}" class="avatar-link" tabindex="-1">{}</a>'
            '<span class="who"><a class="name" href="{}">{}</a>',
            url,
            avatar_html(person, 32),
            url,
            person.name,
        )
    ]
    if person.headline:
        parts.append(format_html('<span class="headline">{}</span>', person.headline))
    parts.extend(verified_employer_marks(person))
    company_level = person.company_level
    level = person.level
    if company_level:
        parts.append(
            format_html(
                '<span class="level-pill"><span translate="no">{} {}</span> · {}</span>',
                company_level.company.name,
                company_level.code,
                company_level.level.short_name,
            )
        )
        if level and person.level_id != company_level.level_id:
            parts.append(format_html('<span class="level-pill">{}</span>', level.short_name))
    elif person.company_level_other:
        parts.append(
            format_html(
                '<span class="level-pill">{}{}</span>',
                person.company_level_other,
                format_html(" · {}", level.short_name) if level else "",
            )
        )
    elif level:
        parts.append(format_html('<span class="level-pill">{}</span>', level.short_name))
    reputation = getattr(person, "reputation", 0)
    if reputation > 0:
        parts.append(
            format_html(
                '<a class="rep-pill" href="{}" title="{}">{}</a>',
                url,
                _("Reputation: %(n)s") % {"n": reputation},
                reputation_short(reputation),
            )
        )
    parts.append("</span></span>\n")
    # Every piece above was escaped by format_html, apart from our own markup.
    return mark_safe("".join(parts))
