"""Full-text matching on SQLite FTS5 or PostgreSQL tsvector, behind one function.

Ranking every match of a very common word (one in six posts holds "manager") costs time
in proportion to the whole collection. So each search ranks a bounded candidate set: the
newest `limit` matches, read in question-id order, which both engines walk cheaply (FTS5
natively, PostgreSQL by its primary key or a GIN bitmap, whichever its statistics favour).
Relevance is then computed for those rows only.
"""

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import connection

from rung.search import relevance
from rung.search.analysis import PREFIX, Query
from rung.search.expansion import Expansion


@dataclass(frozen=True)
class Filters:
    topic_id: int | None = None
    level_id: int | None = None
    helpful: bool = False


def _fts5_term(term: str) -> str:
    if term.endswith(PREFIX):
        return f'"{term.rstrip(PREFIX)}"*'
    return f'"{term}"'


def fts5_expression(query: Query, *, any_term: bool = False) -> str:
    """Return the FTS5 MATCH expression; every term is quoted, so none is syntax."""
    groups = []
    for group in query.required:
        if len(group) == 1:
            groups.append(_fts5_term(group[0]))
        else:
            # A phrase: the terms in order, next to each other.
            groups.append(" + ".join(_fts5_term(term) for term in group))
    expression = (" OR " if any_term else " AND ").join(f"({g})" for g in groups)
    if query.excluded:
        expression = f"({expression}) NOT ({' OR '.join(map(_fts5_term, query.excluded))})"
    return expression


def _ts_term(term: str) -> str:
    lexeme = term.rstrip(PREFIX).replace("\\", "\\\\").replace("'", "''")
    return f"'{lexeme}':*" if term.endswith(PREFIX) else f"'{lexeme}'"


def tsquery_expression(query: Query, *, any_term: bool = False) -> str:
    """Return the text of a tsquery, cast directly so no parser reinterprets the terms."""
    groups = [" <-> ".join(map(_ts_term, group)) for group in query.required]
    expression = (" | " if any_term else " & ").join(f"({g})" for g in groups)
    if query.excluded:
        expression = f"({expression}) & !({' | '.join(map(_ts_term, query.excluded))})"
    return expression


# PostgreSQL's term statistics change only when the table is analysed; read them seldom.
_POSTGRES_STATS_SECONDS = 600.0
_postgres_stats: tuple[float, float, dict[str, float]] | None = None


def term_documents(terms: Iterable[str], *, at_most: int) -> dict[str, int]:
    """Return about how many indexed posts hold each (non-prefix) term, up to `at_most` + 1.

    Neither engine is asked to count every match, which would cost as much as the posts
    holding a common word. FTS5 reads a term's posting list lazily, so it counts no
    further than the cap. PostgreSQL answers from the statistics ANALYZE records for
    the tsvector column: the most common lexemes, times the table's row estimate. A
    lexeme it does not list is rarer than every one it does, so it gets the least listed
    frequency, an upper bound. Before the first ANALYZE there are no figures, and every
    term counts as rare.
    """
    wanted = sorted({term for term in terms if term and not term.endswith(PREFIX)})
    if not wanted:
        return {}
    cap = at_most + 1
    if connection.vendor == "postgresql":
        rows, common = _postgres_term_stats()
        return {term: min(cap, max(1, round(rows * common.get(term, 0.0)))) for term in wanted}
    counts = {}
    sql = "SELECT count(*) FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH %s LIMIT %s)"
    with connection.cursor() as cursor:
        for term in wanted:
            cursor.execute(sql, [_fts5_term(term), cap])
            counts[term] = int(cursor.fetchone()[0])
    return counts


