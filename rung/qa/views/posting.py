"""Writing pages: ask, edit and delete questions; answer, reply, edit and delete answers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from rung.accounts.requests import MemberRequest
from rung.core.forms import refused_status, save_form
from rung.core.submit_once import announce_create
from rung.ladder.forms import wants_levels
from rung.qa import selectors, services, thread_selectors
from rung.qa.access import (
    answer_for_editor,
    answer_for_reader,
    question_for_editor,
    question_for_reader,
)
from rung.qa.forms import (
    AnswerForm,
    QuestionForm,
    ReplyForm,
    first_post_fill_seconds,
    last_used_scale,
)
from rung.qa.models import Answer, Question

# Another page (such as the growth gap view) may leave a draft here for the ask form to
# show once; nothing is posted until the member submits that form.
ASK_PREFILL_SESSION_KEY = "qa_ask_prefill"


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def question_ask(request: MemberRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST" and wants_levels(request.POST):
        # "Show levels" without JavaScript: the same form again, the chosen scale's levels in.
        sent = QuestionForm(request.POST, user=user)
        form = QuestionForm(initial=sent.as_typed(), user=user)
        return render(request, "qa/ask.html", {"form": form})
    if request.method == "POST":
        form = QuestionForm(request.POST, user=request.user)
        question = form.ask(user)
        if question is not None:
            announce_create(
                request,
                question,
                already=_("You had already posted this question, so it was not posted twice."),
            )
            return redirect(question.get_absolute_url())
        status = refused_status(request, form)
    else:
        initial: dict[str, object] = {"level": user.level_id, "years": user.years_experience}
        if topic_slug := request.GET.get("topic"):
            initial["topics"] = [t.pk for t in selectors.topics_with_slugs([topic_slug])]
        prefill = request.session.pop(ASK_PREFILL_SESSION_KEY, None)
        if isinstance(prefill, dict):
            prefill.pop("submit_token", None)
            initial.update(prefill)
        form = QuestionForm(initial=initial, user=user, default_scale=last_used_scale(user))
        status = 200
    return render(request, "qa/ask.html", {"form": form}, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def question_edit(request: MemberRequest, pk: int) -> HttpResponse:
    question = question_for_editor(request.user, pk)
    # The author's private rating scales, also when a moderator edits.
    author = question.author
    if request.method == "POST" and wants_levels(request.POST):
        sent = QuestionForm(request.POST, user=author)
        form = QuestionForm(initial=sent.as_typed(), user=author)
        return render(request, "qa/ask.html", {"form": form, "question": question})
    if request.method == "POST":
        form = QuestionForm(request.POST, user=author)
        edited = save_form(
            form,
            lambda data: services.question_edit(
                question=question,
                editor=request.user,
                title=data["title"],
                body=data["body"],
                topics=data["topics"],
                card=form.card(),
                is_anonymous=data["is_anonymous"],
            ),
        )
        if edited is not None:
            messages.success(request, _("The question was updated."))
            return redirect(question.get_absolute_url())
        status = refused_status(request, form)
    else:
        form = QuestionForm(initial=QuestionForm.initial_for(question), user=author)
        status = 200
    return render(request, "qa/ask.html", {"form": form, "question": question}, status=status)


@login_required
@require_POST
def question_delete(request: MemberRequest, pk: int) -> HttpResponse:
    question = question_for_editor(request.user, pk)
    services.question_delete(question=question, actor=request.user)
    messages.success(request, _("The question was deleted."))
    return redirect("home")


def _post_answer(
    request: MemberRequest, form: AnswerForm, question: Question, parent: Answer | None = None
) -> HttpResponse:
    """Post an answer or reply from a form; on bad input, show the form again with a 400."""
    form.min_fill_seconds = first_post_fill_seconds(request.user)
    answer = save_form(
        form,
        lambda data: services.answer_create(
            question=question,
            parent=parent,
            author=request.user,
            body=data["body"],
            submit_token=data.get("submit_token"),
        ),
    )
    if answer is not None:
        already = (
            _("You had already posted this reply, so it was not posted twice.")
            if parent
            else _("You had already posted this answer, so it was not posted twice.")
        )
        announce_create(request, answer, already=already)
        return redirect(thread_selectors.answer_location(answer))
    return render(
        request,
        "qa/answer_form_page.html",
        {"form": form, "question": question, "parent": parent},
        status=refused_status(request, form),
    )


@login_required
@require_POST
def answer_create(request: MemberRequest, pk: int) -> HttpResponse:
    question = question_for_reader(request.user, pk)
    return _post_answer(request, AnswerForm(request.POST), question)


@login_required
@require_POST
def reply_create(request: MemberRequest, pk: int) -> HttpResponse:
    parent = answer_for_reader(request.user, pk)
    return _post_answer(request, ReplyForm(request.POST), parent.question, parent)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def answer_edit(request: MemberRequest, pk: int) -> HttpResponse:
    answer = answer_for_editor(request.user, pk)
    form_class = ReplyForm if answer.parent_id else AnswerForm
    if request.method == "POST":
        form = form_class(request.POST)
        edited = save_form(
            form,
            lambda data: services.answer_edit(
                answer=answer,
                editor=request.user,
                body=data["body"],
            ),
        )
        if edited is not None:
            messages.success(request, _("The post was updated."))
            return redirect(thread_selectors.answer_location(edited))
        status = refused_status(request, form)
    else:
        form = form_class(initial={"body": answer.body})
        status = 200
    return render(
        request,
        "qa/answer_form_page.html",
        {"form": form, "question": answer.question, "answer": answer},
        status=status,
    )


@login_required
@require_POST
def answer_delete(request: MemberRequest, pk: int) -> HttpResponse:
    answer = answer_for_editor(request.user, pk)
    services.answer_delete(answer=answer, actor=request.user)
    messages.success(request, _("The post was deleted."))
    return redirect(answer.question.get_absolute_url())
