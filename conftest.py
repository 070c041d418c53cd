"""The test cast, shared by every app's tests (docs/testing.md):

- alice, the owner: she asks the questions and owns the growth plans;
- bob, her teammate: he answers, and is who alice shares things with;
- charlie, an outsider to both: a member with no claim on their posts or plans;
- mod, a moderator: staff, not superuser;
- visitor: a browser that is not logged in.

Each member has a logged-in client (`alice_client`, ...); `visitor` is the bare client.
"""

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from rung.accounts.models import User
from rung.qa.models import Question, Topic
from rung.testing import make_answer, make_member, make_question
from rung.testing.routes import Scene
from rung.testing.smtp import LoopbackSMTP, loopback_smtp

pytest_plugins = ["rung.testing.browser"]

_POSTING_RATES = (
    "questions_per_10_minutes",
    "questions_per_hour",
    "questions_per_day",
    "answers_per_10_minutes",
    "answers_per_hour",
    "answers_per_day",
    "edits_per_hour",
    "flags_per_day",
)
TEST_OUTPUT = Path(__file__).resolve().parent / "test-output"


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    # Tests read static files from the finders; production serves the hashed manifest.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.RUNG_VIEW_FLUSH_SECONDS = 0
    settings.ACCOUNT_RATE_LIMITS = False
    # The cast signs up faster than a person types, and other apps' stories post far more
    # than a member may in an hour; moderation's tests set the fill time and the rates.
    settings.RUNG_SIGNUP_MIN_SECONDS = 0
    settings.RUNG_FIRST_POST_MIN_SECONDS = 0
    settings.RUNG_POSTING_LIMITS = {
        **settings.RUNG_POSTING_LIMITS,
        **{name: [100_000] * 4 for name in _POSTING_RATES},
    }
    # Tasks run inline, so a test sees a question's vector as soon as it is posted.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    # A module that declares a task looks its backend up as it loads, which may have
    # happened under the settings' own backend: forget it, so every task runs inline.
    from django.tasks import task_backends

    task_backends.__dict__.pop("settings", None)
    task_backends._settings = None
    for alias in task_backends:
        with contextlib.suppress(AttributeError):
            del task_backends[alias]
    settings.RUNG_SEARCH_REFRESH_SECONDS = 0
    # Tasks run inline here: rendering every changed page after each write would slow every
    # test; the tests of that task turn it on.
    settings.RUNG_PRERENDER = False
    # The demo lessons' videos would be rendered inline by every test that loads the demo;
    # their own tests turn them on.
    settings.RUNG_DEMO_LESSONS = False
    # The live server answers each request in a new thread; persistent connections there
    # would outlive the test database.
    settings.DATABASES["default"]["CONN_MAX_AGE"] = 0
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    # The shared cache file is this test process's own, never a running site's.
    if settings.CACHES["default"]["BACKEND"] == "rung.core.sqlite_cache.SQLiteCache":
        import tempfile

        folder = tempfile.mkdtemp(prefix="rung-test-cache-")
        settings.CACHES["default"]["LOCATION"] = f"{folder}/cache.sqlite3"


@pytest.fixture(autouse=True, scope="session")
def _close_stray_database_sessions(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """End database sessions that the live server's request threads left open.

    On PostgreSQL an idle session of one of those threads would keep the test database from
    being dropped at the end of the run. This runs once, after the last test: per module,
    it could end a session that the browser tests' event loop still holds.
    """
    yield
    from django.db import connection

    with django_db_blocker.unblock():
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture(autouse=True)
def _clear_cache(settings: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    from rung.core.people_version import people_version_forget
    from rung.search.vectors import vector_index_reset

    cache.clear()
    people_version_forget()
    # A request in one test activates its language on this thread; the next test starts
    # from the site's default, as a fresh request would.
    translation.activate(settings.LANGUAGE_CODE)
    # A vector index file built by one test must not serve the next one's database.
    settings.RUNG_SEARCH_DIR = tmp_path_factory.mktemp("search")
    # Each test's database is rolled back: vectors held in memory would outlive it.
    vector_index_reset()
    yield
    cache.clear()
    people_version_forget()


@pytest.fixture
def buffered_views(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Buffer views as production does, with the background flusher left to the test."""
    from rung.qa import view_counter

    settings.RUNG_VIEW_FLUSH_SECONDS = 3600
    monkeypatch.setattr(view_counter, "_ensure_flusher", lambda: None)
    yield
    view_counter.discard_pending()


@pytest.fixture
def alice(db: None) -> User:
    return make_member("alice", display_name="Alice Chen", headline="ML Engineer at Acme")


@pytest.fixture
def bob(db: None) -> User:
    return make_member(
        "bob", display_name="Bob Rivera", headline="Tech Lead/Manager at Meta, Pinterest"
    )


@pytest.fixture
def charlie(db: None) -> User:
    return make_member("charlie", display_name="Charlie Okafor")


@pytest.fixture
def mod(db: None) -> User:
    return make_member("mod", display_name="Morgan Lee", is_staff=True)


@pytest.fixture
def visitor(client: Client) -> Client:
    """A browser that has not logged in."""
    return client


@pytest.fixture
def question(alice: User) -> Question:
    return make_question(alice, topics=["mid-level", "performance-reviews"])


@pytest.fixture
def scene(alice: User, bob: User, charlie: User, mod: User, question: Question) -> Scene:
    """The rows the route matrices work on: alice's question, bob's answer, her reply."""
    answer = make_answer(question, bob)
    reply = make_answer(question, alice, parent=answer, body="Thanks, I will try that.")
    members = {"owner": alice, "teammate": bob, "outsider": charlie, "moderator": mod}
    return Scene(members, question, answer, reply, Topic.objects.get(slug="mid-level"))


def login(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


@pytest.fixture
def alice_client(client: Client, alice: User) -> Client:
    return login(client, alice)


@pytest.fixture
def bob_client(bob: User) -> Client:
    return login(Client(), bob)


@pytest.fixture
def charlie_client(charlie: User) -> Client:
    return login(Client(), charlie)


@pytest.fixture
def mod_client(mod: User) -> Client:
    return login(Client(), mod)


@pytest.fixture
def live_smtp(settings: Any, live_server: Any) -> Iterator[LoopbackSMTP]:
    """A real SMTP server on loopback catching the mail of a live server's pages, whose
    links point at that server."""
    settings.RUNG_SITE_URL = live_server.url
    with loopback_smtp(settings) as server:
        yield server


@pytest.fixture
def test_output() -> Path:
    TEST_OUTPUT.mkdir(exist_ok=True)
    return TEST_OUTPUT
