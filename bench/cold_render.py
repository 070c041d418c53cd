"""Time one question page rendered with every cache empty, in CPU ms (for bench/pages.py).

    .venv/bin/python bench/cold_render.py --url /questions/1/slug/ --session KEY [--profile OUT]
    .venv/bin/python bench/cold_render.py --url ... --session KEY --instructions [--requests 20]

Runs in a process with the benchmark's settings and database (the caller sets them up).
Through Django's test client, it requests the bare health view and the question page,
alternately, clearing the cache before each page request (all but the member's session,
which a reader keeps), and reports the median CPU time of the process for each
(`time.process_time`, which holds steady when other programs share the machine; the
database's own work on PostgreSQL is not in it). With --profile, a further round runs
under cProfile, writes the statistics to OUT and prints the functions that cost most.

With --instructions it counts processor instructions instead, with valgrind's callgrind:
the same requests, in child processes run under it, once with the warm-up alone and once
per kind with `--requests` more; the difference, divided by the requests, is one
request's. CPU time on a shared virtual machine moved by a quarter between runs of the
same code; two counts differed by 0.5 % or less, so two checkouts compare in one run each.
It is about fifty times slower, and counts what Python runs, not what the database
server does. Each child keeps its cache in a folder of its own.
"""

import argparse
import cProfile
import gc
import json
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from importlib import import_module
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
USER_AGENT = "Mozilla/5.0 (bench)"
KINDS = ("bare", "visitor/cold", "member/cold")
# A child under callgrind that runs the warm-up alone.
_WARM_UP_ONLY = "warm-up"
_COLLECTED = re.compile(r"Collected : (\d+)")


def _cpu_ms(samples: Sequence[float]) -> float:
    return round(statistics.median(samples) * 1000, 3)


def _page_runs(url: str, session: str) -> tuple[dict[str, Callable[[], None]], Callable[[], None]]:
    """Return what requests each kind of page, and what empties the cache before a cold one.

    Django must be set up.
    """
    from django.conf import settings
    from django.core.cache import caches
    from django.test import Client

    visitor = Client(HTTP_USER_AGENT=USER_AGENT)
    member = Client(HTTP_USER_AGENT=USER_AGENT)
    member.cookies[settings.SESSION_COOKIE_NAME] = session
    cache = caches["default"]
    # The member's session lives in the cache too (both session engines Rung uses keep it
    # there): it is put back after each clearing, as a reader's session stays cached
    # while the pages they read are first rendered.
    sessions = caches[settings.SESSION_CACHE_ALIAS]
    session_key: str | None = getattr(
        import_module(settings.SESSION_ENGINE).SessionStore(session), "cache_key", None
    )

    def clear() -> None:
        kept = sessions.get(session_key) if session_key else None
        cache.clear()
        sessions.clear()
        if kept is not None:
            sessions.set(session_key, kept, settings.SESSION_COOKIE_AGE)

    def page(client: Client) -> Callable[[], None]:
        def run() -> None:
            response = client.get(url)
            assert response.status_code == 200, response.status_code

        return run

    def bare() -> None:
        assert visitor.get("/-/health").status_code == 200

    runs: dict[str, Callable[[], None]] = {
        "bare": bare,
        "visitor/cold": page(visitor),
        "member/cold": page(member),
    }
    return runs, clear


