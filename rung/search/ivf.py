"""An inverted-file vector index that lives on disk and is read, not mapped.

The vectors are clustered around `lists` centroids (spherical k-means on a sample), and
stored on disk grouped by cluster. A search scores the centroids, reads the closest
`probes` clusters with `os.pread` and scores their vectors exactly. Only the centroids
and the cluster offsets stay in memory, a few megabytes. The vectors pass through the
OS page cache, which every worker shares, rather than each worker's resident memory:
a memory-mapped graph index would end up counted in full in every worker's RSS.
"""

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from rung.search.embeddings import DIMENSIONS, normalize

_TRAIN_SAMPLE = 60_000
_TRAIN_ROUNDS = 8


@dataclass(frozen=True)
class IvfFiles:
    folder: Path

    @property
    def centroids(self) -> Path:
        return self.folder / "centroids.npy"

    @property
    def offsets(self) -> Path:
        return self.folder / "offsets.npy"

    @property
    def ids(self) -> Path:
        return self.folder / "ids.npy"

    @property
    def vectors(self) -> Path:
        return self.folder / "vectors.i8"

    @property
    def scales(self) -> Path:
        return self.folder / "scales.npy"

    @property
    def meta(self) -> Path:
        return self.folder / "meta.json"


def _train(sample: npt.NDArray[np.float32], lists: int, seed: int) -> npt.NDArray[np.float32]:
    """Return unit centroids from spherical k-means over a sample of unit vectors."""
    rng = np.random.default_rng(seed)
    centroids = sample[rng.choice(len(sample), size=lists, replace=False)].copy()
    for _ in range(_TRAIN_ROUNDS):
        assign = np.argmax(sample @ centroids.T, axis=1)
        sums = np.zeros_like(centroids)
        np.add.at(sums, assign, sample)
        empty = np.bincount(assign, minlength=lists) == 0
        # A centroid that lost every member restarts on a random vector.
        sums[empty] = sample[rng.choice(len(sample), size=int(empty.sum()))]
        centroids = normalize(sums)
    return centroids


def lists_for(count: int) -> int:
    """Return how many clusters suit a collection: about √n, within sane bounds."""
    return int(min(4096, max(16, round(count**0.5))))


def build(
    folder: Path,
    rows: Iterable[tuple[int, bytes]],
    *,
    count: int,
    seed: int = 7,
    chunk: int = 50_000,
) -> int:
    """Write an index of (id, int8 vector bytes) rows into folder; return how many it holds.

    `rows` is read twice (a sample to train on, then everything), so pass a re-iterable.
    """
    files = IvfFiles(folder)
    folder.mkdir(parents=True, exist_ok=True)
    lists = lists_for(count)
    sample_every = max(1, count // _TRAIN_SAMPLE)
    sample = [
        np.frombuffer(data, dtype=np.int8).astype(np.float32)
        for n, (_id, data) in enumerate(rows)
        if n % sample_every == 0
    ]
    if len(sample) < lists:
        raise ValueError("too few vectors for an inverted-file index")
    centroids = _train(normalize(np.stack(sample)), lists, seed)
    del sample
    # Assign in chunks and spill each chunk, grouped by cluster, to a scratch file.
    ids_parts: list[npt.NDArray[np.int64]] = []
    assign_parts: list[npt.NDArray[np.int32]] = []
    scratch = folder / "scratch.i8"
    with scratch.open("wb") as out:
        for ids, matrix in _chunks(rows, chunk):
            scores = normalize(matrix.astype(np.float32)) @ centroids.T
            assign_parts.append(np.argmax(scores, axis=1).astype(np.int32))
            ids_parts.append(ids)
            out.write(matrix.tobytes())
    ids = np.concatenate(ids_parts) if ids_parts else np.zeros(0, dtype=np.int64)
    assign = np.concatenate(assign_parts) if assign_parts else np.zeros(0, dtype=np.int32)
    order = np.argsort(assign, kind="stable")
    offsets = np.zeros(lists + 1, dtype=np.int64)
    np.cumsum(np.bincount(assign, minlength=lists), out=offsets[1:])
    stored = np.memmap(scratch, dtype=np.int8, mode="r", shape=(len(ids), DIMENSIONS))
    scales = np.zeros(len(ids), dtype=np.float32)
    with files.vectors.open("wb") as out:
        for start in range(0, len(order), chunk):
            block = np.ascontiguousarray(stored[order[start : start + chunk]])
            norms = np.linalg.norm(block.astype(np.float32), axis=1)
            scales[start : start + len(block)] = 1.0 / np.where(norms == 0, 1, norms)
            out.write(block.tobytes())
    del stored
    scratch.unlink()
    np.save(files.centroids, centroids)
    np.save(files.offsets, offsets)
    np.save(files.ids, ids[order])
    np.save(files.scales, scales)
    files.meta.write_text(json.dumps({"count": len(ids), "lists": lists}))
    return len(ids)


def _chunks(
    rows: Iterable[tuple[int, bytes]], size: int
) -> Iterator[tuple[npt.NDArray[np.int64], npt.NDArray[np.int8]]]:
    ids: list[int] = []
    data: list[bytes] = []
    for question_id, vector in rows:
        ids.append(question_id)
        data.append(vector)
        if len(ids) == size:
            yield _pack(ids, data)
            ids, data = [], []
    if ids:
        yield _pack(ids, data)


def _pack(ids: list[int], data: list[bytes]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int8]]:
    matrix = np.frombuffer(b"".join(data), dtype=np.int8).reshape(len(ids), DIMENSIONS)
    return np.array(ids, dtype=np.int64), matrix


