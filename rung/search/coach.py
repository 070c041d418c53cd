"""Live, private advice for a member writing a question: length, focus, title and context.

The ask form calls :func:`question_coach` on every debounced keystroke, so everything here
is plain string work: no database, no models. Each regular expression is written so that
it runs in linear time on hostile input (no nested quantifiers over overlapping character
classes), and the per-sentence loop only does constant work for sentences that cannot be
questions. The coach only advises; nothing here ever blocks posting.

Chinese and English are both first-class: Han characters count as words, Chinese question
particles and interrogative words are recognised, and fullwidth punctuation ends sentences.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rung.core.languages import HAN as _HAN

__all__ = ["CoachReport", "Tip", "question_coach", "reading_time_label"]

INFO = "info"
WARN = "warn"

# Card fields in the order the ask form shows them. `company` is listed only to keep the
# order honest: it is optional by design (members may keep their employer private), so it
# is never reported as missing.
CARD_FIELDS = ("level", "years", "company", "scale", "focus", "feedback_wanted")
OPTIONAL_FIELDS = frozenset({"company"})
RATING_PREFIX = "rating_"

# Reading speeds, per minute. The reading time is exact integer arithmetic on
# seconds = 60 * en / 230 + 60 * cjk / 400, so that 230 words read in exactly one minute
# rather than 60.000000001 seconds rounded up to 61.
EN_WORDS_PER_MINUTE = 230
CJK_CHARS_PER_MINUTE = 400

# Length thresholds in word-equivalents of the body. Chinese packs more into each character
# than English into each letter, and a typical Chinese word is two characters, so for the
# length verdict a Han character counts 0.5 of a word: 50 characters say about as much as
# 25 English words. Comparisons use doubled integers (2 * en + cjk) to stay exact.
SHORT_BELOW = 25
LONG_ABOVE = 300
SPLIT_AT = 3

_HAN_RUN_RE = re.compile(f"[{_HAN}]+")
# Word characters other than Han: "promotion", "2024", "snake_case", "Ελληνικά".
_LATIN_WORD_RE = re.compile(rf"[^\W{_HAN}]+")

# Markdown noise. A link reads as its text; a bare URL reads as one word, however long.
_MD_LINK_RE = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\s]*(?:[ \t]+\"[^\"\n]*\")?\)")
_BARE_URL_RE = re.compile(r"https?://\S+", re.IGNORECASE)
_URL_AS_WORD = " link "

# A fenced code block: an opening ``` or ~~~ line, then everything up to a closing fence
# of the same character at least as long, or to the end when the fence is never closed
# (as CommonMark renders it, and as it is while someone is still typing). The lazy body
# can only stop at a line start, so a search is linear in the text it consumes.
_FENCE_RE = re.compile(
    r"^[ \t]{0,3}(?:(?P<bt>`{3,})[^`\n]*|(?P<tl>~{3,})[^\n]*)$"
    r".*?"
    r"(?:^[ \t]{0,3}(?(bt)(?P=bt)`*|(?P=tl)~*)[ \t]*$|\Z)",
    re.MULTILINE | re.DOTALL,
)
_QUOTE_LINE_RE = re.compile(r"^[ \t]*>[^\n]*", re.MULTILINE)
_INLINE_CODE_RE = re.compile(r"`+[^`\n]*`+")
# List bullets, ordered-list numbers and heading marks, so "1. Should I…?" starts at "Should".
_LINE_MARKER_RE = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)]|#{1,6})[ \t]+", re.MULTILINE)

# Sentence ends. Fullwidth marks always end a sentence; ASCII . ! ? only when followed by
# space, the end, more punctuation or non-ASCII text, so "Node.js", "v2.1" and the "?" of
# a URL's query string do not. The last dot of "e.g." and "i.e." and the dot of "vs." do
# not either. Closing quotes and brackets stay with their sentence. Blank lines after an
# end join it, so a page of empty lines is one split rather than thousands of sentences.
_CLOSERS = "\"'”’」』）)]】"
_ENDERS = "？。！；"
_ASCII_END_AHEAD = rf"(?=[\s.!?{_ENDERS}{re.escape(_CLOSERS)}]|$|[^\x00-\x7f])"
_TERMINATOR_RE = re.compile(
    r"((?:\n|(?:"
    rf"[{_ENDERS}]|[!?]{_ASCII_END_AHEAD}|(?<!\.[A-Za-z])(?<!\bvs)\.{_ASCII_END_AHEAD}"
    rf")+[{re.escape(_CLOSERS)}]*)(?:[ \t]*\n)*)"
)
_TRAILING_NOISE = _CLOSERS + " \t~～…"

# Inline code is ignored when looking for questions, but kept in the text shown back to
# the asker. Its sentence punctuation is swapped for private-use stand-ins while splitting
# (so `a?.b` does not end a sentence) and swapped back afterwards.
_HIDDEN_PUNCTUATION = ".!?？。！；"
_HIDE = {ord(ch): 0xE000 + i for i, ch in enumerate(_HIDDEN_PUNCTUATION)}
_SHOW = {0xE000 + i: ch for i, ch in enumerate(_HIDDEN_PUNCTUATION)}
# Stand-ins already present in the input would be revealed as punctuation; drop them.
_STAND_IN_RE = re.compile(f"[{min(_SHOW):c}-{max(_SHOW):c}]")

# Chinese sentence-final particles that make a question without a question mark.
_ZH_PARTICLES = "吗呢么嗎麼"
# Interrogative words that make an unpunctuated Chinese clause a question ("该不该跳槽").
_ZH_BODY_MARKERS = "怎么|如何|为什么|是否|要不要|该不该|能不能|有没有|怎麼|為什麼|該不該|有沒有"
_ZH_BODY_MARKER_RE = re.compile(_ZH_BODY_MARKERS)
# Titles are short and rarely punctuated, so any question word marks them as questions.
_ZH_TITLE_MARKER_RE = re.compile(rf"吗|呢|哪|什么|多少|嗎|什麼|{_ZH_BODY_MARKERS}")

_EN_QUESTION_WORDS = (
    "how|what|why|when|where|which|who|should|could|would|can|do|does|did|is|are|am|will|have|has"
)
# "Shouldn't I…", "Isn't it…" and "Won't it…" open questions as surely as "Should I…".
_EN_TITLE_START_RE = re.compile(
    rf"[\W_]*(?:(?:{_EN_QUESTION_WORDS})(?:n['’]t)?|won['’]t)\b", re.IGNORECASE
)
_KEY_NOISE_RE = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Tip:
    """One piece of advice for the asker."""

    code: str
    message: str
    level: str


@dataclass(frozen=True)
class CoachReport:
    """What the coach found in a draft question, and its advice in priority order.

    `words` and `reading_seconds` cover title and body together (what a reader reads);
    `length` judges the body alone.
    """

    words: int
    reading_seconds: int
    length: str
    questions: tuple[str, ...]
    title_is_question: bool
    missing_fields: tuple[str, ...]
    tips: tuple[Tip, ...]


def question_coach(
    *,
    title: str,
    body: str,
    card: Mapping[str, object],
    axis_names: Mapping[str, str] | None = None,
) -> CoachReport:
    """Review a draft question and return advice; never raise, never block.

    `axis_names` maps a rating field ("rating_impact") to its axis's name in the reader's
    language, for naming the ratings still empty.
    """
    title_en, title_cjk = _count_words(title)
    body_en, body_cjk = _count_words(body)
    words = title_en + title_cjk + body_en + body_cjk
    reading_seconds = _reading_seconds(title_en + body_en, title_cjk + body_cjk)
    length = _length(body_en, body_cjk)
    questions = find_questions(body)
    has_title = bool(title.strip())
    title_question = has_title and is_question_title(title)
    missing = missing_card_fields(card)

    tips: list[Tip] = []
    if length == "long":
        tips.append(
            Tip(
                "too-long",
                _(
                    "At %(reading_time)s, this is a long question. Experienced members tend "
                    "to answer short, pointed questions first: try keeping only the "
                    "background the answer depends on."
                )
                % {"reading_time": reading_time_label(reading_seconds)},
                WARN,
            )
        )
    if len(questions) >= SPLIT_AT:
        tips.append(
            Tip(
                "split",
                ngettext(
                    "This asks %(count)d separate question. Consider posting them one at "
                    "a time so each gets a focused answer.",
                    "This asks %(count)d separate questions. Consider posting them one at "
                    "a time so each gets a focused answer.",
                    len(questions),
                )
                % {"count": len(questions)},
                WARN,
            )
        )
    if has_title and not title_question:
        tips.append(
            Tip(
                "title-not-question",
                _(
                    "Try wording the title as the question you want answered, so people "
                    "can see at a glance whether they can help."
                ),
                INFO,
            )
        )
    if missing:
        tips.append(
            Tip(
                "missing-context",
                _(
                    "Answerers tailor their advice to your level and to how your last review "
                    "rated you. Still empty: %(fields)s."
                )
                % {"fields": ", ".join(_field_label(name, axis_names or {}) for name in missing)},
                INFO,
            )
        )
    if length == "short":
        tips.append(
            Tip(
                "too-short",
                _(
                    "A little more detail will get better answers: describe your situation "
                    "and what you have already tried."
                ),
                INFO,
            )
        )
    if len(questions) == 2:
        tips.append(
            Tip(
                "two-questions",
                _(
                    "This asks two questions. That works when they are closely related; "
                    "otherwise each deserves its own post."
                ),
                INFO,
            )
        )

    return CoachReport(
        words=words,
        reading_seconds=reading_seconds,
        length=length,
        questions=questions,
        title_is_question=title_question,
        missing_fields=missing,
        tips=tuple(tips),
    )


def reading_time_label(seconds: int) -> str:
    """Return a short label for a reading time, such as "3 min read"."""
    if seconds < 60:
        return _("under 1 min read")
    # Round to the nearest minute: 89 seconds reads as "1 min", 90 as "2 min".
    minutes = (seconds + 30) // 60
    return ngettext("%(minutes)d min read", "%(minutes)d min read", minutes) % {"minutes": minutes}


def find_questions(body: str) -> tuple[str, ...]:
    """Return the distinct questions asked in `body`, trimmed, in order of appearance."""
    text = _prose_for_questions(body)
    # str.translate walks every character in Python, so only restore what was hidden.
    restore = _STAND_IN_RE.search(text) is not None
    parts = _TERMINATOR_RE.split(text)
    # split() with one capturing group alternates text and terminator; the last text
    # has no terminator of its own.
    delimiters = [*parts[1::2], ""]
    seen_shown: set[str] = set()
    seen_keys: set[str] = set()
    found: list[str] = []
    for raw, delimiter in zip(parts[0::2], delimiters, strict=True):
        sentence = raw.strip()
        if not sentence or not _is_question(sentence, delimiter):
            continue
        shown = " ".join(f"{sentence}{delimiter.strip()}".split())
        if restore:
            shown = shown.translate(_SHOW)
        if shown in seen_shown:  # A cheap exact repeat; skips normalising it again.
            continue
        seen_shown.add(shown)
        # "Should I quit?" and "should I quit ？" are the same question.
        key = _KEY_NOISE_RE.sub("", shown.casefold())
        if key and key not in seen_keys:
            seen_keys.add(key)
            found.append(shown)
    return tuple(found)


def is_question_title(title: str) -> bool:
    """Return whether `title` reads as a question, in English or Chinese."""
    stripped = title.strip()
    if not stripped:
        return False
    # "Should I quit?!" and 'Is "staff" a level?)' still end on their question mark.
    end = stripped.rstrip(_TRAILING_NOISE + "!！.。")
    if end.endswith(("?", "？")):
        return True
    if _EN_TITLE_START_RE.match(stripped):
        return True
    return _ZH_TITLE_MARKER_RE.search(stripped) is not None


def missing_card_fields(card: Mapping[str, object]) -> tuple[str, ...]:
    """Return the names of context-card fields left empty, in the form's order."""
    rating_names = [name for name in card if isinstance(name, str) and _is_rating(name)]
    # The ask form reads a picked rating as naming its scale, so a rating without a scale
    # still counts as a scale chosen; only a card with neither lacks the scale.
    scale_chosen = not _is_empty(card.get("scale")) or any(
        not _is_empty(card.get(name)) for name in rating_names
    )
    missing = [
        name
        for name in CARD_FIELDS
        if name not in OPTIONAL_FIELDS
        and _is_empty(card.get(name))
        and not (name == "scale" and scale_chosen)
    ]
    if scale_chosen:
        missing.extend(name for name in rating_names if _is_empty(card.get(name)))
    return tuple(missing)


