"""Test support: the factories, a plain-HTTP browser, a real Chromium, CPU timing, the
shared corpora, the route matrix and comparing rendered HTML. docs/testing.md says how
they fit together.

The names most tests need are importable from here; the modules hold the rest.
"""

from rung.testing.corpora import CORPORA, corpus, corpus_lines, naughty_strings
from rung.testing.factories import (
    PASSWORD,
    bulk_answers,
    make_answer,
    make_card,
    make_member,
    make_question,
)
from rung.testing.http import Browser, Reply
from rung.testing.timing import assert_linear_time, cpu_seconds

__all__ = [
    "CORPORA",
    "PASSWORD",
    "Browser",
    "Reply",
    "assert_linear_time",
    "bulk_answers",
    "corpus",
    "corpus_lines",
    "cpu_seconds",
    "make_answer",
    "make_card",
    "make_member",
    "make_question",
    "naughty_strings",
]
