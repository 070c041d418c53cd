"""Search reads: the search page, similar questions and suggestions while asking.

Each combines two ranked lists. Full-text finds the words typed, in any language the
post is written in; the sentence vectors find posts that mean the same, including those
written in the other language. Reciprocal rank fusion merges them by position only, so
neither score scale has to be calibrated against the other (docs/search.md).
"""

import functools
import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from django.core.cache import cache
from django.db.models import JSONField, OuterRef, Subquery

from rung.accounts.selectors import byline_related
from rung.core.prepared_sql import PreparedModels, PreparedRows
from rung.qa.models import Question, Visibility
from rung.search import embeddings, relevance
from rung.search.analysis import PREFIX, Query, has_han, parse_query, query_terms
from rung.search.expansion import expand
from rung.search.fulltext import Filters, expanded_matches, fulltext_matches, term_documents
from rung.search.models import Embedding, SearchEntry, SimilarList
from rung.search.vectors import vector_index

logger = logging.getLogger(__name__)

SearchSort = Literal["relevance", "date"]
SEARCH_SORTS: tuple[SearchSort, ...] = ("relevance", "date")

FULLTEXT_CANDIDATES = 100
SEMANTIC_CANDIDATES = 50
RRF_K = 60
# How much the widened list of a short query counts in the fusion, against 1 for the
# typed words' own list and for the meaning list; tuned on the tuning set
# (rung/search/tests/shortq_tuning.py).
EXPANDED_LIST_WEIGHT = 0.8
# Cosine below which a post is not offered for its meaning alone; tuned on the
# evaluation set (rung/search/tests/evalset.py), where unrelated career questions score < 0.3.
SEARCH_MIN_SIMILARITY = 0.35
SIMILAR_MIN_SIMILARITY = 0.35
# How many similar questions a question page lists, and how many a kept list holds
# (rung/search/similar.py): three times as many, for those hidden since.
SIMILAR_LIMIT = 5
SIMILAR_KEPT = 3 * SIMILAR_LIMIT
SUGGEST_MIN_SIMILARITY = 0.45
SIMILAR_SECONDS = 600
SIMILAR_BY_WORDS_SECONDS = 60
SUGGEST_TERMS = 3
SUGGEST_CANDIDATES = 100
# A word held by more posts is left to the meaning search: matching words costs about as
# much as the posts holding them, however large the collection.
SUGGEST_MAX_POSTS = 1000


@dataclass
class SearchHit:
    question: Question
    score: float
    by_text: bool = False
    by_meaning: bool = False


@dataclass
class SearchPage:
    query: Query
    hits: list[SearchHit] = field(default_factory=list)
    next_cursor: str | None = None


@functools.lru_cache(maxsize=2048)
def _cached_vector(text: str) -> embeddings.Vector:
    vector = embeddings.embed_text(text)
    vector.flags.writeable = False  # shared between callers
    return vector


def _query_vector(text: str) -> embeddings.Vector | None:
    """Return the vector of the typed text, or None if the model cannot give one now."""
    try:
        return _cached_vector(text)
    except Exception:  # search still works on words alone
        logger.exception("Could not embed a search query")
        return None


def _semantic_matches(
    vector: embeddings.Vector | None, *, limit: int, minimum: float, exclude: Iterable[int] = ()
) -> list[tuple[int, float]]:
    if vector is None:
        return []
    try:
        neighbours = vector_index().nearest(vector, limit, exclude=exclude)
    except Exception:
        logger.exception("Vector search failed")
        return []
    return [(qid, score) for qid, score in neighbours if score >= minimum]


