"""PostgreSQL prepares the statements a connection runs often (settings, RUNG_PG_PREPARED)."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from rung.qa import selectors
from rung.qa.models import Question

ROOT = Path(__file__).resolve().parents[3]


def database_setting(tmp_path: Path, name: str, **env: str) -> Any:
    """Return a setting of the default database as the settings make it from `env` alone
    (no DATABASE_URL or RUNG_PG_* of the environment the tests run in)."""
    variables = {
        k: v for k, v in os.environ.items() if k != "DATABASE_URL" and not k.startswith("RUNG_PG_")
    }
    variables.update(RUNG_VAR_DIR=str(tmp_path), **env)
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, rung.settings as s; "
            f"print(json.dumps(s.DATABASES['default'].get({name!r})))",
        ],
        cwd=ROOT,
        env=variables,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def _database_options(tmp_path: Path, **env: str) -> dict[str, object]:
    """Return the default database's OPTIONS as the settings make them from `env`."""
    options: dict[str, object] = database_setting(tmp_path, "OPTIONS", **env) or {}
    return options


@pytest.mark.parametrize(
    ("switch", "prepared"),
    [(None, True), ("on", True), ("off", False), ("0", False), (" OFF ", False)],
)
def test_postgresql_prepares_statements_unless_turned_off(
    tmp_path: Path, switch: str | None, prepared: bool
) -> None:
    env = {"DATABASE_URL": "postgres://rung@db.example:5432/rung"}
    if switch is not None:
        env["RUNG_PG_PREPARED"] = switch
    options = _database_options(tmp_path, **env)
    if prepared:
        assert options == {"server_side_binding": True, "prepare_threshold": 5}
    else:
        assert "server_side_binding" not in options and "prepare_threshold" not in options


def test_other_databases_get_no_postgresql_options(tmp_path: Path) -> None:
    sqlite = _database_options(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path}/other.sqlite3")
    assert "server_side_binding" not in sqlite and "prepare_threshold" not in sqlite


@pytest.mark.django_db
def test_a_read_run_often_is_prepared_once_and_reads_the_same(question: Question) -> None:
    """The question version read (every visitor's page) runs as a prepared statement on
    PostgreSQL from its sixth run on, and answers as before; SQLite runs it as ever."""
    question.refresh_from_db()
    answers = [selectors.question_version(question.pk) for _ in range(8)]
    assert answers == [answers[0]] * 8
    assert answers[0][0] == question.version and answers[0][1] == question.title
    options = connection.settings_dict.get("OPTIONS", {})
    if connection.vendor != "postgresql":
        assert not options.get("prepare_threshold")
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT statement FROM pg_prepared_statements WHERE statement LIKE %s",
            ['%"qa_question"."version"%'],
        )
        prepared = [row[0] for row in cursor.fetchall()]
    # RUNG_PG_PREPARED=off (tested above) prepares nothing.
    if not options.get("prepare_threshold"):
        assert prepared == []
        return
    assert len(prepared) == 1 and "$1" in prepared[0]
