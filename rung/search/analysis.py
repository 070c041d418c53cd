"""Turn text into index terms and a search box entry into a safe query.

Both database backends index the same terms, built here, so SQLite and PostgreSQL find
the same questions. English words are lower-cased and stemmed ("promoted", "promotion"
→ "promot"); Chinese has no spaces, so runs of Han characters are segmented into words
with jieba. Terms are only letters, digits and Han characters: nothing a user types can
reach the FTS5 or tsquery syntax.
"""

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import rjieba
import snowballstemmer

from rung.core.languages import HAN

# A query longer than this is cut: nobody types it, and it bounds the work per search.
MAX_QUERY_CHARS = 400
MAX_QUERY_TERMS = 12

_RUN_RE = re.compile(rf"([{HAN}]+)|([^\W_{HAN}]+)")
_HAN_RE = re.compile(rf"[{HAN}]")
# Apostrophes inside words ("don't", "manager's") join rather than split.
_APOSTROPHE_RE = re.compile(r"(?<=\w)['’](?=\w)")
_MAX_TERM_CHARS = 40

_stemmer = snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=20_000)
def _stem(word: str) -> str:
    return str(_stemmer.stemWord(word))


def _normalize(text: str) -> str:
    # NFKC folds full-width letters and digits (Ａ１) into ASCII ones.
    text = unicodedata.normalize("NFKC", text).casefold()
    return _APOSTROPHE_RE.sub("", text)


def _han_words(run: str, *, for_index: bool) -> list[str]:
    if len(run) == 1:
        return [run]
    words = [w for w in rjieba.cut(run) if w.strip()]
    if not for_index:
        return words
    # The index also holds the shorter words inside long ones (中华人民共和国 → 中华, 人民…),
    # so a query for a part still matches. Each long word comes first and its parts after
    # it, so a quoted phrase cut the query's way ("去 北京大学") still finds its words
    # side by side.
    indexed: list[str] = []
    for word in words:
        indexed.append(word)
        if len(word) > 2:
            indexed.extend(p for p in rjieba.cut_for_search(word) if p != word and p.strip())
    return indexed


def _terms(text: str, *, for_index: bool) -> Iterator[str]:
    for match in _RUN_RE.finditer(_normalize(text)):
        han, word = match.groups()
        if han:
            yield from _han_words(han, for_index=for_index)
        elif word:
            yield _stem(word[:_MAX_TERM_CHARS])


def index_terms(text: str) -> list[str]:
    """Return the terms a stored text is indexed under, in order."""
    return list(_terms(text, for_index=True))


def query_terms(text: str) -> list[str]:
    """Return the terms a piece of query text looks for, in order."""
    return list(_terms(text, for_index=False))


def has_han(text: str) -> bool:
    """Return whether text contains Chinese characters."""
    return _HAN_RE.search(text) is not None


PREFIX = "*"  # marks a term matched as a word start; analysis never emits it


@dataclass(frozen=True)
class Query:
    """A parsed search: every group must match; a phrase's terms must be adjacent.

    A term ending in `PREFIX` matches any indexed word that starts with it: the word
    still being typed, or a single Chinese character (薪 finds 薪水).
    """

    raw: str
    required: tuple[tuple[str, ...], ...] = ()  # each group: one term, or a phrase
    excluded: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.required

    @property
    def has_phrase(self) -> bool:
        return any(len(group) > 1 for group in self.required)


_TOKEN_RE = re.compile(r'"([^"]*)"?|(-?)([^\s"]+)')


def parse_query(raw: str, *, prefix_last: bool = False) -> Query:
    """Parse what a user typed into groups of terms; never raise on any input.

    `"a phrase"` keeps words together, `-word` leaves out posts with the word, and every
    other character that search engines treat as syntax is just a separator here. With
    `prefix_last`, the last word is matched as a prefix unless a space follows it.
    """
    raw = raw.replace("\x00", " ")[:MAX_QUERY_CHARS]
    raw = raw.replace("“", '"').replace("”", '"').replace("＂", '"')
    required: list[tuple[str, ...]] = []
    excluded: list[str] = []
    last_is_word = False
    for match in _TOKEN_RE.finditer(raw):
        phrase, minus, word = match.groups()
        last_is_word = False
        if phrase is not None:
            terms = query_terms(phrase)
            if terms:
                required.append(tuple(terms))
            continue
        terms = query_terms(word)
        if minus and terms and required:
            # "-x" only narrows a search; on its own it would list every post.
            excluded.extend(terms)
            continue
        # Chinese cut into several words, or "front-end", must all match.
        for term in terms:
            single_han = len(term) == 1 and has_han(term)
            required.append((term + PREFIX if single_han else term,))
        last_is_word = bool(terms)
    if prefix_last and last_is_word and not raw[-1:].isspace() and not has_han(required[-1][0]):
        required[-1] = (required[-1][0].rstrip(PREFIX) + PREFIX,)
    return Query(
        raw=raw.strip(),
        required=tuple(dict.fromkeys(required))[:MAX_QUERY_TERMS],
        excluded=tuple(dict.fromkeys(excluded))[:MAX_QUERY_TERMS],
    )
