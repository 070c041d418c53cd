"""Load-test Rung's reading pages against a community of realistic size.

    .venv/bin/python bench/pages.py [--questions 50000 --answers 250000 --duration 10 --keep]
    .venv/bin/python bench/pages.py --database-url postgres://postgres@127.0.0.1:5432/rung_bench
    .venv/bin/python bench/pages.py --long-tail [--no-single --profile cold.prof]

The run migrates a throwaway database, fills it with generated members, questions, answers
and likes, serves it with gunicorn as production would (DEBUG off, two sync workers) and
drives each reading page with wrk, anonymously and as a logged-in member. Every page is
compared with the health view, which crosses the same middleware without touching the
database, so the ratios show what the page itself costs.

--long-tail adds runs that spread requests over thousands of question pages (Zipf, s=1)
and every topic page, by visitors and by many distinct members, and a cold render of a
20-answer question (bench/cold_render.py).
"""

import argparse
import hashlib
import html
import json
import math
import os
import re
import shlex
import shutil
import signal
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
from typing import Any

import wrk
from harness import (
    BENCH_DIR,
    PYTHON,
    ROOT,
    bench_env,
    database_name,
    drop_database,
    fetch,
    free_port,
    manage,
    raise_interrupt,
    start_gunicorn,
    stop,
    wait_healthy,
)
from wrk import (
    CONNECTIONS,
    Target,
    WrkResult,
    checks,
    interleaved_pair,
    print_table,
    run_wrk,
    tail_checks,
)

PAGE_SIZE = 20
# Zipf exponent of the long tail: the n-th most read question gets 1/n**s of the reads.
ZIPF_S = 1.0
TARGET_COLD_CPU_MS = 6.0


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


def _progress(result: WrkResult) -> None:
    print(
        f"  {result.page:<14} {result.visitor:<7} c{result.connections:<3} "
        f"{result.rps:9.1f} req/s  p99 {result.p99_ms:8.2f} ms  "
        f"errors {result.errors}  cpu {result.cpu_ms:6.2f} ms/req  "
        f"db {result.db_cpu_ms:5.2f} ms/req  load {result.load_after:.1f}",
        flush=True,
    )


def single_url_runs(
    args: argparse.Namespace, base: str, info: dict[str, Any], server_pid: int
) -> tuple[str, int, list[WrkResult], list[tuple[bool, str]], list[str]]:
    """Each page over and over, then page 1 against the deep page; print the table."""
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
            result = run_wrk(target, connections, args.duration, server_pid)
            results.append(result)
            _progress(result)

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
                server_pid,
            )
    print("\nOne URL each")
    print_table(results)
    return deep_url, depth, results, checks(results, deep_pairs), warnings


def tail_targets(base: str, info: dict[str, Any], folder: Path) -> list[Target]:
    """The long-tail runs: Zipf-weighted question pages and every topic page, both visitors."""
    questions = folder / "tail-questions.txt"
    questions.write_text(
        "".join(
            f"{1 / rank**ZIPF_S:.9f}\t{url}\n"
            for rank, url in enumerate(info["tail_questions"], start=1)
        )
    )
    topics = folder / "tail-topics.txt"
    topics.write_text("1\t/\n" + "".join(f"1\t/topics/{slug}/\n" for slug in info["topics"]))
    cookies = folder / "tail-cookies.txt"
    cookies.write_text("".join(f"sessionid={key}\n" for key in info["sessions"]))
    script = str(BENCH_DIR / "long_tail.lua")
    targets = [Target("bare", "-", f"{base}/-/health")]
    for page, paths in (("question", questions), ("topic", topics)):
        targets.append(Target(page, "anon", base, [], script, [str(paths)]))
        targets.append(Target(page, "member", base, [], script, [str(paths), str(cookies)]))
    return targets


