"""Mark the words a search matched in titles and in a snippet of the body.

The index holds stems and segmented words, not the text people read, so matching is
redone here on the original text with the same analysis: "promoted" is marked for a
search for "promotion", and 晋升 inside 晋升答辩 is marked for 晋升.
"""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from rung.core.languages import HAN, HAN_FIRST, HAN_LAST
from rung.core.text_width import char_width, width_cut
from rung.search.analysis import PREFIX, Query, query_terms

_WORD_RE = re.compile(rf"[{HAN}]+|[^\W_{HAN}]+(?:['’][^\W_{HAN}]+)*")


def _matches(text: str, query: Query) -> list[tuple[int, int]]:
    """Return the character spans of text that match the query's terms."""
    wanted = {t.rstrip(PREFIX) for group in query.required for t in group}
    prefixes = tuple(t.rstrip(PREFIX) for g in query.required for t in g if t.endswith(PREFIX))
    han_terms = [t for t in wanted if t and HAN_FIRST <= t[0] <= HAN_LAST]
    spans: list[tuple[int, int]] = []
    for match in _WORD_RE.finditer(text):
        word = match.group()
        if HAN_FIRST <= word[0] <= HAN_LAST:
            for term in han_terms:
                start = word.find(term)
                while start != -1:
                    spans.append((match.start() + start, match.start() + start + len(term)))
                    start = word.find(term, start + len(term))
            continue
        terms = query_terms(word)
        if terms and (terms[0] in wanted or (prefixes and terms[0].startswith(prefixes))):
            spans.append(match.span())
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _mark(text: str, spans: list[tuple[int, int]], offset: int = 0) -> str:
    parts: list[str] = []
    position = offset
    for start, end in spans:
        if end <= offset or start >= offset + len(text):
            continue
        start, end = max(start, offset), min(end, offset + len(text))
        parts.append(escape(text[position - offset : start - offset]))
        parts.append(f"<mark>{escape(text[start - offset : end - offset])}</mark>")
        position = end
    parts.append(escape(text[position - offset :]))
    return "".join(parts)


def highlight(text: str, query: Query) -> SafeString:
    """Return escaped text with the matched words in <mark>."""
    return mark_safe(_mark(text, _matches(text, query)))


def snippet(text: str, query: Query, width: int = 220) -> SafeString:
    """Return the stretch of text around its first match, escaped and marked.

    The stretch is measured in columns (a Chinese character counts two), as card excerpts are.
    """
    text = text[:20_000]
    spans = _matches(text, query)
    start = 0
    if spans and width_cut(text, width) is not None:
        # Start a quarter of the width before the first match, at a word boundary if near.
        start, used = spans[0][0], 0
        # Characters count as well as columns: combining marks take no column, and a run
        # of them must not push the match out of the lines a card shows.
        while (
            start > 0
            and spans[0][0] - start < width // 4
            and used + char_width(text[start - 1]) <= width // 4
        ):
            start -= 1
            used += char_width(text[start])
        while start < spans[0][0] and unicodedata.category(text[start]).startswith("M"):
            start += 1  # a mark whose letter was left out
        space = text.rfind(" ", 0, start)
        start = space + 1 if start and space != -1 and start - space < 20 else start
    end = width_cut(text[start:], width)
    end = len(text) if end is None else start + end
    marked = _mark(text[start:end], spans, start)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{marked}{suffix}")
