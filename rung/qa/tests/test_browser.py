"""End-to-end story in a real headless Chromium: sign up, ask, answer, like, mark helpful.

Everything happens through the UI; the database is only read to confirm the outcome.
"""

import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rung.accounts.models import User
from rung.qa.models import Question

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
TIMEOUT_MS = 15_000
PASSWORD = "correct horse battery staple"

TITLE = "How do I show ownership as a mid-level ML engineer?"
BODY = """\
## Where I stand

I ship features on time but rarely own a system end to end.

- Things I do today
  - Feature work
    - Small model retraining jobs
- Things I want to do
"""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _unavailable(reason: str) -> None:
    """Fail in CI, skip on a workstation without a browser."""
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def _serve_one_request_at_a_time(live_server: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Serialize the live server when it shares the test's SQLite connection.

    With an in-memory SQLite test database, pytest-django hands the test's one connection
    to every request thread of the live server. Pages that fire overlapping requests (the
    ask form's htmx assistant, as fields change) would use one sqlite3 connection from two
    threads, which fails with "bad parameter or other API misuse". On PostgreSQL each
    thread has a connection of its own, and requests still overlap.
    """
    if not live_server.thread.connections_override:
        return
    httpd = live_server.thread.httpd
    app = httpd.get_app()
    lock = threading.Lock()

    def serialized(environ: dict[str, Any], start_response: Any) -> Any:
        # Django renders the whole page inside the call; only static files stream later.
        with lock:
            return app(environ, start_response)

    monkeypatch.setattr(httpd, "application", serialized)


@pytest.fixture
def chromium(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Iterator[Any]:
    if "live_server" in request.fixturenames:
        _serve_one_request_at_a_time(request.getfixturevalue("live_server"), monkeypatch)
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        _unavailable("playwright is not installed")
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing")
    # Playwright's sync API keeps an event loop on this thread; the test only reads the DB.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=60_000
        )
        try:
            yield browser
        finally:
            browser.close()
            expect.set_options(timeout=5_000)


class Watch:
    """Collects server errors and uncaught page errors seen by any page of a context."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def attach(self, context: Any) -> Any:
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS)
        context.on("page", self._page)
        return context

    def _page(self, page: Any) -> None:
        page.on(
            "response",
            lambda r: (
                self.problems.append(f"{r.status} {r.request.method} {r.url}")
                if r.status >= 500
                else None
            ),
        )
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))

    def assert_clean(self) -> None:
        assert self.problems == []