def _postgres_term_stats() -> tuple[float, dict[str, float]]:
    global _postgres_stats
    now = time.monotonic()
    if _postgres_stats is None or now - _postgres_stats[0] > _POSTGRES_STATS_SECONDS:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs,"
                " c.reltuples FROM pg_class c LEFT JOIN pg_stats s"
                " ON s.schemaname = current_schema() AND s.tablename = c.relname"
                " AND s.attname = 'tsv'"
                " WHERE c.oid = to_regclass('search_searchentry')"
            )
            row = cursor.fetchone()
        lexemes, freqs, reltuples = row or (None, None, 0)
        # One frequency per lexeme; the minimum, maximum and share of empty values follow,
        # and zip leaves them out.
        common = dict(zip(lexemes or [], map(float, freqs or []), strict=False))
        _postgres_stats = (now, max(0.0, float(reltuples or 0)), common)
    return _postgres_stats[1], _postgres_stats[2]


def _filter_sql(filters: Filters, id_column: str) -> tuple[str, list[int]]:
    clauses: list[str] = []
    params: list[int] = []
    if filters.level_id is not None:
        clauses.append("e.level_id = %s")
        params.append(filters.level_id)
    if filters.helpful:
        clauses.append("e.has_helpful")
    if filters.topic_id is not None:
        clauses.append(
            f"{id_column} IN (SELECT question_id FROM qa_questiontopic WHERE topic_id = %s)"
        )
        params.append(filters.topic_id)
    return "".join(f" AND {clause}" for clause in clauses), params


def fulltext_matches(
    query: Query,
    *,
    filters: Filters = Filters(),
    limit: int = 200,
    before_id: int | None = None,
    any_term: bool = False,
) -> list[tuple[int, float]]:
    """Return (question id, relevance) for the newest matches, newest first.

    Relevance is higher for a better match. `before_id` continues a newest-first listing.
    `any_term` matches posts holding any of the terms, for "more like this" lookups.
    """
    if query.is_empty:
        return []
    if connection.vendor == "postgresql":
        return _postgres_matches(query, filters, limit, before_id, any_term)
    return _sqlite_matches(query, filters, limit, before_id, any_term)


# How many of a phrase's newest matches estimate how many posts hold it.
SQLITE_DENSITY_SAMPLE = 200


def _sqlite_matches(
    query: Query, filters: Filters, limit: int, before_id: int | None, any_term: bool
) -> list[tuple[int, float]]:
    where, params = _filter_sql(filters, "search_fts.rowid")
    if before_id is not None:
        where += " AND search_fts.rowid < %s"
        params.append(before_id)
    sql = (
        "SELECT e.question_id, e.title_terms, e.body_terms FROM search_fts"
        " JOIN search_searchentry e ON e.question_id = search_fts.rowid"
        f" WHERE search_fts MATCH %s{where} ORDER BY search_fts.rowid DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, (fts5_expression(query, any_term=any_term), *params, limit))
        rows = [(int(qid), title.split(), body.split()) for qid, title, body in cursor.fetchall()]
    if not rows:
        return []
    groups = list(query.required)
    weights = _sqlite_idf(groups)
    average = sum(len(title) + len(body) for _qid, title, body in rows) / len(rows)
    return [
        (qid, relevance.bm25(groups, weights, title, body, average)) for qid, title, body in rows
    ]


def _sqlite_idf(groups: list[tuple[str, ...]]) -> list[float]:
    """Return each group's inverse document frequency, estimated at a bounded cost.

    The newest SQLITE_DENSITY_SAMPLE posts holding a phrase span some range of ids; the
    phrase's share of that range, times the whole range, estimates how many hold it.
    """
    if len(groups) < 2:
        return [1.0] * len(groups)
    with connection.cursor() as cursor:
        cursor.execute("SELECT max(question_id) FROM search_searchentry")
        newest = int(cursor.fetchone()[0] or 0)
        weights = []
        for group in groups:
            expression = fts5_expression(Query(raw="", required=(group,)))
            cursor.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH %s"
                " ORDER BY rowid DESC LIMIT 1 OFFSET %s",
                [expression, SQLITE_DENSITY_SAMPLE - 1],
            )
            row = cursor.fetchone()
            if row is None:
                cursor.execute(
                    "SELECT count(*) FROM search_fts WHERE search_fts MATCH %s", [expression]
                )
                documents = float(cursor.fetchone()[0])
            else:
                documents = relevance.estimated_documents(
                    SQLITE_DENSITY_SAMPLE, newest, int(row[0])
                )
            weights.append(relevance.idf(documents, newest))
    return weights


