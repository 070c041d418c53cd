"""Time one question page rendered with every cache empty, in CPU ms (for bench/pages.py).

    .venv/bin/python bench/cold_render.py --url /questions/1/slug/ --session KEY [--profile OUT]

Runs in a process with the benchmark's settings and database (the caller sets them up).
Through Django's test client, it requests the bare health view and the question page,
alternately, clearing the cache before each page request (all but the member's session,
which a reader keeps), and reports the median CPU time of the process for each
(`time.process_time`, which holds steady when other programs share the machine; the
database's own work on PostgreSQL is not in it). With --profile, a further round runs
under cProfile, writes the statistics to OUT and prints the functions that cost most.
"""

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from importlib import import_module
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
USER_AGENT = "Mozilla/5.0 (bench)"


def _cpu_ms(samples: Sequence[float]) -> float:
    return round(statistics.median(samples) * 1000, 3)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--url", required=True, help="the question page")
    parser.add_argument("--session", required=True, help="a member's session key")
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--profile", type=Path, help="write cProfile statistics here")
    parser.add_argument("--out", type=Path, help="write the figures here as JSON")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    visitor = Client(HTTP_USER_AGENT=USER_AGENT)
    member = Client(HTTP_USER_AGENT=USER_AGENT)
    member.cookies[settings.SESSION_COOKIE_NAME] = args.session
    cache = caches["default"]
    # The member's session lives in the cache too (both session engines Rung uses keep it
    # there): it is put back after each clearing, as a reader's session stays cached
    # while the pages they read are first rendered.
    sessions = caches[settings.SESSION_CACHE_ALIAS]
    session_key: str | None = getattr(
        import_module(settings.SESSION_ENGINE).SessionStore(args.session), "cache_key", None
    )

    def clear() -> None:
        session = sessions.get(session_key) if session_key else None
        cache.clear()
        sessions.clear()
        if session is not None:
            sessions.set(session_key, session, settings.SESSION_COOKIE_AGE)

    def page(client: Client) -> Callable[[], None]:
        def run() -> None:
            response = client.get(args.url)
            assert response.status_code == 200, response.status_code

        return run

    def bare() -> None:
        assert visitor.get("/-/health").status_code == 200

    runs: dict[str, Callable[[], None]] = {
        "bare": bare,
        "visitor/cold": page(visitor),
        "member/cold": page(member),
    }
    # Warm up: compiled templates, connections, first-use imports.
    for _ in range(3):
        for run in runs.values():
            clear()
            run()
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


if __name__ == "__main__":
    sys.exit(main())
