"""Nearest-neighbour search over question vectors, kept fresh inside each process.

Small collections live in one numpy matrix and are scanned exactly. Past
`RUNG_SEARCH_ANN_THRESHOLD` vectors, `search_rebuild` (or the worker) writes an
inverted-file index (ivf.py) that processes read from disk through the shared page cache,
and only the vectors written since it was built are held in numpy. Either way the matrix is
topped up from the database by `updated_at`, at most once per `RUNG_SEARCH_REFRESH_SECONDS`.
Vectors of hidden questions may linger until the next reload: callers filter results.
"""

import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings
from django.utils import timezone

from rung.search import ivf
from rung.search.embeddings import DIMENSIONS, MODEL_NAME, Vector, dequantize, normalize
from rung.search.models import Embedding

logger = logging.getLogger(__name__)

# A row committed late may carry an older timestamp than rows already read: look back.
_OVERLAP = timedelta(seconds=30)
_FULL_RELOAD_SECONDS = 600


@dataclass(frozen=True)
class AnnMeta:
    built_at: datetime
    count: int


def ann_path() -> Path:
    return Path(settings.RUNG_SEARCH_DIR) / "questions.ivf"


def _meta_path(path: Path) -> Path:
    return path / "built.json"


def read_ann_meta(path: Path | None = None) -> AnnMeta | None:
    """Return when the ANN index was built and how many vectors it holds, if there is one."""
    path = path or ann_path()
    try:
        data = json.loads(_meta_path(path).read_text())
        if data.get("model") != MODEL_NAME:
            return None
        return AnnMeta(datetime.fromisoformat(data["built_at"]), int(data["count"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class _StoredVectors:
    """Every stored vector, re-read from the database on each pass."""

    def __iter__(self) -> Iterator[tuple[int, bytes]]:
        rows = Embedding.objects.filter(model=MODEL_NAME).order_by("question_id")
        for question_id, data in rows.values_list("question_id", "vector").iterator(
            chunk_size=20_000
        ):
            yield question_id, bytes(data)


def ann_build(path: Path | None = None) -> AnnMeta:
    """Write a fresh inverted-file index of every stored vector and swap it in atomically."""
    path = path or ann_path()
    built_at = timezone.now()
    count = Embedding.objects.filter(model=MODEL_NAME).count()
    staging = path.with_name(f"{path.name}.{os.getpid()}.new")
    shutil.rmtree(staging, ignore_errors=True)
    stored = ivf.build(staging, _StoredVectors(), count=count)
    meta = {"model": MODEL_NAME, "built_at": built_at.isoformat(), "count": stored}
    _meta_path(staging).write_text(json.dumps(meta))
    retired = path.with_name(f"{path.name}.{os.getpid()}.old")
    if path.exists():
        path.rename(retired)
    staging.rename(path)
    # Processes that opened the old files keep reading them until they reload.
    shutil.rmtree(retired, ignore_errors=True)
    return AnnMeta(built_at, stored)


class VectorIndex:
    """The question vectors one process searches."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids = np.zeros(0, dtype=np.int64)
        self._matrix = np.zeros((0, DIMENSIONS), dtype=np.float32)
        self._size = 0
        self._rows: dict[int, int] = {}
        self._ann: Any = None
        self._ann_meta: AnnMeta | None = None
        self._loaded_through: datetime | None = None
        self._checked = -1e18
        self._loaded = -1e18

    @property
    def scanned(self) -> int:
        """Return how many vectors a search scores in memory, beside the file's."""
        return self._size

    def __len__(self) -> int:
        """Return how many distinct questions this process can find by vector."""
        if self._ann is None:
            return self._size
        newer = np.isin(self._ids[: self._size], self._ann.ids, invert=True)
        return len(self._ann) + int(newer.sum())

    def _reset(self) -> None:
        if self._ann is not None:
            self._ann.close()
        self._ids = np.zeros(0, dtype=np.int64)
        self._matrix = np.zeros((0, DIMENSIONS), dtype=np.float32)
        self._size = 0
        self._rows = {}
        self._ann = None
        self._ann_meta = read_ann_meta()
        if self._ann_meta is not None:
            try:
                self._ann = ivf.IvfIndex(ann_path())
            except Exception:  # a torn or foreign file must not break search
                logger.exception("Could not open the vector index file; scanning instead")
                self._ann_meta = None
        self._loaded_through = self._ann_meta.built_at if self._ann_meta else None

    def refresh(self, *, force: bool = False, at_once: bool = False) -> None:
        """Read vectors written since the last look; reload everything now and then.

        `force` reloads everything; `at_once` reads what was written since the last look
        without waiting for the interval (the worker, right after storing vectors).
        """
        now = time.monotonic()
        interval = 0 if at_once else settings.RUNG_SEARCH_REFRESH_SECONDS
        if not force and now - self._checked < interval:
            return
        with self._lock:
            if not force and now - self._checked < interval:
                return
            if force or now - self._loaded > _FULL_RELOAD_SECONDS or self._changed_file():
                self._reset()
                self._loaded = now
            rows = Embedding.objects.filter(model=MODEL_NAME)
            if self._loaded_through is not None:
                rows = rows.filter(updated_at__gte=self._loaded_through - _OVERLAP)
            latest = self._loaded_through
            fresh: list[tuple[int, bytes]] = []
            for question_id, data, updated_at in rows.values_list(
                "question_id", "vector", "updated_at"
            ).iterator(chunk_size=5000):
                fresh.append((question_id, bytes(data)))
                latest = updated_at if latest is None else max(latest, updated_at)
            if self._ann is not None:
                # Rows written just before the file was built are read again (the overlap
                # allows for late commits); those the file holds as stored are not scanned
                # twice. After a bulk import that is thousands of vectors.
                held = self._ann.holds([row for row in fresh if row[0] not in self._rows])
                fresh = [row for row in fresh if row[0] not in held]
            self._add(fresh)
            self._loaded_through = latest
            self._checked = now

    def _changed_file(self) -> bool:
        meta = read_ann_meta()
        return meta != self._ann_meta

    def _add(self, rows: list[tuple[int, bytes]]) -> None:
        new = [(qid, data) for qid, data in rows if qid not in self._rows]
        for qid, data in rows:
            if qid in self._rows:
                self._matrix[self._rows[qid]] = dequantize(data)
        needed = self._size + len(new)
        if needed > len(self._ids):
            capacity = max(needed, 2 * len(self._ids), 64)
            ids = np.zeros(capacity, dtype=np.int64)
            matrix = np.zeros((capacity, DIMENSIONS), dtype=np.float32)
            ids[: self._size] = self._ids[: self._size]
            matrix[: self._size] = self._matrix[: self._size]
            self._ids, self._matrix = ids, matrix
        if not new:
            return
        # One conversion for the whole batch: a full reload of 50,000 rows stays quick.
        block = np.frombuffer(b"".join(data for _qid, data in new), dtype=np.int8)
        end = self._size + len(new)
        self._matrix[self._size : end] = normalize(
            block.reshape(len(new), DIMENSIONS).astype(np.float32)
        )
        self._ids[self._size : end] = [qid for qid, _data in new]
        for row, (qid, _data) in enumerate(new, start=self._size):
            self._rows[qid] = row
        self._size = end

    def nearest(
        self, vector: Vector, k: int, *, exclude: Iterable[int] = ()
    ) -> list[tuple[int, float]]:
        """Return up to k (question id, cosine) pairs, most similar first."""
        skip = set(exclude)
        found: dict[int, float] = {}
        want = k + len(skip)
        if self._size:
            scores = self._matrix[: self._size] @ vector
            top = min(want, self._size)
            best = np.argpartition(-scores, top - 1)[:top]
            for row in best:
                found[int(self._ids[row])] = float(scores[row])
        if self._ann is not None:
            for qid, score in self._ann.search(vector, want + 8):
                # A vector in numpy is newer than the file's copy of it.
                if qid not in self._rows:
                    found.setdefault(qid, score)
        ranked = sorted(
            ((qid, score) for qid, score in found.items() if qid not in skip),
            key=lambda item: (-item[1], -item[0]),
        )
        return ranked[:k]


_index: VectorIndex | None = None
_index_lock = threading.Lock()


def vector_index() -> VectorIndex:
    """Return this process's vector index, brought up to date."""
    global _index
    if _index is None:
        with _index_lock:
            if _index is None:
                _index = VectorIndex()
    _index.refresh()
    return _index


def vector_index_reset() -> None:
    """Forget the loaded vectors, so the next search reads them all again."""
    global _index
    with _index_lock:
        _index = None
