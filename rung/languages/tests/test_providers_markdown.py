"""Markdown survives translation: placeholders, line-by-line segments, structure checks."""

import re
import time

import pytest

from rung.languages.providers.markdown import (
    MarkdownChanged,
    check_structure,
    join_segments,
    protect,
    restore,
    split_segments,
    structure,
)
from rung.languages.tests.fake_services import PLACEHOLDER
from rung.testing.corpora import commonmark_examples, corpus_lines

# Real translators into Chinese switch to full-width punctuation, brackets included.
_FULL_WIDTH = str.maketrans(
    {
        ".": "。",
        ",": "，",
        ":": "：",
        ";": "；",
        "!": "！",
        "?": "？",
        "(": "（",
        ")": "）",
        "[": "【",
        "]": "】",
        "*": "＊",
        "#": "＃",
        "-": "－",
        ">": "＞",
        "|": "｜",
        "`": "｀",
    }
)


def outside_placeholders(text: str, change: object) -> str:
    """Apply `change` to the text between placeholders, as a translator would."""
    assert callable(change)
    pieces, last = [], 0
    for match in PLACEHOLDER.finditer(text):
        pieces += [change(text[last : match.start()]), match.group()]
        last = match.end()
    return "".join([*pieces, change(text[last:])])


def to_chinese(text: str) -> str:
    """Replace every English word and re-punctuate full-width, like a careless translator."""
    return re.sub(r"[A-Za-z]+", "词", text).translate(_FULL_WIDTH)


def test_every_commonmark_example_comes_back_byte_for_byte() -> None:
    for example in commonmark_examples():
        protected = protect(example)
        assert restore(protected.text, protected) == example
        parts = split_segments(protected.text)
        assert "".join(text for _is_text, text in parts) == protected.text


def test_every_commonmark_example_keeps_its_structure_through_a_translator() -> None:
    """Whole-text and line-by-line translation keep every heading, list, link and block."""
    for example in commonmark_examples():
        protected = protect(example)
        whole = outside_placeholders(protected.text, str.upper)
        check_structure(example, restore(whole, protected))
        lines = join_segments(
            split_segments(protected.text), lambda texts: [text.upper() for text in texts]
        )
        check_structure(example, restore(lines, protected))


def test_line_by_line_survives_full_width_punctuation_in_nearly_every_example() -> None:
    """Markers never reach the translator, so re-punctuating the words cannot break them.

    The few examples that still change (a reference definition inside a quote, a code span
    inside an HTML attribute, a no-break space before a link title) are refused, never shown.
    """
    refused = 0
    for example in commonmark_examples():
        protected = protect(example)
        translated = join_segments(
            split_segments(protected.text),
            lambda texts: [outside_placeholders(text, to_chinese) for text in texts],
        )
        try:
            check_structure(example, restore(translated, protected))
        except MarkdownChanged:
            refused += 1
    assert refused <= 5


def test_code_links_and_html_never_reach_the_translator() -> None:
    text = (
        'Run `make test` and read [the docs](https://example.com/a_(b) "Docs").\n'
        "![chart](/media/c.png) <kbd>Ctrl</kbd> &amp; <https://rung.example> www\n"
        "Also https://example.com/path?q=1, then [ref][docs].\n\n"
        "[docs]: https://example.com/docs\n\n"
        "    indented = True\n\n"
        "<div>\nraw html block\n</div>\n"
    )
    protected = protect(text)
    words = PLACEHOLDER.sub(" ", protected.text)
    for kept in (
        "make test",
        "https://",
        "/media/c.png",
        "<kbd>",
        "&amp;",
        "indented",
        "raw html",
        "[docs]",
    ):
        assert kept not in words
    # Link and image text are translated; their brackets are not left to the translator.
    assert "the docs" in words and "chart" in words and "[" not in words


def test_references_by_label_are_held_whole() -> None:
    text = "[Guide] and [guide][] help.\n\n[guide]: https://example.com\n"
    protected = protect(text)
    assert "Guide" not in PLACEHOLDER.sub(" ", protected.text)
    assert "help" in protected.text


