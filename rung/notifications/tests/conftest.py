from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any

import pytest


@pytest.fixture
def committed(
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[Any]],
) -> Callable[[], AbstractContextManager[Any]]:
    """Run what a write schedules on commit (and so the tasks it enqueues) at the block's end."""

    def block() -> AbstractContextManager[Any]:
        return django_capture_on_commit_callbacks(execute=True)

    return block


@pytest.fixture
def no_mail(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[list[int]]]:
    """Record whom the immediate mail would be scheduled for, instead of mailing."""
    scheduled: list[list[int]] = []
    from rung.notifications import mailing

    monkeypatch.setattr(mailing, "schedule", lambda ids: scheduled.append(list(ids)))
    yield scheduled
