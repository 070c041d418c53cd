"""A cache every worker process on one machine shares: one SQLite file beside the database.

The embedded default's cache (settings.CACHES without REDIS_URL). Rendered pages and
fragments are keyed by the version of what they show and stay until evicted, so the
cache must outlive a request and be the same for every gunicorn worker and the task
worker: a process's own memory (LocMemCache) is neither. Measured against Django's
FileBasedCache and DatabaseCache in docs/architecture.md ("A cache the workers share").

Reads never wait: the file is in WAL mode. Writes take SQLite's lock for one statement.
Being a cache, it never fails a page: a read that cannot reach the file is a miss and a
write that cannot is dropped. Past MAX_ENTRIES a random share of the entries goes.
"""

import logging
import os
import pickle
import random
import sqlite3
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

logger = logging.getLogger(__name__)

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS entry (key TEXT PRIMARY KEY, value BLOB NOT NULL, expires REAL)"
)
# One write in this many checks the number of entries.
_CULL_EVERY = 200


class SQLiteCache(BaseCache):
    def __init__(self, location: str, params: dict[str, Any]) -> None:
        super().__init__(params)
        self._path = Path(location)
        self._local = threading.local()

    # --- connection ----------------------------------------------------------------

    def _db(self) -> sqlite3.Connection:
        local = self._local
        # A forked worker must not reuse its parent's connection.
        if getattr(local, "pid", None) != os.getpid():
            self._path.parent.mkdir(parents=True, exist_ok=True)
            fresh = sqlite3.connect(self._path, timeout=5, isolation_level=None)
            fresh.execute("PRAGMA journal_mode=WAL")
            # A lost entry after a power cut is a cache miss, not a lost write.
            fresh.execute("PRAGMA synchronous=OFF")
            fresh.execute(_SCHEMA)
            local.db, local.pid = fresh, os.getpid()
        db: sqlite3.Connection = local.db
        return db

    def _expiry(self, timeout: Any) -> float | None:
        # Django's helper already returns the moment of expiry (or None for never).
        expires: float | None = self.get_backend_timeout(timeout)
        return expires

    # --- reads ---------------------------------------------------------------------

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        key = self.make_and_validate_key(key, version=version)
        try:
            row = (
                self._db()
                .execute("SELECT value, expires FROM entry WHERE key = ?", (key,))
                .fetchone()
            )
        except (sqlite3.Error, OSError):
            logger.warning("cache read failed", exc_info=True)
            return default
        if row is None or (row[1] is not None and row[1] <= time.time()):
            return default
        return pickle.loads(row[0])

    def get_many(self, keys: Iterable[Any], version: int | None = None) -> dict[Any, Any]:
        by_key = {self.make_and_validate_key(key, version=version): key for key in keys}
        if not by_key:
            return {}
        marks = ",".join("?" * len(by_key))
        try:
            rows = (
                self._db()
                .execute(
                    f"SELECT key, value, expires FROM entry WHERE key IN ({marks})", list(by_key)
                )
                .fetchall()
            )
        except (sqlite3.Error, OSError):
            logger.warning("cache read failed", exc_info=True)
            return {}
        now = time.time()
        return {
            by_key[key]: pickle.loads(value)
            for key, value, expires in rows
            if expires is None or expires > now
        }

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return self.get(key, _MISSING, version) is not _MISSING

    # --- writes --------------------------------------------------------------------

    def _write(self, sql: str, params: tuple[Any, ...]) -> int:
        try:
            cursor = self._db().execute(sql, params)
        except (sqlite3.Error, OSError):
            logger.warning("cache write failed", exc_info=True)
            return 0
        if random.randrange(_CULL_EVERY) == 0:
            self._cull()
        return cursor.rowcount

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        key = self.make_and_validate_key(key, version=version)
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        self._write(
            "INSERT OR REPLACE INTO entry (key, value, expires) VALUES (?, ?, ?)",
            (key, data, self._expiry(timeout)),
        )

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        key = self.make_and_validate_key(key, version=version)
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        # One statement: insert, or replace an entry that has expired.
        changed = self._write(
            "INSERT INTO entry (key, value, expires) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires = excluded.expires "
            "WHERE entry.expires IS NOT NULL AND entry.expires <= ?",
            (key, data, self._expiry(timeout), time.time()),
        )
        return changed > 0

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        key = self.make_and_validate_key(key, version=version)
        return (
            self._write(
                "UPDATE entry SET expires = ? WHERE key = ? AND (expires IS NULL OR expires > ?)",
                (self._expiry(timeout), key, time.time()),
            )
            > 0
        )

    def delete(self, key: Any, version: int | None = None) -> bool:
        key = self.make_and_validate_key(key, version=version)
        return self._write("DELETE FROM entry WHERE key = ?", (key,)) > 0

    def clear(self) -> None:
        self._write("DELETE FROM entry", ())

    def _cull(self) -> None:
        """Past MAX_ENTRIES: drop expired entries, then a CULL_FREQUENCY share of the rest."""
        try:
            db = self._db()
            db.execute(
                "DELETE FROM entry WHERE expires IS NOT NULL AND expires <= ?", (time.time(),)
            )
            (count,) = db.execute("SELECT count(*) FROM entry").fetchone()
            if count > self._max_entries:
                # Keys are random enough in order (they hold ids and versions) that cutting
                # by key spreads the loss; frequency 0 empties the cache, as Django's do.
                share = count // self._cull_frequency if self._cull_frequency else count
                db.execute(
                    "DELETE FROM entry WHERE key IN "
                    "(SELECT key FROM entry ORDER BY random() LIMIT ?)",
                    (share,),
                )
        except (sqlite3.Error, OSError):
            logger.warning("cache cull failed", exc_info=True)

    def close(self, **kwargs: Any) -> None:
        # Connections are kept per thread for the life of the process, like the database's.
        pass


_MISSING = object()
