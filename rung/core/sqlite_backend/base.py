"""Django's SQLite backend, with each statement's placeholders rewritten once per process.

The ORM writes SQL with `%s` placeholders and Django's SQLite cursor turns them into the
`?` that sqlite3 takes, with a regular expression, on every execution. A question page's
reads are long statements of one fixed shape (rung/core/prepared_sql.py keeps them
compiled), and rewriting them again on every request cost more than SQLite spent running
them: a page of answers runs about 5 KB of SQL. Here the rewritten statement is kept,
keyed on the statement Django gave, so the same SQL is rewritten once. The result is
exactly Django's (its own `convert_query` makes it); sqlite3 then finds the statement in
its own cache of compiled statements, keyed on the same text.
"""

from functools import lru_cache
from typing import Any

from django.db.backends.sqlite3 import base

# Distinct statements kept: the pages run a few hundred shapes; a statement that differs
# every time (a list of ids of varying length) only pushes the oldest out.
_KEPT = 2048


class SQLiteCursorWrapper(base.SQLiteCursorWrapper):
    def convert_query(self, query: str, *, param_names: Any = None) -> str:
        if param_names is None:
            return _qmark(query)
        return super().convert_query(query, param_names=param_names)


_convert = base.SQLiteCursorWrapper.convert_query


@lru_cache(maxsize=_KEPT)
def _qmark(query: str) -> str:
    return _convert(None, query)  # type: ignore[arg-type]


class DatabaseWrapper(base.DatabaseWrapper):
    def create_cursor(self, name: str | None = None) -> Any:
        return self.connection.cursor(factory=SQLiteCursorWrapper)
