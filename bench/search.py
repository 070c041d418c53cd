"""Benchmark search against generated corpora of 10k, 100k and 1M questions.

    .venv/bin/python bench/search.py [--sizes 10000,100000,1000000] [--database sqlite,postgres]
        [--database-url postgres://postgres@127.0.0.1:5432/rung_search_bench] [--queries 200]

For each size and database a child process migrates a throwaway database (SQLite under a
temporary data dir, or a PostgreSQL database created and dropped here), loads generated
questions in English and Chinese with their vectors, builds the full-text index (timed)
and, past RUNG_SEARCH_ANN_THRESHOLD, the HNSW file (timed), then times what users get:
search over a rare, a medium and a very common planted term, similar questions and
suggestions while asking. A second fresh child per size loads what a web worker loads
(the app, the model, the vector index) and reports its memory.

Every figure is set against a reference measured in the same process between the timed
calls: a primary-key lookup of one question. Vectors are perturbed copies of a pool of
real embeddings (computing a million of them would take hours), so the vector search sees
a million distinct vectors with realistic structure; see the notes printed at the end.
The children import Rung from a copy of rung/ taken when the run starts, so an edit made
during a long run cannot leave two sizes measuring different code.
"""

import argparse
import contextlib
import html
import json
import os
import random
import resource
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

# As in Rung's settings: one BLAS thread per process, set before numpy loads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from harness import PYTHON, ROOT, bench_env, database_name, drop_database, raise_interrupt
from search_report import (
    EMBED_BATCH,
    KINDS,
    NOISE_SIGMA,
    TERM_KINDS,
    WARM_UP,
    checks,
    fmt,
    pair,
    print_notes,
    print_tables,
    print_widening,
)

DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/rung_search_bench"
BATCH_SIZE = 5000
MEMBERS = 300


