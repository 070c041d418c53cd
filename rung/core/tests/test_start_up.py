"""Importing the settings writes nothing; manage.py and the WSGI app keep one signing key."""

import os
import runpy
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from rung import embedded

ROOT = Path(__file__).resolve().parents[3]


def _run(args: list[str], var: Path, **variables: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DATABASE_URL"}}
    env.update(variables, RUNG_VAR_DIR=str(var), DJANGO_SETTINGS_MODULE="rung.settings")
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_importing_the_settings_and_setting_django_up_creates_no_file_or_folder(
    tmp_path: Path,
) -> None:
    """A fresh checkout's test run, or a read-only host, gets working settings and no var/."""
    var = tmp_path / "var"
    script = "import django; django.setup(); from django.conf import settings; "
    script += "print(len(settings.SECRET_KEY), settings.DATABASES['default']['NAME'])"
    length, database = _run(["-c", script], var).split()
    assert int(length) >= 50
    assert database == str(var / "rung.sqlite3")
    assert list(tmp_path.iterdir()) == []


def test_manage_py_makes_the_key_before_the_settings_read_it(tmp_path: Path) -> None:
    var = tmp_path / "var"
    script = "from django.conf import settings; print(settings.SECRET_KEY)"
    signed_with = _run(["manage.py", "shell", "--no-imports", "-c", script], var).strip()
    key_file = var / "secret_key"
    assert key_file.read_text() == signed_with and len(signed_with) >= 50
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert not list(var.glob(".secret_key*")), "no half-written key is left behind"


def test_the_wsgi_module_makes_the_key_before_the_settings_read_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RUNG_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    runpy.run_module("rung.wsgi")
    assert len(embedded.read_secret_key(tmp_path / "var")) >= 50


def test_prepare_keeps_the_first_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUNG_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    embedded.prepare()
    key = embedded.read_secret_key(tmp_path / "var")
    embedded.prepare()
    assert embedded.read_secret_key(tmp_path / "var") == key
    assert [path.name for path in (tmp_path / "var").iterdir()] == ["secret_key"]


def test_prepare_writes_nothing_when_the_environment_names_the_key_and_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A deployment on PostgreSQL with SECRET_KEY set may run on a read-only filesystem."""
    monkeypatch.setenv("RUNG_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("SECRET_KEY", "k" * 50)
    monkeypatch.setenv("DATABASE_URL", "postgres://rung@db.invalid/rung")
    embedded.prepare()
    assert list(tmp_path.iterdir()) == []


def test_prepare_says_what_to_do_when_it_cannot_keep_a_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("RUNG_VAR_DIR", str(blocker / "var"))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ImproperlyConfigured, match=r"RUNG_VAR_DIR.*SECRET_KEY"):
        embedded.prepare()
