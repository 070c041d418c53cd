"""Widen a short search with the other words for the same idea, in both languages.

A question typed in full reaches the other language through its sentence vector, but two
or three bare words place poorly in that space: 晋升 alone did not find the English
questions about promotion, nor "burnout" the post "Burned out after…". So a search of at
most `MAX_UNITS` words or known phrases also looks for the other forms of every idea it
names, from `career_terms.CAREER_TERMS` and the term pairs other apps register (the
glossary). The widened search is a list of its own beside the exact one: a post found by
the typed words ranks in both lists, so exact matches stay first.

Known forms are found in one pass over the query's terms through a trie of the analysed
forms, no deeper than `MAX_FORM_TERMS`: linear in the query, whatever it holds.
"""

import functools
from dataclasses import dataclass
from typing import Any

from rung.core import term_pairs
from rung.search.analysis import PREFIX, Query, has_han, query_terms
from rung.search.career_terms import CAREER_TERMS

# A search of more units than this is a sentence: its vector carries it.
MAX_UNITS = 4
# The longest form, in terms, that is looked for ("passed over for promotion" is 4).
MAX_FORM_TERMS = 6
# The most forms one typed unit is widened to, the typed one included.
MAX_ALTERNATIVES = 24
# How much a form counts in the widened list's ranking: the typed form most, another form
# of the same idea less, and a typed word that names no known idea least (it only orders
# posts that match the ideas).
TYPED_WEIGHT = 1.0
EXPANDED_WEIGHT = 0.6
OPTIONAL_WEIGHT = 0.3

Phrase = tuple[str, ...]
_END = ""  # trie key that marks the end of a form; analysis never emits an empty term


@dataclass(frozen=True)
class Alternative:
    terms: Phrase  # one word, or a phrase whose words must be adjacent
    weight: float


@dataclass(frozen=True)
class Expansion:
    """A widened search: each group matches if any one of its alternatives does.

    Every group must match. `optional` holds the typed words that name no known idea:
    they count towards ranking but are not required, since the other language's posts
    would not hold them.
    """

    groups: tuple[tuple[Alternative, ...], ...]
    optional: tuple[Phrase, ...] = ()
    excluded: tuple[str, ...] = ()

    def weighted_phrases(self) -> list[tuple[Phrase, float]]:
        """Return every phrase the ranking counts, with its weight, each phrase once."""
        weights: dict[Phrase, float] = {}
        for group in self.groups:
            for alternative in group:
                weights[alternative.terms] = max(
                    weights.get(alternative.terms, 0.0), alternative.weight
                )
        for phrase in self.optional:
            weights.setdefault(phrase, OPTIONAL_WEIGHT)
        return list(weights.items())


@dataclass(frozen=True)
class _Dictionary:
    trie: dict[str, Any]  # term → child node; _END → the ideas whose form ends here
    forms: tuple[tuple[Phrase, ...], ...]  # each idea's analysed forms, in order


def _analysed(form: str) -> Phrase | None:
    terms = tuple(query_terms(form))
    if not terms or len(terms) > MAX_FORM_TERMS:
        return None
    if len(terms) == 1 and len(terms[0]) == 1 and has_han(terms[0]):
        return None  # a lone Han character is the start of hundreds of words
    return terms


@functools.lru_cache(maxsize=2)
def _dictionary(_version: int) -> _Dictionary:
    trie: dict[str, Any] = {}
    forms: list[tuple[Phrase, ...]] = []
    for idea, pair in enumerate((*CAREER_TERMS, *term_pairs.term_pairs())):
        analysed = tuple(dict.fromkeys(p for p in map(_analysed, pair.forms()) if p))
        forms.append(analysed)
        for phrase in analysed:
            node = trie
            for term in phrase:
                node = node.setdefault(term, {})
            node.setdefault(_END, set()).add(idea)
    return _Dictionary(trie, tuple(forms))


def dictionary() -> _Dictionary:
    """Return the analysed forms of every idea, rebuilt when a source registers."""
    return _dictionary(term_pairs.version())


def _bare(term: str) -> str:
    return term.rstrip(PREFIX)


def _longest_form(terms: list[str], trie: dict[str, Any]) -> tuple[int, set[int]]:
    """Return the length of the longest known form that `terms` start with, and its ideas."""
    node = trie
    best: tuple[int, set[int]] = (0, set())
    for depth, term in enumerate(terms[:MAX_FORM_TERMS], start=1):
        node = node.get(term, {})
        if not node:
            break
        if _END in node:
            best = (depth, node[_END])
    return best


def _whole_phrase(phrase: Phrase, trie: dict[str, Any]) -> set[int]:
    node = trie
    for term in phrase[:MAX_FORM_TERMS]:
        node = node.get(term, {})
        if not node:
            return set()
    return set(node.get(_END, set())) if len(phrase) <= MAX_FORM_TERMS else set()


def expand(query: Query) -> Expansion | None:
    """Return the widened search for a short query that names a known idea, else None.

    A quoted phrase is one unit, widened only if it is a known form as a whole.
    """
    if query.is_empty:
        return None
    known = dictionary()
    units: list[tuple[Phrase, set[int]]] = []
    index = 0
    groups = query.required
    while index < len(groups):
        if len(units) == MAX_UNITS:
            return None  # a fifth unit: a sentence, not a short query
        group = groups[index]
        if len(group) > 1:
            units.append((group, _whole_phrase(tuple(map(_bare, group)), known.trie)))
            index += 1
            continue
        # The run of single words from here, as far as a form could reach.
        run: list[str] = []
        for following in groups[index : index + MAX_FORM_TERMS]:
            if len(following) > 1:
                break
            run.append(_bare(following[0]))
        length, ideas = _longest_form(run, known.trie)
        length = max(length, 1)
        typed = tuple(term for g in groups[index : index + length] for term in g)
        units.append((typed, ideas))
        index += length
    if not any(ideas for _typed, ideas in units):
        return None
    required: list[tuple[Alternative, ...]] = []
    optional: list[Phrase] = []
    for typed, ideas in units:
        if not ideas:
            optional.append(typed)
            continue
        alternatives = {typed: Alternative(typed, TYPED_WEIGHT)}
        bare = tuple(map(_bare, typed))
        for idea in sorted(ideas):
            for form in known.forms[idea]:
                if form != bare and form not in alternatives:
                    alternatives[form] = Alternative(form, EXPANDED_WEIGHT)
        required.append(tuple(alternatives.values())[:MAX_ALTERNATIVES])
    return Expansion(groups=tuple(required), optional=tuple(optional), excluded=query.excluded)