def percentile(values: Sequence[float], q: float) -> float:
    """Return the q-th percentile (0-100) by linear interpolation."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(samples_ms: Sequence[float]) -> dict[str, float]:
    return {"p50": percentile(samples_ms, 50), "p95": percentile(samples_ms, 95)}


# --- child processes (each runs with Django set up for one database) -----------------------


# Children import Rung from a copy of the source taken when the run starts, so an edit
# made during a run of up to an hour cannot leave its sizes measuring different code.
SOURCE_ENV = "RUNG_SEARCH_BENCH_SOURCE"


def _source() -> Path:
    return Path(os.environ.get(SOURCE_ENV, ROOT))


def snapshot_source(run_dir: Path) -> Path:
    source = run_dir / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "rung", source / "rung", ignore=ignore)
    shutil.copy2(ROOT / "manage.py", source / "manage.py")
    return source


def _setup_django() -> None:
    sys.path.insert(0, str(_source()))
    import django

    django.setup()


def child_pool(args: argparse.Namespace) -> dict[str, Any]:
    """Embed the pool of distinct texts once per run; every build borrows these vectors."""
    _setup_django()
    import numpy as np
    from search_data import join_sentences, pool_texts

    from rung.search import embeddings

    texts = [
        embeddings.question_text(t.title, join_sentences(list(t.sentences), t.language))
        for t in pool_texts(args.seed, args.pool)
    ]
    embeddings.embed_text("warm up")
    started = time.perf_counter()
    chunks = []
    for start in range(0, len(texts), EMBED_BATCH):
        chunks.append(embeddings.embed_texts(texts[start : start + EMBED_BATCH]))
        done = start + EMBED_BATCH
        if done % (EMBED_BATCH * 20) == 0:
            print(f"  pool: {done} of {len(texts)} texts embedded", flush=True)
    seconds = time.perf_counter() - started
    np.save(Path(args.run_dir) / "pool.npy", np.concatenate(chunks))
    return {"count": len(texts), "seconds": seconds, "per_second": len(texts) / seconds}


def _create_members() -> list[int]:
    from django.contrib.auth.hashers import make_password

    from rung.accounts.models import User

    password = make_password("bench-password")
    users = [
        User(
            username=f"bench-member-{i}",
            email=f"bench-member-{i}@example.com",
            password=password,
            display_name=f"Bench Member {i}",
        )
        for i in range(MEMBERS)
    ]
    User.objects.bulk_create(users)
    return list(User.objects.order_by("pk").values_list("pk", flat=True))


def _load_questions(args: argparse.Namespace, log: Callable[[str], None]) -> dict[str, Any]:
    """Insert questions and their (perturbed) vectors in batches; nothing is indexed yet."""
    from datetime import UTC, datetime, timedelta

    import numpy as np
    from django.db import transaction
    from django.utils import timezone
    from page_text import make_excerpt
    from search_data import pool_texts, posts

    from rung.ladder.models import Level
    from rung.qa.models import Question
    from rung.search import embeddings
    from rung.search.models import Embedding

    pool_vectors = np.load(Path(args.run_dir) / "pool.npy")
    pool = pool_texts(args.seed, len(pool_vectors))
    member_ids = _create_members()
    level_ids = list(Level.objects.values_list("pk", flat=True)) or [None]
    rng = random.Random(f"load-{args.seed}")
    noise = np.random.default_rng(args.seed)
    span = timedelta(days=730)
    first_day = timezone.now() - span
    step = span / args.size
    # Older than any ANN file built below, so a process loads no vector twice.
    vectors_at = datetime(2025, 1, 1, tzinfo=UTC)
    planted: dict[str, int] = {}
    started = time.perf_counter()

    def flush(questions: list[Question], vectors: list[Embedding]) -> None:
        with transaction.atomic():
            Question.objects.bulk_create(questions, batch_size=BATCH_SIZE)
            Embedding.objects.bulk_create(vectors, batch_size=BATCH_SIZE)

    questions: list[Question] = []
    texts: list[tuple[int, str, str, int]] = []
    for i, post in enumerate(posts(args.seed, args.size, pool)):
        for p in post.planted:
            planted[f"{p.kind}/{p.language}"] = planted.get(f"{p.kind}/{p.language}", 0) + 1
        question = Question(
            id=i + 1,
            author_id=rng.choice(member_ids),
            title=post.title,
            body=post.body,
            body_html=f"<p>{html.escape(post.body)}</p>",
            excerpt=make_excerpt([post.body]),
            language=post.language,
            ctx_level_id=rng.choice(level_ids) if rng.random() < 0.6 else None,
            created_at=first_day + step * i,
        )
        questions.append(question)
        texts.append((question.pk, post.title, post.body, post.pool_index))
        if len(questions) == BATCH_SIZE or i == args.size - 1:
            base = pool_vectors[[pool_index for *_rest, pool_index in texts]]
            jitter = noise.normal(0.0, NOISE_SIGMA, base.shape).astype(np.float32)
            perturbed = embeddings.normalize(base + jitter)
            vectors = [
                Embedding(
                    question_id=qid,
                    vector=embeddings.quantize(vector),
                    model=embeddings.MODEL_NAME,
                    # The real hash, so similar_questions finds the stored vector.
                    text_hash=embeddings.text_hash(embeddings.question_text(title, body)),
                    updated_at=vectors_at,
                )
                for (qid, title, body, _p), vector in zip(texts, perturbed, strict=True)
            ]
            flush(questions, vectors)
            questions, texts = [], []
            if (i + 1) % 100_000 == 0:
                log(f"{i + 1} questions with vectors ({time.perf_counter() - started:.0f}s)")
    return {"load_s": time.perf_counter() - started, "planted": planted}


def _build_fulltext(log: Callable[[str], None]) -> dict[str, Any]:
    """Analyse every question and insert its index row, as a rebuild would; timed."""
    from django.db import connection, transaction

    from rung.qa.models import Question
    from rung.search.indexing import entry_for
    from rung.search.models import SearchEntry

    postgres = connection.vendor == "postgresql"
    fields = ("id", "title", "body", "created_at", "ctx_level_id", "accepted_answer_id")
    started = time.perf_counter()
    if postgres:
        # One GIN build at the end is far cheaper than a million incremental updates.
        with connection.cursor() as cursor:
            cursor.execute("DROP INDEX search_searchentry_tsv")
    analysis = 0.0
    last = 0
    written = 0
    while True:
        batch = list(Question.objects.filter(pk__gt=last).order_by("pk").only(*fields)[:BATCH_SIZE])
        if not batch:
            break
        mark = time.perf_counter()
        entries = [entry_for(question) for question in batch]
        analysis += time.perf_counter() - mark
        with transaction.atomic():
            SearchEntry.objects.bulk_create(entries, batch_size=BATCH_SIZE)
        written += len(entries)
        last = batch[-1].pk
        if written % 100_000 == 0:
            log(f"{written} index rows ({time.perf_counter() - started:.0f}s)")
    gin = 0.0
    if postgres:
        mark = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE INDEX search_searchentry_tsv ON search_searchentry USING gin (tsv)"
            )
        gin = time.perf_counter() - mark
    return {
        "fulltext_s": time.perf_counter() - started,
        "analysis_s": analysis,
        "gin_s": gin if postgres else None,
        "entries": written,
    }


def _settle() -> dict[str, Any]:
    """Leave the database as a live one would be: statistics gathered, WAL folded in."""
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A live database has been vacuumed and analysed by autovacuum long since.
            cursor.execute("VACUUM ANALYZE")
            cursor.execute("SELECT pg_database_size(current_database())")
            size = cursor.fetchone()[0]
        else:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.execute("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size")
            size = cursor.fetchone()[0]
    return {"settle_s": time.perf_counter() - started, "db_mb": size / 2**20}


def _indexed_counts() -> dict[str, int]:
    """How many posts the engine finds for each planted word, to confirm the rates."""
    from django.db import connection
    from search_data import PLANTED

    from rung.search.analysis import parse_query
    from rung.search.fulltext import fts5_expression, tsquery_expression

    counts = {}
    with connection.cursor() as cursor:
        for p in PLANTED:
            query = parse_query(p.word)
            if connection.vendor == "postgresql":
                sql = "SELECT count(*) FROM search_searchentry WHERE tsv @@ CAST(%s AS tsquery)"
                cursor.execute(sql, [tsquery_expression(query)])
            else:
                sql = "SELECT count(*) FROM search_fts WHERE search_fts MATCH %s"
                cursor.execute(sql, [fts5_expression(query)])
            counts[f"{p.kind}/{p.language}"] = cursor.fetchone()[0]
    return counts


def _forget() -> None:
    """Empty the caches a search may hit, so every timed call is a first request.

    The benchmark repeats a few query texts; users mostly do not. Django's cache holds
    similar-question ids, and selectors may keep recent query vectors in process.
    """
    from django.core.cache import cache

    from rung.search import selectors

    cache.clear()
    cached_vector = getattr(selectors, "_cached_vector", None)
    if hasattr(cached_vector, "cache_clear"):
        cached_vector.cache_clear()


@contextlib.contextmanager
def _unwidened() -> Iterator[None]:
    """Search as before short queries were widened: no query names a known idea."""
    from rung.search import selectors

    expand = selectors.expand
    selectors.expand = lambda query: None
    try:
        yield
    finally:
        selectors.expand = expand


def _time_queries(args: argparse.Namespace, log: Callable[[str], None]) -> dict[str, Any]:
    """Time each kind of search, round-robin, with a reference lookup before every call."""
    from search_data import search_queries, suggestion_titles

    from rung.qa.models import Question
    from rung.search import embeddings
    from rung.search.analysis import parse_query
    from rung.search.expansion import expand
    from rung.search.fulltext import fulltext_matches
    from rung.search.selectors import (
        FULLTEXT_CANDIDATES,
        question_suggestions,
        search_questions,
        similar_questions,
    )
    from rung.search.vectors import vector_index, vector_index_reset

    model_started = time.perf_counter()
    embeddings.embed_text("warm up")
    model_s = time.perf_counter() - model_started
    vector_index_reset()
    load_started = time.perf_counter()
    index = vector_index()
    index_load_s = time.perf_counter() - load_started

    total = WARM_UP + args.queries
    rng = random.Random(f"timing-{args.seed}")
    queries = {kind: search_queries(args.seed, kind, total) for kind in TERM_KINDS}
    titles = suggestion_titles(args.seed, total)
    similar_ids = rng.sample(range(1, args.size + 1), min(total, args.size))

    def reference() -> float:
        pk = rng.randint(1, args.size)
        started = time.perf_counter()
        Question.objects.filter(pk=pk).values_list("id").first()
        return (time.perf_counter() - started) * 1000

    samples: dict[str, list[float]] = {kind: [] for kind in KINDS}
    engine: dict[str, list[float]] = {kind: [] for kind in TERM_KINDS}
    hits: dict[str, list[int]] = {kind: [] for kind in KINDS}
    matches: dict[str, list[int]] = {kind: [] for kind in TERM_KINDS}
    plain: dict[str, list[float]] = {kind: [] for kind in TERM_KINDS}
    widened: dict[str, list[bool]] = {kind: [] for kind in TERM_KINDS}
    ref: list[float] = []
    for i in range(total):
        timed = i >= WARM_UP
        for kind in KINDS:
            if kind == "similar" and i >= len(similar_ids):
                continue
            lookup = reference()
            _forget()
            if kind in TERM_KINDS:
                text = queries[kind][i]
                started = time.perf_counter()
                page = search_questions(parse_query(text))
                elapsed = time.perf_counter() - started
                found = len(page.hits)
                # The same search with short queries left unwidened, for the comparison.
                _forget()
                with _unwidened():
                    mark = time.perf_counter()
                    search_questions(parse_query(text))
                    plain_ms = (time.perf_counter() - mark) * 1000
                if timed:
                    plain[kind].append(plain_ms)
                    widened[kind].append(expand(parse_query(text)) is not None)
                # The full-text engine alone: the candidate set search_questions asks for.
                query = parse_query(text)
                mark = time.perf_counter()
                rows = fulltext_matches(query, limit=FULLTEXT_CANDIDATES)
                engine_ms = (time.perf_counter() - mark) * 1000
                if timed:
                    engine[kind].append(engine_ms)
                    matches[kind].append(len(rows))
            elif kind == "similar":
                question = Question.objects.get(pk=similar_ids[i])
                started = time.perf_counter()
                found = len(similar_questions(question))
                elapsed = time.perf_counter() - started
            else:
                started = time.perf_counter()
                found = len(question_suggestions(titles[i]))
                elapsed = time.perf_counter() - started
            if timed:
                samples[kind].append(elapsed * 1000)
                hits[kind].append(found)
                ref.append(lookup)
        if timed and (i + 1 - WARM_UP) % 50 == 0:
            log(f"{i + 1 - WARM_UP} of {args.queries} rounds timed")

    ref_p50 = percentile(ref, 50)
    timings = {}
    for kind in KINDS:
        timings[kind] = {
            **summary(samples[kind]),
            "ratio": percentile(samples[kind], 50) / ref_p50,
            "mean_hits": statistics.fmean(hits[kind]) if hits[kind] else 0.0,
            "empty": sum(1 for n in hits[kind] if n == 0),
            "n": len(samples[kind]),
        }
    engine_timings = {
        kind: {
            **summary(engine[kind]),
            "ratio": percentile(engine[kind], 50) / ref_p50,
            "mean_matches": statistics.fmean(matches[kind]),
            "empty": sum(1 for n in matches[kind] if n == 0),
        }
        for kind in TERM_KINDS
    }
    unwidened = {
        kind: {**summary(plain[kind]), "widened": sum(widened[kind]) / len(widened[kind])}
        for kind in TERM_KINDS
    }
    return {
        "unwidened": unwidened,
        "candidates": FULLTEXT_CANDIDATES,
        "model_s": model_s,
        "index_load_s": index_load_s,
        "vectors": len(index),
        "ref": {"p50": ref_p50, "p95": percentile(ref, 95)},
        "timings": timings,
        "engine": engine_timings,
    }


def _disk_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 2**20


def child_build(args: argparse.Namespace) -> dict[str, Any]:
    _setup_django()
    from django.conf import settings
    from django.db import connection
    from search_data import check_banks

    from rung.search.vectors import ann_build, ann_path

    check_banks()
    label = f"[{connection.vendor} {args.size}]"

    def log(text: str) -> None:
        print(f"  {label} {text}", flush=True)

    result: dict[str, Any] = {"db": connection.vendor, "size": args.size}
    result |= _load_questions(args, log)
    log(f"loaded questions and vectors in {result['load_s']:.1f}s")
    result |= _build_fulltext(log)
    log(f"full-text index built in {result['fulltext_s']:.1f}s")
    result["ann_s"] = None
    result["ann_mb"] = None
    if args.size >= settings.RUNG_SEARCH_ANN_THRESHOLD:
        started = time.perf_counter()
        meta = ann_build()
        result["ann_s"] = time.perf_counter() - started
        result["ann_count"] = meta.count
        result["ann_mb"] = _disk_mb(ann_path())
        log(f"ANN index of {meta.count} vectors built in {result['ann_s']:.1f}s")
    result |= _settle()
    result["indexed"] = _indexed_counts()
    result |= _time_queries(args, log)
    return result


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child_memory(args: argparse.Namespace) -> dict[str, Any]:
    """Load what a web worker loads, serve a few searches, report the process's memory."""
    sys.path.insert(0, str(_source()))
    from django.core.wsgi import get_wsgi_application

    get_wsgi_application()
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every view, as the first request does

    from search_data import search_queries, suggestion_titles

    from rung.qa.models import Question
    from rung.search import embeddings
    from rung.search.analysis import parse_query
    from rung.search.selectors import question_suggestions, search_questions, similar_questions
    from rung.search.vectors import vector_index

    started = time.perf_counter()
    embeddings.embed_text("x")
    model_s = time.perf_counter() - started
    index = vector_index()
    rng = random.Random(f"memory-{args.seed}")
    for kind in TERM_KINDS:
        for text in search_queries(args.seed + 1, kind, 4):
            search_questions(parse_query(text))
    for _ in range(5):
        similar_questions(Question.objects.get(pk=rng.randint(1, args.size)))
    for title in suggestion_titles(args.seed + 1, 5):
        question_suggestions(title)
    return {
        "model_s": model_s,
        "vectors": len(index),
        # ru_maxrss is in KiB on Linux.
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_mb": _status_mb("VmRSS"),
        "rss_anon_mb": _status_mb("RssAnon"),
        "rss_file_mb": _status_mb("RssFile"),
    }


