"""Run wrk against one page and report runs against the bare view (for bench/pages.py)."""

import math
import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from stats_wsgi import read_totals

WRK = shutil.which("wrk") or "/usr/bin/wrk"
# The view counter ignores agents that look like scripts (wrk among them); a browser-like
# agent makes the question page count views the way it does for people.
USER_AGENT = "Mozilla/5.0 (bench)"
CONNECTIONS = (16, 64)
WRK_THREADS = 2
TARGET_RATIO = 0.05
TARGET_P99_MS = 100.0
TARGET_DEEP_SPREAD = 0.10
# Single URL, one page over and over: what a visitor and a member get, against the bare view.
TARGET_RATIO_BY_VISITOR = {"anon": 0.50, "member": 0.15}
# Requests spread over thousands of pages (--long-tail).
TARGET_TAIL_RATIO = {
    ("question", "member"): 0.10,
    ("question", "anon"): 0.40,
    ("topic", "anon"): 0.40,
}
# Where gunicorn's workers keep their counters (bench/stats_wsgi.py); set by bench/pages.py.
STATS_DIR: Path | None = None


# --- running the server and wrk ------------------------------------------------------------


@dataclass
class Target:
    page: str
    visitor: str  # "anon", "member" or "-" for the bare view
    url: str
    headers: list[str] = field(default_factory=list)
    # A wrk Lua script and its arguments: bench/long_tail.lua spreads requests over URLs.
    script: str | None = None
    script_args: list[str] = field(default_factory=list)


@dataclass
class WrkResult:
    page: str
    visitor: str
    connections: int
    url: str
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    non_2xx_3xx: int
    socket_errors: dict[str, int]
    # Wall-clock numbers move with whatever else the machine runs; the workers' own CPU
    # time per request does not, and the load average after a run shows how busy it was.
    cpu_ms: float = math.nan
    # The local PostgreSQL server's CPU time per request (every `postgres` process), which
    # shares the machine's cores with the workers; 0 on SQLite, whose work is the workers'.
    db_cpu_ms: float = math.nan
    load_after: float = 0.0
    raw: str = ""
    # From the workers' counters (bench/stats_wsgi.py), per completed request.
    queries: float = math.nan
    hit_rate: float = math.nan

    @property
    def errors(self) -> int:
        return self.non_2xx_3xx + sum(self.socket_errors.values())


_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
_PERCENTILE = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$", re.M)
_RPS = re.compile(r"^Requests/sec:\s+([\d.]+)", re.M)
_REQUESTS = re.compile(r"(\d+) requests in")
_NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
_SOCKET = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")


def parse_wrk(output: str, target: Target, connections: int) -> WrkResult:
    percentiles = {m[1]: float(m[2]) * _UNIT_MS[m[3]] for m in _PERCENTILE.finditer(output)}
    rps = _RPS.search(output)
    requests = _REQUESTS.search(output)
    non_2xx = _NON_2XX.search(output)
    sockets = _SOCKET.search(output)
    return WrkResult(
        page=target.page,
        visitor=target.visitor,
        connections=connections,
        url=target.url,
        requests=int(requests[1]) if requests else 0,
        rps=float(rps[1]) if rps else 0.0,
        # wrk prints a zero distribution when nothing completed; that is no latency at all.
        p50_ms=percentiles.get("50", math.nan) if requests and int(requests[1]) else math.nan,
        p99_ms=percentiles.get("99", math.nan) if requests and int(requests[1]) else math.nan,
        non_2xx_3xx=int(non_2xx[1]) if non_2xx else 0,
        socket_errors=dict(
            zip(
                ("connect", "read", "write", "timeout"),
                (int(n) for n in sockets.groups()) if sockets else (0, 0, 0, 0),
                strict=True,
            )
        ),
    )


def _stat(path: Path) -> tuple[str, list[str]] | None:
    """Return a process's command and the fields after it from its /proc stat file."""
    try:
        command, rest = path.read_text().rsplit(")", 1)
    except (OSError, ValueError):
        return None
    return command.split("(", 1)[-1], rest.split()


def _cpu(fields: list[str]) -> float:
    # After the parenthesised command: state, ppid, ..., utime (12th), stime.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_cpu_seconds(pid: int) -> float:
    """Return one process's user+system CPU time, from /proc."""
    stat = _stat(Path(f"/proc/{pid}/stat"))
    return _cpu(stat[1]) if stat else math.nan


def _cpu_seconds_of(matches: Callable[[str, list[str]], bool]) -> float:
    total = 0.0
    for path in Path("/proc").glob("[0-9]*/stat"):
        stat = _stat(path)
        if stat is not None and matches(*stat):
            total += _cpu(stat[1])
    return total


