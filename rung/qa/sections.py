"""What qa adds to pages of lower apps: a member's activity, questions and answers on their
profile, and the answer counts of the members directory."""

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from rung.accounts.models import User
from rung.accounts.slots import answer_totals_source_set, profile_sections
from rung.qa import directories, selectors
from rung.qa.models import Answer, Outcome, Question


def member_activity_section(request: HttpRequest, member: User) -> SafeString:
    """Render a member's counts: public ones, or their own totals for themselves."""
    return render_to_string(
        "qa/_member_activity.html",
        {"member": member, "activity": directories.member_activity(member, viewer=request.user)},
        request=request,
    )


PROFILE_TABS = ("questions", "answers", "outcomes")
PROFILE_TAB_LABELS = {
    "questions": _("Questions"),
    "answers": _("Answers"),
    "outcomes": _("Outcomes"),
}
POSTS_PER_PAGE = 20


def member_posts_section(request: HttpRequest, member: User) -> SafeString:
    """Render one tab of a member's posts, a page at a time: their questions (anonymous ones
    only to themselves), answers and replies, or the outcomes they shared.

    The tab and page come from the query string (`?tab=answers&page=2`), so the tabs are
    plain links; an unknown tab shows the questions and a page that is not one the nearest.
    """
    tab = request.GET.get("tab", "")
    if tab not in PROFILE_TABS:
        tab = PROFILE_TABS[0]
    posts: QuerySet[Question] | QuerySet[Answer] | QuerySet[Outcome]
    if tab == "questions":
        posts = selectors.member_questions(member, viewer=request.user)
    elif tab == "answers":
        posts = selectors.member_answers(member, viewer=request.user)
    else:
        posts = selectors.member_outcomes(member, viewer=request.user)
    page = Paginator(posts, POSTS_PER_PAGE).get_page(request.GET.get("page"))
    return render_to_string(
        "qa/_member_posts.html",
        {
            "member": member,
            "tab": tab,
            "tabs": [(name, PROFILE_TAB_LABELS[name]) for name in PROFILE_TABS],
            "page": page,
            "is_own": request.user.pk == member.pk,
        },
        request=request,
    )


def register() -> None:
    profile_sections.register("qa.activity", member_activity_section, order=5)
    profile_sections.register("qa.posts", member_posts_section, order=10)
    answer_totals_source_set(directories.member_answer_totals)
