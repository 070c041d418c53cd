"""Revision history of questions and answers."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from rung.qa import (
    selectors,
)
from rung.qa.access import answer_for_reader, question_for_reader
from rung.qa.diffs import word_diff_html
from rung.qa.models import Post


@require_safe
def question_history(request: HttpRequest, pk: int) -> HttpResponse:
    question = question_for_reader(request.user, pk)
    return render(
        request,
        "qa/history.html",
        {
            "question": question,
            "post": question,
            "revisions": _with_diffs(question),
            "hide_editor": question.is_anonymous,
        },
    )


@require_safe
def answer_history(request: HttpRequest, pk: int) -> HttpResponse:
    answer = answer_for_reader(request.user, pk)
    question = answer.question
    return render(
        request,
        "qa/history.html",
        {
            "question": question,
            "post": answer,
            "revisions": _with_diffs(answer),
            # Editor names would unmask an anonymous asker's replies.
            "hide_editor": question.is_anonymous and answer.author_id == question.author_id,
        },
    )


def _with_diffs(post: Post) -> list[dict[str, object]]:
    """Return revisions newest first, each with its title and body marked against the last."""
    revisions = list(selectors.post_revisions(post))
    rows: list[dict[str, object]] = []
    previous = None
    for number, revision in enumerate(revisions, start=1):
        row: dict[str, object] = {"number": number, "revision": revision}
        if previous is not None:
            row["title_diff"] = word_diff_html(previous.title, revision.title)
            row["body_diff"] = word_diff_html(previous.body, revision.body)
            row["unchanged"] = (previous.title, previous.body) == (revision.title, revision.body)
        rows.append(row)
        previous = revision
    rows.reverse()
    return rows