def _admit_semantic(
    matches: list[tuple[int, float]], query: Query | None, filters: Filters
) -> list[tuple[int, float]]:
    """Keep the semantic matches that pass the filters and honour the query's syntax.

    With neither, nothing needs reading here: visibility is checked when the page's
    questions are loaded, so a vector of a just-hidden question costs a slot, not a leak.
    """
    if not matches:
        return []
    needs_terms = query is not None and bool(query.excluded or query.has_phrase)
    if filters == Filters() and not needs_terms:
        return matches
    entries = SearchEntry.objects.filter(question_id__in=[qid for qid, _s in matches])
    if filters.level_id is not None:
        entries = entries.filter(level_id=filters.level_id)
    if filters.helpful:
        entries = entries.filter(has_helpful=True)
    if filters.topic_id is not None:
        entries = entries.filter(question__placements__topic_id=filters.topic_id)
    if query is None or not needs_terms:
        admitted = set(entries.values_list("question_id", flat=True))
    else:
        # Only then are the stored terms needed: to honour "-word" and quoted phrases.
        admitted = {
            qid
            for qid, title_terms, body_terms in entries.values_list(
                "question_id", "title_terms", "body_terms"
            )
            if _honours(f"{title_terms} {body_terms}".split(), query)
        }
    return [(qid, score) for qid, score in matches if qid in admitted]


def _honours(terms: list[str], query: Query) -> bool:
    """Return whether indexed terms respect the query's exclusions and quoted phrases."""
    present = set(terms)
    if any(term in present for term in query.excluded):
        return False
    for group in query.required:
        if len(group) > 1 and not _contains_run(terms, list(group)):
            return False
    return True


def _contains_run(terms: Sequence[str], run: list[str]) -> bool:
    return relevance.occurrences(terms, [term.rstrip(PREFIX) for term in run]) > 0


def fuse(
    *ranked: Sequence[tuple[int, float]], weights: Sequence[float] = ()
) -> list[tuple[int, float]]:
    """Merge ranked lists by reciprocal rank fusion; best first, ties broken by newest.

    `weights` scale each list's share (1 for a list without one).
    """
    scores: dict[int, float] = {}
    for position, results in enumerate(ranked):
        weight = weights[position] if position < len(weights) else 1.0
        ordered = sorted(results, key=lambda item: (-item[1], -item[0]))
        for rank, (qid, _score) in enumerate(ordered, start=1):
            scores[qid] = scores.get(qid, 0.0) + weight / (RRF_K + rank)
    return sorted(scores.items(), key=lambda item: (-item[1], -item[0]))


def _load_questions(ids: Sequence[int]) -> dict[int, Question]:
    # Visibility is checked here rather than in SQL: with "is_deleted = 0" in the WHERE
    # clause, SQLite prefers the (is_deleted, created_at) index and walks every visible row.
    # A held or hidden question is left out like a deleted one, even if its index row or
    # vector lingers (vectors are reloaded in bulk).
    questions = Question.objects.filter(pk__in=ids).select_related(
        *byline_related("author"), "ctx_level"
    )
    return {q.pk: q for q in questions if not q.is_deleted and q.visibility == Visibility.PUBLISHED}


# What the similar questions list shows of each (search/_similar.html): its address (from
# the title), title, language and answers, and what says whether it may be shown.
_LISTED_FIELDS = ("id", "title", "language", "answer_count", "is_deleted", "visibility")


# One compiled read per number of questions listed (rung/core/prepared_sql.py): the list
# is read for every question page rendered afresh.
_LISTED_READS: dict[int, PreparedModels[Question]] = {}
_LISTED_PREPARED_MOST = 40


def _load_listed(ids: Sequence[int]) -> dict[int, Question]:
    """Return what `_load_questions` returns, with only the fields the similar list shows."""
    if not ids:
        return {}
    questions: Iterable[Question]
    if len(ids) > _LISTED_PREPARED_MOST:
        questions = Question.objects.filter(pk__in=ids).only(*_LISTED_FIELDS)
    else:
        read = _LISTED_READS.get(len(ids))
        if read is None:
            read = _LISTED_READS[len(ids)] = PreparedModels(
                lambda *pks: Question.objects.filter(pk__in=pks).only(*_LISTED_FIELDS), len(ids)
            )
        questions = read.get(*ids)
    return {q.pk: q for q in questions if not q.is_deleted and q.visibility == Visibility.PUBLISHED}


def encode_cursor(sort: SearchSort, score: float, question_id: int) -> str:
    if sort == "date":
        return str(question_id)
    return f"{score!r}_{question_id}"


