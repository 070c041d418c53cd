"""Keep a post's Markdown intact through a machine translator.

Translators are good at prose and bad at syntax: they "translate" code, re-punctuate URLs
and renumber lists. So, before a text is sent, `protect` swaps every part that must come
back byte for byte — fenced and indented code blocks, raw HTML blocks and tags, inline code
spans, link and image destinations, reference labels and definitions, autolinks, bare URLs
and character references — for opaque placeholders such as ``⟦3⟧``. `restore` puts them
back and refuses a reply in which any placeholder is missing, repeated or invented.

Block structure (headings, list items, quotes, tables) is handled two ways, by provider:

- Sentence translators such as LibreTranslate get the text line by line
  (`split_segments`): the structural prefix of each line (``> - ## ``, table pipes) never
  leaves the server, so markers cannot be lost. Paragraphs wrapped over several lines are
  translated a line at a time, which costs some fluency; posts typed into a web form are
  rarely wrapped.
- Language models get the whole text, since context makes their translation better, and
  are told to keep the structure.

Either way `check_structure` then compares the number of headings (per level), list items,
quotes, code blocks, table cells, links and images before and after, and a reply that lost
or gained any of them is refused rather than shown. Users can type the placeholder brackets
themselves; each such character is protected as a placeholder of its own, so a reply can
never smuggle in a reference the original did not have.
"""

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference
from markdown_it.token import Token

__all__ = [
    "MarkdownChanged",
    "Protected",
    "check_structure",
    "join_segments",
    "protect",
    "restore",
    "split_segments",
]

OPEN, CLOSE = "⟦", "⟧"
# Translators sometimes pad a placeholder with spaces or turn its digits full-width; both
# still name the same piece (int() reads any Unicode decimal digit).
_PLACEHOLDER = re.compile(r"⟦[ \t]*(?P<index>\d{1,6})[ \t]*⟧")

# The same parser settings as rung.core.markdown, so "structure" means what readers see.
_md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])

_BLOCK_TOKENS = frozenset({"fence", "code_block", "html_block"})
_STRUCTURE_TOKENS = frozenset(
    {
        "heading_open",
        "bullet_list_open",
        "ordered_list_open",
        "list_item_open",
        "blockquote_open",
        "fence",
        "code_block",
        "html_block",
        "hr",
        "table_open",
        "th_open",
        "td_open",
    }
)
_INLINE_STRUCTURE_TOKENS = frozenset({"link_open", "image", "code_inline"})

