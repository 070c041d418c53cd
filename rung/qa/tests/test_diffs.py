"""Revision diffs: what they show, and that hostile revisions cannot make them slow."""

import difflib
import time

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from rung.accounts.models import User
from rung.qa import services
from rung.qa.diffs import line_diff
from rung.qa.models import BODY_MAX_LENGTH, Question
from rung.testing import assert_linear_time, make_answer


def difflib_lines(before: str, after: str) -> list[str]:
    """Return what the history page showed before: difflib's hunks without file names."""
    return list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=1))[2:]


def repeated_lines(length: int) -> tuple[str, str]:
    """Return two bodies of one-character lines from a small alphabet, in different orders.

    No line is common enough for difflib to set it aside as junk, so it searched for the
    longest match in every gap again: 21 s for one pair at the body limit, growing as n³.
    """
    values = [chr(0x4E00 + i) for i in range(149)]
    lines = length // 2
    before = "\n".join(values[i % 149] for i in range(lines))
    after = "\n".join(values[(i * 3 + 1) % 149] for i in range(lines))
    return before, after


ORDINARY_EDITS = [
    ("Title\n\nFirst paragraph.\n\nSecond.", "Title\n\nFirst paragraph, reworded.\n\nSecond."),
    ("Title\n\nOne.\n\nTwo.", "Better title\n\nOne.\n\nTwo.\n\nThree, added."),
    ("T\n\n- a\n- b\n- c\n- d\n- e\n- f", "T\n\n- a\n- c\n- d\n- e\n- f\n- g"),
    (
        "T\n\nIntro.\n\nStep one.\nStep two.\n\nEnd.",
        "T\n\nIntro, longer.\n\nStep one.\nStep 1.5.\nStep two.\n\nEnd!",
    ),
    ("Same", "Same"),
    ("", "Now there is text\n\nand more"),
    ("Text that goes away", ""),
]


@pytest.mark.parametrize(("before", "after"), ORDINARY_EDITS)
def test_ordinary_edits_show_the_diff_difflib_showed(before: str, after: str) -> None:
    assert line_diff(before, after) == difflib_lines(before, after)


def test_removed_lines_that_start_with_dashes_are_shown() -> None:
    """A removed "-- signature" line reads "--- signature" and was dropped as a file name."""
    assert line_diff("Body\n-- Alice\n++ plus", "Body") == [
        "@@ -1,3 +1 @@",
        " Body",
        "--- Alice",
        "-++ plus",
    ]


@settings(max_examples=300, deadline=None, database=None)
@given(
    st.lists(st.sampled_from(["a", "b", "c", "", "d"]), max_size=30),
    st.lists(st.sampled_from(["a", "b", "c", "", "e"]), max_size=30),
)
def test_diff_turns_the_old_text_into_the_new_in_no_more_changes_than_difflib(
    old: list[str], new: list[str]
) -> None:
    """Among repeated lines difflib's diff is not always the shortest; this one is."""
    before, after = "\n".join(old), "\n".join(new)
    diff = line_diff(before, after, context=len(old) + len(new))
    if before.splitlines() == after.splitlines():
        assert diff == []
        return
    body = [line for line in diff if not line.startswith("@@")]
    assert [line[1:] for line in body if line[0] in " -"] == before.splitlines()
    assert [line[1:] for line in body if line[0] in " +"] == after.splitlines()
    changes = sum(line[0] != " " for line in body)
    assert changes <= sum(line[0] in "+-" for line in difflib_lines(before, after)[1:])


def test_repeated_lines_cost_linear_time() -> None:
    assert_linear_time(
        lambda pair: line_diff(*pair), repeated_lines, BODY_MAX_LENGTH // 8, factor=4
    )


def test_past_the_budget_the_changed_middle_is_removed_then_added() -> None:
    before, after = repeated_lines(BODY_MAX_LENGTH)
    lines = len(before.splitlines())
    diff = line_diff(f"Same start\n{before}\nSame end", f"Same start\n{after}\nSame end")
    assert diff[0] == f"@@ -1,{lines + 2} +1,{lines + 2} @@"
    assert diff[1] == " Same start" and diff[-1] == " Same end"
    assert [line[0] for line in diff[2:-1]] == ["-"] * lines + ["+"] * lines


@pytest.mark.django_db
def test_history_of_hostile_revisions_at_the_body_limit_loads_promptly(
    client: Client, question: Question, bob: User
) -> None:
    """Three revisions of 30,000 characters took a minute to diff; now well under 2 s."""
    before, after = repeated_lines(BODY_MAX_LENGTH)
    answer = make_answer(question, bob, body=before)
    services.answer_edit(answer=answer, editor=bob, body=after)
    services.answer_edit(answer=answer, editor=bob, body=before)
    started = time.process_time()
    response = client.get(reverse("qa:answer_history", args=[answer.pk]))
    elapsed = time.process_time() - started
    assert response.status_code == 200
    assert response.content.decode().count('<pre class="diff">') == 2
    assert elapsed < 2, f"history took {elapsed:.1f} s"