def workers_cpu_seconds(master_pid: int) -> float:
    """Return the user+system CPU time of the gunicorn master's children, from /proc."""
    return _cpu_seconds_of(lambda _command, fields: int(fields[1]) == master_pid)


def database_cpu_seconds() -> float:
    """Return the user+system CPU time of this machine's PostgreSQL processes, from /proc.

    Every process named `postgres`: the backends serving the workers, and the server's own
    (the writer, the checkpointer, autovacuum), which the requests' writes cause too.
    """
    return _cpu_seconds_of(lambda command, _fields: command == "postgres")


def wait_idle(master_pid: int, limit: float = 15.0) -> None:
    """Wait until the workers stop using CPU: requests a timed-out run left queued must not
    be counted against the next run."""
    deadline = time.monotonic() + limit
    last = workers_cpu_seconds(master_pid)
    while time.monotonic() < deadline:
        time.sleep(0.25)
        now = workers_cpu_seconds(master_pid)
        if now - last < 0.02:
            return
        last = now


def run_wrk(
    target: Target, connections: int, duration: int, server_pid: int | None = None
) -> WrkResult:
    command = [
        WRK,
        f"-t{WRK_THREADS}",
        f"-c{connections}",
        f"-d{duration}s",
        "--latency",
        "-H",
        f"User-Agent: {USER_AGENT}",
    ]
    for header in target.headers:
        command += ["-H", header]
    if target.script:
        command += ["-s", target.script]
    url_and_args = [target.url, *(["--", *target.script_args] if target.script else [])]
    if server_pid:
        wait_idle(server_pid)
    cpu_before = workers_cpu_seconds(server_pid) if server_pid else 0.0
    db_before = database_cpu_seconds() if server_pid else 0.0
    stats_before = read_totals(STATS_DIR) if STATS_DIR else None
    done = subprocess.run([*command, *url_and_args], capture_output=True, text=True, check=True)
    result = parse_wrk(done.stdout, target, connections)
    if server_pid and result.requests:
        cpu = workers_cpu_seconds(server_pid) - cpu_before
        result.cpu_ms = cpu * 1000 / result.requests
        result.db_cpu_ms = (database_cpu_seconds() - db_before) * 1000 / result.requests
    if stats_before is not None and STATS_DIR:
        after = read_totals(STATS_DIR)
        served = after["requests"] - stats_before["requests"]
        if served:
            result.queries = (after["queries"] - stats_before["queries"]) / served
            result.hit_rate = 1 - (after["rendered"] - stats_before["rendered"]) / served
    result.load_after = os.getloadavg()[0]
    result.raw = done.stdout
    return result


# --- report ---------------------------------------------------------------------------


def _ratio(result: WrkResult, bare: dict[int, WrkResult]) -> float:
    base = bare.get(result.connections)
    return result.rps / base.rps if base and base.rps else math.nan


def print_table(results: Sequence[WrkResult]) -> None:
    bare = {r.connections: r for r in results if r.page == "bare"}
    header = (
        f"{'page':<14} {'visitor':<8} {'conns':>5} {'req/s':>9} {'p50 ms':>8} "
        f"{'p99 ms':>8} {'errors':>7} {'ratio':>7} {'cpu ms':>7} {'db ms':>6} {'hits':>6} "
        f"{'queries':>7}"
    )
    print()
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r.page:<14} {r.visitor:<8} {r.connections:>5} {r.rps:>9.1f} {r.p50_ms:>8.2f} "
            f"{r.p99_ms:>8.2f} {r.errors:>7} {_ratio(r, bare) * 100:>6.1f}% {r.cpu_ms:>7.2f} "
            f"{r.db_cpu_ms:>6.2f} {r.hit_rate * 100:>5.1f}% {r.queries:>7.2f}"
        )
    print(
        "cpu ms: gunicorn workers' CPU time per completed request; db ms: the local "
        "PostgreSQL server's (0 on SQLite, whose work is in the workers' column); hits: "
        "requests that rendered nothing (every page or fragment came from the cache); "
        "queries: per request"
    )


