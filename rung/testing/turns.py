"""Threads that write the test database: overlapping on PostgreSQL, taking turns on SQLite.

On PostgreSQL each thread's connection runs its own transaction, so workers released
together really overlap. SQLite's test database is one shared in-memory database, where
a second writer is refused at once ("table is locked") rather than made to wait; there the
threads take turns, and the tests check the same outcomes without the overlap.
"""

import contextlib
import threading
from collections.abc import Iterator

from django.db import connection

_turn = threading.Lock()


@contextlib.contextmanager
def turn() -> Iterator[None]:
    """Hold the database for one thread's work on SQLite; nothing on PostgreSQL."""
    if connection.vendor == "postgresql":
        yield
        return
    with _turn:
        yield