_PARAGRAPH_BREAK = re.compile(r"(\n[ \t]*\n)")
# Each inline pattern is applied in turn to the text between blank lines; earlier ones win,
# as code spans win over everything else in CommonMark.
_BACKTICKS = re.compile(r"`+")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[^\n]*$", re.M)
# Each alternative below starts with a different character and no opening bracket follows a
# backslash, so a failed match costs at most the distance to the next bracket, even on
# hostile input.
_ESCAPED = r"\\[^\n]"
_LINK_TEXT = (
    r"(?P<text>(?:" + _ESCAPED + r"|[^\[\]\n\\]"
    r"|\[(?:" + _ESCAPED + r"|[^\[\]\n\\]|\[[^\[\]\n]*\])*\])*)"
)
_LINK_DESTINATION = (
    r"[ \t]*(?:<[^<>\n]*>|(?:" + _ESCAPED + r"|[^()\s\\]"
    r"|\((?:" + _ESCAPED + r"|[^()\s\\]|\([^()\s]*\))*\))+)"
    r"(?:[ \t\n]+(?:\"(?:" + _ESCAPED + r"|[^\"\n\\])*\"|'(?:" + _ESCAPED + r"|[^'\n\\])*'"
    r"|\([^()\n]*\)))?[ \t]*"
)
# The brackets and destination of a link or image are held, its text is translated: a
# translator writing Chinese would otherwise turn "[" into "【".
_LINK = re.compile(
    r"(?<!\\)(?P<open>!?\[)" + _LINK_TEXT + r"(?P<close>\]\((?:" + _LINK_DESTINATION + r")?\))"
)
_REFERENCE_LINK = re.compile(
    r"(?<!\\)(?P<open>!?\[)" + _LINK_TEXT + r"(?P<close>\]\[(?:" + _ESCAPED + r"|[^\[\]\n\\])+\])"
)
# "[label]" and "[label][]" are links only when a definition names the label, and then the
# text is the label: translating it would unlink it, so these are held whole.
_SHORTCUT_REFERENCE = re.compile(
    r"(?<!\\)!?\[(?P<label>(?:" + _ESCAPED + r"|[^\[\]\n\\])+)\](?:\[\])?"
)
_BARE_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>⟦⟧]*[^\s<>⟦⟧.,;:!?'\")\]]")
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_HELD_WHOLE = (_AUTOLINK, _HTML_TAG, _REFERENCE_DEFINITION)
# The parser's token line maps cover every block except link reference definitions.
_BLANK = re.compile(r"[ \t]*")
_LINKS = (_LINK, _REFERENCE_LINK)
_HELD_LAST = (_BARE_URL, _ENTITY)


class MarkdownChanged(Exception):
    """A translation lost, repeated or invented protected parts or structure."""


@dataclass
class Protected:
    """A text ready for a translator, and what its placeholders stand for."""

    text: str
    pieces: list[str] = field(default_factory=list)
    # Placeholders that stand for whole lines (code and HTML blocks).
    blocks: set[int] = field(default_factory=set)

    @property
    def required(self) -> set[int]:
        """Return the placeholders the translation must give back, each exactly once."""
        return {int(match.group("index")) for match in _PLACEHOLDER.finditer(self.text)}

    def hold(self, original: str, *, block: bool = False) -> str:
        """Store a part that must not be translated and return its placeholder."""
        # A part can contain placeholders made earlier (a code span around a typed "⟦"); the
        # piece keeps the original text, so restoring is one pass with no nesting.
        self.pieces.append(self.expand(original))
        index = len(self.pieces) - 1
        if block:
            self.blocks.add(index)
        return f"{OPEN}{index}{CLOSE}"

    def expand(self, text: str) -> str:
        """Replace this text's placeholders by the originals they stand for."""
        return _PLACEHOLDER.sub(lambda m: self.pieces[int(m.group("index"))], text)


def _normalise_newlines(text: str) -> str:
    # The parser's line numbers count "\n" only, as it rewrites "\r\n" and "\r" first.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _hold_brackets(protected: Protected, line: str) -> str:
    """Protect placeholder brackets a user typed, one character at a time."""
    if OPEN not in line and CLOSE not in line:
        return line
    return re.sub(f"[{OPEN}{CLOSE}]", lambda m: protected.hold(m.group()), line)


def _code_spans(chunk: str) -> list[tuple[int, int]]:
    """Return where the code spans of a paragraph start and end.

    A span runs from a backtick string to the next one of the same length. Each opener
    looks its closer up by length instead of scanning ahead (as a regex would), so a
    paragraph of unmatched backticks costs n log n, not n².
    """
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(chunk)]
    by_length: dict[int, list[int]] = defaultdict(list)
    for number, (start, end) in enumerate(runs):
        by_length[end - start].append(number)
    spans: list[tuple[int, int]] = []
    number = 0
    while number < len(runs):
        start, end = runs[number]
        same = by_length[end - start]
        later = bisect_right(same, number)
        # An escaped backtick opens nothing, though inside a span it may close one.
        if later < len(same) and not (start and chunk[start - 1] == "\\"):
            closer = same[later]
            spans.append((start, runs[closer][1]))
            number = closer + 1
        else:
            number += 1
    return spans


def _hold_spans(protected: Protected, chunk: str, spans: list[tuple[int, int]]) -> str:
    out: list[str] = []
    position = 0
    for start, end in spans:
        out.append(chunk[position:start])
        out.append(protected.hold(chunk[start:end]))
        position = end
    out.append(chunk[position:])
    return "".join(out)


