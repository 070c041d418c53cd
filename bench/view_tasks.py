"""Tasks for the task-based designs that bench/views.py compares; not part of Rung."""

from datetime import date
from typing import Any

from django.tasks import task

from rung.qa import view_counter


@task
def count_views(keys: list[list[Any]]) -> int:
    """Write (question, viewer, day) keys the way the flushing thread writes its buffer."""
    # The same statements as the thread's flush, so the designs differ only in who writes.
    with view_counter._lock:
        view_counter._pending.update(
            (question, viewer, date.fromisoformat(day)) for question, viewer, day in keys
        )
    return view_counter.flush_views()