def sign_up(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/signup/")
    form = page.locator("form[action='/accounts/signup/']")
    form.locator("input[name=email]").fill(f"{username}@example.com")
    form.locator("input[name=username]").fill(username)
    form.locator("input[name=password1]").fill(PASSWORD)
    form.locator("input[name=password2]").fill(PASSWORD)
    form.locator("button[type=submit]").click()
    page.wait_for_url(f"{base}/members/me/edit/")


def log_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    form = page.locator("form[action='/accounts/login/']")
    form.locator("input[name=login]").fill(username)
    form.locator("input[name=password]").fill(PASSWORD)
    form.locator("button[type=submit]").click()
    page.wait_for_url(f"{base}/")


def log_out(page: Any, base: str) -> None:
    page.locator("header.site-header").get_by_role("button", name="Log out").click()
    page.wait_for_url(f"{base}/")


def test_member_story_in_chromium(live_server: Any, chromium: Any, test_output: Path) -> None:
    from playwright.sync_api import expect

    base = live_server.url
    watch = Watch()

    # 1. Alice signs up and lands, logged in, on her profile form.
    alice_context = watch.attach(chromium.new_context(viewport={"width": 1280, "height": 900}))
    page = alice_context.new_page()
    sign_up(page, base, "alice")
    expect(page.locator("header.site-header")).to_contain_text("alice")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    # 2. She fills in her profile.
    page.get_by_label("Display name").fill("Alice Chen")
    page.get_by_label("Headline").fill("ML Engineer at Acme")
    page.get_by_label("Current level").select_option(label="Mid-level Engineer")
    page.get_by_label("Years of experience").fill("4")
    page.get_by_label("English", exact=True).check()
    page.get_by_label("Chinese (Simplified)").check()
    page.get_by_role("button", name="Save profile").click()
    page.wait_for_url(f"{base}/members/alice/")
    header = page.locator(".profile-header")
    expect(header.locator("h1")).to_have_text("Alice Chen")
    expect(header.locator(".headline")).to_have_text("ML Engineer at Acme")
    expect(header.locator(".facts")).to_contain_text("Mid-level Engineer")
    expect(header.locator(".facts")).to_contain_text("4 years of experience")
    expect(header.locator(".facts")).to_contain_text("English")

    # 3. She asks a question with a context card.
    page.goto(f"{base}/ask/")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Details").fill(BODY)
    topics = page.locator("fieldset.topics-field")
    topics.get_by_label("Mid-level Engineer", exact=True).check()
    topics.get_by_label("Performance Reviews", exact=True).check()
    card = page.locator("fieldset.context-fields")
    card.get_by_label("Current level").select_option(label="Mid-level Engineer")
    card.get_by_label("Years of experience").fill("4")
    card.get_by_label("Rating scale of your last review").select_option(label="E / M+ / M / M- / I")
    ratings = page.locator("fieldset.ratings-fields")
    ratings.get_by_label("Impact", exact=True).select_option(label="E — Exceeds")
    ratings.get_by_label("Teamwork", exact=True).select_option(label="M+ — Meets+")
    ratings.get_by_label("Technical Skills", exact=True).select_option(label="M — Meets")
    card.get_by_label("Question focus").fill("Moving from feature work to owning a system")
    card.get_by_label("Would love feedback on").fill("Which habits to change first")
    page.get_by_role("button", name="Post your question").click()
    page.wait_for_url(re.compile(r"/questions/\d+/[\w-]+/$"))
    question_url = page.url
    expect(page.locator("h1")).to_have_text(TITLE)
    context_card = page.locator("section.context-card")
    expect(context_card).to_be_visible()
    expect(context_card).to_contain_text("Mid-level Engineer")
    expect(context_card).to_contain_text("4 years")
    expect(context_card).to_contain_text("E / M+ / M / M- / I")
    expect(context_card.locator(".rating")).to_have_text(
        ["Impact E", "Teamwork M+", "Technical Skills M"]
    )
    expect(context_card).to_contain_text("Moving from feature work to owning a system")
    expect(context_card).to_contain_text("Which habits to change first")
    body = page.locator("#question .prose.body")
    expect(body.locator("h2")).to_have_text("Where I stand")
    expect(body.locator("ul ul ul li")).to_have_text("Small model retraining jobs")
    expect(page.locator("#question .crumbs .topic-pill")).to_have_text(
        ["Mid-level Engineer", "Performance Reviews"]
    )

    # 4. Alice logs out; Bob signs up in his own browser context, finds the question and answers.
    log_out(page, base)
    expect(page.locator("header.site-header").get_by_role("link", name="Log in")).to_be_visible()

    bob_context = watch.attach(chromium.new_context(viewport={"width": 1280, "height": 900}))
    bob = bob_context.new_page()
    sign_up(bob, base, "bob")
    bob.goto(f"{base}/topics/mid-level/")
    bob.locator("#feed-items").get_by_role("link", name=TITLE).click()
    bob.wait_for_url(question_url)
    bob.get_by_role("textbox", name="Your answer").fill(
        "Pick one **system nobody owns** and become its owner: on-call, docs, roadmap."
    )
    bob.get_by_role("button", name="Post your answer").click()
    bob.wait_for_url(re.compile(r"#answer-\d+$"))
    answer_id = bob.url.rsplit("#answer-", 1)[1]
    answer = bob.locator(f"#answer-{answer_id}")
    expect(answer).to_contain_text("system nobody owns")

    # The like is swapped in by htmx: the page, and anything set on window, survives.
    like = bob.locator("#question .post-actions form.like-form button.like")
    expect(like).to_have_attribute("aria-pressed", "false")
    expect(like.locator(".like-count")).to_have_text("0")
    bob.wait_for_function("() => window.htmx !== undefined")
    bob.evaluate("() => { window.rungMarker = 'still here'; }")
    navigations: list[str] = []
    bob.on(
        "framenavigated",
        lambda frame: navigations.append(frame.url) if frame == bob.main_frame else None,
    )
    with bob.expect_response(
        lambda r: r.url.endswith("/like/") and r.request.method == "POST"
    ) as like_response:
        like.click()
    assert like_response.value.status == 200
    assert like_response.value.request.headers.get("hx-request") == "true"
    expect(like).to_have_attribute("aria-pressed", "true")
    expect(like.locator(".like-count")).to_have_text("1")
    expect(like.locator(".like-label")).to_have_text("Liked")
    assert bob.evaluate("() => window.rungMarker") == "still here"
    assert navigations == []

    # 5. Alice logs back in and marks Bob's answer as most helpful.
    log_in(page, base, "alice")
    page.goto(question_url)
    alice_answer = page.locator(f"#answer-{answer_id}")
    expect(alice_answer.locator(".helpful-badge")).to_have_count(0)
    alice_answer.get_by_role("button", name="Mark most helpful").click()
    page.wait_for_url(f"{question_url}#answer-{answer_id}")
    expect(alice_answer.locator(".helpful-badge")).to_contain_text("Most helpful to the asker")
    expect(alice_answer.get_by_role("button", name="Unmark most helpful")).to_be_visible()
    expect(page.locator("#question .like-static")).to_contain_text("1")

    # 6. A full-page screenshot of the finished question page.
    screenshot = test_output / "question-page.png"
    screenshot.unlink(missing_ok=True)
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.exists()
    assert screenshot.stat().st_size > 10_000

    watch.assert_clean()
    bob_context.close()
    alice_context.close()

    question = Question.objects.get(title=TITLE)
    assert question.author == User.objects.get(username="alice")
    assert question.accepted_answer_id == int(answer_id)
    assert question.accepted_answer is not None
    assert question.accepted_answer.author.username == "bob"
    assert question.like_count == 1
    assert question.answer_count == 1


def test_like_without_javascript(live_server: Any, chromium: Any) -> None:
    from playwright.sync_api import expect

    base = live_server.url
    watch = Watch()

    asker_context = watch.attach(chromium.new_context())
    asker = asker_context.new_page()
    sign_up(asker, base, "asker")
    asker.goto(f"{base}/ask/")
    asker.get_by_label("Title").fill("Is a plain form enough to like a question?")
    asker.get_by_label("Details").fill("Checking that likes work without scripts.")
    asker.locator("fieldset.topics-field").get_by_label("Mid-level Engineer", exact=True).check()
    asker.get_by_role("button", name="Post your question").click()
    asker.wait_for_url(re.compile(r"/questions/\d+/[\w-]+/$"))
    question_url = asker.url
    asker_context.close()

    context = watch.attach(chromium.new_context(java_script_enabled=False))
    page = context.new_page()
    sign_up(page, base, "reader")
    page.goto(question_url)
    like = page.locator("#question form.like-form button.like")
    expect(like.locator(".like-count")).to_have_text("0")
    with (
        page.expect_request(lambda r: r.url.endswith("/like/")) as like_request,
        page.expect_navigation(url=question_url),
    ):
        like.click()
    assert like_request.value.method == "POST"
    assert "hx-request" not in like_request.value.headers
    expect(like).to_have_attribute("aria-pressed", "true")
    expect(like.locator(".like-count")).to_have_text("1")
    watch.assert_clean()
    context.close()

    question = Question.objects.get(title="Is a plain form enough to like a question?")
    assert question.like_count == 1