CHILDREN = {"pool": child_pool, "build": child_build, "memory": child_memory}


# --- orchestration ----------------------------------------------------------------------


def run_child(
    mode: str, env: dict[str, str], run_dir: Path, args: argparse.Namespace, size: int = 0
) -> dict[str, Any]:
    out = run_dir / f"{mode}-{os.getpid()}-{time.monotonic_ns()}.json"
    command = [
        PYTHON,
        str(Path(__file__).resolve()),
        f"--child={mode}",
        f"--run-dir={run_dir}",
        f"--out={out}",
        f"--size={size}",
        f"--seed={args.seed}",
        f"--pool={args.pool}",
        f"--queries={args.queries}",
    ]
    subprocess.run(command, cwd=_source(), env=env, check=True)
    data: dict[str, Any] = json.loads(out.read_text())
    out.unlink()
    return data


def child_env(var_dir: Path, database_url: str | None, source: Path) -> dict[str, str]:
    env = bench_env(var_dir, database_url)
    env[SOURCE_ENV] = str(source)
    env.pop("RUNG_TASKS", None)  # rows are written directly; no task runs
    env.update(
        RUNG_SEARCH_DIR=str(var_dir / "search"),
        # No re-poll of the vectors while timing: the index is loaded once, up front.
        RUNG_SEARCH_REFRESH_SECONDS="3600",
    )
    return env


