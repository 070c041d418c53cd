"""Diffs between revisions of a post, in time bounded whatever the texts hold.

difflib's SequenceMatcher looks for the longest matching block again inside every gap it
leaves, which on two 30,000-character bodies of many short, repeated lines took over two
minutes for one pair of revisions. Here lines shared at the start and end are set aside
first, and what is left is compared with Myers' algorithm, which finds a shortest edit
script in time proportional to the lines times the number of edits. Its work is counted,
and a pair of texts that would need more than `MAX_DIFF_STEPS` shows its changed middle
as removed, then added: still a correct diff, only not the shortest one.

`line_diff` reads as `difflib.unified_diff(before, after, n=1, lineterm="")` does, less
its two file-name lines: `@@ -1,3 +1,3 @@` hunk headers, then lines marked " ", "-" or "+".

`word_diff_html` is what the history page shows: the new text with the words taken out
struck through in `<del>` and the words put in underlined in `<ins>`, each with a label
for screen readers, which do not announce those elements by default. Words are runs of
letters and digits, each space run and punctuation mark is a token of its own, and Han,
kana and Hangul count one character at a time, since Chinese and Japanese put no spaces
between words. The same engine compares the tokens (difflib's SequenceMatcher has no
budget, and above 200 tokens its "autojunk" rule ignores every token that makes up more
than one per cent of the text: spaces, "the", "的", which then never match). Past
`MAX_WORD_TOKENS` tokens a side, lines are compared instead, so the tokenising, the
mapping and the budget all stay bounded. Every piece of member text is escaped.
"""

import re
from collections.abc import Iterator, Sequence

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext

from rung.core.languages import HAN

__all__ = ["MAX_DIFF_STEPS", "MAX_WORD_TOKENS", "line_diff", "word_diff_html", "word_tokens"]

# About a tenth of a second of Python on the slowest pair of texts.
MAX_DIFF_STEPS = 200_000
# Beyond this many word tokens on either side, texts are compared line by line.
MAX_WORD_TOKENS = 40_000

# A change: its tag, a label for screen readers, the text; brackets mark where it ends.
_CHANGE = (
    '<{tag} class="{kind}"><span class="visually-hidden">[{label} </span>{text}'
    '<span class="visually-hidden">]</span></{tag}>'
)
# Scripts written without spaces between words: each character is a token.
_ONE_BY_ONE = f"{HAN}\u3040-\u30ff\u31f0-\u31ff\uac00-\ud7af\u3000-\u303f\uff00-\uffef"
# Each alternative consumes what it matches and nothing else can start inside it, so the
# scan is linear: a one-by-one character, a run of other word characters, a space run,
# or any single other character.
_TOKEN = re.compile(rf"[{_ONE_BY_ONE}]|(?:(?![{_ONE_BY_ONE}])\w)+|\s+|.", re.DOTALL)

# (tag, start in before, end in before, start in after, end in after), as in difflib.
Opcode = tuple[str, int, int, int, int]


def line_diff(before: str, after: str, *, context: int = 1) -> list[str]:
    """Return the unified diff of two texts, line by line, with `context` unchanged lines."""
    old, new = before.splitlines(), after.splitlines()
    return list(_unified(old, new, _opcodes(old, new), context))


def _opcodes(old: Sequence[str], new: Sequence[str]) -> list[Opcode]:
    """Return the opcodes turning `old` into `new`, shortest when that is cheap to find."""
    # Lines become small integers, so comparing two costs the same however long they are.
    ids: dict[str, int] = {}
    a = [ids.setdefault(line, len(ids)) for line in old]
    b = [ids.setdefault(line, len(ids)) for line in new]
    head = 0
    while head < len(a) and head < len(b) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < len(a) - head and tail < len(b) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    middle = _matches(a[head : len(a) - tail], b[head : len(b) - tail])
    if middle is None:
        middle = []  # past the budget: the whole middle is one change
    blocks = [(0, 0, head)] if head else []
    blocks += [(i + head, j + head, size) for i, j, size in middle]
    if tail:
        blocks.append((len(a) - tail, len(b) - tail, tail))
    return _opcodes_from_blocks(blocks, len(a), len(b))


