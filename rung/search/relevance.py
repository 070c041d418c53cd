"""BM25 over the stored terms of a bounded candidate set, for SQLite.

FTS5's own bm25() first counts, for every phrase of the query, the posts in the whole
index that hold it: the inverse document frequency. For a word in one post in six that
count reads 150,000 entries of its posting list at a million posts, on every search, so
the one part of a search that grows with the collection would be its scoring. Here the
candidates (the newest matches) are scored from the terms stored beside them, and a
phrase's document frequency is estimated from how far back its newest few hundred
matches reach, which costs the same at any size. A query of one word or one phrase
needs no frequency at all: it scales every candidate's score alike.
"""

import math
from collections.abc import Sequence

from rung.search.analysis import PREFIX

# The usual BM25 constants, as FTS5 uses them.
K1 = 1.2
B = 0.75
# A title hit counts four times a body hit, as in bm25(search_fts, 4.0, 1.0) before.
TITLE_WEIGHT = 4.0


def occurrences(terms: Sequence[str], group: Sequence[str]) -> int:
    """Return how often a word (or a run of words, a phrase) occurs in a list of terms.

    A word ending in the prefix mark matches every term it begins.
    """
    if not group:
        return 0
    if len(group) == 1 and not group[0].endswith(PREFIX):
        return terms.count(group[0])
    # Shift-and: bit i of `state` says the last i + 1 terms match the phrase's first i + 1
    # words, so each term costs one step however long the phrase. Checking the phrase
    # afresh at every term cost terms × words, 200 times the terms for a quoted query of
    # 200 repeated words.
    masks: dict[str, int] = {}
    exact: dict[str, int] = {}
    prefixes: list[tuple[str, int]] = []
    for position, word in enumerate(group):
        if word.endswith(PREFIX):
            prefixes.append((word.rstrip(PREFIX), 1 << position))
        else:
            exact[word] = exact.get(word, 0) | 1 << position
    whole = 1 << (len(group) - 1)
    state = count = 0
    for term in terms:
        mask = masks.get(term)
        if mask is None:
            mask = exact.get(term, 0)
            for start, bit in prefixes:
                if term.startswith(start):
                    mask |= bit
            masks[term] = mask
        state = ((state << 1) | 1) & mask
        if state & whole:
            count += 1
    return count


def estimated_documents(sample: int, newest_id: int, sample_last_id: int) -> float:
    """Estimate how many posts hold a phrase whose `sample` newest matches reach back from
    `newest_id` to `sample_last_id`: its density over that span, times all the ids."""
    span = max(1, newest_id - sample_last_id + 1)
    return min(float(newest_id), sample * newest_id / span)


def idf(documents: float, total: float) -> float:
    """Return the inverse document frequency of a phrase held by `documents` of `total`."""
    # FTS5's form, kept positive so a phrase in most posts still counts for a little.
    return max(1e-6, math.log((total - documents + 0.5) / (documents + 0.5)))


def bm25(
    groups: Sequence[Sequence[str]],
    weights: Sequence[float],
    title: Sequence[str],
    body: Sequence[str],
    average_length: float,
) -> float:
    """Return the BM25 score of one post for phrases weighted by their idf (higher is better)."""
    length = len(title) + len(body)
    norm = K1 * (1 - B + B * length / max(average_length, 1.0))
    score = 0.0
    for group, weight in zip(groups, weights, strict=True):
        hits = TITLE_WEIGHT * occurrences(title, group) + occurrences(body, group)
        score += weight * hits * (K1 + 1) / (hits + norm)
    return score
