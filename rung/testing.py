"""Factories for tests: one place that knows how to build valid members and posts."""

import http.cookiejar
import itertools
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from rung.accounts.models import User
from rung.ladder.models import Axis, Level, RatingScale
from rung.qa import services
from rung.qa.models import Answer, Question, Topic

PASSWORD = "correct horse battery staple"
# Third-party test data lives in `shared/` beside the repository (override for other layouts).
CORPORA = (
    Path(os.environ.get("RUNG_SHARED_DIR", Path(__file__).resolve().parents[2] / "shared"))
    / "corpora"
)
_counter = itertools.count(1)


def make_member(username: str | None = None, **fields: Any) -> User:
    """Create an active member with a known password."""
    username = username or f"member{next(_counter)}"
    fields.setdefault("email", f"{username}@example.com")
    fields.setdefault("display_name", username.title())
    return User.objects.create_user(username=username, password=PASSWORD, **fields)


def make_card(**overrides: Any) -> services.ContextCard:
    """Return the core story's context card: mid-level, Impact E, Teamwork M+, Technical M."""
    scale = RatingScale.objects.get(slug="e-m-i")
    codes = overrides.pop("ratings", {"impact": "E", "teamwork": "M+", "technical-skills": "M"})
    values: dict[str, Any] = {
        "level": Level.objects.get(slug="mid-level"),
        "years": 4,
        "scale": scale,
        "ratings": {
            Axis.objects.get(slug=axis): scale.choices.get(code=code)
            for axis, code in codes.items()
        },
        "focus": "Moving from feature work to owning a system",
        "feedback_wanted": "Which habits to change first",
    }
    values.update(overrides)
    return services.ContextCard(**values)


def make_question(author: User, *, topics: list[str] | None = None, **fields: Any) -> Question:
    """Post a question through the service, as a member would."""
    n = next(_counter)
    fields.setdefault("title", f"How do I grow from mid-level to senior? ({n})")
    fields.setdefault("body", "I lead small features. What should I change to show ownership?")
    topic_objs = list(Topic.objects.filter(slug__in=topics or ["mid-level"]))
    return services.question_create(author=author, topics=topic_objs, **fields)


def make_answer(question: Question, author: User, **fields: Any) -> Answer:
    fields.setdefault("body", "Pick one system nobody owns and become its owner.")
    return services.answer_create(question=question, author=author, **fields)


CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


@dataclass
class Reply:
    status: int
    location: str
    html: str = ""
    retry_after: str = ""


class Browser:
    """One member's cookie jar talking HTTP to a running server, as a browser would.

    It does not follow redirects, so a test sees each response's status and Location.
    """

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )
        self.csrf = ""

    def _open(self, path: str, data: dict[str, str] | None = None) -> Reply:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)
        request.add_header("User-Agent", "Mozilla/5.0 (Rung test browser)")
        if data is not None:
            request.add_header("Referer", self.base + path)
        try:
            with self.opener.open(request, timeout=60) as response:
                headers, status, html = response.headers, response.status, response.read()
        except urllib.error.HTTPError as error:
            headers, status, html = error.headers, error.code, error.read()
        return Reply(
            status,
            headers.get("Location", ""),
            html.decode(),
            headers.get("Retry-After", ""),
        )

    def get(self, path: str) -> str:
        reply = self._open(path)
        assert reply.status == 200, (path, reply.status)
        if match := CSRF_INPUT.search(reply.html):
            self.csrf = match.group(1)
        return reply.html

    def log_in(self, username: str, password: str = PASSWORD) -> "Browser":
        self.get(reverse("account_login"))
        reply = self.post(reverse("account_login"), {"login": username, "password": password})
        assert reply.status == 302, f"log-in of {username} answered {reply.status}"
        return self

    def post(self, path: str, data: dict[str, str]) -> Reply:
        return self._open(path, {**data, "csrfmiddlewaretoken": self.csrf})


def cpu_seconds[T](work: Callable[[T], object], given: T) -> float:
    """Return the least CPU time of three runs of work on the given input."""
    best = float("inf")
    for _ in range(3):  # best of three: a busy machine only ever adds time
        started = time.process_time()
        work(given)
        best = min(best, time.process_time() - started)
    return best


def assert_linear_time[T](
    work: Callable[[T], object], make: Callable[[int], T], size: int, *, factor: int = 8
) -> None:
    """Fail when work on an input `factor` times larger costs far more than `factor` times.

    Linear work grows by `factor` and quadratic work by its square; the bound sits at three
    times linear, with 50 ms of slack so timer noise on fast work cannot fail it.
    """
    small = cpu_seconds(work, make(size))
    large = cpu_seconds(work, make(size * factor))
    assert large <= 3 * factor * small + 0.05, (
        f"{size:,} took {small * 1000:.1f} ms but {size * factor:,} took {large * 1000:.1f} ms"
    )


def bulk_answers(
    question: Question,
    authors: Sequence[User],
    count: int,
    *,
    parent: Answer | None = None,
    body: str = "Ask for the criteria in writing and revisit them together each month.",
    like_counts: Sequence[int] = (),
    start: datetime | None = None,
    step: timedelta = timedelta(seconds=1),
) -> list[Answer]:
    """Add `count` answers (or replies to `parent`) in one insert, oldest first.

    Services would take minutes for thousands of posts; the rows come out as they would
    leave them, except that nothing is indexed for search and no revisions are kept.
    """
    start = start or timezone.now() - step * (count + 1)
    rows = [
        Answer(
            question=question,
            parent=parent,
            author=authors[i % len(authors)],
            body=f"{body} ({i})",
            body_html=f"<p>{escape(body)} ({i})</p>",
            language="en",
            like_count=like_counts[i] if like_counts else 0,
            created_at=start + step * i,
        )
        for i in range(count)
    ]
    Answer.objects.bulk_create(rows, batch_size=500)
    added = 0 if parent is not None else count
    Question.objects.filter(pk=question.pk).update(
        answer_count=F("answer_count") + added, version=F("version") + 1
    )
    question.refresh_from_db()
    return rows