def measure(
    db: str, size: int, run_dir: Path, source: Path, args: argparse.Namespace
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Build one corpus, time it, then measure a fresh worker's memory against it."""
    url = args.database_url if db == "postgres" else None
    var_dir = run_dir / f"{db}-{size}"
    # The static files are not served here; the directory only quiets WhiteNoise.
    (var_dir / "static").mkdir(parents=True)
    env = child_env(var_dir, url, source)
    try:
        if url:
            drop_database(url, create=True)
        subprocess.run(
            [PYTHON, "manage.py", "migrate", "--no-input", "-v0"], cwd=source, env=env, check=True
        )
        result = run_child("build", env, run_dir, args, size)
        memory = run_child("memory", env, run_dir, args, size)
        return result, memory
    finally:
        if not args.keep:
            shutil.rmtree(var_dir, ignore_errors=True)
            if url:
                drop_database(url, create=False)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="comma-separated counts"
    )
    parser.add_argument("--database", default="sqlite,postgres", help="sqlite, postgres or both")
    parser.add_argument(
        "--database-url", default=DEFAULT_URL, help="PostgreSQL URL; the database is recreated"
    )
    parser.add_argument("--queries", type=int, default=200, help="timed calls per kind")
    parser.add_argument("--pool", type=int, default=20_000, help="real embeddings to perturb")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep data dirs and databases")
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("--run-dir", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        data = CHILDREN[args.child](args)
        Path(args.out).write_text(json.dumps(data))
        return 0

    try:
        sizes = sorted({int(size) for size in args.sizes.split(",") if size.strip()})
    except ValueError:
        parser.error("--sizes must be comma-separated whole numbers")
    if not sizes or sizes[0] < 100:
        parser.error("--sizes must be at least 100 each")
    dbs = [db.strip() for db in args.database.split(",") if db.strip()]
    if not dbs or any(db not in ("sqlite", "postgres") for db in dbs):
        parser.error("--database takes sqlite, postgres or both")
    if args.queries < 1:
        parser.error("--queries must be at least 1")
    # The database is dropped without asking, so only one named as a benchmark qualifies.
    if "postgres" in dbs and "bench" not in database_name(args.database_url):
        parser.error("--database-url must name a database whose name contains 'bench'")
    args.pool = max(1, min(args.pool, sizes[-1]))

    signal.signal(signal.SIGTERM, raise_interrupt)
    run_dir = Path(tempfile.mkdtemp(prefix="rung-search-bench-"))
    rows: list[tuple[dict[str, Any], dict[str, Any]]] = []
    failures: list[str] = []
    started = time.monotonic()
    try:
        print(f"run dir {run_dir}; sizes {sizes}; databases {dbs}", flush=True)
        source = snapshot_source(run_dir)
        print(f"measuring a copy of {ROOT / 'rung'} taken now, in {source}", flush=True)
        pool_env = child_env(run_dir / "pool-var", None, source)
        pool = run_child("pool", pool_env, run_dir, args)
        print(
            f"embedded {pool['count']} pool texts in {pool['seconds']:.1f}s "
            f"({pool['per_second']:.0f}/s)",
            flush=True,
        )
        for size in sizes:
            for db in dbs:
                print(f"\n{db} {size:,}: building", flush=True)
                try:
                    result, memory = measure(db, size, run_dir, source, args)
                except subprocess.CalledProcessError as error:
                    failures.append(
                        f"{db} {size:,}: {shlex.join(error.cmd)} exited {error.returncode}"
                    )
                    print(f"  {failures[-1]}", flush=True)
                    continue
                rows.append((result, memory))
                t = result["timings"]
                print(
                    f"  {db} {size:,}: full-text build {result['fulltext_s']:.1f}s, "
                    f"ANN {fmt(result['ann_s'])}s; p50/p95 ms: "
                    + ", ".join(f"{kind} {pair(t[kind])}" for kind in KINDS)
                    + "; unwidened "
                    + ", ".join(f"{kind} {pair(result['unwidened'][kind])}" for kind in TERM_KINDS)
                    + f"; ref p50 {result['ref']['p50'] * 1000:.0f} µs; "
                    f"RSS {memory['rss_mb']:.0f} MB (peak {memory['peak_mb']:.0f}) "
                    f"[{(time.monotonic() - started) / 60:.1f} min]",
                    flush=True,
                )
        if rows:
            print_tables(rows)
            print_widening(rows)
            print_notes(rows, pool, args)
        outcome = checks(rows, sizes, dbs)
        outcome += [("FAIL", text) for text in failures]
        passed = sum(1 for verdict, _text in outcome if verdict == "PASS")
        failed = sum(1 for verdict, _text in outcome if verdict == "FAIL")
        print(f"\n### Targets: {passed} passed, {failed} failed\n")
        for verdict, text in outcome:
            print(f"- {verdict}  {text}")
        print(f"\ntotal {(time.monotonic() - started) / 60:.1f} min")
        return 1 if failed else 0
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    finally:
        if args.keep:
            print(f"kept {run_dir}")
        else:
            shutil.rmtree(run_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
