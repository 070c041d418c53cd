"""Moderation pages: flag a post, the review queue, question tools, members, audit log."""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from rung.accounts.requests import MemberRequest
from rung.core.forms import FORM_ERROR_STATUS, add_service_errors
from rung.core.middleware import mark_rate_limited
from rung.core.ratelimit import Limited
from rung.moderation import access, forms, selectors, services
from rung.qa.posts import post_kind
from rung.qa.thread_selectors import post_location

GET_OR_POST = ["GET", "HEAD", "POST"]


def _run(request: MemberRequest, form: Any, action: Callable[[dict[str, Any]], Any]) -> bool:
    """Run a service on a valid form; put what it refuses on the form and say whether it ran."""
    if not form.is_valid():
        return False
    try:
        action(form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    except Limited as limited:
        form.add_error(None, limited.message)
        mark_rate_limited(request, limited.retry_after)
        return False
    return True


def _refused(request: MemberRequest, form: Any, title: str) -> HttpResponse:
    return render(
        request, "moderation/refused.html", {"form": form, "title": title}, status=FORM_ERROR_STATUS
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def notices(request: MemberRequest) -> HttpResponse:
    """Show a member what moderators or the community did to their posts and account."""
    shown = services.notices_take(member=request.user)
    return render(request, "moderation/notices.html", {"notices": shown})


@login_required
@require_http_methods(GET_OR_POST)
def flag(request: MemberRequest, kind: str, pk: int) -> HttpResponse:
    post = access.post_for_flagging(request.user, kind, pk)
    form = forms.FlagForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        done = _run(
            request,
            form,
            lambda data: services.flag_create(
                post=post, flagger=request.user, reason=data["reason"], note=data["note"]
            ),
        )
        if done:
            messages.success(request, _("Thank you: the moderators will look at it."))
            return redirect(post_location(post))
    status = FORM_ERROR_STATUS if form.is_bound else 200
    return render(request, "moderation/flag.html", {"form": form, "post": post}, status=status)


def _cursor(text: str) -> tuple[datetime, int] | None:
    created, _sep, pk = text.partition("~")
    when = parse_datetime(created) if len(created) <= 40 else None
    if when is None or not pk.isascii() or not pk.isdigit() or len(pk) > 18:
        return None
    return when, int(pk)


@login_required
@require_http_methods(["GET", "HEAD"])
def queue(request: MemberRequest) -> HttpResponse:
    access.require_moderator(request.user)
    items = selectors.review_queue(before=_cursor(request.GET.get("before", "")))
    after = ""
    if len(items) == selectors.QUEUE_PAGE:
        last = items[-1].review
        after = f"{last.created_at.isoformat()}~{last.pk}"
    return render(
        request,
        "moderation/queue.html",
        {"items": items, "next_cursor": after, "action_form": forms.PostActionForm()},
    )


@login_required
@require_POST
def post_action(request: MemberRequest, kind: str, pk: int) -> HttpResponse:
    post = access.post_for_moderator(request.user, kind, pk)
    form = forms.PostActionForm(request.POST)

    def act(data: dict[str, Any]) -> None:
        action, reason = data["action"], data["reason"]
        if action in ("approve", "not_spam"):
            services.post_approve(
                post=post, actor=request.user, reason=reason, not_spam=action == "not_spam"
            )
        elif action == "hide":
            services.post_hide(post=post, actor=request.user, reason=reason)
        else:
            services.post_delete(post=post, actor=request.user, reason=reason)

    if _run(request, form, act):
        messages.success(request, _("Done: the post left the queue."))
        return redirect("moderation:queue")
    return _refused(request, form, _("The action was not taken"))


@login_required
@require_http_methods(["GET", "HEAD"])
def question_tools(request: MemberRequest, pk: int) -> HttpResponse:
    question = access.question_for_moderator(request.user, pk)
    # One page, several forms: each names its fields' ids, so every label finds its own field.
    context = {
        "question": question,
        "lock_form": forms.LockForm(auto_id="lock_%s"),
        "duplicate_form": forms.DuplicateForm(auto_id="duplicate_%s"),
        "move_form": forms.MoveForm(
            auto_id="move_%s", initial={"topics": list(question.topics.all())}
        ),
        "reason_form": forms.ReasonForm(auto_id="reopen_%s"),
    }
    return render(request, "moderation/question.html", context)


@login_required
@require_POST
def question_lock(request: MemberRequest, pk: int) -> HttpResponse:
    question = access.question_for_moderator(request.user, pk)
    form = forms.LockForm(request.POST)
    done = _run(
        request,
        form,
        lambda data: services.question_lock(
            question=question, actor=request.user, locked=data["locked"], reason=data["reason"]
        ),
    )
    if done:
        locked = form.cleaned_data["locked"]
        messages.success(
            request,
            _("The question is locked: nobody can answer it.")
            if locked
            else _("The question is unlocked: members can answer it again."),
        )
        return redirect(question.get_absolute_url())
    return _refused(request, form, _("The question was not changed"))


@login_required
@require_POST
def question_duplicate(request: MemberRequest, pk: int) -> HttpResponse:
    question = access.question_for_moderator(request.user, pk)
    form = forms.DuplicateForm(request.POST)
    done = _run(
        request,
        form,
        lambda data: services.question_close_duplicate(
            question=question, original=data["original"], actor=request.user, reason=data["reason"]
        ),
    )
    if done:
        messages.success(request, _("The question was closed as a duplicate."))
        return redirect(question.get_absolute_url())
    return _refused(request, form, _("The question was not closed"))


@login_required
@require_POST
def question_reopen(request: MemberRequest, pk: int) -> HttpResponse:
    question = access.question_for_moderator(request.user, pk)
    form = forms.ReasonForm(request.POST)
    done = _run(
        request,
        form,
        lambda data: services.question_reopen(
            question=question, actor=request.user, reason=data["reason"]
        ),
    )
    if done:
        messages.success(request, _("The question was reopened."))
        return redirect(question.get_absolute_url())
    return _refused(request, form, _("The question was not reopened"))


@login_required
@require_POST
def question_move(request: MemberRequest, pk: int) -> HttpResponse:
    question = access.question_for_moderator(request.user, pk)
    form = forms.MoveForm(request.POST)
    done = _run(
        request,
        form,
        lambda data: services.question_move(
            question=question,
            topics=list(data["topics"]),
            actor=request.user,
            reason=data["reason"],
        ),
    )
    if done:
        messages.success(request, _("The question was moved."))
        return redirect(question.get_absolute_url())
    return _refused(request, form, _("The question was not moved"))


@login_required
@require_http_methods(["GET", "HEAD"])
def member(request: MemberRequest, username: str) -> HttpResponse:
    account = access.member_for_moderator(request.user, username)
    context = {
        "record": selectors.member_record(account),
        "penalty_form": forms.PenaltyForm(auto_id="penalty_%s"),
        "spammer_form": forms.SpammerForm(auto_id="spammer_%s"),
        "trust_form": forms.TrustLevelForm(auto_id="trust_%s"),
    }
    return render(request, "moderation/member.html", context)


def _member_back(account: Any) -> HttpResponse:
    return redirect("moderation:member", account.username)


@login_required
@require_POST
def member_penalty(request: MemberRequest, username: str) -> HttpResponse:
    account = access.member_for_moderator(request.user, username)
    form = forms.PenaltyForm(request.POST)
    done = _run(
        request,
        form,
        lambda data: services.penalty_set(
            member=account,
            kind=data["kind"],
            days=data["days"],
            reason=data["reason"],
            actor=request.user,
        ),
    )
    if done:
        messages.success(request, _("The penalty is in force."))
        return _member_back(account)
    return _refused(request, form, _("No penalty was given"))


@login_required
@require_POST
def penalty_lift(request: MemberRequest, username: str, pk: int) -> HttpResponse:
    account = access.member_for_moderator(request.user, username)
    penalty = access.penalty_for_moderator(request.user, account, pk)
    form = forms.ReasonForm(request.POST)
    done = _run(
        request,
        form,
        lambda data: services.penalty_lift(
            penalty=penalty, actor=request.user, reason=data["reason"]
        ),
    )
    if done:
        messages.success(request, _("The penalty was lifted."))
        return _member_back(account)
    return _refused(request, form, _("The penalty was not lifted"))


@login_required
@require_POST
def member_spammer(request: MemberRequest, username: str) -> HttpResponse:
    account = access.member_for_moderator(request.user, username)
    form = forms.SpammerForm(request.POST)
    done = _run(
        request,
        form,
        lambda data: services.spammer_delete(
            member=account,
            actor=request.user,
            reason=data["reason"],
            block_domains=data["block_domains"],
        ),
    )
    if done:
        messages.success(request, _("The spammer's posts were deleted and the account closed."))
        return _member_back(account)
    return _refused(request, form, _("The spammer was not deleted"))


@login_required
@require_POST
def member_trust(request: MemberRequest, username: str) -> HttpResponse:
    account = access.member_for_moderator(request.user, username)
    form = forms.TrustLevelForm(request.POST)
    done = _run(
        request,
        form,
        lambda data: services.trust_level_set(
            member=account, level=data["level"], actor=request.user, reason=data["reason"]
        ),
    )
    if done:
        messages.success(request, _("The trust level was set."))
        return _member_back(account)
    return _refused(request, form, _("The trust level was not set"))


@login_required
@require_http_methods(GET_OR_POST)
def reveal(request: MemberRequest, kind: str, pk: int) -> HttpResponse:
    access.require_administrator(request.user)
    post = access.post_for_moderator(request.user, kind, pk)
    form = forms.ReasonForm(request.POST if request.method == "POST" else None)
    author = None
    if request.method == "POST" and form.is_valid():
        author = services.author_reveal(
            post=post, actor=request.user, reason=form.cleaned_data["reason"]
        )
    status = FORM_ERROR_STATUS if form.is_bound and author is None else 200
    context = {"form": form, "post": post, "kind": post_kind(post), "author": author}
    return render(request, "moderation/reveal.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD"])
def audit(request: MemberRequest) -> HttpResponse:
    access.require_administrator(request.user)
    before = request.GET.get("before", "")
    entries = selectors.audit_page(
        before=int(before) if before.isascii() and before.isdigit() and len(before) < 18 else None
    )
    next_cursor = entries[-1].pk if len(entries) == selectors.AUDIT_PAGE else None
    return render(
        request, "moderation/audit.html", {"entries": entries, "next_cursor": next_cursor}
    )


@login_required
@require_http_methods(GET_OR_POST)
def domains(request: MemberRequest) -> HttpResponse:
    access.require_moderator(request.user)
    form = forms.SpamDomainForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        done = _run(
            request,
            form,
            lambda data: services.spam_domain_add(
                domain=data["domain"], actor=request.user, reason=data["reason"]
            ),
        )
        if done:
            messages.success(request, _("Links to that domain now hold new members' posts."))
            return redirect("moderation:domains")
    status = FORM_ERROR_STATUS if form.is_bound else 200
    context = {"form": form, "domains": selectors.spam_domains()}
    return render(request, "moderation/domains.html", context, status=status)
