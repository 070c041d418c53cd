"""`{% verified_employers member %}`: the "✓ Meta" marks of a member's verified employers."""

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from rung.accounts import employers

register = template.Library()


def verified_employer_marks(person: Any) -> list[str]:
    """Return a "✓ Meta" pill for each employer the member verified; never the address."""
    marks: list[str] = []
    for company in person.verified_companies or ():
        label = _("Verified employer: works at %(company)s") % {"company": company}
        marks.append(
            format_html(
                '<span class="verified-employer" title="{}" aria-label="{}">'
                '✓ <span translate="no">{}</span></span>',
                label,
                label,
                company,
            )
        )
    return marks


@register.simple_tag
def verified_employers(person: Any) -> SafeString:
    # Each mark was escaped by format_html.
    return mark_safe(" ".join(verified_employer_marks(person)))


@register.filter
def employer_status(email: str) -> employers.AddressStatus:
    """What an address means for employer verification (for its owner's own pages)."""
    return employers.address_status(email)
