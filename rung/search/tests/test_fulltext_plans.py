"""Full-text finds the newest matches whichever way the engine is made to look.

On PostgreSQL a combination of common words is walked in id order, probing the newest
rows first and handing older rows to the planner when the combination turns out sparse.
The thresholds are shrunk here so a small collection takes every one of those paths; on
SQLite the same calls take FTS5's single plan, and the answers must be the same.
"""

from collections.abc import Iterator

import pytest
from django.db import connection

from rung.accounts.models import User
from rung.search import fulltext
from rung.search.analysis import parse_query
from rung.search.fulltext import fulltext_matches
from rung.testing import make_question

pytestmark = pytest.mark.django_db

PAIR = "Mentorship program"
PHRASE = '"mentorship program"'


@pytest.fixture
def posts(alice: User) -> Iterator[dict[str, list[int]]]:
    """Twenty-four posts: every third holds the pair as a phrase, every fourth apart."""
    ids: dict[str, list[int]] = {"phrase": [], "pair": []}
    for n in range(24):
        if n % 3 == 0:
            title, kinds = f"Is a mentorship program worth joining? ({n})", ["phrase", "pair"]
        elif n % 4 == 0:
            title, kinds = f"My mentorship ended; which program next? ({n})", ["pair"]
        else:
            title, kinds = f"How do I ask for a raise? ({n})", []
        question = make_question(alice, title=title, body="Looking for advice.")
        for kind in kinds:
            ids[kind].append(question.pk)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")
    fulltext._postgres_stats = None
    yield {kind: sorted(found, reverse=True) for kind, found in ids.items()}
    fulltext._postgres_stats = None


def _ids(raw: str, *, limit: int, before_id: int | None = None) -> list[int]:
    matches = fulltext_matches(parse_query(raw), limit=limit, before_id=before_id)
    return [qid for qid, _score in matches]


@pytest.fixture
def walk_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every combination count as common, and probe two rows at a time."""
    monkeypatch.setattr(fulltext, "POSTGRES_COMMON_WORD_POSTS", 0)
    monkeypatch.setattr(fulltext, "POSTGRES_PROBE_ROWS", 2)


@pytest.mark.parametrize("raw,kind", [(PAIR, "pair"), (PHRASE, "phrase")])
def test_walk_keeps_going_while_the_combination_is_dense(
    posts: dict[str, list[int]], walk_everything: None, raw: str, kind: str
) -> None:
    assert _ids(raw, limit=5) == posts[kind][:5]
    assert _ids(raw, limit=100) == posts[kind]


@pytest.mark.parametrize("raw,kind", [(PAIR, "pair"), (PHRASE, "phrase")])
def test_walk_hands_older_rows_to_the_planner_when_sparse(
    posts: dict[str, list[int]],
    walk_everything: None,
    monkeypatch: pytest.MonkeyPatch,
    raw: str,
    kind: str,
) -> None:
    monkeypatch.setattr(fulltext, "POSTGRES_WALK_MIN_SHARE", 0.99)
    assert _ids(raw, limit=5) == posts[kind][:5]
    assert _ids(raw, limit=100) == posts[kind]


def test_walk_stops_at_its_row_budget(
    posts: dict[str, list[int]], walk_everything: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fulltext, "POSTGRES_WALK_MAX_ROWS", 4)
    assert _ids(PAIR, limit=100) == posts["pair"]


def test_walk_continues_below_a_cursor(posts: dict[str, list[int]], walk_everything: None) -> None:
    cursor = posts["pair"][2]
    assert _ids(PAIR, limit=3, before_id=cursor) == posts["pair"][3:6]


def test_rare_words_and_single_words_take_the_planners_plan(
    posts: dict[str, list[int]],
) -> None:
    assert _ids(PAIR, limit=100) == posts["pair"]
    assert _ids("mentorship", limit=3) == posts["pair"][:3]
