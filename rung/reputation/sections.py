"""What reputation adds to pages of lower apps: a member's reputation and badges in their
profile's header, their expertise below it, and reputation and expertise in the members
directory (accounts.slots)."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.accounts.slots import (
    DirectoryExtension,
    directory_extension_set,
    profile_highlights,
    profile_sections,
)
from rung.reputation import profiles


def standing_highlight(request: HttpRequest, member: User) -> SafeString:
    """Render the member's public reputation and their badges."""
    return render_to_string(
        "reputation/_profile_standing.html",
        {
            "member": member,
            "reputation": profiles.member_reputation(member),
            "badges": profiles.member_badges(member),
            "is_own": request.user.pk == member.pk,
        },
        request=request,
    )


def expertise_section(request: HttpRequest, member: User) -> SafeString:
    """Render the topics the member answers most well (nothing when there are none)."""
    expertise = profiles.member_expertise(member)
    if not expertise:
        return SafeString("")
    return render_to_string(
        "reputation/_profile_expertise.html",
        {"member": member, "expertise": expertise},
        request=request,
    )


def directory_links() -> list[tuple[str, str]]:
    return [
        (reverse("reputation:experts"), _("Who helps most at each level →")),
        (reverse("reputation:mine"), _("How reputation is earned")),
    ]


def register() -> None:
    profile_highlights.register("reputation.standing", standing_highlight, order=10)
    profile_sections.register("reputation.expertise", expertise_section, order=7)
    directory_extension_set(
        DirectoryExtension(
            expertise_choices=profiles.expertise_choices,
            annotate=profiles.directory_annotate,
            decorate=profiles.directory_decorate,
            links=directory_links,
        )
    )