def _build(args: argparse.Namespace, env: dict[str, str], build_out: Path) -> None:
    subprocess.run(
        [
            PYTHON,
            str(BENCH_DIR / "page_data.py"),
            f"--build-out={build_out}",
            f"--questions={args.questions}",
            f"--answers={args.answers}",
            f"--seed={args.seed}",
            f"--tail-questions={args.tail_questions}",
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )


def data_cache_key(args: argparse.Namespace) -> str:
    """Name a built database by what shaped it: the arguments, the builder, the migrations."""
    digest = hashlib.sha256()
    digest.update(repr((args.questions, args.answers, args.seed, args.tail_questions)).encode())
    for path in (BENCH_DIR / "page_data.py", BENCH_DIR / "page_text.py"):
        digest.update(path.read_bytes())
    for path in sorted(ROOT.glob("rung/*/migrations/*.py")):
        digest.update(path.name.encode())
    return digest.hexdigest()[:16]


def run_cold_render(
    env: dict[str, str], info: dict[str, Any], folder: Path, requests: int, profile: Path | None
) -> dict[str, Any]:
    out = folder / "cold.json"
    command = [
        PYTHON,
        str(BENCH_DIR / "cold_render.py"),
        f"--url={info['details']['question']['url']}",
        f"--session={info['session_key']}",
        f"--requests={requests}",
        f"--out={out}",
    ]
    if profile:
        command.append(f"--profile={profile}")
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return dict(json.loads(out.read_text()))


def print_cold(figures: dict[str, Any]) -> list[tuple[bool, str]]:
    bare = figures["bare"]["cpu_ms"]
    print(f"\n{'cold render, 20 answers':<24} {'cpu ms':>8} {'x bare':>8} {'queries':>8}")
    for name, row in figures.items():
        ratio = row["cpu_ms"] / bare if bare else math.nan
        print(f"{name:<24} {row['cpu_ms']:>8.2f} {ratio:>8.1f} {row['queries']:>8}")
    return [
        (
            figures[name]["cpu_ms"] <= TARGET_COLD_CPU_MS,
            f"cold render {name}: {figures[name]['cpu_ms']:.2f} ms CPU "
            f"(target ≤ {TARGET_COLD_CPU_MS:.0f} ms)",
        )
        for name in ("visitor/cold", "member/cold")
    ]


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
    parser.add_argument(
        "--long-tail",
        action="store_true",
        help="also spread requests over thousands of pages, and time a cold render",
    )
    parser.add_argument("--no-single", action="store_true", help="skip the single-URL runs")
    parser.add_argument("--tail-questions", type=int, default=5000)
    parser.add_argument("--cold-requests", type=int, default=40)
    parser.add_argument("--profile", type=Path, help="cProfile the cold render into this file")
    parser.add_argument(
        "--data-cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "rung-bench-data",
        help="SQLite: keep built databases here and reuse one built the same way",
    )
    args = parser.parse_args(argv)
    if args.questions < 1:
        parser.error("--questions must be at least 1")
    if args.duration < 1:
        parser.error("--duration must be a whole number of seconds, at least 1")
    # The database is dropped without asking, so only one named as a benchmark qualifies.
    if args.database_url and "bench" not in database_name(args.database_url):
        parser.error("--database-url must name a database whose name contains 'bench'")

    signal.signal(signal.SIGTERM, raise_interrupt)
    var_dir = Path(tempfile.mkdtemp(prefix="rung-bench-"))
    env = bench_env(var_dir, args.database_url)
    wrk.STATS_DIR = var_dir / "stats"
    wrk.STATS_DIR.mkdir()
    env["RUNG_BENCH_STATS_DIR"] = str(wrk.STATS_DIR)
    server: subprocess.Popen[bytes] | None = None
    database_created = False
    log = var_dir / "gunicorn.log"
    try:
        database = args.database_url or "SQLite (embedded default)"
        print(f"data dir {var_dir}; database {database}", flush=True)
        if args.database_url:
            drop_database(args.database_url, create=True)
            database_created = True
        cached = None if args.database_url else args.data_cache / data_cache_key(args)
        if cached is not None and (cached / "build.json").exists():
            # The whole folder: the database, and the signing key its sessions were made with.
            shutil.copytree(cached, var_dir, dirs_exist_ok=True)
            print(f"reusing the database built in {cached}", flush=True)
        else:
            manage(env, "migrate", "--no-input", "-v0")
        manage(env, "collectstatic", "--no-input", "-v0")

        print(f"building {args.questions} questions and {args.answers} answers", flush=True)
        build_out = var_dir / "build.json"
        started = time.monotonic()
        if not build_out.exists():
            _build(args, env, build_out)
            if cached is not None:
                shutil.copytree(
                    var_dir, cached, ignore=shutil.ignore_patterns("static", "stats", "*.log")
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

        outcome: list[tuple[bool, str]] = []
        warnings: list[str] = []
        results: list[WrkResult] = []
        tail_results: list[WrkResult] = []
        deep_url, depth = "", 0
        if not args.no_single:
            deep_url, depth, results, single_outcome, single_warnings = single_url_runs(
                args, base, info, server.pid
            )
            outcome += single_outcome
            warnings += single_warnings
        if args.long_tail:
            tail = tail_targets(base, info, var_dir)
            print(
                f"long tail: {len(info['tail_questions'])} questions (Zipf s={ZIPF_S:g}), "
                f"{len(info['topics'])} topics and the home page, {len(info['sessions'])} "
                "members; a warm-up run of each before the measured ones",
                flush=True,
            )
            for target in tail[1:]:
                run_wrk(target, CONNECTIONS[0], args.duration)
            for connections in CONNECTIONS:
                for target in tail:
                    result = run_wrk(target, connections, args.duration, server.pid)
                    tail_results.append(result)
                    _progress(result)
            stop(server)
            server = None
            cold = run_cold_render(env, info, var_dir, args.cold_requests, args.profile)
            print("\nLong tail")
            print_table(tail_results)
            budget = {
                "anon": cold["visitor/cold"]["queries"],
                "member": cold["member/cold"]["queries"],
            }
            outcome += tail_checks(tail_results, budget)
            outcome += print_cold(cold)
        all_results = results + tail_results
        loads = [r.load_after for r in all_results] or [0.0]
        print(
            f"\n1-minute load average after each run: {min(loads):.1f} to {max(loads):.1f} "
            f"on {os.cpu_count()} cores (wrk and gunicorn alone account for about 2)"
        )
        failed = [text for ok, text in outcome if not ok]
        for ok, text in outcome:
            print(f"  {'PASS' if ok else 'FAIL'}  {text}")
        for text in warnings:
            print(f"  WARN  {text}")
        server_errors = [
            line for line in log.read_text(errors="replace").splitlines() if "Traceback" in line
        ]
        if server_errors:
            print(f"\ngunicorn logged {len(server_errors)} tracebacks; see {log}")
        print(f"\nchecks: {len(outcome) - len(failed)}/{len(outcome)} passed")

        if args.json:
            args.json.write_text(
                json.dumps(
                    {
                        "database": database,
                        "build": {**info, "wall_seconds": round(build_seconds, 1)},
                        "deep_page": {"url": deep_url, "pages": depth},
                        "duration": args.duration,
                        "results": [{**asdict(r), "errors": r.errors} for r in all_results],
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
                drop_database(args.database_url, create=False)


if __name__ == "__main__":
    sys.exit(main())
