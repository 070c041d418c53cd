"""Identical growth forms sent at the same moment from separate renderings make one row.

On PostgreSQL the live server answers each request in a thread with its own connection,
so the submits released together really overlap, and only the lock on the member's
scope (rung/core/submit_once.py) keeps the second from saving a twin. On SQLite the
server takes them one at a time and the test checks the same outcome.
"""

import threading
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import reverse

from rung.growth.models import GrowthPlan, LogEntry
from rung.testing import Browser, Reply, make_member
from rung.testing.browser import serve_one_request_at_a_time

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SENDS = 10


@pytest.fixture
def server(live_server: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    serve_one_request_at_a_time(live_server, monkeypatch)
    yield live_server.url


def _all_at_once(browser: Browser, path: str, data: dict[str, str]) -> list[Reply]:
    """Post the form SENDS times at one instant, each with a token of its own."""
    barrier = threading.Barrier(SENDS)
    replies: list[Reply | BaseException | None] = [None] * SENDS

    def send(index: int) -> None:
        barrier.wait()
        try:
            replies[index] = browser.post(path, {**data, "submit_token": str(uuid.uuid4())})
        except BaseException as error:  # reported below, with the others
            replies[index] = error

    threads = [threading.Thread(target=send, args=(index,)) for index in range(SENDS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    errors = [reply for reply in replies if not isinstance(reply, Reply)]
    assert not errors, errors
    return replies  # type: ignore[return-value]


@pytest.mark.parametrize("form", ["log entry", "plan"])
def test_identical_submits_from_separate_renderings_at_once_make_one_row(
    server: str, form: str
) -> None:
    owner = make_member("petra")
    browser = Browser(server).log_in("petra")
    if form == "log entry":
        path = reverse("growth:log")
        data = {"date": "2025-03-01", "text": "Ran the incident review"}
        rows: Any = LogEntry.objects.filter(owner=owner)
    else:
        path = reverse("growth:plan_create")
        data = {"title": "Towards staff", "summary": "Own a platform"}
        rows = GrowthPlan.objects.filter(owner=owner)
    browser.get(path)

    replies = _all_at_once(browser, path, data)

    assert [reply.status for reply in replies] == [302] * SENDS
    assert rows.count() == 1
    assert len({reply.location for reply in replies}) == 1
