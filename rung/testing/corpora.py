"""Third-party test data from `shared/corpora` beside the repository.

The corpora are not part of Rung; a test that needs one fails (never skips) when it is
missing, so a checkout without `shared/` cannot pass by testing less.
"""

import os
import re
from pathlib import Path

import pytest

# Override for other layouts: RUNG_SHARED_DIR=/path/to/shared.
CORPORA = (
    Path(os.environ.get("RUNG_SHARED_DIR", Path(__file__).resolve().parents[3] / "shared"))
    / "corpora"
)


def corpus(relative: str) -> Path:
    """Return a path inside the shared corpora, failing the test when it is missing."""
    if not CORPORA.is_dir():
        pytest.fail(
            f"Shared test corpora not found at {CORPORA}. They are expected in the folder "
            "`shared/corpora` beside the repository root; these tests must not pass without them."
        )
    path = CORPORA / relative
    if not path.is_file():
        pytest.fail(f"Corpus file {path} is missing.")
    return path


def corpus_lines(relative: str) -> list[str]:
    """Return every non-empty line of a corpus file exactly as written (comments dropped
    from the naughty strings list)."""
    # splitlines() would also break on U+2028, \x0b, \x1c and friends, which the naughty
    # strings list holds on purpose inside single payloads.
    text = corpus(relative).read_bytes().decode("utf-8")
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    if relative.startswith("naughty/"):
        lines = [line for line in lines if not line.startswith("#")]
    payloads = [line for line in lines if line]
    assert payloads, f"{relative} holds no payloads"
    return payloads


_COMMONMARK_EXAMPLE = re.compile(r"^`{32} example\n(.*?)^\.\n", re.M | re.S)


def commonmark_examples() -> list[str]:
    """Return the Markdown of every example in the CommonMark spec, tabs as tabs."""
    text = corpus("commonmark/spec.txt").read_text(encoding="utf-8")
    examples = [example.replace("→", "\t") for example in _COMMONMARK_EXAMPLE.findall(text)]
    assert len(examples) > 600
    return examples


def naughty_strings() -> list[str]:
    """Return the Big List of Naughty Strings, one payload per entry."""
    return corpus_lines("naughty/blns.txt")


def xss_files() -> list[str]:
    """Return the XSS payload lists, relative to the corpora, for parametrizing a test.

    Collected before any test runs, so a missing folder yields a placeholder that fails
    instead of an empty parameter list, which pytest would skip.
    """
    if not CORPORA.is_dir():
        return ["xss/<shared corpora missing>"]
    files = sorted(f"xss/{path.name}" for path in (CORPORA / "xss").glob("*.txt"))
    return files or ["xss/<no payload lists>"]


def hostile_files() -> list[str]:
    """Return the XSS payload lists and the naughty strings, for parametrizing a test."""
    return [*xss_files(), "naughty/blns.txt"]


def sample(items: list[str], size: int) -> list[str]:
    """Return `size` items spread evenly over the list, first and last included."""
    if len(items) <= size:
        return list(items)
    step = (len(items) - 1) / (size - 1)
    return [items[round(i * step)] for i in range(size)]
