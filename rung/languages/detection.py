"""Tell which of the site's languages a post is written in.

Posts are labelled "en" or "zh-hans" (the codes in settings.LANGUAGES), or "" when there is
too little text to tell. lingua-language-detector does the statistics; it is limited to
English and Chinese, so its models take a few megabytes, and it is built once per process.
"""

import re
import threading
from bisect import bisect_right
from collections import defaultdict

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from rung.core.languages import CHINESE, ENGLISH, HAN, SITE_LANGUAGES

__all__ = ["CHINESE", "ENGLISH", "SITE_LANGUAGES", "detect_language"]

# Enough for any decision and it bounds the work done inside a writing transaction.
MAX_DETECT_CHARS = 10_000
# Below this much text a guess is noise: "ok", "+1", "好", an emoji.
MIN_LATIN_LETTERS = 3
MIN_HAN_CHARS = 2

_HAN_RE = re.compile(f"[{HAN}]")
_LATIN_WORD_RE = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z]+)?")

# Code is English-looking noise whatever language the prose around it is in.
_FENCED_CODE_RE = re.compile(r"^ {0,3}(```|~~~).*?(?:^ {0,3}\1[^\n]*$|\Z)", re.M | re.S)
_INDENTED_CODE_RE = re.compile(r"(?:^(?: {4}|\t)[^\n]*\n?)+", re.M)
_BACKTICKS_RE = re.compile(r"`+")
# An email autolink cannot hold "<" or a second "@" before its own: left to run over them,
# a failed match at each "<" would scan on to the end of the text.
_URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>()\[\]]+|<[^<>\s@]+@[^<>\s]+>", re.I)
_HTML_TAG_RE = re.compile(r"</?[A-Za-z][^>]{0,200}>")

# Words that glue English sentences together. Chinese posts borrow English nouns
# ("Kubernetes", "design doc", "scope") but rarely these.
_FUNCTION_WORDS_TEXT = """
a about after am an and any are as at be because been but by can could did do does
doesn't don't for from had has have how i i'm if in into is isn't it it's its just me
more my not of on or our should so than that the their them then there they this to
too was we were what when where which who why will with would you your
"""
_ENGLISH_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
# A mixed text is Chinese when under this share of its English words are function words:
# the English in it is a list of borrowed terms, not sentences.
MAX_FUNCTION_WORD_SHARE_FOR_TERMS = 0.15

_detector: LanguageDetector | None = None
_detector_lock = threading.Lock()


def detector() -> LanguageDetector:
    """Return this process's English/Chinese detector, building it on first use."""
    global _detector
    if _detector is None:
        with _detector_lock:
            # Another thread may have built it while this one waited for the lock.
            if _detector is None:
                _detector = LanguageDetectorBuilder.from_languages(
                    Language.ENGLISH, Language.CHINESE
                ).build()
    return _detector


def prose(text: str) -> str:
    """Return Markdown text without code blocks, inline code, URLs and HTML tags."""
    text = _FENCED_CODE_RE.sub(" ", text)
    text = _INDENTED_CODE_RE.sub(" ", text)
    text = _without_code_spans(text)
    text = _URL_RE.sub(" ", text)
    return _HTML_TAG_RE.sub(" ", text)


def _without_code_spans(text: str) -> str:
    """Return text with each inline code span, `a` or ``a`b``, replaced by a space.

    A span runs from a backtick string to the next one of the same length. Each opener looks
    its closer up by length instead of scanning ahead for it, as a regular expression would
    from every unmatched opener, so the cost stays n log n on a page of lone backticks.
    """
    runs = [(match.start(), match.end()) for match in _BACKTICKS_RE.finditer(text)]
    if len(runs) < 2:
        return text
    by_length: dict[int, list[int]] = defaultdict(list)
    for number, (start, end) in enumerate(runs):
        by_length[end - start].append(number)
    pieces: list[str] = []
    done = number = 0
    while number < len(runs):
        start, end = runs[number]
        same = by_length[end - start]
        later = bisect_right(same, number)
        if later == len(same):
            number += 1
            continue
        closer = same[later]
        pieces += [text[done:start], " "]
        done = runs[closer][1]
        number = closer + 1
    pieces.append(text[done:])
    return "".join(pieces)


def detect_language(text: str) -> str:
    """Return "en", "zh-hans", or "" when the text has too few letters to tell.

    Code, URLs and HTML tags are set aside first, then lingua decides. With only these two
    languages it weighs each Han character against each English word, so it calls a short
    Chinese question full of English terms ("我们 team 用 Kubernetes, Terraform 做
    deployment") English. Such text is labelled Chinese all the same when it has at least
    two Han characters and under 15% of its English words are function words ("the",
    "to", "my"...): its English is borrowed terms. English sentences that quote a Chinese
    word ("How do I handle 内卷 at work?") keep their function words and stay English.
    """
    sample = prose(text[: MAX_DETECT_CHARS * 2])[:MAX_DETECT_CHARS]
    han = len(_HAN_RE.findall(sample))
    words = _LATIN_WORD_RE.findall(sample)
    if han < MIN_HAN_CHARS and sum(len(word) for word in words) < MIN_LATIN_LETTERS:
        return ""
    found = detector().detect_language_of(sample)
    if found == Language.CHINESE or (found is None and han):
        return CHINESE
    function_words = sum(1 for word in words if _folded(word) in _ENGLISH_FUNCTION_WORDS)
    if han >= MIN_HAN_CHARS and function_words < MAX_FUNCTION_WORD_SHARE_FOR_TERMS * len(words):
        return CHINESE
    return ENGLISH


def _folded(word: str) -> str:
    return word.casefold().replace("’", "'")
