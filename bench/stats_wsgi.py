"""Rung's WSGI application with counters for bench/pages.py: queries and cache misses.

gunicorn loads `stats_wsgi:application` (with `--pythonpath bench`) instead of
`rung.wsgi:application`. Each worker keeps five counters in a small file of its own under
$RUNG_BENCH_STATS_DIR, mapped into memory, so counting costs a memory write and the
benchmark sums the files before and after a run:

requests, database queries, requests that rendered something (a page fragment or a whole
page missed the cache), cache reads of pages and fragments, and those that missed.
"""

import mmap
import os
import struct
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

FIELDS = ("requests", "queries", "rendered", "cache_reads", "cache_misses")
_FORMAT = f"<{len(FIELDS)}q"
# Keys of rendered HTML start with these (rung/qa/fragments.py).
_RENDERED_PREFIXES = ("frag:", "vpage:")


class _Counters:
    def __init__(self) -> None:
        self.values = [0] * len(FIELDS)
        self.map: mmap.mmap | None = None
        self.pid = 0

    def attach(self) -> None:
        # A forked worker needs a file of its own.
        if self.pid == os.getpid():
            return
        self.pid = os.getpid()
        folder = Path(os.environ.get("RUNG_BENCH_STATS_DIR", "/tmp"))
        path = folder / f"stats-{self.pid}"
        path.write_bytes(b"\0" * struct.calcsize(_FORMAT))
        with path.open("r+b") as file:
            self.map = mmap.mmap(file.fileno(), 0)
        self.values = [0] * len(FIELDS)

    def flush(self) -> None:
        if self.map is not None:
            self.map[:] = struct.pack(_FORMAT, *self.values)


_counters = _Counters()
_request: dict[str, int] = {"queries": 0, "reads": 0, "misses": 0}


def _count_query(
    execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
) -> Any:
    _request["queries"] += 1
    return execute(sql, params, many, context)


def _wrap_cache() -> None:
    from django.core.cache import caches

    backend = type(caches["default"])
    if getattr(backend, "_bench_counted", False):
        return
    plain_get = backend.get

    def counted_get(self: Any, key: Any, default: Any = None, version: Any = None) -> Any:
        value = plain_get(self, key, default, version)
        if isinstance(key, str) and key.startswith(_RENDERED_PREFIXES):
            _request["reads"] += 1
            if value is default:
                _request["misses"] += 1
        return value

    backend.get = counted_get  # type: ignore[method-assign]
    backend._bench_counted = True  # type: ignore[attr-defined]


def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    # Imported here, so bench/wrk.py can read the counters without setting Django up.
    from django.db import connection

    from rung.wsgi import application as rung_application

    _counters.attach()
    _wrap_cache()
    _request.update(queries=0, reads=0, misses=0)
    with connection.execute_wrapper(_count_query):
        result = rung_application(environ, start_response)
        try:
            body = list(result)
        finally:
            # Django's request_finished (closing old connections) runs on close().
            close = getattr(result, "close", None)
            if close is not None:
                close()
    values = _counters.values
    values[0] += 1
    values[1] += _request["queries"]
    values[2] += 1 if _request["misses"] else 0
    values[3] += _request["reads"]
    values[4] += _request["misses"]
    _counters.flush()
    return body


def read_totals(folder: Path) -> dict[str, int]:
    """Sum every worker's counters in `folder`."""
    totals = dict.fromkeys(FIELDS, 0)
    for path in folder.glob("stats-*"):
        data = path.read_bytes()
        if len(data) == struct.calcsize(_FORMAT):
            for name, value in zip(FIELDS, struct.unpack(_FORMAT, data), strict=True):
                totals[name] += value
    return totals
