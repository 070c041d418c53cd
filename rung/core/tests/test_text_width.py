"""Cutting excerpts by the room they take on screen, not by character count."""

import pytest

from rung.core.markdown import excerpt
from rung.core.text_width import display_width, truncate_to_width, width_cut
from rung.testing import assert_linear_time
from rung.testing.corpora import naughty_strings

EN = (
    "My manager says I need more impact before the next review, and I am not sure which "
    "projects would show it. I lead a small team and ship on time, but calibration keeps "
    "rating me as meeting expectations. What should I change in the next six months?"
)
ZH = (
    "经理说我在下次绩效评估前需要更多影响力，但我不确定哪些项目能体现出来。我带一个小团队，"
    "项目都按时交付，但校准会上总是被评为符合预期。接下来六个月我应该改变什么？"
)


def test_widths_of_latin_cjk_and_marks() -> None:
    assert display_width("abc") == 3
    assert display_width("晋升") == 4
    assert display_width("ＡＢ") == 4  # fullwidth
    assert display_width("e\u0301") == 1  # a combining mark takes no room


def test_english_and_chinese_excerpts_take_similar_room() -> None:
    """Cut to the same width, a Chinese excerpt has about half the characters of an English
    one, so both fill about the same room on a card."""
    english, chinese = excerpt(EN, 120), excerpt(ZH, 120)
    assert english.endswith("…") and chinese.endswith("…")
    assert 110 <= display_width(english) <= 120
    assert 110 <= display_width(chinese) <= 120
    assert len(chinese) < 0.6 * len(english)


def test_latin_text_is_cut_at_a_word_boundary() -> None:
    cut = excerpt(EN, 60)
    assert cut == "My manager says I need more impact before the next review…"
    assert EN.startswith(cut[:-1])


def test_chinese_text_is_cut_between_characters() -> None:
    assert truncate_to_width(ZH, 21) == ZH[:10] + "…"


def test_a_cut_never_leaves_a_letter_without_its_marks() -> None:
    decomposed = "e\u0301" * 50
    cut = truncate_to_width(decomposed, 11)
    assert cut.endswith("e\u0301…") or cut == "…"
    assert cut[:-1] == "e\u0301" * (len(cut[:-1]) // 2)
    zalgo = "a" + "\u0336" * 5000
    assert truncate_to_width(zalgo, 10) == "…"


@pytest.mark.parametrize("width", [1, 2, 3, 7, 40, 240])
def test_a_cut_never_passes_the_width_nor_the_character_limit(width: int) -> None:
    for text in [*naughty_strings(), EN, ZH, "晋" * 300, "a\u0301" * 300]:
        cut = truncate_to_width(text, width)
        assert display_width(cut) <= width, text
        assert len(cut) <= width, text
        if width_cut(text, width) is None:
            assert cut == text


def test_truncating_is_linear_in_the_text_length() -> None:
    """A cut near the end of a megabyte of text without spaces reads it once."""
    assert_linear_time(
        lambda text: truncate_to_width(text, len(text) * 2 - 3),
        lambda size: "晋升" * (size // 2) + "a b" * 10,
        1 << 17,
    )
    mega = ("word " * 200_000) + "晋" * 50_000
    assert len(truncate_to_width(mega, 240)) <= 240