# On PostgreSQL, a combination of common words is first looked for among this many newest
# rows, walked in id order; what that walk finds decides how to look further back.
POSTGRES_PROBE_ROWS = 5_000
# Below this share of posts, a GIN bitmap over every match beats walking rows in id order.
POSTGRES_WALK_MIN_SHARE = 0.002
# A combination is walked only when its rarest word holds this many posts per candidate.
POSTGRES_COMMON_WORD_POSTS = 20
# How far a walk may go before the planner takes over the rest.
POSTGRES_WALK_MAX_ROWS = 200_000


def _postgres_matches(
    query: Query, filters: Filters, limit: int, before_id: int | None, any_term: bool
) -> list[tuple[int, float]]:
    """Return the newest `limit` matches, by the plan PostgreSQL picks or by a walk.

    PostgreSQL estimates one word's share of posts well and picks well between walking
    the primary key backwards and a GIN bitmap over every match. For several words it
    assumes they are independent, so words that go together ("mentorship program", a
    quoted phrase) look rare, and the bitmap it picks then visits every post holding
    them: thousands of rows for 100 candidates. So when each word of a combination is
    common, the newest rows are probed first. The share of them that match says whether
    to keep walking (a dense combination) or hand the older rows to the planner (sparse).
    """
    expression = tsquery_expression(query, any_term=any_term)
    if any_term or not _common_combination(query, limit):
        return _postgres_query(expression, filters, limit, before_id)
    results = _postgres_query(expression, filters, limit, before_id, walk=POSTGRES_PROBE_ROWS)
    walked = POSTGRES_PROBE_ROWS
    while len(results) < limit:
        boundary = _postgres_nth_newest(walked, before_id)
        if boundary is None:  # every row has been walked
            break
        share = len(results) / walked
        if share < POSTGRES_WALK_MIN_SHARE or walked >= POSTGRES_WALK_MAX_ROWS:
            rest = _postgres_query(expression, filters, limit - len(results), boundary)
            return results + rest
        # Enough rows to find the rest at the share seen so far, with room for chance.
        more = min(POSTGRES_WALK_MAX_ROWS - walked, round(2 * (limit - len(results)) / share))
        found = _postgres_query(expression, filters, limit - len(results), boundary, walk=more)
        results += found
        walked += more
    return results


def _common_combination(query: Query, limit: int) -> bool:
    """Return whether the query combines words that each hold many posts."""
    terms = [term for group in query.required for term in group]
    if len(terms) + len(query.excluded) < 2:
        return False
    floor = limit * POSTGRES_COMMON_WORD_POSTS
    posts = term_documents(terms, at_most=floor)
    return len(posts) == len(set(terms)) and min(posts.values()) >= floor


def _postgres_nth_newest(n: int, before_id: int | None) -> int | None:
    """Return the id of the n-th newest row below `before_id`, which bounds a walk."""
    below = "" if before_id is None else " WHERE question_id < %s"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT question_id FROM search_searchentry{below}"
            " ORDER BY question_id DESC OFFSET %s LIMIT 1",
            [*([] if before_id is None else [before_id]), n - 1],
        )
        row = cursor.fetchone()
    return None if row is None else int(row[0])


