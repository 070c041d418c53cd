"""What moderation adds to pages of lower apps: a member's own notices, on their profile."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from rung.accounts.models import User
from rung.accounts.slots import profile_sections
from rung.moderation.models import Notice


def own_notices_section(request: HttpRequest, member: User) -> SafeString | str:
    """Show a member, on their own profile only, the notices they have not read yet."""
    if request.user.pk != member.pk:
        return ""
    unread = list(
        Notice.objects.filter(member=member, shown_at=None).order_by("-created_at", "-pk")[:5]
    )
    if not unread:
        return ""
    return render_to_string("moderation/_own_notices.html", {"notices": unread}, request=request)


def register() -> None:
    profile_sections.register("moderation.notices", own_notices_section, order=5)
