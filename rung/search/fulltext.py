"""Full-text matching on SQLite FTS5 or PostgreSQL tsvector, behind one function.

Ranking every match of a very common word (one in six posts holds "manager") costs time
in proportion to the whole collection. So each search ranks a bounded candidate set: the
newest `limit` matches, read in question-id order, which both engines walk cheaply (FTS5
natively, PostgreSQL by its primary key or a GIN bitmap, whichever its statistics favour).
Relevance is then computed for those rows only.
"""

from dataclasses import dataclass

from django.db import connection

from rung.search.analysis import PREFIX, Query


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


def _sqlite_matches(
    query: Query, filters: Filters, limit: int, before_id: int | None, any_term: bool
) -> list[tuple[int, float]]:
    where, params = _filter_sql(filters, "search_fts.rowid")
    if before_id is not None:
        where += " AND search_fts.rowid < %s"
        params.append(before_id)
    join = "JOIN search_searchentry e ON e.question_id = search_fts.rowid" if where else ""
    # bm25 is lower for better matches; the title column counts four times the body.
    sql = (
        "SELECT search_fts.rowid, -bm25(search_fts, 4.0, 1.0) FROM search_fts "
        f"{join} WHERE search_fts MATCH %s{where} ORDER BY search_fts.rowid DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, (fts5_expression(query, any_term=any_term), *params, limit))
        return [(int(row[0]), float(row[1])) for row in cursor.fetchall()]


def _postgres_matches(
    query: Query, filters: Filters, limit: int, before_id: int | None, any_term: bool
) -> list[tuple[int, float]]:
    where, params = _filter_sql(filters, "e.question_id")
    if before_id is not None:
        where += " AND e.question_id < %s"
        params.append(before_id)
    # The inner query picks the candidates; ts_rank runs on those rows only.
    sql = (
        "SELECT c.question_id, ts_rank(c.tsv, c.q) FROM ("
        " SELECT e.question_id, e.tsv, q.q FROM search_searchentry e,"
        " CAST(%s AS tsquery) AS q(q)"
        f" WHERE e.tsv @@ q.q{where} ORDER BY e.question_id DESC LIMIT %s) c"
        " ORDER BY c.question_id DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, (tsquery_expression(query, any_term=any_term), *params, limit))
        return [(int(row[0]), float(row[1])) for row in cursor.fetchall()]
