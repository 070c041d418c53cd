"""The asker's outcome: what happened after asking, posted or changed on its own page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from rung.accounts.requests import MemberRequest
from rung.core.forms import refused_status, save_form
from rung.qa.access import question_for_asker
from rung.qa.forms import OutcomeForm
from rung.qa.outcomes import (
    outcome_answer_choices,
    outcome_not_open_message,
    outcome_open,
    outcome_post,
    question_outcome,
)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def outcome_edit(request: MemberRequest, pk: int) -> HttpResponse:
    """Show the outcome form to the asker (GET), or post or change the outcome (POST)."""
    question = question_for_asker(
        request.user, pk, _("Only the person who asked can say what happened.")
    )
    outcome = question_outcome(question)
    answers = outcome_answer_choices(question)
    if request.method == "POST":
        form = OutcomeForm(request.POST, answers=answers)
        saved = save_form(
            form,
            lambda data: outcome_post(
                question=question,
                member=request.user,
                kind=data["kind"],
                note=data["note"],
                helped_answer_ids=data.get("helped", []),
            ),
        )
        if saved is not None:
            if outcome is None:
                messages.success(request, _("Your outcome is posted under your question."))
            else:
                messages.success(request, _("Your outcome was saved."))
            return redirect(f"{question.get_absolute_url()}#outcome")
        status = refused_status(request, form)
    else:
        initial = (
            {
                "kind": outcome.kind,
                "note": outcome.note,
                "helped": list(outcome.helped_answers.values_list("pk", flat=True)),
            }
            if outcome
            else None
        )
        form = OutcomeForm(initial=initial, answers=answers)
        status = 200
    return render(
        request,
        "qa/outcome_form_page.html",
        {
            "question": question,
            "outcome": outcome,
            "form": form,
            "is_open": outcome is not None or outcome_open(question),
            "not_open_message": outcome_not_open_message(),
        },
        status=status,
    )
