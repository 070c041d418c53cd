"""Load-test Rung's reading pages against a community of realistic size.

    .venv/bin/python bench/pages.py [--questions 50000 --answers 250000 --duration 10 --keep]
    .venv/bin/python bench/pages.py --database-url postgres://postgres@127.0.0.1:5432/rung_bench

The run migrates a throwaway database, fills it with generated members, questions, answers
and likes, serves it with gunicorn as production would (DEBUG off, two sync workers) and
drives each reading page with wrk, anonymously and as a logged-in member. Every page is
compared with the health view, which crosses the same middleware without touching the
database, so the ratios show what the page itself costs.
"""

import argparse
import html
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from pathlib import Path
from types import FrameType
from typing import Any

from wrk import (
    CONNECTIONS,
    USER_AGENT,
    Target,
    WrkResult,
    checks,
    interleaved_pair,
    print_table,
    run_wrk,
)

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
GUNICORN = str(VENV_BIN / "gunicorn")

PAGE_SIZE = 20


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


_NEXT_LINK = re.compile(r'<a\b[^>]*\brel="next"[^>]*>')
_HREF = re.compile(r'\bhref="([^"]+)"')


def next_page(page_url: str, body: str) -> str | None:
    link = _NEXT_LINK.search(body)
    href = _HREF.search(link[0]) if link else None
    return urllib.parse.urljoin(page_url, html.unescape(href[1])) if href else None


def find_deep_page(first_page: str, pages: int) -> tuple[str, int]:
    """Follow the feed's own "More questions" links; return the deepest full page reached."""
    url, depth = first_page, 0
    status, body = fetch(url)
    while depth < pages:
        if status != 200:
            raise RuntimeError(f"{url} answered {status}")
        following = next_page(url, body)
        if following is None:
            break
        status, following_body = fetch(following)
        if next_page(following, following_body) is None and depth > 0:
            # The last page may be short; a full page compares fairly with page 1.
            break
        url, body, depth = following, following_body, depth + 1
    return url, depth


def check_target(target: Target, info: dict[str, Any]) -> list[str]:
    """Refuse a URL that would measure the wrong thing; return warnings about its content."""
    member_name = info["member_name"]
    status, body = fetch(target.url, target.headers)
    if status != 200:
        raise RuntimeError(f"{target.url} ({target.visitor}) answered {status}:\n{body[:2000]}")
    if target.visitor == "member" and html.escape(member_name) not in body:
        raise RuntimeError(f"{target.url}: the session cookie did not log the member in")
    if target.visitor == "anon" and html.escape(member_name) in body:
        raise RuntimeError(f"{target.url}: an anonymous request shows the member")
    if detail := info["details"].get(target.page):
        # Answer permalinks are "#answer-<pk>", so each visible answer carries that id.
        missing = [pk for pk in detail["answer_ids"] if f'id="answer-{pk}"' not in body]
        if missing:
            return [
                f"{target.page}/{target.visitor}: {len(missing)} of {len(detail['answer_ids'])} "
                "visible answers are not on the page, so it renders less than a real one"
            ]
    return []


# --- orchestration ----------------------------------------------------------------------


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


def _database_name(url: str) -> str:
    return urllib.parse.urlsplit(url).path.lstrip("/")


def _drop_database(url: str, *, create: bool) -> None:
    import psycopg
    from psycopg import sql

    parts = urllib.parse.urlsplit(url)
    name = sql.Identifier(_database_name(url))
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
        "rung.wsgi",
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


def targets_for(base: str, info: dict[str, Any], deep_url: str, cookie: str) -> Iterator[Target]:
    yield Target("bare", "-", f"{base}/-/health")
    pages = {
        "home": f"{base}/",
        "topic-p1": f"{base}/topics/{info['deep_topic']}/",
        "topic-deep": deep_url,
    }
    pages |= {page: f"{base}{detail['url']}" for page, detail in info["details"].items()}
    for visitor, headers in (("anon", []), ("member", [cookie])):
        for page, url in pages.items():
            # Likes change nothing for a visitor, so that page is the plain one again.
            if not (visitor == "anon" and page == "question-liked"):
                yield Target(page, visitor, url, headers)


