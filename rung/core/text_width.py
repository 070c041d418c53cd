"""How wide text is on screen, and cutting it to a width.

A Chinese, Japanese or Korean character takes the room of about two Latin letters (and
carries more meaning), so a cut by character count lets CJK excerpts run twice as long as
English ones. Widths follow Unicode's East Asian Width: Wide and Fullwidth characters count
2, combining marks and other zero-width characters 0, everything else 1. Every function is
one pass over the text.
"""

import unicodedata

ELLIPSIS = "…"
# Left off the end of a cut before the ellipsis is added.
_TRAILING = " \t\n.,;:!?-–—，。、；：！？"
_ZERO_WIDTH_CATEGORIES = frozenset({"Mn", "Me", "Cf"})


def char_width(char: str) -> int:
    """Return the columns one character takes: 2 for wide East Asian ones, 0 for marks."""
    if unicodedata.category(char) in _ZERO_WIDTH_CATEGORIES:
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Return the columns a line of text takes."""
    return sum(char_width(char) for char in text)


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


def width_cut(text: str, width: int, *, max_chars: int | None = None) -> int | None:
    """Return where to cut text so it and an ellipsis fit in `width` columns; None if it fits.

    Latin text is cut at a word boundary when one is near; text written without spaces
    (Chinese, Japanese) is cut between characters. A cut never separates a letter from its
    combining marks, and trailing spaces and punctuation are left off. `max_chars` (default
    `width`) also bounds the length in characters, since marks take no room yet still count
    against a database column.
    """
    if width < 1:
        return 0 if text else None
    limit = width if max_chars is None else max_chars
    room = width - display_width(ELLIPSIS)
    # `end` is where the text passes the room left for an ellipsis; reading stops as soon as
    # the text is known not to fit whole.
    used, end = 0, None
    for index, char in enumerate(text):
        used += char_width(char)
        if end is None and (used > room or index + 1 > limit - 1):
            end = index
        if used > width or index + 1 > limit:
            break
    else:
        return None
    assert end is not None
    # Never leave a letter without the marks that follow it: cut before the letter instead.
    if _is_mark(text[end]):
        while end > 0 and _is_mark(text[end]):
            end -= 1
    # Inside a Latin word, back off to the last space when it is in the second half.
    inside_word = end and not text[end].isspace() and not text[end - 1].isspace()
    if inside_word and char_width(text[end]) == 1 and char_width(text[end - 1]) == 1:
        space = text.rfind(" ", 0, end)
        if space > end // 2:
            end = space
    while end and text[end - 1] in _TRAILING:
        end -= 1
    return end


def truncate_to_width(text: str, width: int, *, max_chars: int | None = None) -> str:
    """Return plain text cut to at most `width` columns, ending in "…" when anything is cut."""
    if width < 1:
        return ""
    end = width_cut(text, width, max_chars=max_chars)
    return text if end is None else text[:end] + ELLIPSIS
