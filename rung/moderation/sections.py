"""What moderation adds to pages of lower apps: a member's own notices on their profile, a
"Flag" link under other members' posts, and "Moderate" under questions for moderators."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy

from rung.accounts.models import User
from rung.accounts.slots import profile_sections
from rung.core.fast_urls import fast_reverse
from rung.moderation.models import Notice
from rung.qa.slots import PostAction, post_action_register


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
    post_action_register(
        PostAction(
            name="flag",
            label=gettext_lazy("Flag"),
            url=lambda kind, pk: fast_reverse("moderation:flag", kind, pk),
        )
    )
    post_action_register(
        PostAction(
            name="moderate",
            label=gettext_lazy("Moderate"),
            url=lambda kind, pk: reverse("moderation:question", args=[pk]),
            kinds=frozenset({"question"}),
            moderators_only=True,
        )
    )
