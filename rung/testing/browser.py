"""A real headless Chromium (Debian's, driven by Playwright) for end-to-end tests.

The root conftest offers `chromium` as a fixture; tests open contexts on it, attach a
`Watch` to collect server errors and page errors, and use the sign-up and log-in steps here.
"""

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

import pytest

from rung.testing.factories import PASSWORD

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

# What the live server logged about its 500s, so a failing test says why, not only where.
_server_errors: list[str] = []


class _KeepServerErrors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.setFormatter(logging.Formatter("%(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        _server_errors.append(self.format(record))


def unavailable(reason: str) -> None:
    """Fail in CI, skip on a workstation without a browser."""
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def serve_one_request_at_a_time(live_server: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Serialize the live server when it shares the test's SQLite connection.

    With an in-memory SQLite test database, pytest-django hands the test's one connection
    to every request thread of the live server. Pages that fire overlapping requests (the
    ask form's htmx assistant, as fields change) would use one sqlite3 connection from two
    threads, which fails with "bad parameter or other API misuse". On PostgreSQL each
    thread has a connection of its own, and requests still overlap.

    The test's own thread shares that connection too: a test that reads the database while
    its page may still be sending requests (a player reporting its place, a video buffering)
    reads inside `between_requests`.
    """
    if not live_server.thread.connections_override:
        return
    httpd = live_server.thread.httpd
    app = httpd.get_app()
    lock = threading.Lock()
    live_server.thread.rung_request_lock = lock

    def serialized(environ: dict[str, Any], start_response: Any) -> Any:
        # Django renders the whole page inside the call; only static files stream later.
        with lock:
            return app(environ, start_response)

    monkeypatch.setattr(httpd, "application", serialized)


def between_requests(live_server: Any) -> AbstractContextManager[Any]:
    """Hold the live server's requests while the test's thread reads the shared connection.

    Only needed where that connection is shared (in-memory SQLite); elsewhere it holds nothing.
    """
    lock = getattr(live_server.thread, "rung_request_lock", None)
    return lock if lock is not None else nullcontext()


@pytest.fixture
def chromium(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Iterator[Any]:
    if "live_server" in request.fixturenames:
        serve_one_request_at_a_time(request.getfixturevalue("live_server"), monkeypatch)
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        unavailable("playwright is not installed")
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing")
    keeper = _KeepServerErrors()
    logging.getLogger("django.request").addHandler(keeper)

    def forget_server_errors() -> None:
        logging.getLogger("django.request").removeHandler(keeper)
        _server_errors.clear()

    request.addfinalizer(forget_server_errors)
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
        self._first_server_error = len(_server_errors)

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
        logged = "\n".join(_server_errors[self._first_server_error :])
        assert self.problems == [], f"the server logged:\n{logged}" if logged else ""


def fill_unless_restored(field: Any, text: str) -> None:
    """Type the text again only if the browser restored nothing (after Back), as a member would."""
    if field.input_value() != text:
        field.fill(text)


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