def _warm_up(runs: dict[str, Callable[[], None]], clear: Callable[[], None]) -> None:
    """Compile templates, open connections and import what is first used."""
    for _ in range(3):
        for run in runs.values():
            clear()
            run()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--url", required=True, help="the question page")
    parser.add_argument("--session", required=True, help="a member's session key")
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--profile", type=Path, help="write cProfile statistics here")
    parser.add_argument("--out", type=Path, help="write the figures here as JSON")
    parser.add_argument(
        "--instructions", action="store_true", help="count instructions with callgrind"
    )
    parser.add_argument("--only", choices=[*KINDS, _WARM_UP_ONLY], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.instructions:
        return _count_instructions(args)

    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    runs, clear = _page_runs(args.url, args.session)
    _warm_up(runs, clear)
    if args.only:
        # A child under callgrind: the warm-up, then the requests of one kind. What the
        # warm-up left alive is frozen, so a full collection of the garbage, which walks
        # every object the process holds and comes when the allocations say, is not
        # counted in one child and not in another; each request's own garbage still is.
        gc.collect()
        gc.freeze()
        if args.only in runs:
            for _ in range(args.requests):
                if args.only != "bare":
                    clear()
                runs[args.only]()
        return 0
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.requests):
        for name, run in runs.items():
            if name != "bare":
                clear()
            started = time.process_time()
            run()
            samples[name].append(time.process_time() - started)
    queries = {}
    for name, run in runs.items():
        clear()
        with CaptureQueriesContext(connection) as captured:
            run()
        queries[name] = len(captured.captured_queries)
    figures = {
        name: {"cpu_ms": _cpu_ms(values), "queries": queries[name]}
        for name, values in samples.items()
    }
    if args.out:
        args.out.write_text(json.dumps(figures))
    if args.profile:
        profiler = cProfile.Profile()
        for _ in range(max(5, args.requests // 4)):
            for name, run in runs.items():
                if name != "bare":
                    clear()
                    profiler.enable()
                    run()
                    profiler.disable()
        profiler.dump_stats(args.profile)
        stats = pstats.Stats(str(args.profile))
        stats.sort_stats("tottime").print_stats(25)
        stats.sort_stats("cumulative").print_stats(40)
    return 0


def _own_var_dir(source: Path, into: Path) -> Path:
    """Return a data folder that shares `source`'s files but keeps a cache of its own."""
    into.mkdir()
    for entry in source.iterdir():
        if not entry.name.startswith("cache.sqlite3"):
            (into / entry.name).symlink_to(entry.resolve())
    return into


def _callgrind(args: argparse.Namespace, kind: str, requests: int, var_dir: Path) -> int:
    """Run the warm-up and `requests` of one kind under callgrind; return the instructions."""
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        str(Path(__file__).resolve()),
        f"--url={args.url}",
        f"--session={args.session}",
        f"--requests={requests}",
        f"--only={kind}",
    ]
    # The same hashes every run, so sets and dictionaries are walked the same way.
    env = {**os.environ, "RUNG_VAR_DIR": str(var_dir), "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"callgrind run of {kind} failed:\n{done.stderr[-3000:]}")
    return int(found[1])


def _count_instructions(args: argparse.Namespace) -> int:
    if shutil.which("valgrind") is None:
        print("--instructions needs valgrind (Debian's package valgrind).", file=sys.stderr)
        return 2
    source = Path(os.environ.get("RUNG_VAR_DIR", ROOT / "var"))
    requests = max(1, args.requests)
    # The bare view is some fifty times cheaper: it runs more requests, so that what runs
    # now and then (a collection of the garbage, a shared value read once a second) is
    # spread as thinly over it as over the pages.
    counts_of = {kind: requests * (20 if kind == "bare" else 1) for kind in KINDS}
    jobs = [(_WARM_UP_ONLY, 0), *counts_of.items()]
    with tempfile.TemporaryDirectory(prefix="rung-instructions-") as temporary:
        folders = [_own_var_dir(source, Path(temporary) / str(n)) for n in range(len(jobs))]
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            counts = list(
                pool.map(
                    lambda job: _callgrind(args, job[0][0], job[0][1], job[1]),
                    zip(jobs, folders, strict=True),
                )
            )
    base, *totals = counts
    per_request = {
        kind: (total - base) / counts_of[kind] for kind, total in zip(KINDS, totals, strict=True)
    }
    bare = per_request["bare"]
    print(f"{'instructions a request':22s} {'millions':>10s} {'x bare':>8s}")
    for kind, count in per_request.items():
        print(f"{kind:22s} {count / 1e6:10.2f} {count / bare:8.1f}")
    if args.out:
        args.out.write_text(
            json.dumps({k: {"instructions": round(v)} for k, v in per_request.items()})
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
