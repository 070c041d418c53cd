"""Invitations to answer: the asker invites from the question page, the invitee declines.

Both are plain form posts that land back on the question, so they work without JavaScript.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rung.accounts.requests import MemberRequest
from rung.core.forms import refused_status, save_form
from rung.qa import invitation_services
from rung.qa.access import invitation_for_invitee, question_for_asker, question_for_reader
from rung.qa.forms import InviteForm

INVITE_ANCHOR = "#invite-to-answer"


@login_required
@require_POST
def answer_invite(request: MemberRequest, pk: int) -> HttpResponse:
    question = question_for_asker(
        request.user, pk, _("Only the person who asked can invite members to answer.")
    )
    form = InviteForm(request.POST)
    invitation = save_form(
        form,
        lambda data: invitation_services.answer_invite(
            question=question, inviter=request.user, invitee=data["invitee"]
        ),
    )
    if invitation is not None:
        messages.success(
            request, _("%(name)s was invited to answer.") % {"name": invitation.invitee.name}
        )
        return redirect(question.get_absolute_url() + INVITE_ANCHOR)
    return render(
        request,
        "qa/invite_page.html",
        {"form": form, "question": question},
        status=refused_status(request, form),
    )


@login_required
@require_POST
def answer_invitation_decline(request: MemberRequest, pk: int) -> HttpResponse:
    invitation = invitation_for_invitee(request.user, pk)
    invitation_services.answer_invitation_decline(invitation=invitation, member=request.user)
    messages.success(request, _("You declined the invitation to answer."))
    try:
        question = question_for_reader(request.user, invitation.question_id)
    except Http404:
        return redirect("home")
    return redirect(question.get_absolute_url())