class IvfIndex:
    """A built index, opened for searching."""

    def __init__(self, folder: Path, *, probes: int = 16, budget: int = 8000) -> None:
        files = IvfFiles(folder)
        self.centroids: npt.NDArray[np.float32] = np.load(files.centroids)
        self.offsets: npt.NDArray[np.int64] = np.load(files.offsets)
        # Ids are 8 bytes a vector against 512 for the vectors: kept in memory.
        self.ids: npt.NDArray[np.int64] = np.load(files.ids)
        # 1/‖v‖ of each stored vector, so a cosine is one product and one multiply.
        self.scales: npt.NDArray[np.float32] = np.load(files.scales)
        self.count = len(self.ids)
        self.probes = min(probes, len(self.centroids))
        # Clusters differ in size: stop reading once this many vectors were scored, so a
        # query that lands on a crowded corner costs about what any other query costs.
        self.budget = budget
        self._fd = os.open(files.vectors, os.O_RDONLY)
        # Where each id's vector sits, sorted by id; built the first time `holds` asks.
        self._by_id: npt.NDArray[np.int64] | None = None

    def __len__(self) -> int:
        return self.count

    def close(self) -> None:
        os.close(self._fd)

    def holds(self, rows: list[tuple[int, bytes]]) -> set[int]:
        """Return the ids among (id, int8 vector bytes) rows that the file holds as given."""
        if not rows or not self.count:
            return set()
        if self._by_id is None:
            self._by_id = np.argsort(self.ids, kind="stable")
        sorted_ids = self.ids[self._by_id]
        wanted = np.array([qid for qid, _data in rows], dtype=np.int64)
        found = np.minimum(np.searchsorted(sorted_ids, wanted), len(sorted_ids) - 1)
        held = set()
        for (qid, data), place in zip(rows, found.tolist(), strict=True):
            if sorted_ids[place] != qid:
                continue
            row = int(self._by_id[place])
            if os.pread(self._fd, DIMENSIONS, row * DIMENSIONS) == data:
                held.add(qid)
        return held

    def search(self, vector: npt.NDArray[np.float32], k: int) -> list[tuple[int, float]]:
        """Return up to k (id, cosine) pairs from the closest clusters, best first."""
        closeness = self.centroids @ vector
        nearest = np.argpartition(-closeness, self.probes - 1)[: self.probes]
        nearest = nearest[np.argsort(-closeness[nearest])]
        ids: list[npt.NDArray[np.int64]] = []
        scores: list[npt.NDArray[np.float32]] = []
        scored = 0
        for cluster in nearest:
            start, end = int(self.offsets[cluster]), int(self.offsets[cluster + 1])
            if start == end:
                continue
            if scored and scored + (end - start) > self.budget:
                break
            scored += end - start
            raw = os.pread(self._fd, (end - start) * DIMENSIONS, start * DIMENSIONS)
            matrix = np.frombuffer(raw, dtype=np.int8).reshape(end - start, DIMENSIONS)
            scores.append((matrix.astype(np.float32) @ vector) * self.scales[start:end])
            ids.append(self.ids[start:end])
        if not ids:
            return []
        all_ids = np.concatenate(ids)
        all_scores = np.concatenate(scores)
        top = min(k, len(all_ids))
        best = np.argpartition(-all_scores, top - 1)[:top]
        best = best[np.argsort(-all_scores[best], kind="stable")]
        return [(int(all_ids[i]), float(all_scores[i])) for i in best]
