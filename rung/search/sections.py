"""Sections search adds to pages of lower apps: similar questions under a question."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from rung.qa.models import Question
from rung.qa.slots import question_page_end
from rung.search.selectors import similar_questions


def similar_section(request: HttpRequest, question: Question) -> SafeString:
    """Render the questions nearest in meaning, in any language."""
    return render_to_string(
        "search/_similar.html", {"similar": similar_questions(question)}, request=request
    )


def register() -> None:
    question_page_end.register("search.similar", similar_section)
