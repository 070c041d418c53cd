"""What growth adds to pages of lower apps: "Add to my work log" beside an asker's outcome."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from rung.accounts.models import User
from rung.growth.selectors.worklog import log_entry_for_question
from rung.qa.models import Question
from rung.qa.slots import outcome_actions


def outcome_log_section(request: HttpRequest, question: Question) -> SafeString | str:
    """Offer the asker to keep the outcome in their work log, or say it is already there.

    Growth rows are private: only the asker ever gets this, whatever page asks for it.
    """
    member = request.user
    if not isinstance(member, User) or member.pk != question.author_id:
        return ""
    return render_to_string(
        "growth/_outcome_log.html",
        {"question": question, "entry": log_entry_for_question(member, question.pk)},
        request=request,
    )


def register() -> None:
    outcome_actions.register("growth.worklog", outcome_log_section)
