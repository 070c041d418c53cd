"""Prepare the embedded setup's folder on start-up: `manage.py` and `rung.wsgi` call `prepare`.

With no configuration Rung keeps its SQLite database and its signing key under `var/`
(`RUNG_VAR_DIR`). Creating them is start-up work, done once before Django reads the
settings, so that importing `rung.settings` only reads: tests in a fresh checkout and
read-only deployments configured through the environment write nothing.
"""

import contextlib
import os
import secrets
import tempfile
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY_FILE = "secret_key"


def var_dir() -> Path:
    """Return the folder the embedded database, signing key and static files live in."""
    return Path(os.environ.get("RUNG_VAR_DIR", BASE_DIR / "var"))


def read_secret_key(folder: Path) -> str:
    """Return the signing key kept in `folder`; FileNotFoundError when none was made yet."""
    return (folder / SECRET_KEY_FILE).read_text().strip()


def prepare() -> None:
    """Create the var folder for SQLite and, without SECRET_KEY, a signing key kept there."""
    folder = var_dir()
    try:
        if not os.environ.get("DATABASE_URL"):
            folder.mkdir(parents=True, exist_ok=True)
        if not os.environ.get("SECRET_KEY"):
            _keep_secret_key(folder)
    except OSError as error:
        raise ImproperlyConfigured(
            f"Rung cannot prepare {folder} ({error}). Make it writable, point RUNG_VAR_DIR "
            "at a writable folder, or set SECRET_KEY and DATABASE_URL."
        ) from error


def _keep_secret_key(folder: Path) -> None:
    """Write a new signing key into `folder` unless one is there; never replace one."""
    path = folder / SECRET_KEY_FILE
    if path.exists():
        return
    folder.mkdir(parents=True, exist_ok=True)
    # Written whole under a temporary name (mode 0600 from the start), then linked into
    # place, which fails if the name exists: web workers and the task worker starting
    # together all end up reading the one key that won, never half of one.
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{SECRET_KEY_FILE}.")
    try:
        with os.fdopen(handle, "w") as file:
            file.write(secrets.token_urlsafe(50))
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        os.unlink(temporary)
