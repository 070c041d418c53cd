"""Client and PostgreSQL server CPU per request over the long tail's question pages.

    DATABASE_URL=postgres://… RUNG_VAR_DIR=<a build kept by bench/pages.py --keep> \\
        DJANGO_SETTINGS_MODULE=rung.settings .venv/bin/python bench/db_cpu.py --mode member

Runs in one process through Django's test client against a build `bench/pages.py --keep`
left (its build.json names the questions and a member's session). `--mode` is `visitor`
(kept pages, warmed first), `member` (warm pages, warmed first) or `cold` (a visitor's page
with the cache emptied before each request). It prints this process's CPU and the CPU of
the PostgreSQL backend serving it (`/proc/<pid>/stat`, in clock ticks, so use a few hundred
requests) per request. Run it with `RUNG_PG_PREPARED` off and on, alternately, to compare.
"""

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from wrk import process_cpu_seconds

ROOT = Path(__file__).resolve().parent.parent
USER_AGENT = "Mozilla/5.0 (bench)"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--mode", choices=["visitor", "member", "cold"], default="visitor")
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--offset", type=int, default=1000, help="first long-tail question")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client

    if connection.vendor != "postgresql":
        parser.error("set DATABASE_URL to the PostgreSQL build")
    build = json.loads((Path(os.environ["RUNG_VAR_DIR"]) / "build.json").read_text())
    urls = build["tail_questions"][args.offset : args.offset + args.requests]
    client = Client(HTTP_USER_AGENT=USER_AGENT)
    if args.mode == "member":
        client.cookies[settings.SESSION_COOKIE_NAME] = build["session_key"]
    cache = caches["default"]
    client.get(urls[0])
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (backend,) = cursor.fetchone()

    cold = args.mode == "cold"
    if not cold:
        for url in urls:
            client.get(url)
    server_before, client_before = process_cpu_seconds(backend), time.process_time()
    for url in urls:
        if cold:
            cache.clear()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    server = (process_cpu_seconds(backend) - server_before) * 1000 / len(urls)
    own = (time.process_time() - client_before) * 1000 / len(urls)
    prepared = settings.DATABASES["default"].get("OPTIONS", {}).get("prepare_threshold")
    print(
        f"{args.mode:<8} prepared after {prepared} runs: client {own:.3f} ms, "
        f"server {server:.3f} ms, together {own + server:.3f} ms a request ({len(urls)} requests)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
