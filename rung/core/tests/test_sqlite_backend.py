"""The SQLite backend rewrites each statement's placeholders once, exactly as Django does."""

import sqlite3
from pathlib import Path

import pytest
from django.db import connection, connections
from django.db.backends.sqlite3.base import SQLiteCursorWrapper as DjangoCursor

from rung.core.sqlite_backend import base as backend
from rung.core.tests.test_postgres_prepared import database_setting
from rung.qa.models import Question

# Statements the ORM and raw SQL write: placeholders, escaped percent signs, a percent
# sign before a placeholder, and text that only looks like one.
STATEMENTS = [
    "SELECT 1",
    "SELECT %s",
    "SELECT %s, %s FROM t WHERE a = %s",
    "SELECT '100%%' AS share, %s",
    "SELECT '%%s' AS literal, %s",
    "SELECT '%%%s' AS odd",
    "SELECT x FROM t WHERE name LIKE '%%' || %s || '%%' ESCAPE '\\'",
    "%s" * 500,
    "SELECT 'é%%ß' , %s -- %s",
]


def _django(query: str) -> str:
    with sqlite3.connect(":memory:") as raw:
        return raw.cursor(factory=DjangoCursor).convert_query(query)


@pytest.mark.parametrize("query", STATEMENTS)
def test_a_statement_is_rewritten_as_django_rewrites_it(query: str) -> None:
    with sqlite3.connect(":memory:") as raw:
        ours = raw.cursor(factory=backend.SQLiteCursorWrapper).convert_query(query)
        again = raw.cursor(factory=backend.SQLiteCursorWrapper).convert_query(query)
    assert ours == again == _django(query)


def test_named_parameters_are_left_to_django() -> None:
    query = "SELECT %(first)s, %(second)s"
    with sqlite3.connect(":memory:") as raw:
        ours = raw.cursor(factory=backend.SQLiteCursorWrapper)
        assert ours.convert_query(query, param_names=["first", "second"]) == (
            "SELECT :first, :second"
        )


def test_the_same_statement_is_rewritten_once() -> None:
    query = "SELECT %s AS once_only, '%%' AS sign"
    before = backend._qmark.cache_info()
    with sqlite3.connect(":memory:") as raw:
        for _ in range(5):
            raw.cursor(factory=backend.SQLiteCursorWrapper).convert_query(query)
    after = backend._qmark.cache_info()
    assert after.misses - before.misses <= 1
    assert after.hits - before.hits >= 4
    assert after.maxsize == backend._KEPT


@pytest.mark.django_db
def test_the_site_runs_its_reads_through_it(question: Question) -> None:
    """Whatever the database, the ORM's reads answer as before; on SQLite they go
    through this backend."""
    Question.objects.filter(pk=question.pk).update(title="Raises of 100% and 5%s")
    for _ in range(2):
        found = Question.objects.filter(title__contains="100%").values_list("pk", flat=True)
        assert list(found) == [question.pk]
        assert not Question.objects.filter(title__contains="100%%").exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s, '100%%'", [question.pk])
        assert cursor.fetchone() == (question.pk, "100%")
    if connection.vendor == "sqlite":
        assert connection.settings_dict["ENGINE"] == "rung.core.sqlite_backend"
        assert isinstance(connections["default"], backend.DatabaseWrapper)


def test_sqlite_uses_the_backend_by_default_and_by_address(tmp_path: Path) -> None:
    assert database_setting(tmp_path, "ENGINE") == "rung.core.sqlite_backend"
    by_address = database_setting(
        tmp_path, "ENGINE", DATABASE_URL=f"sqlite:///{tmp_path}/other.sqlite3"
    )
    assert by_address == "rung.core.sqlite_backend"
    postgres = database_setting(
        tmp_path, "ENGINE", DATABASE_URL="postgres://rung@db.example:5432/rung"
    )
    assert postgres == "django.db.backends.postgresql"