def _postgres_query(
    expression: str,
    filters: Filters,
    limit: int,
    before_id: int | None,
    *,
    walk: int | None = None,
) -> list[tuple[int, float]]:
    """Return the newest matches below `before_id`; with `walk`, among that many rows only."""
    where, params = _filter_sql(filters, "e.question_id")
    rows = "search_searchentry"
    bounds: list[int] = []
    if walk is not None:
        # A subquery with its own LIMIT pins the plan to a backward primary-key walk.
        below = "" if before_id is None else " WHERE question_id < %s"
        rows = f"(SELECT * FROM search_searchentry{below} ORDER BY question_id DESC LIMIT %s)"
        bounds = [*([] if before_id is None else [before_id]), walk]
    elif before_id is not None:
        where += " AND e.question_id < %s"
        params.append(before_id)
    # The inner query picks the candidates; ts_rank runs on those rows only.
    sql = (
        "SELECT c.question_id, ts_rank(c.tsv, c.q) FROM ("
        f" SELECT e.question_id, e.tsv, q.q FROM {rows} e,"
        " CAST(%s AS tsquery) AS q(q)"
        f" WHERE e.tsv @@ q.q{where} ORDER BY e.question_id DESC LIMIT %s) c"
        " ORDER BY c.question_id DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, (*bounds, expression, *params, limit))
        return [(int(row[0]), float(row[1])) for row in cursor.fetchall()]


def _expanded_expression(
    expansion: Expansion,
    term: Callable[[str], str],
    *,
    adjacent: str,
    either: str,
    both: str,
    unless: str,
) -> str:
    groups = [
        either.join(f"({adjacent.join(map(term, a.terms))})" for a in group)
        for group in expansion.groups
    ]
    expression = both.join(f"({group})" for group in groups)
    if expansion.excluded:
        expression = f"({expression}){unless}({either.join(map(term, expansion.excluded))})"
    return expression


def expanded_fts5_expression(expansion: Expansion) -> str:
    """Return the FTS5 expression of a widened search: any alternative of every group."""
    return _expanded_expression(
        expansion, _fts5_term, adjacent=" + ", either=" OR ", both=" AND ", unless=" NOT "
    )


def expanded_tsquery_expression(expansion: Expansion) -> str:
    """Return the tsquery text of a widened search: any alternative of every group."""
    return _expanded_expression(
        expansion, _ts_term, adjacent=" <-> ", either=" | ", both=" & ", unless=" & !"
    )


def expanded_matches(
    expansion: Expansion,
    *,
    filters: Filters = Filters(),
    limit: int = 100,
    before_id: int | None = None,
) -> list[tuple[int, float]]:
    """Return (question id, relevance) for the newest matches of a widened search.

    Both engines rank the candidates the same way, BM25 over their stored terms with each
    phrase weighted as the expansion says, so a typed word outranks its other forms.
    """
    if not expansion.groups:
        return []
    postgres = connection.vendor == "postgresql"
    id_column = "e.question_id" if postgres else "search_fts.rowid"
    where, params = _filter_sql(filters, id_column)
    if before_id is not None:
        where += f" AND {id_column} < %s"
        params.append(before_id)
    if postgres:
        sql = (
            "SELECT e.question_id, e.title_terms, e.body_terms FROM search_searchentry e"
            f" WHERE e.tsv @@ CAST(%s AS tsquery){where} ORDER BY e.question_id DESC LIMIT %s"
        )
        expression = expanded_tsquery_expression(expansion)
    else:
        sql = (
            "SELECT e.question_id, e.title_terms, e.body_terms FROM search_fts"
            " JOIN search_searchentry e ON e.question_id = search_fts.rowid"
            f" WHERE search_fts MATCH %s{where} ORDER BY search_fts.rowid DESC LIMIT %s"
        )
        expression = expanded_fts5_expression(expansion)
    with connection.cursor() as cursor:
        cursor.execute(sql, (expression, *params, limit))
        rows = [(int(qid), title.split(), body.split()) for qid, title, body in cursor.fetchall()]
    if not rows:
        return []
    phrases = expansion.weighted_phrases()
    average = sum(len(title) + len(body) for _qid, title, body in rows) / len(rows)
    results = []
    for qid, title, body in rows:
        # Most of an idea's forms are absent from any one post: counting them would walk
        # its terms once per form, so only the forms whose words it holds are counted.
        present = set(title).union(body)
        held = [
            (phrase, weight)
            for phrase, weight in phrases
            if all(term in present or term.endswith(PREFIX) for term in phrase)
        ]
        groups = [phrase for phrase, _weight in held]
        weights = [weight for _phrase, weight in held]
        results.append((qid, relevance.bm25(groups, weights, title, body, average)))
    return results
