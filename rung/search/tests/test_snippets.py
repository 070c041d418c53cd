"""Search snippets: the stretch around the first match, measured by the room it takes."""

import html
import re

from rung.core.text_width import display_width
from rung.search.analysis import parse_query
from rung.search.highlight import snippet
from rung.testing import assert_linear_time

EN = " ".join(["Before the review I wrote down every project I led."] * 12) + " promoted at last."
ZH = "评审之前我把自己负责的每个项目都写了下来。" * 12 + "最后终于晋升了。"


def _plain(marked: str) -> str:
    return html.unescape(re.sub(r"</?mark>", "", marked))


def test_chinese_and_english_snippets_take_similar_room() -> None:
    english = _plain(snippet(EN, parse_query("promoted")))
    chinese = _plain(snippet(ZH, parse_query("晋升")))
    assert "promoted" in english and "晋升" in chinese
    assert display_width(english.strip("… ")) <= 220
    assert display_width(chinese.strip("… ")) <= 220
    assert len(chinese) < 0.6 * len(english)


def test_snippet_starts_near_the_match_and_marks_it() -> None:
    marked = snippet(ZH, parse_query("晋升"))
    assert marked.startswith("… ") and "<mark>晋升</mark>" in marked


def test_short_text_is_shown_whole() -> None:
    assert snippet("A short note about promotion.", parse_query("promotion")) == (
        "A short note about <mark>promotion</mark>."
    )


def test_snippet_is_linear_in_the_text_length() -> None:
    assert_linear_time(
        lambda text: snippet(text, parse_query("晋升")),
        lambda size: "项" * size + "晋升",
        2_000,
    )


def test_combining_marks_before_the_match_do_not_push_it_out_of_sight() -> None:
    """Marks take no column; counted by columns alone, a run of them would start the
    snippet hundreds of characters early, past the lines a card shows."""
    zalgo = "c" + "\u0301\u0316\u0317" * 200 + " "
    marked = snippet(zalgo * 5 + "a note on promotion and the review", parse_query("promotion"))
    before = html.unescape(marked.split("<mark>")[0])
    assert "<mark>promotion</mark>" in marked
    assert len(before.lstrip("… ")) <= 55