def _count_words(text: str) -> tuple[int, int]:
    """Return (Latin-style words, Han characters) in `text`, with Markdown links reduced."""
    if not text:
        return 0, 0
    # Code in fences and backticks stays: people read code.
    text = _BARE_URL_RE.sub(_URL_AS_WORD, _MD_LINK_RE.sub(r" \1 ", text))
    cjk = sum(map(len, _HAN_RUN_RE.findall(text)))
    return len(_LATIN_WORD_RE.findall(text)), cjk


def _reading_seconds(en: int, cjk: int) -> int:
    """Return whole seconds to read `en` words and `cjk` characters, rounded up."""
    numerator = 60 * (en * CJK_CHARS_PER_MINUTE + cjk * EN_WORDS_PER_MINUTE)
    return max(0, -(-numerator // (EN_WORDS_PER_MINUTE * CJK_CHARS_PER_MINUTE)))


def _length(en: int, cjk: int) -> str:
    """Return the body's length verdict from its word and Han-character counts."""
    if en + cjk == 0:
        return "empty"
    doubled = 2 * en + cjk  # CJK characters weigh half a word here; see SHORT_BELOW.
    if doubled < 2 * SHORT_BELOW:
        return "short"
    if doubled > 2 * LONG_ABOVE:
        return "long"
    return "good"


def _prose_for_questions(body: str) -> str:
    """Return `body` without code blocks, quotes, link targets and line markers."""
    text = _STAND_IN_RE.sub("", body)
    text = _FENCE_RE.sub("\n", text)
    # Quoted lines are someone else's words: a quoted question is not the asker's.
    text = _QUOTE_LINE_RE.sub("", text)
    text = _INLINE_CODE_RE.sub(lambda match: match.group().translate(_HIDE), text)
    text = _MD_LINK_RE.sub(r"\1", text)
    return _LINE_MARKER_RE.sub("", text)


def _is_question(sentence: str, delimiter: str) -> bool:
    """Return whether a stripped sentence, ended by `delimiter`, asks something."""
    if "?" in delimiter or "？" in delimiter:
        return True
    # English needs its question mark ("How I got promoted." is a story, not a question),
    # and an exclamation ("还早呢！") is not asking.
    if "!" in delimiter or "！" in delimiter:
        return False
    core = sentence.rstrip(_TRAILING_NOISE)
    if core and core[-1] in _ZH_PARTICLES:
        return True
    if delimiter.strip() or _ZH_BODY_MARKER_RE.search(core) is None:
        # "我不知道如何开始。" talks about a question; the writer closed it as a statement.
        return False
    # An unpunctuated line whose last clause holds an interrogative word: "工作四年了，该不该跳槽",
    # but not "我想知道如何晋升，所以在读书".
    cut = max(
        core.rfind("，"), core.rfind(","), core.rfind("、"), core.rfind("："), core.rfind(":")
    )
    return cut < 0 or _ZH_BODY_MARKER_RE.search(core, cut + 1) is not None


def _is_rating(name: str) -> bool:
    """Return whether `name` is a per-axis rating field."""
    return name.startswith(RATING_PREFIX) and len(name) > len(RATING_PREFIX)


def _is_empty(value: object) -> bool:
    """Return whether a submitted card value counts as not filled in."""
    if value is None:
        return True
    return isinstance(value, str) and not value.strip()


def _field_label(name: str, axis_names: Mapping[str, str]) -> str:
    """Return the human, translated label of a card field."""
    if _is_rating(name):
        words = name[len(RATING_PREFIX) :].replace("-", "_").split("_")
        axis = (axis_names.get(name) or " ".join(words)).strip().lower()
        return _("%(axis)s rating") % {"axis": axis or name}
    labels = {
        "level": _("current level"),
        "years": _("years of experience"),
        "scale": _("rating scale of your last review"),
        "focus": _("question focus"),
        "feedback_wanted": _("what you would love feedback on"),
    }
    return labels.get(name, name)
