"""The outside spam check: a post it calls spam is held; when it fails, posting goes on."""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest

from rung.accounts.models import User
from rung.moderation.models import Review
from rung.moderation.tasks import spam_check_task
from rung.qa.models import Question, Visibility
from rung.testing import make_answer


class _Answers(BaseHTTPRequestHandler):
    verdict = b"true"

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(self.verdict)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def endpoint() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _Answers)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/comment-check"
    server.shutdown()
    server.server_close()


def test_a_post_the_check_calls_spam_is_held(
    settings: Any, endpoint: str, question: Question, bob: User
) -> None:
    settings.RUNG_SPAM_CHECK, settings.RUNG_SPAM_CHECK_URL = "akismet", endpoint
    answer = make_answer(question, bob, body="Totally normal words")
    assert spam_check_task.call("answer", answer.pk) is True
    answer.refresh_from_db()
    assert answer.visibility == Visibility.HELD
    assert Review.objects.get(post_id=answer.pk).why == Review.Why.HELD


def test_a_failing_check_never_blocks_posting(
    settings: Any, question: Question, bob: User, django_capture_on_commit_callbacks: Any
) -> None:
    settings.RUNG_SPAM_CHECK = "akismet"
    settings.RUNG_SPAM_CHECK_URL = "http://127.0.0.1:9/nothing-listens-here"
    with django_capture_on_commit_callbacks(execute=True):
        answer = make_answer(question, bob, body="Posted while the check is down")
    answer.refresh_from_db()
    assert answer.visibility == Visibility.PUBLISHED


def test_the_check_is_off_by_default(settings: Any, question: Question, bob: User) -> None:
    assert settings.RUNG_SPAM_CHECK == "off"
    answer = make_answer(question, bob)
    assert spam_check_task.call("answer", answer.pk) is False
