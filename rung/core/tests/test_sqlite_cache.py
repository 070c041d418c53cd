"""The cache every worker shares (rung/core/sqlite_cache.py)."""

import multiprocessing
import time
from pathlib import Path
from unittest import mock

from rung.core.sqlite_cache import SQLiteCache


def _cache(path: Path, **options: object) -> SQLiteCache:
    return SQLiteCache(str(path), {"TIMEOUT": None, "OPTIONS": options})


def _set_in_child(path: str) -> None:
    _cache(Path(path)).set("from-child", ["<p>", "csrf", "</p>"])


def test_two_processes_share_an_entry(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    here = _cache(path)
    here.set("warm", "x")
    child = multiprocessing.get_context("spawn").Process(target=_set_in_child, args=(str(path),))
    child.start()
    child.join(30)
    assert child.exitcode == 0
    assert here.get("from-child") == ["<p>", "csrf", "</p>"]
    assert _cache(path).get("warm") == "x"


def test_reads_writes_and_expiry(tmp_path: Path) -> None:
    cache = _cache(tmp_path / "cache.sqlite3")
    assert cache.get("missing", "default") == "default"
    cache.set("kept", 1)
    cache.set("short", 2, timeout=10)
    assert cache.get_many(["kept", "short", "missing"]) == {"kept": 1, "short": 2}
    assert not cache.add("kept", 3)
    later = time.time() + 11
    with mock.patch("time.time", return_value=later):
        assert cache.get("short") is None
        assert cache.add("short", 4)
        assert cache.get("kept") == 1
    assert cache.delete("kept")
    assert not cache.has_key("kept")
    cache.clear()
    assert cache.get("short") is None


def test_too_many_entries_are_culled(tmp_path: Path) -> None:
    cache = _cache(tmp_path / "cache.sqlite3", MAX_ENTRIES=10, CULL_FREQUENCY=2)
    for number in range(30):
        cache.set(f"k{number}", number)
    cache._cull()
    assert len(cache.get_many([f"k{number}" for number in range(30)])) <= 15


def test_an_unreachable_file_is_a_miss_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    cache = _cache(blocker / "cache.sqlite3")
    cache.set("key", "value")
    assert cache.get("key", "default") == "default"
