"""The vector index: exact in numpy when small, an inverted file on disk when large."""

from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command

from rung.accounts.models import User
from rung.qa import services
from rung.search import ivf
from rung.search.embeddings import dequantize
from rung.search.models import Embedding
from rung.search.selectors import similar_questions
from rung.search.tests.evalset import PAIRS
from rung.search.vectors import ann_path, read_ann_meta, vector_index, vector_index_reset
from rung.testing import make_question


def test_inverted_file_finds_exact_neighbours(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    centres = rng.standard_normal((50, ivf.DIMENSIONS)).astype(np.float32)
    vectors = centres[rng.integers(0, 50, 3000)] + 0.3 * rng.standard_normal(
        (3000, ivf.DIMENSIONS)
    ).astype(np.float32)
    quantized = np.round(vectors / np.abs(vectors).max(axis=1, keepdims=True) * 127).astype(np.int8)
    rows = [(n + 1, quantized[n].tobytes()) for n in range(len(quantized))]
    assert ivf.build(tmp_path / "index", rows, count=len(rows)) == 3000
    index = ivf.IvfIndex(tmp_path / "index")
    exact = quantized.astype(np.float32)
    exact /= np.linalg.norm(exact, axis=1, keepdims=True)
    recall = []
    for row in rng.integers(0, 3000, 50):
        query = exact[row]
        found = [qid for qid, _score in index.search(query, 10)]
        truth = set((np.argsort(-(exact @ query))[:10] + 1).tolist())
        recall.append(len(truth & set(found)) / 10)
        assert found[0] == row + 1  # a stored vector is its own nearest neighbour
    assert np.mean(recall) >= 0.9
    index.close()


@pytest.mark.django_db
def test_large_collections_use_the_index_file_and_stay_fresh(
    alice: User, bob: User, settings: pytest.FixtureRequest
) -> None:
    """Past the threshold the rebuild writes the index file; newer posts are found too."""
    settings.RUNG_SEARCH_ANN_THRESHOLD = 40  # type: ignore[attr-defined]
    posted = {}
    for pair in PAIRS[:24]:
        posted[pair.key] = (
            make_question(alice, title=pair.en.title, body=pair.en.body),
            make_question(alice, title=pair.zh.title, body=pair.zh.body),
        )
    call_command("search_rebuild", verbosity=0)
    meta = read_ann_meta()
    assert meta is not None and meta.count == 48
    assert (ann_path() / "vectors.i8").exists()
    vector_index_reset()
    assert len(vector_index()) == 48
    hits = [zh in similar_questions(en, limit=3) for en, zh in posted.values()]
    assert sum(hits) / len(hits) >= 0.9
    # Posted after the build: held in numpy until the next build, found all the same.
    later = PAIRS[30]
    en = make_question(bob, title=later.en.title, body=later.en.body)
    zh = make_question(bob, title=later.zh.title, body=later.zh.body)
    assert zh in similar_questions(en)
    services.question_delete(question=zh, actor=bob)
    en.refresh_from_db()
    assert zh not in similar_questions(en)


@pytest.mark.django_db
def test_a_broken_index_file_falls_back_to_scanning(alice: User, settings: object) -> None:
    settings.RUNG_SEARCH_ANN_THRESHOLD = 20  # type: ignore[attr-defined]
    # The quality of neighbours is covered above; here any visible question will do.
    questions = [
        make_question(alice, title=pair.en.title, body=pair.en.body) for pair in PAIRS[:20]
    ]
    call_command("search_rebuild", verbosity=0)
    (ann_path() / "centroids.npy").write_bytes(b"not numpy")
    vector_index_reset()
    assert len(vector_index()) == 20  # every vector read from the database instead
    assert questions[1] in similar_questions(questions[0], limit=20)


@pytest.mark.django_db
def test_the_worker_builds_the_index_once_the_collection_is_large(
    alice: User, settings: object
) -> None:
    settings.RUNG_SEARCH_ANN_THRESHOLD = 20  # type: ignore[attr-defined]
    for pair in PAIRS[:19]:
        make_question(alice, title=pair.en.title, body=pair.en.body)
    assert read_ann_meta() is None
    make_question(alice, title=PAIRS[19].en.title, body=PAIRS[19].en.body)
    first = read_ann_meta()
    assert first is not None and first.count == 20
    # Afterwards a tenth of the threshold in new vectors is enough for a rebuild.
    make_question(alice, title=PAIRS[20].en.title, body=PAIRS[20].en.body)
    make_question(alice, title=PAIRS[21].en.title, body=PAIRS[21].en.body)
    second = read_ann_meta()
    assert second is not None and second.count == 22


@pytest.mark.django_db
def test_vectors_the_file_holds_are_not_scanned_again(alice: User, settings: object) -> None:
    """Vectors written just before a build are read back; only those the file lacks stay."""
    settings.RUNG_SEARCH_ANN_THRESHOLD = 20  # type: ignore[attr-defined]
    questions = [
        make_question(alice, title=pair.en.title, body=pair.en.body) for pair in PAIRS[:20]
    ]
    call_command("search_rebuild", verbosity=0)
    vector_index_reset()
    index = vector_index()
    assert len(index) == 20
    # Every vector was written seconds before the build, within the overlap re-read.
    assert index.scanned == 0
    # A vector changed since the build is newer than the file's copy: it is scanned.
    edited = Embedding.objects.get(question=questions[0])
    edited.vector = Embedding.objects.get(question=questions[1]).vector
    edited.save()
    vector_index_reset()
    index = vector_index()
    assert index.scanned == 1
    assert len(index) == 20
    # Scored from memory, the edited question now sits beside the one it was copied from.
    nearest = index.nearest(dequantize(bytes(edited.vector)), 2)
    assert {qid for qid, _score in nearest} == {questions[0].pk, questions[1].pk}