def _html_comments(chunk: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    while (start := chunk.find("<!--", position)) >= 0:
        end = chunk.find("-->", start + 4)
        if end < 0:
            break  # no later comment can close either
        spans.append((start, end + 3))
        position = end + 3
    return spans


def _hold_inline(protected: Protected, chunk: str, references: Container[str]) -> str:
    chunk = _hold_spans(protected, chunk, _code_spans(chunk))
    chunk = _hold_spans(protected, chunk, _html_comments(chunk))
    for pattern in _HELD_WHOLE:
        chunk = pattern.sub(lambda m: protected.hold(m.group()), chunk)

    def hold_link(match: re.Match[str]) -> str:
        return (
            protected.hold(match.group("open"))
            + match.group("text")
            + protected.hold(match.group("close"))
        )

    # Twice: the second pass finds an image inside a link's text, as in [![alt](src)](href).
    for _pass in range(2):
        for pattern in _LINKS:
            chunk = pattern.sub(hold_link, chunk)
    if references:
        chunk = _SHORTCUT_REFERENCE.sub(
            lambda m: (
                protected.hold(m.group())
                if normalizeReference(protected.expand(m.group("label"))) in references
                else m.group()
            ),
            chunk,
        )
    for pattern in _HELD_LAST:
        chunk = pattern.sub(lambda m: protected.hold(m.group()), chunk)
    return chunk


def protect(markdown: str) -> Protected:
    """Swap the parts of Markdown that must not be translated for placeholders."""
    markdown = _normalise_newlines(markdown)
    lines = markdown.split("\n")
    env: dict[str, Any] = {}
    block_ends: dict[int, int] = {}
    covered: set[int] = set()
    for token in _md.parse(markdown, env):
        if token.map:
            start, end = token.map
            covered.update(range(start, end))
            if token.type in _BLOCK_TOKENS:
                block_ends[start] = max(end, start + 1)
    # Lines no block claims are link reference definitions (possibly over several lines).
    run_start: int | None = None
    for number, line in enumerate([*lines, ""]):
        uncovered = number < len(lines) and number not in covered and not _BLANK.fullmatch(line)
        if uncovered and run_start is None:
            run_start = number
        elif not uncovered and run_start is not None:
            block_ends[run_start] = number
            run_start = None
    references = frozenset(env.get("references", {}))
    protected = Protected(text="")
    out: list[str] = []
    index = 0
    while index < len(lines):
        if index in block_ends:
            end = block_ends[index]
            out.append(protected.hold("\n".join(lines[index:end]), block=True))
            index = end
            continue
        out.append(_hold_brackets(protected, lines[index]))
        index += 1
    parts = _PARAGRAPH_BREAK.split("\n".join(out))
    # Odd items are the blank-line separators the split kept.
    protected.text = "".join(
        part if number % 2 else _hold_inline(protected, part, references)
        for number, part in enumerate(parts)
    )
    return protected


def restore(translated: str, protected: Protected) -> str:
    """Put the protected parts back, refusing a reply that lost or invented placeholders."""
    found = Counter(int(match.group("index")) for match in _PLACEHOLDER.finditer(translated))
    required = protected.required
    missing = required - found.keys()
    extra = found.keys() - required
    repeated = [index for index, count in found.items() if count > 1]
    if missing or extra or repeated:
        raise MarkdownChanged(
            f"placeholders changed: missing {sorted(missing)[:5]}, unknown {sorted(extra)[:5]}, "
            f"repeated {sorted(repeated)[:5]}"
        )

    def put_back(match: re.Match[str]) -> str:
        index = int(match.group("index"))
        piece = protected.pieces[index]
        if index not in protected.blocks:
            return piece
        # A code block only parses as one on lines of its own; a translator that ran it into
        # the sentence before or after gets it moved back.
        line_start = translated.rfind("\n", 0, match.start()) + 1
        line_end = translated.find("\n", match.end())
        before = translated[line_start : match.start()]
        after = translated[match.end() : None if line_end < 0 else line_end]
        return ("\n" if before.strip(" \t") else "") + piece + ("\n" if after.strip(" \t") else "")

    return _PLACEHOLDER.sub(put_back, translated)


def _walk(tokens: list[Token]) -> list[Token]:
    flat: list[Token] = []
    for token in tokens:
        flat.append(token)
        if token.children:
            flat.extend(_walk(token.children))
    return flat


def structure(markdown: str) -> Counter[str]:
    """Count the headings, lists, quotes, code blocks, table cells and links of Markdown."""
    counts: Counter[str] = Counter()
    for token in _walk(_md.parse(_normalise_newlines(markdown))):
        if token.type in _STRUCTURE_TOKENS or token.type in _INLINE_STRUCTURE_TOKENS:
            counts[f"{token.type}:{token.tag}" if token.type == "heading_open" else token.type] += 1
    return counts


def check_structure(original: str, translated: str) -> None:
    """Refuse a translation whose Markdown structure differs from the original's."""
    before, after = structure(original), structure(translated)
    if before != after:
        changed = sorted(key for key in before.keys() | after.keys() if before[key] != after[key])
        raise MarkdownChanged(f"Markdown structure changed: {', '.join(changed)}")


# --- line by line, for sentence translators ------------------------------------------------

# Quote marks, list markers (with a task box) and heading hashes, in any nesting.
_LINE_PREFIX = re.compile(
    r"[ \t]*(?:(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*)*"
    r"(?:\[[ xX]\][ \t]+)?(?:(?P<heading>#{1,6})(?=[ \t]|$)[ \t]*)?"
)
_CELL_SPLIT = re.compile(r"((?<!\\)\|)")
_PLACEHOLDER_ONLY = re.compile(r"⟦\s*\d{1,6}\s*⟧")


def _has_words(text: str) -> bool:
    return any(character.isalpha() for character in _PLACEHOLDER_ONLY.sub("", text))


def _table_lines(text: str) -> set[int]:
    lines: set[int] = set()
    for token in _md.parse(text):
        if token.type == "table_open" and token.map:
            lines.update(range(*token.map))
    return lines


def split_segments(text: str) -> list[tuple[bool, str]]:
    """Cut protected Markdown into (translate?, text) parts, the markers kept apart.

    Joining the texts of the parts gives the input back. Only parts with letters in them are
    marked for translation; list markers, heading hashes, quote marks, table pipes and
    placeholder-only lines stay as they are.
    """
    parts: list[tuple[bool, str]] = []
    tables = _table_lines(text)
    for number, line in enumerate(text.split("\n")):
        if number:
            parts.append((False, "\n"))
        if number in tables:
            for piece_number, piece in enumerate(_CELL_SPLIT.split(line)):
                if piece_number % 2:
                    parts.append((False, piece))
                else:
                    parts.extend(_split_line(piece))
            continue
        parts.extend(_split_line(line))
    return parts


def _split_line(line: str) -> list[tuple[bool, str]]:
    match = _LINE_PREFIX.match(line)
    assert match is not None  # every part of the pattern may match nothing
    prefix, rest = line[: match.end()], line[match.end() :]
    # The suffix is cut by hand: a regex anchored at the end of a line that is mostly
    # spaces would retry from every space.
    body = rest.rstrip(" \t")
    if body.endswith("\\"):  # a hard line break
        body = body[:-1]
    if match.group("heading"):
        closed = body.rstrip("#")
        if closed != body and (not closed or closed[-1] in " \t"):
            body = closed.rstrip(" \t")
    if not _has_words(body):
        return [(False, line)]
    return [(False, prefix), (True, body), (False, rest[len(body) :])]


def join_segments(
    parts: list[tuple[bool, str]], translate: Callable[[list[str]], list[str]]
) -> str:
    """Translate the marked parts in one batch and join everything back together."""
    wanted = [text for is_text, text in parts if is_text]
    if not wanted:
        return "".join(text for _is_text, text in parts)
    translated = translate(wanted)
    if len(translated) != len(wanted):
        raise MarkdownChanged(f"expected {len(wanted)} translated segments, got {len(translated)}")
    answers = iter(translated)
    out: list[str] = []
    for is_text, text in parts:
        if is_text:
            # One line in, one line out: a line break inside would split a list item.
            out.append(" ".join(next(answers).split("\n")).strip(" \t"))
        else:
            out.append(text)
    return "".join(out)
