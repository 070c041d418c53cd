"""Background work for qa, run by the task worker (`manage.py db_worker`).

After a write to a question, its page, the first page of its topics and the home page
have new versions, so their cached copies are gone (rung/qa/fragments.py,
rung/qa/visitor_pages.py). The worker renders the visitors' copies again, in every
language, so the next reader is served from the cache instead of paying for the render.
"""

import io
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.tasks import task

from rung.qa import events
from rung.qa.models import Question

# The view counter leaves agents that look like scripts out, and so does this one.
_AGENT = "rung-task-worker (prerender)"
_handler: BaseHandler | None = None


def _get(path: str, language: str) -> int:
    """Answer a visitor's GET of `path` in `language` through every middleware; the status."""
    global _handler
    if _handler is None:
        _handler = BaseHandler()
        _handler.load_middleware()
    host = urlsplit(settings.RUNG_SITE_URL).hostname or "127.0.0.1"
    environ: dict[str, Any] = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": host,
        "SERVER_PORT": "80",
        "HTTP_HOST": host,
        "HTTP_USER_AGENT": _AGENT,
        "HTTP_COOKIE": f"{settings.LANGUAGE_COOKIE_NAME}={language}",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.url_scheme": "http",
    }
    response = _handler.get_response(WSGIRequest(environ))
    return int(response.status_code)


@task
def visitor_pages_render(question_id: int) -> int:
    """Render a question's page, its topics' first pages and the home page for visitors."""
    question = Question.objects.filter(pk=question_id).first()
    paths = ["/"]
    if question is not None:
        paths.append(question.get_absolute_url())
        paths += [topic.get_absolute_url() for topic in question.topics.all()]
    rendered = 0
    for code, _name in settings.LANGUAGES:
        for path in paths:
            # A question that is no longer public answers 404 and is simply not kept.
            rendered += _get(path, code) == 200
    return rendered


def _on_write(event: events.PostEvent) -> None:
    if settings.RUNG_PRERENDER:
        visitor_pages_render.enqueue(event.question_id)


# Writes that change what a visitor sees of a question, its topics or the home page.
RENDERED_AFTER = (
    events.QuestionAsked,
    events.QuestionEdited,
    events.QuestionDeleted,
    events.AnswerPosted,
    events.AnswerEdited,
    events.AnswerDeleted,
    events.PostLiked,
    events.HelpfulMarked,
    events.AnswersReordered,
    events.LanguageCorrected,
    events.PostVisibilityChanged,
    events.QuestionLocked,
    events.QuestionClosed,
    events.QuestionMoved,
    events.OutcomePosted,
)


def subscribe() -> None:
    # After the commit, whatever the task backend: the render must read the write's
    # versions, which the service raises after it announces the event.
    for event_type in RENDERED_AFTER:
        events.subscribe(event_type, _on_write)
