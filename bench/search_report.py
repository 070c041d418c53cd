"""Tables, target checks and notes for bench/search.py (see its docstring for usage)."""

import argparse
import os
from collections.abc import Sequence
from typing import Any

EMBED_BATCH = 256
NOISE_SIGMA = 0.02
WARM_UP = 10

# Targets from the issue.
FULLTEXT_P95_MS = {1_000_000: 30.0}
SIMILAR_P95_MS = {100_000: 30.0, 1_000_000: 60.0}
GROWTH_FROM, GROWTH_TO, GROWTH_MAX = 10_000, 1_000_000, 2.0
RSS_MAX_MB = 400.0

TERM_KINDS = ("rare", "medium", "common")
KINDS = (*TERM_KINDS, "similar", "suggest")


def fmt(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def pair(timing: dict[str, float]) -> str:
    return f"{timing['p50']:.1f} / {timing['p95']:.1f}"


def print_tables(rows: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    print("\n### Search latency, ms (p50 / p95)\n")
    print(
        "| size | db | full-text build s | ANN build s | rare | medium | common "
        "| similar | suggestions | RSS MB (peak) |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for result, memory in rows:
        t = result["timings"]
        print(
            f"| {result['size']:,} | {result['db']} | {fmt(result['fulltext_s'])} "
            f"| {fmt(result['ann_s'])} | {pair(t['rare'])} | {pair(t['medium'])} "
            f"| {pair(t['common'])} | {pair(t['similar'])} | {pair(t['suggest'])} "
            f"| {memory['rss_mb']:.0f} ({memory['peak_mb']:.0f}) |"
        )

    print("\n### Against the reference, and the full-text engine alone\n")
    print(
        "p50 as a multiple of the reference (a primary-key lookup of one question, timed "
        "before every call in the same process); `engine` is `fulltext_matches` alone, "
        "p50 / p95 ms.\n"
    )
    print(
        "| size | db | ref p50 µs | rare × | medium × | common × | similar × | suggestions × "
        "| engine rare | engine medium | engine common |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for result, _memory in rows:
        t, e = result["timings"], result["engine"]
        ratios = " | ".join(f"{t[kind]['ratio']:.0f}" for kind in KINDS)
        engines = " | ".join(pair(e[kind]) for kind in TERM_KINDS)
        print(
            f"| {result['size']:,} | {result['db']} | {result['ref']['p50'] * 1000:.0f} "
            f"| {ratios} | {engines} |"
        )

    print("\n### Build details\n")
    print(
        "| size | db | load s | analysis s | GIN s | settle s | DB MB | ANN MB | index load s "
        "| mean hits rare/medium/common | engine matches rare/medium/common |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---|")
    for result, _memory in rows:
        t, e = result["timings"], result["engine"]
        mean_hits = " / ".join(f"{t[kind]['mean_hits']:.1f}" for kind in TERM_KINDS)
        mean_matches = " / ".join(
            f"{e[kind]['mean_matches']:.0f}"
            + (f" ({e[kind]['empty']} none)" if e[kind]["empty"] else "")
            for kind in TERM_KINDS
        )
        print(
            f"| {result['size']:,} | {result['db']} | {fmt(result['load_s'])} "
            f"| {fmt(result['analysis_s'])} | {fmt(result['gin_s'])} | {fmt(result['settle_s'])} "
            f"| {result['db_mb']:.0f} | {fmt(result['ann_mb'], 0)} | {result['index_load_s']:.2f} "
            f"| {mean_hits} | {mean_matches} |"
        )


def checks(
    rows: list[tuple[dict[str, Any], dict[str, Any]]], sizes: Sequence[int], dbs: Sequence[str]
) -> list[tuple[str, str]]:
    """Return (PASS, FAIL or SKIP, text) for each target of the issue."""
    by_key = {(r["db"], r["size"]): (r, m) for r, m in rows}
    vendor = {"sqlite": "sqlite", "postgres": "postgresql"}
    outcome: list[tuple[str, str]] = []

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    for db in map(vendor.get, dbs):
        for size, limit in FULLTEXT_P95_MS.items():
            for kind in TERM_KINDS:
                row = by_key.get((db, size))
                text = f"{db} {size:,}: full-text search p95, {kind} terms, ≤ {limit:.0f} ms"
                if row is None:
                    outcome.append(("SKIP", f"{text} (size not measured)"))
                    continue
                p95 = row[0]["timings"][kind]["p95"]
                outcome.append((verdict(p95 <= limit), f"{text}: {p95:.1f} ms"))
        for size, limit in SIMILAR_P95_MS.items():
            row = by_key.get((db, size))
            text = f"{db} {size:,}: similar questions p95 ≤ {limit:.0f} ms"
            if row is None:
                outcome.append(("SKIP", f"{text} (size not measured)"))
                continue
            p95 = row[0]["timings"]["similar"]["p95"]
            outcome.append((verdict(p95 <= limit), f"{text}: {p95:.1f} ms"))
        measured = sorted(size for d, size in by_key if d == db)
        if len(measured) >= 2:
            low = GROWTH_FROM if GROWTH_FROM in measured else measured[0]
            high = GROWTH_TO if GROWTH_TO in measured else measured[-1]
            stated = (
                ""
                if (low, high) == (GROWTH_FROM, GROWTH_TO)
                else f" (target stated for {GROWTH_FROM:,} → {GROWTH_TO:,})"
            )
            for kind in KINDS:
                a = by_key[(db, low)][0]["timings"][kind]["p95"]
                b = by_key[(db, high)][0]["timings"][kind]["p95"]
                ref_growth = (
                    (by_key[(db, high)][0]["timings"][kind]["ratio"])
                    / (by_key[(db, low)][0]["timings"][kind]["ratio"])
                )
                outcome.append(
                    (
                        verdict(b / a <= GROWTH_MAX),
                        f"{db}: {kind} p95 growth {low:,} → {high:,} ≤ {GROWTH_MAX:.0f}×: "
                        f"{b / a:.2f}× ({a:.1f} → {b:.1f} ms; p50 in reference units "
                        f"{ref_growth:.2f}×){stated}",
                    )
                )
        else:
            outcome.append(("SKIP", f"{db}: growth needs two sizes"))
        for size in sizes:
            row = by_key.get((db, size))
            if row is None:
                continue
            memory = row[1]
            outcome.append(
                (
                    verdict(memory["peak_mb"] <= RSS_MAX_MB),
                    f"{db} {size:,}: web worker with the model loaded, peak RSS ≤ "
                    f"{RSS_MAX_MB:.0f} MB: {memory['peak_mb']:.0f} MB "
                    f"(now {memory['rss_mb']:.0f}: {memory['rss_anon_mb']:.0f} anon, "
                    f"{memory['rss_file_mb']:.0f} file-backed)",
                )
            )
    return outcome


def print_widening(rows: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    print("\n### Short queries widened with the career terms, ms (p50 / p95)\n")
    print(
        "The same queries with the widened list (as served) and without it; `widened` is "
        "the share of the queries that name a known idea.\n"
    )
    print("| size | db | kind | widened | with | without |")
    print("|---:|---|---|---:|---:|---:|")
    for result, _memory in rows:
        for kind in TERM_KINDS:
            plain = result["unwidened"][kind]
            print(
                f"| {result['size']:,} | {result['db']} | {kind} | {plain['widened']:.0%} "
                f"| {pair(result['timings'][kind])} | {pair(plain)} |"
            )


def print_notes(
    rows: list[tuple[dict[str, Any], dict[str, Any]]],
    pool: dict[str, Any],
    args: argparse.Namespace,
) -> None:
    from search_data import ENGLISH_SHARE, PLANTED

    print("\n### Notes\n")
    print(
        f"- Vectors are perturbed copies of {pool['count']:,} real embeddings of generated "
        f"questions (Gaussian noise σ={NOISE_SIGMA} per dimension, re-normalized): computing "
        f"them took {pool['seconds']:.0f}s, {pool['per_second']:.0f} sentences/s in batches "
        f"of {EMBED_BATCH}. Question i reuses pool text i mod {pool['count']:,} plus its own "
        "planted or extra sentence."
    )
    print(
        f"- Corpus: {ENGLISH_SHARE:.0%} English, {1 - ENGLISH_SHARE:.0%} Chinese; planted terms "
        "(share of all posts): "
        + ", ".join(f"{p.kind} {p.word!r} {p.share:.2%}" for p in PLANTED)
        + ". Queries per kind: half English, half Chinese; half a single term, 30% the term "
        "with a frequent word, 20% a quoted phrase."
    )
    for result, _memory in rows:
        found = ", ".join(
            f"{key} {result['planted'].get(key, 0)}/{count}"
            for key, count in result["indexed"].items()
        )
        print(f"- {result['db']} {result['size']:,}: planted/indexed posts per term: {found}.")
    candidates = sorted({result["candidates"] for result, _memory in rows})
    print(
        f"- {args.queries} timed calls per kind after {WARM_UP} warm-up calls, round-robin "
        "across kinds. Full-text columns time `search_questions(parse_query(q))`: the query "
        "vector, the semantic lookup and fusion included; it ranks at most "
        f"{'/'.join(map(str, candidates))} full-text candidates (FULLTEXT_CANDIDATES), which "
        "is also the limit of the engine-alone figures. Before every timed call (untimed) "
        "Django's cache and the in-process query-vector cache are emptied, so each call is "
        "a first request; similar questions are distinct random questions."
    )
    print(
        "- Full-text build = reading the questions, `entry_for` (analysis, shown apart) and "
        "inserting the index rows; on PostgreSQL the GIN index is dropped first and "
        "recreated at the end (GIN s, included). ANN build = `ann_build()` (from "
        "RUNG_SEARCH_ANN_THRESHOLD on; smaller sizes are scanned in numpy). Settle (not in "
        "any build figure) = VACUUM ANALYZE on PostgreSQL, a WAL checkpoint on SQLite."
    )
    print(
        "- RSS is a fresh process that loaded the WSGI app, the model and the vector index and "
        "served a few searches of each kind; the memory target is checked on its peak."
    )
    print(f"- Machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end.")
