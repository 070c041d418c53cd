"""What the page benchmarks share: a throwaway database, gunicorn serving Rung, fetching.

bench/pages.py, bench/threads.py and bench/search.py each build a database, serve it and
drive it; the environment they measure under and the server's life are the same for all.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import Any

from wrk import USER_AGENT

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = Path(__file__).resolve().parent
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
GUNICORN = str(
    VENV_BIN / "gunicorn"
    if (VENV_BIN / "gunicorn").exists()
    else Path(sys.executable).parent / "gunicorn"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


# A redirect on a benchmarked URL would measure the redirect, so it counts as a failure.
_strict_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())


def fetch(url: str, headers: Sequence[str] = ()) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    for header in headers:
        name, _, value = header.partition(":")
        request.add_header(name.strip(), value.strip())
    try:
        with _strict_opener.open(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def wait_healthy(base: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}:\n{tail(log)}")
        try:
            with _opener.open(f"{base}/-/health", timeout=2) as response:
                if response.status == 200 and response.read() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer /-/health within 60s:\n{tail(log)}")


def tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return ""


def bench_env(var_dir: Path, database_url: str | None) -> dict[str, str]:
    env = dict(os.environ)
    # The measured setup is the embedded default unless a database is named: an inherited
    # DATABASE_URL, REDIS_URL or DEBUG would silently change what is measured.
    for name in ("DATABASE_URL", "REDIS_URL", "DEBUG"):
        env.pop(name, None)
    env.update(DJANGO_SETTINGS_MODULE="rung.settings", RUNG_VAR_DIR=str(var_dir), DEBUG="0")
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def database_name(url: str) -> str:
    return urllib.parse.urlsplit(url).path.lstrip("/")


def drop_database(url: str, *, create: bool) -> None:
    import psycopg
    from psycopg import sql

    parts = urllib.parse.urlsplit(url)
    name = sql.Identifier(database_name(url))
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        if create:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(name))


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def start_gunicorn(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    command = [
        GUNICORN,
        # Rung's application with counters of queries and cache misses (bench/stats_wsgi.py).
        "stats_wsgi:application",
        "--pythonpath",
        str(BENCH_DIR),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--graceful-timeout",
        "5",
        # The default control socket is one path per user, shared with any other gunicorn.
        "--no-control-socket",
    ]
    with log.open("wb") as out:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def raise_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