def _matches(a: list[int], b: list[int]) -> list[tuple[int, int, int]] | None:
    """Return the matching runs (i, j, length) of a shortest edit script from a to b.

    Return None when finding it would take more than MAX_DIFF_STEPS steps.
    """
    n, m = len(a), len(b)
    if not n or not m:
        return []
    # v[k] is the furthest x reached on diagonal k = x - y; one copy per edit count, kept
    # for walking back (their sizes add up to the square of the edits, within the budget).
    v: dict[int, int] = {1: 0}
    trace: list[dict[int, int]] = []
    steps = 0
    for d in range(n + m + 1):
        trace.append(v.copy())
        steps += d + 1
        for k in range(-d, d + 1, 2):
            x = v[k + 1] if _comes_down(v, k, d) else v[k - 1] + 1
            y = x - k
            start = x
            while x < n and y < m and a[x] == b[y]:
                x += 1
                y += 1
            steps += x - start
            v[k] = x
            if x >= n and y >= m:
                return _walk_back(trace, n, m)
        if steps > MAX_DIFF_STEPS:
            return None
    raise AssertionError("an edit script of n + m steps always exists")


def _comes_down(v: dict[int, int], k: int, d: int) -> bool:
    """Return whether the furthest path onto diagonal k comes from k + 1, by adding a line."""
    return k == -d or (k != d and v[k - 1] < v[k + 1])


def _walk_back(trace: list[dict[int, int]], n: int, m: int) -> list[tuple[int, int, int]]:
    """Return the matching runs along the path recorded in `trace`, in order."""
    runs: list[tuple[int, int, int]] = []
    x, y = n, m
    for d in range(len(trace) - 1, 0, -1):
        v = trace[d]
        k = x - y
        down = _comes_down(v, k, d)
        previous_k = k + 1 if down else k - 1
        previous_x = v[previous_k]
        previous_y = previous_x - previous_k
        # One line added (a step down) or removed (a step right), then a run of equal lines.
        edit_x, edit_y = (previous_x, previous_y + 1) if down else (previous_x + 1, previous_y)
        if x > edit_x:
            runs.append((edit_x, edit_y, x - edit_x))
        x, y = previous_x, previous_y
    if x:
        runs.append((0, 0, x))
    runs.reverse()
    return runs


def _opcodes_from_blocks(blocks: list[tuple[int, int, int]], n: int, m: int) -> list[Opcode]:
    """Return difflib-style opcodes between matching runs, as SequenceMatcher.get_opcodes."""
    codes: list[Opcode] = []
    i = j = 0
    for block_i, block_j, size in [*blocks, (n, m, 0)]:
        if i < block_i and j < block_j:
            codes.append(("replace", i, block_i, j, block_j))
        elif i < block_i:
            codes.append(("delete", i, block_i, j, block_j))
        elif j < block_j:
            codes.append(("insert", i, block_i, j, block_j))
        i, j = block_i + size, block_j + size
        if size:
            codes.append(("equal", block_i, i, block_j, j))
    return codes


def _groups(codes: list[Opcode], context: int) -> Iterator[list[Opcode]]:
    """Yield the hunks: changes with `context` equal lines around them, as difflib groups."""
    if not codes:
        codes = [("equal", 0, 1, 0, 1)]
    tag, i1, i2, j1, j2 = codes[0]
    if tag == "equal":
        codes[0] = (tag, max(i1, i2 - context), i2, max(j1, j2 - context), j2)
    tag, i1, i2, j1, j2 = codes[-1]
    if tag == "equal":
        codes[-1] = (tag, i1, min(i2, i1 + context), j1, min(j2, j1 + context))
    group: list[Opcode] = []
    for tag, i1, i2, j1, j2 in codes:
        if tag == "equal" and i2 - i1 > 2 * context:
            group.append((tag, i1, min(i2, i1 + context), j1, min(j2, j1 + context)))
            yield group
            group = []
            i1, j1 = max(i1, i2 - context), max(j1, j2 - context)
        group.append((tag, i1, i2, j1, j2))
    if group and not (len(group) == 1 and group[0][0] == "equal"):
        yield group