def checks(
    results: Sequence[WrkResult], deep_pairs: dict[tuple[str, int], tuple[WrkResult, WrkResult]]
) -> list[tuple[bool, str]]:
    bare = {r.connections: r for r in results if r.page == "bare"}
    pages = [r for r in results if r.page != "bare"]
    outcome: list[tuple[bool, str]] = []
    for r in pages:
        ratio = _ratio(r, bare)
        target = TARGET_RATIO_BY_VISITOR.get(r.visitor, TARGET_RATIO)
        outcome.append(
            (
                ratio >= target,
                f"{r.page}/{r.visitor}/c{r.connections}: {ratio:.1%} of bare "
                f"(target ≥ {target:.0%})",
            )
        )
    for r in results:
        if r.connections == CONNECTIONS[0]:
            outcome.append(
                (
                    r.p99_ms < TARGET_P99_MS,
                    f"{r.page}/{r.visitor}/c{r.connections}: p99 {r.p99_ms:.1f} ms "
                    f"(target < {TARGET_P99_MS:.0f} ms)",
                )
            )
    for r in results:
        if r.connections == CONNECTIONS[-1]:
            outcome.append(
                (
                    r.errors == 0 and r.requests > 0,
                    f"{r.page}/{r.visitor}/c{r.connections}: {r.requests} requests, "
                    f"{r.errors} errors "
                    f"(non-2xx/3xx {r.non_2xx_3xx}, socket {r.socket_errors}) (target 0)",
                )
            )
    for (visitor, connections), (first, deep) in sorted(deep_pairs.items()):
        spread = deep.rps / first.rps - 1 if first.rps else math.inf
        outcome.append(
            (
                abs(spread) <= TARGET_DEEP_SPREAD,
                f"topic-deep/{visitor}/c{connections}: {spread:+.1%} req/s vs page 1 over "
                f"interleaved rounds (target within ±{TARGET_DEEP_SPREAD:.0%}; cpu "
                f"{deep.cpu_ms:.2f} vs {first.cpu_ms:.2f} ms/req)",
            )
        )
    return outcome


def interleaved_pair(
    first: Target, deep: Target, connections: int, seconds: int, rounds: int, master_pid: int
) -> tuple[WrkResult, WrkResult]:
    """Measure page 1 and a deep page in alternating short runs, so drift hits both alike."""
    runs: dict[str, list[WrkResult]] = {"first": [], "deep": []}
    for _ in range(rounds):
        runs["first"].append(run_wrk(first, connections, seconds, master_pid))
        runs["deep"].append(run_wrk(deep, connections, seconds, master_pid))

    def combined(parts: list[WrkResult]) -> WrkResult:
        total = sum(part.requests for part in parts)
        return WrkResult(
            page=parts[0].page,
            visitor=parts[0].visitor,
            connections=connections,
            url=parts[0].url,
            requests=total,
            rps=sum(part.rps for part in parts) / len(parts),
            p50_ms=sorted(part.p50_ms for part in parts)[len(parts) // 2],
            p99_ms=max(part.p99_ms for part in parts),
            non_2xx_3xx=sum(part.non_2xx_3xx for part in parts),
            socket_errors={},
            cpu_ms=sum(part.cpu_ms * part.requests for part in parts) / max(total, 1),
            db_cpu_ms=sum(part.db_cpu_ms * part.requests for part in parts) / max(total, 1),
        )

    return combined(runs["first"]), combined(runs["deep"])


def tail_checks(
    results: Sequence[WrkResult], query_budget: dict[str, int]
) -> list[tuple[bool, str]]:
    """The long-tail targets: ratios to the bare view, p99, errors and flat query counts."""
    bare = {r.connections: r for r in results if r.page == "bare"}
    outcome: list[tuple[bool, str]] = []
    for r in results:
        name = f"tail {r.page}/{r.visitor}/c{r.connections}"
        target = TARGET_TAIL_RATIO.get((r.page, r.visitor))
        if target is not None:
            ratio = _ratio(r, bare)
            outcome.append(
                (ratio >= target, f"{name}: {ratio:.1%} of bare (target ≥ {target:.0%})")
            )
        if r.connections == CONNECTIONS[0]:
            outcome.append(
                (
                    r.p99_ms < TARGET_P99_MS,
                    f"{name}: p99 {r.p99_ms:.1f} ms (target < {TARGET_P99_MS:.0f} ms)",
                )
            )
        if r.connections == CONNECTIONS[-1]:
            outcome.append(
                (
                    r.errors == 0 and r.requests > 0,
                    f"{name}: {r.requests} requests, {r.errors} errors (target 0)",
                )
            )
        budget = query_budget.get(r.visitor)
        if budget is not None and r.page == "question":
            outcome.append(
                (
                    r.queries <= budget,
                    f"{name}: {r.queries:.2f} queries per request "
                    f"(target ≤ {budget}, a cold render's)",
                )
            )
    return outcome
