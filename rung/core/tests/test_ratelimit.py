"""The shared rate-limit store: exact counts under concurrency, windows, and both backends."""

import contextlib
import os
import threading
import uuid
from collections.abc import Iterator

import pytest
from django.db import connections
from django.test import RequestFactory

from rung.core import ratelimit
from rung.core.ratelimit import Rate

IN_CI = os.environ.get("CI") == "true"
REDIS_URL = os.environ.get("RUNG_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _redis_reachable() -> bool:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping()
    except Exception:
        return False
    return True


@pytest.fixture(params=["database", "redis"])
def store(request: pytest.FixtureRequest, settings: object) -> Iterator[str]:
    """Run a test against the database store and against Redis (required in CI)."""
    if request.param == "redis":
        if not _redis_reachable():
            if IN_CI:
                pytest.fail(f"Redis is required in CI but {REDIS_URL} is unreachable")
            pytest.skip(f"Redis is not reachable at {REDIS_URL}")
        settings.REDIS_URL = REDIS_URL  # type: ignore[attr-defined]
    else:
        settings.REDIS_URL = ""  # type: ignore[attr-defined]
    yield request.param


def _scope() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"


@pytest.mark.parametrize(
    ("text", "rate"),
    [("5/15m", Rate(5, 900)), ("20/h", Rate(20, 3600)), ("100/d", Rate(100, 86400))],
)
def test_rates_read_like_they_are_written(text: str, rate: Rate) -> None:
    assert Rate.parse(text) == rate


@pytest.mark.parametrize("text", ["", "5", "five/m", "5/15x", "5/m/ip", "-1/m"])
def test_a_malformed_rate_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a rate"):
        Rate.parse(text)


@pytest.mark.django_db
def test_hits_within_the_rate_pass_and_the_next_waits(store: str) -> None:
    scope, rate = _scope(), Rate(3, 60)
    assert [ratelimit.hit(scope, "k", rate).allowed for _ in range(4)] == [True] * 3 + [False]
    refused = ratelimit.peek(scope, "k", rate)
    assert not refused.allowed and 0 < refused.retry_after <= 60
    assert ratelimit.peek(scope, "other", rate).allowed
    ratelimit.reset(scope, "k")
    assert ratelimit.peek(scope, "k", rate).allowed


@pytest.mark.django_db
def test_peek_counts_nothing(store: str) -> None:
    scope, rate = _scope(), Rate(1, 60)
    for _ in range(5):
        assert ratelimit.peek(scope, "k", rate).allowed
    assert ratelimit.hit(scope, "k", rate).allowed


@pytest.mark.django_db
def test_a_new_window_starts_when_the_old_one_ends(
    store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    scope, rate = _scope(), Rate(1, 1)
    assert ratelimit.hit(scope, "k", rate).allowed
    assert not ratelimit.hit(scope, "k", rate).allowed
    if store == "redis":
        # Redis expires the key itself: wait for it rather than moving a clock.
        import time

        time.sleep(1.1)
    else:
        now = ratelimit._now_ms()
        monkeypatch.setattr(ratelimit, "_now_ms", lambda: now + 1_500)
    assert ratelimit.hit(scope, "k", rate).allowed


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_hits_are_each_counted_once(store: str) -> None:
    """Twenty threads, each with its own connection, hit one key at once: a count of 20.

    The in-memory SQLite test database locks whole tables between its connections without
    waiting, so there the hits take turns; a file database waits on its write lock instead
    (test_limits_hold_across_worker_processes covers that).
    """
    scope, rate = _scope(), Rate(1000, 60)
    barrier = threading.Barrier(20)
    errors: list[BaseException] = []
    in_memory_sqlite = store == "database" and connections["default"].vendor == "sqlite"
    turns = threading.Lock() if in_memory_sqlite else contextlib.nullcontext()

    def attempt() -> None:
        try:
            barrier.wait()
            with turns:
                ratelimit.hit(scope, "shared", rate)
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    assert ratelimit._store().get(ratelimit._key(scope, "shared"))[0] == 20
    ratelimit.reset(scope, "shared")


@pytest.mark.parametrize(
    ("address", "counted_as"),
    [
        ("192.0.2.10", "192.0.2.10"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::"),
        ("::ffff:192.0.2.10", "192.0.2.10"),
        ("", "unknown"),
    ],
)
def test_clients_are_counted_by_address_and_ipv6_by_its_64(address: str, counted_as: str) -> None:
    request = RequestFactory().get("/", REMOTE_ADDR=address)
    assert ratelimit.client_address(request) == counted_as
