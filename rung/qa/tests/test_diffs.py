"""Revision diffs: what they show, and that hostile revisions cannot make them slow."""

import difflib
import re
import time

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from hypothesis import given, settings
from hypothesis import strategies as st

from rung.accounts.models import User
from rung.qa import services
from rung.qa.diffs import MAX_WORD_TOKENS, line_diff, word_diff_html, word_tokens
from rung.qa.models import BODY_MAX_LENGTH, Question
from rung.testing import assert_linear_time, make_answer, make_question
from rung.testing.timing import cpu_seconds


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
    assert response.content.decode().count('<div class="diff-text">') == 2
    assert elapsed < 2, f"history took {elapsed:.1f} s"


def _marks(html: str) -> tuple[list[str], list[str]]:
    """Return the texts marked removed and added, without their screen-reader labels."""
    hidden = re.compile(r'<span class="visually-hidden">[^<]*</span>')
    removed = [
        hidden.sub("", m) for m in re.findall(r'<del class="diff-del">(.*?)</del>', html, re.S)
    ]
    added = [
        hidden.sub("", m) for m in re.findall(r'<ins class="diff-ins">(.*?)</ins>', html, re.S)
    ]
    return removed, added


def test_words_taken_out_and_put_in_are_marked() -> None:
    html = word_diff_html("Ask your manager for scope.", "Ask your new manager for more scope!")
    assert _marks(html) == (["."], ["new ", "more ", "!"])
    assert html.startswith("Ask your ")


def test_a_changed_phrase_reads_as_one_change() -> None:
    """The space between two changed words does not split the change in two."""
    html = word_diff_html("Lead the big launch", "Lead the quarterly planning launch")
    assert _marks(html) == (["big"], ["quarterly planning"])


def test_each_change_has_a_label_for_screen_readers() -> None:
    html = word_diff_html("one two", "one three")
    assert '<del class="diff-del"><span class="visually-hidden">[removed: </span>two' in html
    assert '<ins class="diff-ins"><span class="visually-hidden">[added: </span>three' in html


def test_unchanged_text_has_no_marks() -> None:
    html = word_diff_html("Same text\n\nhere", "Same text\n\nhere")
    assert html == "Same text\n\nhere"


def _as_read(html: str, kept: str) -> str:
    """Return the page text with the `kept` side's marks unwrapped and the other's dropped."""
    dropped = "ins" if kept == "del" else "del"
    html = re.sub(rf'<{dropped} class="diff-{dropped}">.*?</{dropped}>', "", html, flags=re.S)
    html = re.sub(r'<span class="visually-hidden">[^<]*</span>', "", html)
    return re.sub(rf'</?{kept}(?: class="diff-{kept}")?>', "", html)


def test_member_html_is_escaped_in_every_part() -> None:
    before = '<script>alert(1)</script> <b onmouseover="x">kept</b> & more'
    after = '<img src=x onerror=alert(2)> <b onmouseover="x">kept</b> &amp; more'
    html = word_diff_html(before, after)
    assert "<script" not in html and "<img" not in html and "<b " not in html
    assert _as_read(html, "ins") == escape(after)
    assert _as_read(html, "del") == escape(before)


def test_chinese_text_is_compared_character_by_character() -> None:
    html = word_diff_html("我想在明年升到高级工程师。", "我希望在今年升到高级工程师。")
    assert _marks(html) == (["想", "明"], ["希望", "今"])
    assert "升到高级工程师。" in html


def test_tokens_give_the_text_back() -> None:
    text = "Mixed 中文 and English,\ttabs\n\nand ½ symbols — 한국어 かな"
    assert "".join(word_tokens(text)) == text
    assert word_tokens("升到 senior") == ["升", "到", " ", "senior"]


def _spread_edits(length: int) -> tuple[str, str]:
    """Return two texts of `length` characters that differ in every tenth word."""
    words = [f"w{i % 97}" for i in range(length // 4)]
    edited = [f"x{i}" if i % 10 == 0 else word for i, word in enumerate(words)]
    return " ".join(words), " ".join(edited)


def test_word_diff_costs_linear_time() -> None:
    assert_linear_time(lambda pair: word_diff_html(*pair), _spread_edits, 4_000)


def test_a_200_kb_body_diffs_promptly() -> None:
    """Past the token cap lines are compared; past the step budget, the middle is replaced."""
    before, after = _spread_edits(200_000)
    assert len(word_tokens(before)) > MAX_WORD_TOKENS
    elapsed = cpu_seconds(lambda pair: word_diff_html(*pair), (before, after))
    assert elapsed < 2, f"a 200 kB diff took {elapsed:.1f} s"
    hostile_before, hostile_after = repeated_lines(200_000)
    elapsed = cpu_seconds(lambda pair: word_diff_html(*pair), (hostile_before, hostile_after))
    assert elapsed < 2, f"a hostile 200 kB diff took {elapsed:.1f} s"


def test_past_the_budget_the_whole_text_shows_as_replaced() -> None:
    before, after = repeated_lines(BODY_MAX_LENGTH)
    html = word_diff_html(before, after)
    removed, added = _marks(html)
    assert (removed, added) == ([before], [after])


@pytest.mark.django_db
def test_history_page_marks_title_and_body_changes(client: Client, alice: User) -> None:
    question = make_question(alice, title="How do I <lead> a project?", body="I want scope.")
    services.question_edit(
        question=question,
        editor=alice,
        title="How do I <lead> a big project?",
        body="I want more scope.",
        topics=list(question.topics.all()),
        card=services.ContextCard(),
        is_anonymous=False,
    )
    page = client.get(reverse("qa:question_history", args=[question.pk])).content.decode()
    assert '<h3 class="diff-title">How do I &lt;lead&gt; a <ins class="diff-ins">' in page
    assert "big " in page and "more " in page
    assert "&lt;lead&gt;" in page and "<lead>" not in page
    assert "@@" not in page


def test_an_inserted_word_starts_at_the_word() -> None:
    html = word_diff_html("How do I lead a project?", "How do I lead a big project?")
    assert _marks(html) == ([], ["big "])
    assert _marks(word_diff_html("lead a big project", "lead a project")) == (["big "], [])


@settings(max_examples=300, deadline=None, database=None)
@given(
    st.lists(
        st.sampled_from(["a", "b", " ", "  ", "\n", "升", "到", "<", "&", "x y"]), max_size=25
    ),
    st.lists(st.sampled_from(["a", "c", " ", "\n", "升", "级", ">", "&", "x y"]), max_size=25),
)
def test_the_marked_text_reads_as_either_revision(old: list[str], new: list[str]) -> None:
    """Dropping the additions gives the old text back, dropping the removals the new one."""
    before, after = "".join(old), "".join(new)
    html = word_diff_html(before, after)
    assert _as_read(html, "del") == escape(before)
    assert _as_read(html, "ins") == escape(after)