def decode_cursor(sort: SearchSort, cursor: str) -> tuple[float, int] | None:
    """Return (score, id) from a cursor, or None when it is not one of ours."""
    try:
        if sort == "date":
            return (math.inf, int(cursor)) if len(cursor) <= 20 and cursor.isdigit() else None
        score_text, _, id_text = cursor.partition("_")
        score = float(score_text)
        if not math.isfinite(score) or not id_text.isdigit() or len(id_text) > 20:
            return None
        return score, int(id_text)
    except ValueError:
        return None


def search_questions(
    query: Query,
    *,
    filters: Filters = Filters(),  # noqa: B008 - frozen, so sharing it is safe
    sort: SearchSort = "relevance",
    after: tuple[float, int] | None = None,
    size: int = 20,
) -> SearchPage:
    """Return one page of questions matching a parsed query, by relevance or newest first."""
    page = SearchPage(query=query)
    if query.is_empty:
        return page
    before_id = after[1] if sort == "date" and after else None
    text = fulltext_matches(query, filters=filters, limit=FULLTEXT_CANDIDATES, before_id=before_id)
    # A short query also looks for the other words of the ideas it names, in both languages.
    expansion = expand(query)
    widened = (
        expanded_matches(expansion, filters=filters, limit=FULLTEXT_CANDIDATES, before_id=before_id)
        if expansion is not None
        else []
    )
    meaning = _admit_semantic(
        _semantic_matches(
            _query_vector(query.raw),
            limit=SEMANTIC_CANDIDATES,
            minimum=SEARCH_MIN_SIMILARITY,
        ),
        query,
        filters,
    )
    by_text = {qid for qid, _s in text}
    by_meaning = {qid for qid, _s in meaning}
    # Found only through another word for the idea: shown as found by meaning.
    by_meaning |= {qid for qid, _s in widened} - by_text
    if sort == "date":
        ids = sorted(by_text | by_meaning, reverse=True)
        ranked = [(float(qid), qid) for qid in ids if before_id is None or qid < before_id]
    else:
        fused = fuse(text, meaning, widened, weights=(1.0, 1.0, EXPANDED_LIST_WEIGHT))
        ranked = [(score, qid) for qid, score in fused]
        if after is not None:
            ranked = [(s, qid) for s, qid in ranked if (s, qid) < after]
    window = ranked[: size + 1]
    questions = _load_questions([qid for _s, qid in window])
    for score, qid in window:
        question = questions.get(qid)
        if question is not None:
            page.hits.append(SearchHit(question, score, qid in by_text, qid in by_meaning))
    if len(window) > size:
        page.hits = page.hits[:size]
        last_score, last_id = window[size - 1]
        page.next_cursor = encode_cursor(sort, last_score, last_id)
    return page


# Read for every question page rendered afresh, so compiled once (rung/core/prepared_sql.py):
# the stored vector, and the similar questions kept for it (rung/search/similar.py).
_stored_vector = PreparedRows(
    lambda pk: (
        Embedding.objects.filter(question_id=pk, model=embeddings.MODEL_NAME)
        .annotate(
            kept_neighbours=Subquery(
                SimilarList.objects.filter(
                    question_id=OuterRef("question_id"),
                    model=OuterRef("model"),
                    text_hash=OuterRef("text_hash"),
                ).values("neighbours")[:1],
                output_field=JSONField(),
            )
        )
        .values_list("vector", "kept_neighbours")[:1]
    ),
    parameters=1,
)


def _vector_and_neighbours(question: Question) -> tuple[bytes | None, list[list[float]] | None]:
    """Return the question's stored vector (quantized) and the similar questions kept for it.

    Looked up by the question alone: pages hold only what they show of a question (a
    visitor's page, its title), and a vector a moment older than an edit still finds
    much the same questions until the worker replaces it (indexing.question_index).
    A reader never waits for the model; without a vector, words stand in.
    """
    stored = _stored_vector.rows(question.pk)
    if not stored:
        return None, None
    data, neighbours = stored[0]
    return bytes(data), neighbours if isinstance(neighbours, list) else None


def similar_questions(question: Question, *, limit: int = SIMILAR_LIMIT) -> list[Question]:
    """Return up to `limit` visible questions that ask much the same, in any language.

    Each is loaded with only what the similar list shows (`_LISTED_FIELDS`).
    """
    return similar_questions_kept(question, limit=limit)[0]


