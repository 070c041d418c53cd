"""Sections qa adds to pages of lower apps: a member's questions and answers on their profile."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from rung.accounts.models import User
from rung.accounts.slots import profile_sections
from rung.qa import selectors


def member_posts_section(request: HttpRequest, member: User) -> SafeString:
    """Render a member's questions (anonymous ones only to themselves) and answers."""
    return render_to_string(
        "qa/_member_posts.html",
        {
            "member": member,
            "questions": selectors.member_questions(member, viewer=request.user),
            "answers": selectors.member_answers(member, viewer=request.user),
        },
        request=request,
    )


def register() -> None:
    profile_sections.register("qa.posts", member_posts_section, order=10)