def _range(start: int, stop: int) -> str:
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start if not length else start + 1},{length}"


def _unified(
    old: Sequence[str], new: Sequence[str], codes: list[Opcode], context: int
) -> Iterator[str]:
    for group in _groups(codes, context):
        first, last = group[0], group[-1]
        yield f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@"
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                yield from (f" {line}" for line in old[i1:i2])
                continue
            if tag in ("replace", "delete"):
                yield from (f"-{line}" for line in old[i1:i2])
            if tag in ("replace", "insert"):
                yield from (f"+{line}" for line in new[j1:j2])


def word_tokens(text: str) -> list[str]:
    """Return the tokens a text is compared by; joined, they give the text back."""
    return _TOKEN.findall(text)


def word_diff_html(before: str, after: str) -> SafeString:
    """Return `after` as HTML, with what changed from `before` marked word by word."""
    old, new = word_tokens(before), word_tokens(after)
    if len(old) > MAX_WORD_TOKENS or len(new) > MAX_WORD_TOKENS:
        old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    removed = pgettext("revision diff", "removed:")
    added = pgettext("revision diff", "added:")
    parts: list[str] = []
    for kind, was, now in _segments(old, new, _opcodes(old, new)):
        if kind == "equal":
            parts.append(escape(now))
            continue
        if was:
            parts.append(format_html(_CHANGE, tag="del", kind="diff-del", label=removed, text=was))
        if now:
            parts.append(format_html(_CHANGE, tag="ins", kind="diff-ins", label=added, text=now))
    # Every piece of text above is escaped; the markup around it is constant.
    return mark_safe("".join(parts))


def _segments(
    old: Sequence[str], new: Sequence[str], codes: list[Opcode]
) -> list[tuple[str, str, str]]:
    """Return (kind, old text, new text) runs, joining changes split only by a space.

    "a b c" to "a x y c" matches the space between b and the rest and would read as
    "b→x, +y"; folding a space that sits between two changes into them reads "b → x y".
    """
    runs: list[tuple[str, str, str]] = []
    for tag, i1, i2, j1, j2 in codes:
        was, now = "".join(old[i1:i2]), "".join(new[j1:j2])
        runs.append(("equal" if tag == "equal" else "change", was, now))
    merged: list[tuple[str, str, str]] = []
    for index, run in enumerate(runs):
        kind, was, now = run
        between_changes = (
            kind == "equal"
            and not now.strip()
            and len(now) <= 3
            and merged
            and merged[-1][0] == "change"
            and index + 1 < len(runs)
            and runs[index + 1][0] == "change"
        )
        if (between_changes or kind == "change") and merged and merged[-1][0] == "change":
            _, last_was, last_now = merged[-1]
            merged[-1] = ("change", last_was + was, last_now + now)
        else:
            merged.append(run)
    _start_at_words(merged)
    return merged


_LEADING_SPACE = re.compile(r"\s+")


def _start_at_words(runs: list[tuple[str, str, str]]) -> None:
    """Move a space that starts an insertion or removal to its end, where it reads better.

    "a project" to "a big project" may come out as "a[ big] project"; when the text after
    starts with the same space, "a [big ]project" is the same edit. Each run moves once.
    """
    for index in range(1, len(runs) - 1):
        kind, was, now = runs[index]
        if kind != "change" or (was and now):
            continue
        text = was or now
        space = _LEADING_SPACE.match(text)
        _, before_was, before_now = runs[index - 1]
        _, after_was, after_now = runs[index + 1]
        if space is None or not after_now.startswith(space.group()):
            continue
        gap = space.group()
        moved = text[len(gap) :] + gap
        runs[index - 1] = ("equal", before_was + gap, before_now + gap)
        runs[index] = ("change", moved if was else "", moved if now else "")
        runs[index + 1] = ("equal", after_was[len(gap) :], after_now[len(gap) :])