def similar_questions_kept(
    question: Question, *, limit: int = SIMILAR_LIMIT
) -> tuple[list[Question], int]:
    """Return `similar_questions` and for how many seconds the list may be kept.

    A list found by words alone, while the question's vector is still to be computed, is
    kept briefly (`SIMILAR_BY_WORDS_SECONDS`), so the list by meaning follows soon.
    """
    # The "2" names the kept form, (ids, seconds): a list kept in the earlier form is not read.
    key = f"search:similar:2:{question.pk}:{question.version}"
    kept: tuple[list[int], int] | None = cache.get(key)
    if kept is None:
        data, neighbours = _vector_and_neighbours(question)
        if neighbours is not None and limit * 3 <= SIMILAR_KEPT:
            # Worked out by the worker for this very vector (rung/search/similar.py).
            matches = [(int(qid), float(score)) for qid, score in neighbours]
        else:
            matches = _semantic_matches(
                embeddings.dequantize(data) if data is not None else None,
                limit=limit * 3,
                minimum=SIMILAR_MIN_SIMILARITY,
                exclude=[question.pk],
            )
        if not matches:
            # No vectors at all yet: fall back to posts sharing the title's words.
            words = parse_query(" ".join(query_terms(question.title)[:8]))
            matches = [
                m for m in fulltext_matches(words, limit=200, any_term=True) if m[0] != question.pk
            ]
            matches.sort(key=lambda item: -item[1])
        seconds = SIMILAR_SECONDS if data is not None else SIMILAR_BY_WORDS_SECONDS
        kept = ([qid for qid, _s in matches], seconds)
        cache.set(key, kept, seconds)
    ids, seconds = kept
    questions = _load_listed(ids[: limit * 2])
    return [questions[qid] for qid in ids if qid in questions][:limit], seconds


def _term_weight(group: tuple[str, ...]) -> int:
    # A Chinese word of two characters says about as much as an English word of six.
    return sum(len(term) * (3 if has_han(term) else 1) for term in group)


def telling_terms(query: Query, *, count: int = SUGGEST_TERMS) -> Query:
    """Return a query of the title's rarest words, leaving out words held by many posts.

    Rarity comes from the engine's statistics (`term_documents`); among words equally
    rare by those (a new or unanalysed index), the longest stand in for the rarest. A
    lone Han character is left out: it is a prefix of hundreds of words, and says little.
    """
    words = [group for group in query.required if len(group) == 1 and PREFIX not in group[0]]
    posts = term_documents((group[0] for group in words), at_most=SUGGEST_MAX_POSTS)
    kept = [group for group in words if posts.get(group[0], 0) <= SUGGEST_MAX_POSTS]
    # A word no post holds finds nothing; it goes last rather than take a rare word's place.
    kept.sort(key=lambda g: (posts.get(g[0], 0) == 0, posts.get(g[0], 0), -_term_weight(g)))
    return Query(raw=query.raw, required=tuple(kept[:count]))


def question_suggestions(title: str, *, limit: int = 5) -> list[SearchHit]:
    """Return existing questions that may already answer a title being typed."""
    query = parse_query(title)
    if len(query.required) < 2 and len(title.strip()) < 6:
        return []
    # A typed title holds common words ("how", "engineer"): matching them costs the most
    # and finds the least. Its rarest words go to full-text, any of them, so a post with
    # more of them ranks higher; the whole title goes to the meaning search.
    telling = telling_terms(query)
    text = fulltext_matches(telling, limit=SUGGEST_CANDIDATES, any_term=True)
    text = sorted(text, key=lambda match: -match[1])[:20]
    meaning = _admit_semantic(
        _semantic_matches(_query_vector(title), limit=20, minimum=SUGGEST_MIN_SIMILARITY),
        None,
        Filters(),
    )
    by_meaning = {qid for qid, _s in meaning}
    ranked = fuse(text, meaning)[:limit]
    questions = _load_questions([qid for qid, _s in ranked])
    return [
        SearchHit(questions[qid], score, by_meaning=qid in by_meaning)
        for qid, score in ranked
        if qid in questions
    ]
