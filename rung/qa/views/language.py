"""Correcting a post's language: its author or a moderator picks English or Chinese."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from rung.accounts.requests import MemberRequest
from rung.core.forms import refused_status, save_form
from rung.core.languages import CHINESE, ENGLISH
from rung.qa import services, thread_selectors
from rung.qa.access import answer_for_reader, question_for_reader
from rung.qa.models import Post
from rung.qa.posts import post_question


class PostLanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=gettext_lazy("Language of this post"),
        choices=[(ENGLISH, gettext_lazy("English")), (CHINESE, gettext_lazy("Chinese"))],
        error_messages={
            "required": gettext_lazy("Choose English or Chinese."),
            "invalid_choice": gettext_lazy("Choose English or Chinese."),
        },
    )


def _change_language(request: MemberRequest, post: Post) -> HttpResponse:
    """Show the form (GET) or save the chosen language (POST); 403 for anyone else."""
    user = request.user
    services.check_language_permission(user, post)
    if request.method == "POST":
        form = PostLanguageForm(request.POST)
        saved = save_form(
            form,
            lambda data: services.post_language_set(
                post=post,
                actor=user,
                language=data["language"],
            ),
        )
        if saved is not None:
            messages.success(request, _("The post's language was saved."))
            return redirect(thread_selectors.post_location(post))
        status = refused_status(request, form)
    else:
        form = PostLanguageForm(initial={"language": post.language})
        status = 200
    return render(
        request,
        "qa/language_form_page.html",
        {"form": form, "post": post, "question": post_question(post)},
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def question_language(request: MemberRequest, pk: int) -> HttpResponse:
    return _change_language(request, question_for_reader(request.user, pk))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def answer_language(request: MemberRequest, pk: int) -> HttpResponse:
    answer = answer_for_reader(request.user, pk)
    if answer.parent_id is not None:
        raise Http404("No such answer.")
    return _change_language(request, answer)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def reply_language(request: MemberRequest, pk: int) -> HttpResponse:
    reply = answer_for_reader(request.user, pk)
    if reply.parent_id is None:
        raise Http404("No such reply.")
    return _change_language(request, reply)
