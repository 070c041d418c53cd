"""CPU ms per request of one page whose cached parts are warm, beside the bare view.

    .venv/bin/python bench/warm_page.py URL [--session KEY] [--requests 200] [--profile OUT]

Runs in a process with a benchmark's settings and database (RUNG_VAR_DIR pointing at a
data directory that bench/pages.py built and kept, for instance). Through Django's test
client it requests the page until its cached parts are warm, then times `--requests`
requests of the page and of the bare health view (`time.process_time`), and with
--profile writes a cProfile of a further round and prints the costliest functions. The
client's own cost is in both figures, so read the two side by side.
"""

import argparse
import cProfile
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
USER_AGENT = "Mozilla/5.0 (bench)"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("url")
    parser.add_argument("--session", help="a member's session key; a visitor without one")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--profile", type=Path, help="write cProfile statistics here")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    page = Client(HTTP_USER_AGENT=USER_AGENT)
    if args.session:
        page.cookies[settings.SESSION_COOKIE_NAME] = args.session
    bare = Client(HTTP_USER_AGENT=USER_AGENT)

    def get_page() -> None:
        response = page.get(args.url)
        assert response.status_code == 200, response.status_code

    def get_bare() -> None:
        assert bare.get("/-/health").status_code == 200

    def cpu_ms(run: Callable[[], None]) -> float:
        started = time.process_time()
        for _ in range(args.requests):
            run()
        return (time.process_time() - started) / args.requests * 1000

    for _ in range(20):
        get_page()
        get_bare()
    print(f"page {cpu_ms(get_page):.3f} ms CPU per request, bare {cpu_ms(get_bare):.3f} ms")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests):
            get_page()
        profiler.disable()
        profiler.dump_stats(args.profile)
        pstats.Stats(str(args.profile)).sort_stats("cumulative").print_stats(40)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
