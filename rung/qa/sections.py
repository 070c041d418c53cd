"""What qa adds to pages of lower apps: a member's activity, questions and answers on their
profile, and the answer counts of the members directory."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from rung.accounts.models import User
from rung.accounts.slots import answer_totals_source_set, profile_sections
from rung.qa import directories, selectors


def member_activity_section(request: HttpRequest, member: User) -> SafeString:
    """Render a member's counts: public ones, or their own totals for themselves."""
    return render_to_string(
        "qa/_member_activity.html",
        {"member": member, "activity": directories.member_activity(member, viewer=request.user)},
        request=request,
    )


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
    profile_sections.register("qa.activity", member_activity_section, order=5)
    profile_sections.register("qa.posts", member_posts_section, order=10)
    answer_totals_source_set(directories.member_answer_totals)
