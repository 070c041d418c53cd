"""Two real server processes share one count of failed log-ins, in the database or in Redis.

Each store gets its own fresh database (a SQLite file, or a new PostgreSQL database when
the suite runs on PostgreSQL) and two gunicorn processes on it. Failed log-ins are spread
over both; neither lets the right password in once the account's limit is used up.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.urls import reverse

from rung.testing import PASSWORD, Browser

ROOT = Path(__file__).resolve().parents[3]
IN_CI = os.environ.get("CI") == "true"
REDIS_URL = os.environ.get("RUNG_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
GUNICORN = Path(sys.executable).with_name("gunicorn")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"server at {url} exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url + "/-/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"server at {url} did not start")


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=300)


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The environment of a migrated database with one staff member, shared by the stores.

    A SQLite file, or a new PostgreSQL database when the suite runs on PostgreSQL.
    """
    folder = tmp_path_factory.mktemp("workers")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        RUNG_VAR_DIR=str(folder),
        # Static files from the source folders: this test does not build the manifest.
        DEBUG="true",
        RUNG_TASKS="immediate",
        SECRET_KEY="two-workers-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1",
    )
    suite_url = os.environ.get("DATABASE_URL", "")
    name = f"rung_workers_{uuid.uuid4().hex[:10]}"
    admin_url = suite_url.rsplit("/", 1)[0] + "/postgres"
    on_postgres = suite_url.startswith("postgres")
    if on_postgres:
        import psycopg

        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        env["DATABASE_URL"] = suite_url.rsplit("/", 1)[0] + "/" + name
    try:
        _manage(env, "migrate", "--no-input", "-v0")
        _manage(
            env,
            "shell",
            "-c",
            "from rung.testing import make_member; "
            "make_member('operator', is_staff=True, is_superuser=True)",
        )
        yield env
    finally:
        if on_postgres:
            with psycopg.connect(admin_url, autocommit=True) as connection:
                connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["database", "redis"])
def two_servers(
    request: pytest.FixtureRequest, migrated: dict[str, str]
) -> Iterator[tuple[str, str]]:
    env = dict(migrated)
    if request.param == "redis":
        try:
            import redis

            redis.Redis.from_url(REDIS_URL, socket_timeout=1).flushdb()
        except Exception:
            if IN_CI:
                pytest.fail(f"Redis is required in CI but {REDIS_URL} is unreachable")
            pytest.skip(f"Redis is not reachable at {REDIS_URL}")
        env["REDIS_URL"] = REDIS_URL
    servers: list[subprocess.Popen[bytes]] = []
    urls: list[str] = []
    try:
        for _server in range(2):
            port = _free_port()
            servers.append(
                subprocess.Popen(
                    # No control socket: by default every gunicorn of this user shares one path.
                    [
                        str(GUNICORN),
                        "rung.wsgi",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "--workers",
                        "1",
                        "--no-control-socket",
                    ],
                    cwd=ROOT,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            urls.append(f"http://127.0.0.1:{port}")
        for url, server in zip(urls, servers, strict=True):
            _wait_until_up(url, server)
        yield urls[0], urls[1]
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


def _try(base: str, path: str, fields: dict[str, str]) -> tuple[int, str]:
    browser = Browser(base)
    browser.get(path)
    reply = browser.post(path, fields)
    return reply.status, reply.html


def test_two_worker_processes_share_the_failed_log_in_count(two_servers: tuple[str, str]) -> None:
    first, second = two_servers
    member = reverse("account_login")
    admin = reverse("admin:login")
    wrong = {"login": "operator", "password": "wrong"}
    # Five failures spread over both processes and both ways in.
    # A refused member log-in is its form again with the error (400); the admin's is a 200.
    assert _try(first, member, wrong)[0] == 400
    assert _try(second, member, wrong)[0] == 400
    assert _try(first, admin, {"username": "operator", "password": "wrong"})[0] == 200
    assert _try(second, admin, {"username": "operator", "password": "wrong"})[0] == 200
    assert _try(second, member, wrong)[0] == 400
    right = {"login": "operator", "password": PASSWORD}
    for base in (first, second):
        status, html = _try(base, member, right)
        assert status == 429 and "Too many failed log-in attempts" in html
        status, html = _try(base, admin, {"username": "operator", "password": PASSWORD})
        assert status == 429 and "Too many failed log-in attempts" in html