def _raise_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--questions", type=int, default=50_000)
    parser.add_argument("--answers", type=int, default=250_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--database-url", help="PostgreSQL URL; the database is recreated")
    parser.add_argument("--deep-pages", type=int, default=100, help="cursor links to follow")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="write raw results here")
    parser.add_argument("--keep", action="store_true", help="keep the data dir (and database)")
    args = parser.parse_args(argv)
    if args.questions < 1:
        parser.error("--questions must be at least 1")
    if args.duration < 1:
        parser.error("--duration must be a whole number of seconds, at least 1")
    # The database is dropped without asking, so only one named as a benchmark qualifies.
    if args.database_url and "bench" not in _database_name(args.database_url):
        parser.error("--database-url must name a database whose name contains 'bench'")

    signal.signal(signal.SIGTERM, _raise_interrupt)
    var_dir = Path(tempfile.mkdtemp(prefix="rung-bench-"))
    env = bench_env(var_dir, args.database_url)
    server: subprocess.Popen[bytes] | None = None
    database_created = False
    log = var_dir / "gunicorn.log"
    try:
        database = args.database_url or "SQLite (embedded default)"
        print(f"data dir {var_dir}; database {database}", flush=True)
        if args.database_url:
            _drop_database(args.database_url, create=True)
            database_created = True
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "collectstatic", "--no-input", "-v0")

        print(f"building {args.questions} questions and {args.answers} answers", flush=True)
        build_out = var_dir / "build.json"
        started = time.monotonic()
        subprocess.run(
            [
                PYTHON,
                str(Path(__file__).resolve().parent / "page_data.py"),
                f"--build-out={build_out}",
                f"--questions={args.questions}",
                f"--answers={args.answers}",
                f"--seed={args.seed}",
            ],
            cwd=ROOT,
            env=env,
            check=True,
        )
        build_seconds = time.monotonic() - started
        info = json.loads(build_out.read_text())
        print(
            f"built {info['questions']} questions, {info['placements']} placements, "
            f"{info['answers']} answers, {info['likes']} likes in {build_seconds:.1f}s "
            f"(data {info['seconds']}s)",
            flush=True,
        )
        if not args.database_url:
            size = sum(f.stat().st_size for f in var_dir.glob("rung.sqlite3*"))
            print(f"SQLite database: {size / 2**20:.0f} MiB", flush=True)

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_gunicorn(env, port, log)
        wait_healthy(base, server, log)

        topic_url = f"{base}/topics/{info['deep_topic']}/"
        deep_url, depth = find_deep_page(topic_url, args.deep_pages)
        print(
            f"deep page: {depth} pages ({depth * PAGE_SIZE} rows) into "
            f"{info['deep_topic']} ({info['deep_topic_questions']} questions): {deep_url}",
            flush=True,
        )
        warnings: list[str] = []
        if depth < args.deep_pages:
            warnings.append(f"topic-deep: only {depth} of {args.deep_pages} pages deep")
        cookie = f"Cookie: sessionid={info['session_key']}"
        targets = list(targets_for(base, info, deep_url, cookie))
        for target in targets:
            warnings += check_target(target, info)
            # A short run warms both workers' template caches and connections.
            run_wrk(target, 2, 1)

        results: list[WrkResult] = []
        for connections in CONNECTIONS:
            for target in targets:
                result = run_wrk(target, connections, args.duration, server.pid)
                results.append(result)
                print(
                    f"  {target.page:<14} {target.visitor:<7} c{connections:<3} "
                    f"{result.rps:9.1f} req/s  p99 {result.p99_ms:8.2f} ms  "
                    f"errors {result.errors}  cpu {result.cpu_ms:6.2f} ms/req  "
                    f"load {result.load_after:.1f}",
                    flush=True,
                )

        # Page 1 against the deep page, alternating, so machine drift cancels out.
        deep_pairs = {}
        by_page = {(t.page, t.visitor): t for t in targets}
        for connections in CONNECTIONS:
            for visitor in ("anon", "member"):
                deep_pairs[(visitor, connections)] = interleaved_pair(
                    by_page[("topic-p1", visitor)],
                    by_page[("topic-deep", visitor)],
                    connections,
                    max(2, args.duration // 4),
                    4,
                    server.pid,
                )

        print_table(results)
        loads = [r.load_after for r in results]
        print(
            f"\n1-minute load average after each run: {min(loads):.1f} to {max(loads):.1f} "
            f"on {os.cpu_count()} cores (wrk and gunicorn alone account for about 2)"
        )
        outcome = checks(results, deep_pairs)
        failed = [text for ok, text in outcome if not ok]
        print(f"\nchecks: {len(outcome) - len(failed)}/{len(outcome)} passed")
        for ok, text in outcome:
            print(f"  {'PASS' if ok else 'FAIL'}  {text}")
        for text in warnings:
            print(f"  WARN  {text}")
        server_errors = [
            line for line in log.read_text(errors="replace").splitlines() if "Traceback" in line
        ]
        if server_errors:
            print(f"\ngunicorn logged {len(server_errors)} tracebacks; see {log}")

        if args.json:
            args.json.write_text(
                json.dumps(
                    {
                        "database": database,
                        "build": {**info, "wall_seconds": round(build_seconds, 1)},
                        "deep_page": {"url": deep_url, "pages": depth},
                        "duration": args.duration,
                        "results": [{**asdict(r), "errors": r.errors} for r in results],
                        "checks": [{"ok": ok, "check": text} for ok, text in outcome],
                        "warnings": warnings,
                    },
                    indent=2,
                )
            )
        return 1 if failed or server_errors else 0
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except subprocess.CalledProcessError as error:
        # wrk also stops on Ctrl-C, so a failed command often just means an interrupt.
        output = error.stderr or error.stdout or ""
        print(
            f"\n{shlex.join(map(str, error.cmd))} exited {error.returncode}\n{output}",
            file=sys.stderr,
        )
        return 1
    except Exception:
        if server is not None:
            print(f"gunicorn log ({log}):\n{tail(log)}", file=sys.stderr)
        raise
    finally:
        if server is not None:
            stop(server)
        if args.keep:
            print(f"kept {var_dir}")
        else:
            shutil.rmtree(var_dir, ignore_errors=True)
            if database_created:
                _drop_database(args.database_url, create=False)


if __name__ == "__main__":
    sys.exit(main())