def test_typed_placeholders_cannot_address_protected_parts() -> None:
    """Brackets a user typed are protected one by one, so they come back as typed."""
    text = "See ⟦0⟧ and ⟦1⟧, `code`, ⟦⟦2⟧⟧ and ⟦ 3 ⟧ ⟧⟦"
    protected = protect(text)
    assert restore(protected.text, protected) == text
    translated = restore(outside_placeholders(protected.text, str.upper), protected)
    assert translated == "SEE ⟦0⟧ AND ⟦1⟧, `code`, ⟦⟦2⟧⟧ AND ⟦ 3 ⟧ ⟧⟦"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda t: PLACEHOLDER.sub("", t, count=1), "missing"),
        (lambda t: t + " ⟦0⟧", "repeated"),
        (lambda t: t + " ⟦999⟧", "unknown"),
    ],
)
def test_lost_repeated_or_invented_placeholders_are_refused(change: object, problem: str) -> None:
    protected = protect("Use `git bisect` to find [the commit](https://example.com).")
    assert callable(change)
    with pytest.raises(MarkdownChanged, match=problem):
        restore(change(protected.text), protected)


def test_padded_and_full_width_placeholders_still_count() -> None:
    protected = protect("Use `a` and `b` here.")
    reply = protected.text.replace("⟦0⟧", "⟦ 0 ⟧").replace("⟦1⟧", "⟦１⟧")
    assert restore(reply, protected) == "Use `a` and `b` here."


def test_a_code_block_run_into_a_sentence_is_put_back_on_its_own_lines() -> None:
    text = "Try this:\n\n```sh\nmake test\n```\n\nThen push."
    protected = protect(text)
    squashed = protected.text.replace("\n\n", " ")
    restored = restore(squashed, protected)
    assert "\n```sh\nmake test\n```\n" in restored
    check_structure(text, restored)


def test_structure_counts_what_readers_see() -> None:
    counts = structure("# A\n\n## B\n\n- x\n- y\n\n1. z\n\n> q\n\n| a |\n|---|\n| b |\n")
    assert counts["heading_open:h1"] == 1 and counts["heading_open:h2"] == 1
    assert counts["list_item_open"] == 3 and counts["blockquote_open"] == 1
    assert counts["th_open"] == 1 and counts["td_open"] == 1
    with pytest.raises(MarkdownChanged, match="heading_open:h2"):
        check_structure("## A\n\ntext", "A\n\ntext")


def test_segments_keep_markers_and_table_pipes_out_of_the_text() -> None:
    text = (
        "> 1. - [ ] Ship it  \n\n## Title ##\n\n| Level | Scope |\n|---|---|\n| Senior | Team |\n"
    )
    parts = split_segments(protect(text).text)
    assert [piece for is_text, piece in parts if is_text] == [
        "Ship it",
        "Title",
        "Level",
        "Scope",
        "Senior",
        "Team",
    ]


def test_a_segment_that_comes_back_on_two_lines_stays_on_one() -> None:
    parts = split_segments("- first item\n- second item")
    joined = join_segments(parts, lambda texts: [f"{text}\n# not a heading" for text in texts])
    assert joined.count("\n") == 1


@pytest.mark.parametrize("relative", ["naughty/blns.txt", "xss/xss_payloads_quick.txt"])
def test_hostile_strings_come_back_unchanged(relative: str) -> None:
    lines = corpus_lines(relative)
    for line in lines:
        for text in (line, f"- {line}\n- `{line}`\n\n> [{line}]({line})"):
            protected = protect(text)
            normalised = text.replace("\r\n", "\n").replace("\r", "\n")
            assert restore(protected.text, protected) == normalised
            joined = join_segments(split_segments(protected.text), lambda texts: texts)
            assert restore(joined, protected) == normalised


@pytest.mark.parametrize(
    "text",
    [
        "a" + " " * 30_000 + "b",
        "".join("`" * (i % 7 + 1) + "a" for i in range(6_000)),
        "[" * 30_000,
        "[a](" * 7_500,
        "\\[" * 15_000,
        "<!--" * 7_500,
        "<a " * 10_000,
        "&" * 30_000,
        "# " + "a #" * 10_000,
        "> " * 15_000 + "x",
        "⟦ " * 15_000,
        '[a](b "' + '\\"' * 10_000,
    ],
    ids=lambda text: repr(text[:8]),
)
def test_hostile_shapes_are_handled_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    protected = protect(text)
    joined = join_segments(split_segments(protected.text), lambda texts: texts)
    assert restore(joined, protected) == text
    assert time.perf_counter() - started < 3
