"""Linking glossary terms in rendered posts; each process compiles its matcher once."""

import functools
import hashlib
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from html import escape, unescape
from html.parser import HTMLParser
from typing import Any

from rung.core.fast_urls import fast_reverse
from rung.languages.glossary.terms import (
    TERMS,
    Lang,
    Term,
    content_language,
    other_language,
)

# Linking terms in posts -------------------------------------------------------------------

# Elements whose text is never annotated: code and links must stay as written, headings are
# structure, and the rest are raw-text or form elements where a link could not work.
_SKIPPED_ELEMENTS = frozenset(
    {
        *("a", "code", "pre", "kbd", "samp", "var", "dfn", "abbr"),
        *("h1", "h2", "h3", "h4", "h5", "h6"),
        *("script", "style", "textarea", "title", "xmp", "plaintext", "noscript"),
        *("iframe", "noembed", "noframes", "object", "svg", "math", "template"),
        *("button", "select", "option", "head"),
    }
)
# Their content is not markup, and browsers and Python's parser disagree on where some of
# them end; sanitized posts never hold them, so a post that does is left as written.
_RAW_TEXT_ELEMENTS = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"}
    | {"noscript", "plaintext"}
)
# Letters, digits, "_" and "-" next to an English term mean it is part of a longer word:
# "calibrated" is not "calibration" and "self-promotion" is not "promotion". Chinese is
# written without spaces, so Chinese characters are not word characters here and "OKR" in
# "我的OKR" still matches.
_WORD = "0-9A-Za-z\u00c0-\u024f_-"
# An abbreviation such as "PIP" matches only in capitals, so "pip install" stays plain.
_ACRONYM = re.compile(r"[A-Z]{2}")


# No term starts on a word character right after another: a term that starts with one
# checks the character before it anyway. Rejecting those positions first, in two steps, spares
# the engine trying the trie's branches at every letter inside a word, which was most of the
# time linking took.
_NOT_INSIDE_A_WORD = f"(?![{_WORD}](?<=[{_WORD}][{_WORD}]))"

_SPACES = re.compile(r"\s+")

# A term linked in a text run: where it starts and ends in the run's text.
Mention = tuple[int, int, Term]
# A text run of post HTML (its start and end in the source), its text as decoded, and the
# terms linked in it.
LinkedRun = tuple[int, int, str, list[Mention]]


# The trie pattern matches "i" to dotted capital I and dotless i, which case folding does not
# turn into "i"; a mention written with them names the term written with "i".
_DOTTED_AND_DOTLESS_I = str.maketrans({"\u0130": "i", "\u0131": "i"})


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text).translate(_DOTTED_AND_DOTLESS_I).casefold()


# A trie node: children keyed by (character, whether its case matters); "" marks a term's end.
_Trie = dict[tuple[str, bool], "_Trie"]
_END = ("", False)


def _trie(variants: Iterable[str]) -> _Trie:
    root: _Trie = {}
    for variant in variants:
        acronym = bool(_ACRONYM.search(variant))
        node = root
        for index, word in enumerate(variant.split()):
            if index:
                node = node.setdefault((" ", False), {})
            for char in word:
                key = (char, True) if acronym and char.isupper() else (char.lower(), False)
                node = node.setdefault(key, {})
        node[_END] = {}
    return root


def _is_word_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "_-")


def _trie_pattern(node: _Trie, last: str = "") -> str:
    """Return a regex for the trie that prefers the longest term at each position."""
    alternatives = []
    # Case-sensitive letters first: "PIP" is tried before any lower-case spelling.
    for (char, exact), child in sorted(node.items(), key=lambda item: (not item[0][1], item[0])):
        if (char, exact) == _END:
            continue
        piece = r"\s+" if char == " " else re.escape(char)
        if exact:
            piece = f"(?-i:{piece})"
        if not last and _is_word_char(char):
            # Checked after the first character so that each branch starts with a literal,
            # which the regex engine rejects quickly at most positions.
            piece += f"(?<![{_WORD}].)"
        alternatives.append(piece + _trie_pattern(child, char))
    if _END in node:
        # Ending a term is the last alternative, so a longer term that also fits wins.
        alternatives.append(f"(?![{_WORD}])" if _is_word_char(last) else "")
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


def _starts_a_term(root: _Trie) -> str:
    """Return a check that the next character can start a term.

    One character class turns away spaces, punctuation and letters no term starts with,
    where the trie's first branches would each be tried in turn.
    """
    return "(?=[" + "".join(sorted(re.escape(char) for char, _exact in root)) + "])"


# Where a term could start: the trie pattern costs the regex engine several steps at every
# character, while most characters cannot start a term. A term that starts with an ASCII
# letter, digit, "_" or "-" needs a character before it that is none of those (the start of
# the text counts, as a space put in front), and then the first characters of its first
# word; any other term needs its own first characters. Both patterns run over the
# lower-cased text and begin with a plain character set, which the engine scans for without
# trying a match at each position; the trie pattern then decides at each place they find.
_PREFIX_CHARS = 6
# Lower-casing that keeps the text's length keeps every offset, and then a character that
# matches a term's character whatever its case lower-cases to that character's lower case,
# except these two: dotless i and long s. Text with them is searched with the trie pattern.
_CASE_EXCEPTIONS = re.compile("[\u0131\u017f]")


def _literal_trie(node: dict[str, Any]) -> str:
    """Return a regex for the words in a trie of characters; "" marks a word's end.

    A word that ends where a longer one goes on matches for both: this only asks whether one
    of the words is there.
    """
    if "" in node:
        return ""
    if not node:
        return "(?!)"
    alternatives = [re.escape(char) + _literal_trie(child) for char, child in sorted(node.items())]
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


def _start_patterns(terms: dict[str, Term]) -> tuple[re.Pattern[str], re.Pattern[str], bool]:
    """Return patterns matching where a term could start, in lower-cased text.

    The first is run over the text with a space in front and matches the character before
    a term that starts with a word character; the second matches the first character of any
    other term. The flag says whether any of those other terms starts with an ASCII
    character, without which plain ASCII text needs only the first pattern.
    """
    word_terms: dict[str, Any] = {}
    other_terms: dict[str, Any] = {}
    for variant in {variant for term in terms.values() for variant in term.variants()}:
        prefix = ""
        for char in variant.split()[0][:_PREFIX_CHARS]:
            if len(char.lower()) != 1:
                break
            prefix += char.lower()
        node = word_terms if _is_word_char(variant[0]) else other_terms
        for char in prefix:
            node = node.setdefault(char, {})
        node[""] = {}
    if "" in other_terms:
        raise ValueError("a glossary term starts with a character that lower-cases to two")
    others = [
        re.escape(char) + ("" if "" in rest else f"(?={_literal_trie(rest)})")
        for char, rest in sorted(other_terms.items())
    ]
    return (
        re.compile(f"[^0-9a-z_-](?={_literal_trie(word_terms)})"),
        re.compile("|".join(others) or "(?!)"),
        any(char.isascii() for char in other_terms),
    )


class GlossaryMatcher:
    """Find glossary terms in text and link the first mention of each in post HTML."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self._terms: dict[str, Term] = {}
        for term in terms:
            for variant in term.variants():
                key = _normal(variant)
                if self._terms.setdefault(key, term) is not term:
                    raise ValueError(f"{variant!r} names two glossary terms")
        # One alternation shaped as a trie: each position costs a few character tests
        # however many terms there are, and the longest term there wins, so
        # "performance improvement plan" beats "performance".
        variants = (variant for term in self._terms.values() for variant in term.variants())
        trie = _trie(set(variants))
        self._pattern = re.compile(
            _NOT_INSIDE_A_WORD + _starts_a_term(trie) + _trie_pattern(trie), re.IGNORECASE
        )
        self._word_starts, self._other_starts, self._other_starts_ascii = _start_patterns(
            self._terms
        )

    def find(self, text: str) -> list[tuple[int, int, Term]]:
        """Return (start, end, term) for every mention in plain text, leftmost-longest."""
        return [(start, end, self._term(text[start:end])) for start, end in self._spans(text)]

    def _find_with_pattern(self, text: str) -> list[tuple[int, int, Term]]:
        """Return what `find` does, running the trie pattern over every position."""
        return [
            (match.start(), match.end(), self._term(match.group()))
            for match in self._pattern.finditer(text)
        ]

    def _term(self, mention: str) -> Term:
        # Most mentions are written just as the glossary key is, which spares normalizing.
        return self._terms.get(mention) or self._terms[_normal(mention)]

    def _spans(self, text: str) -> Iterator[tuple[int, int]]:
        """Yield (start, end) of each match of the trie pattern in the text, in order.

        The pattern is tried only where a term could start (see `_start_patterns`), and
        where it matches the next try is after the match, as `finditer` does.
        """
        lowered = text.lower()
        if len(lowered) != len(text) or (not text.isascii() and _CASE_EXCEPTIONS.search(text)):
            yield from (match.span() for match in self._pattern.finditer(text))
            return
        # Read lazily, so a caller that needs only the first match stops scanning there.
        starts: Iterable[int] = map(re.Match.start, self._word_starts.finditer(" " + lowered))
        # Most text is plain ASCII, where terms in other scripts cannot start.
        if (not lowered.isascii() or self._other_starts_ascii) and (
            other := list(map(re.Match.start, self._other_starts.finditer(lowered)))
        ):
            starts = sorted([*starts, *other])
        done = 0
        match = self._pattern.match
        for start in starts:
            if start >= done and (found := match(text, start)):
                done = found.end()
                yield start, done

    def link(self, html: str, *, language: str | None, glossary_url: str) -> str:
        """Return post HTML with the first mention of each term linked to its definition."""
        runs = self.linked_runs(html)
        if not runs:
            return html
        lang = content_language(language)
        pieces: list[str] = []
        done = 0
        for start, end, text, mentions in runs:
            pieces += [html[done:start], _linked_text(text, mentions, lang, glossary_url)]
            done = end
        pieces.append(html[done:])
        return "".join(pieces)

    def linked_runs(self, html: str) -> list[LinkedRun]:
        """Return the text runs of post HTML in which `link` links terms, in order.

        Which mentions are linked does not depend on the language; only the links' tips do.
        """
        # A post that mentions no term at all skips the parser entirely.
        if next(self._spans(html), None) is None:
            return []
        runs = _text_runs(html)
        if runs is None:
            return []
        linked: set[str] = set()
        found: list[LinkedRun] = []
        for start, end, text in runs:
            mentions = []
            for term_start, term_end, term in self.find(text):
                if term.slug not in linked:
                    linked.add(term.slug)
                    mentions.append((term_start, term_end, term))
            if mentions:
                found.append((start, end, text, mentions))
        return found


def _linked_text(text: str, mentions: Iterable[Mention], lang: Lang, glossary_url: str) -> str:
    """Return a run's text escaped, with each mention linked."""
    pieces: list[str] = []
    done = 0
    for start, end, term in mentions:
        pieces += [
            escape(text[done:start], quote=False),
            _term_link(term, text[start:end], lang, glossary_url),
        ]
        done = end
    pieces.append(escape(text[done:], quote=False))
    return "".join(pieces)


# The same few terms link in post after post; their escaped tips are built once.
@functools.lru_cache(maxsize=4096)
def _term_link(term: Term, shown: str, lang: Lang, glossary_url: str) -> str:
    other = term.name(other_language(lang))
    if lang == "zh":
        tip = f"{term.zh}（{other}）：{term.zh_definition}"
    else:
        tip = f"{term.en} ({other}): {term.en_definition}"
    return (
        f'<a class="glossary-term" href="{escape(glossary_url)}#{escape(term.slug)}" '
        f'title="{escape(tip)}" data-term="{escape(term.slug)}">{escape(shown, quote=False)}</a>'
    )


class _TextRuns(HTMLParser):
    """Record where each token starts in the source, and which text may be annotated."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self._line_starts = [0]
        self._line_starts += [m.end() for m in re.finditer("\n", source)]
        self.starts: list[int] = []  # where every reported token starts
        self.data: list[tuple[int, str | None]] = []  # (token index, text if annotatable)
        self.raw_text_element = False
        self._skipping: dict[str, int] = {}

    def _token(self) -> int:
        line, column = self.getpos()
        self.starts.append(self._line_starts[line - 1] + column)
        return len(self.starts) - 1

    def handle_starttag(self, tag: str, attrs: Sequence[tuple[str, str | None]]) -> None:
        self._token()
        if tag in _RAW_TEXT_ELEMENTS:
            self.raw_text_element = True
        if tag in _SKIPPED_ELEMENTS:
            self._skipping[tag] = self._skipping.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: Sequence[tuple[str, str | None]]) -> None:
        # Browsers ignore the slash on non-void elements: <a/> opens a link.
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self._token()
        if self._skipping.get(tag):
            self._skipping[tag] -= 1
            if not self._skipping[tag]:
                del self._skipping[tag]

    def handle_data(self, data: str) -> None:
        self.data.append((self._token(), None if self._skipping else data))

    def handle_comment(self, data: str) -> None:
        self._token()

    def handle_decl(self, decl: str) -> None:
        self._token()

    def handle_pi(self, data: str) -> None:
        self._token()

    def unknown_decl(self, data: str) -> None:
        self._token()


# The HTML Rung's sanitizer writes (rung.core.markdown.sanitize_html) is regular: lower-case
# tags whose attribute values are all in double quotes, text with every "<" written &lt;, and
# no comments, declarations or raw-text elements. One pass of this pattern reads such HTML
# as the standard library's parser would; any other "<" stops it, and the parser decides.
# Possessive repeats keep the pattern linear in the length of the HTML.
_TAG_SPACE = "[ \t\n\r\f]"
_PLAIN_TOKEN = re.compile(
    r"([^<]++)"  # text
    r"|<([a-zA-Z][a-zA-Z0-9]*+)"  # a start tag's name
    rf"(?:{_TAG_SPACE}++[a-zA-Z_:][-a-zA-Z0-9_:.]*+(?:=\"[^\"]*+\")?+)*+{_TAG_SPACE}*+/?>"
    r"|</([a-zA-Z][a-zA-Z0-9]*+)>"  # an end tag
)


def _plain_text_runs(html: str) -> list[tuple[int, int, str]] | None:
    """Return what `_parsed_text_runs` does for HTML as the sanitizer writes it, else None."""
    runs = []
    skipping: dict[str, int] = {}
    position = 0
    for token in _PLAIN_TOKEN.finditer(html):
        if token.start() != position:
            return None  # a "<" that opens no plain tag
        position = token.end()
        text, start_tag, end_tag = token.groups()
        if text is not None:
            if not skipping:
                runs.append((token.start(), position, unescape(text) if "&" in text else text))
        elif start_tag is not None:
            tag = start_tag.lower()
            if tag in _RAW_TEXT_ELEMENTS:
                return None
            if tag in _SKIPPED_ELEMENTS:
                skipping[tag] = skipping.get(tag, 0) + 1
        else:
            tag = end_tag.lower()
            if skipping.get(tag):
                skipping[tag] -= 1
                if not skipping[tag]:
                    del skipping[tag]
    return runs if position == len(html) else None


def _text_runs(html: str) -> list[tuple[int, int, str]] | None:
    """Return (start, end, decoded text) of each annotatable text run in the HTML source.

    Return None when the source is not plain enough to be sure where a browser sees text.
    """
    runs = _plain_text_runs(html)
    return _parsed_text_runs(html) if runs is None else runs


def _parsed_text_runs(html: str) -> list[tuple[int, int, str]] | None:
    """Return (start, end, decoded text) of each annotatable text run in the HTML source.

    Return None when the source is not plain enough to be sure where a browser sees text.
    """
    parser = _TextRuns(html)
    try:
        parser.feed(html)
        parser.close()
    except AssertionError:
        # The standard library's parser gives up on some malformed declarations ("<![>")
        # this way; a post like that is left as written rather than failing the page.
        return None
    starts = parser.starts
    if parser.raw_text_element or any(b < a for a, b in itertools.pairwise(starts)):
        return None
    runs = []
    for index, text in parser.data:
        start = starts[index]
        end = starts[index + 1] if index + 1 < len(starts) else len(html)
        if "<" in html[start:end]:
            # A bare "<" that the parser took for text may open a tag for a browser (the
            # standard library's parser is more lenient), so what follows could be inside a
            # tag. Sanitized HTML always writes it as &lt;, so only hostile markup gets here.
            return None
        if text is not None:
            runs.append((start, end, text))
    return runs


_MATCHER = GlossaryMatcher(TERMS)


def link_glossary_terms(html: str, *, language: str | None) -> str:
    """Return sanitized post HTML with the first mention of each glossary term linked."""
    return _MATCHER.link(html, language=language, glossary_url=fast_reverse("languages:glossary"))


# Linking at write time -------------------------------------------------------------------
#
# A post's links are worked out when it is written and stored beside its HTML (qa's
# `Post.body_links`), so a page shows them without running the matcher: on a question page
# rendered afresh, linking twenty-odd posts cost more than anything else per post. What is
# stored holds for one glossary, one glossary address and one body: the record names all
# three, and a post whose record does not match is linked as it is read, as before.

# Bumped when the rules of linking or the record's form change, so that records written
# before are not applied; `manage.py glossary_links` writes them afresh.
_LINKS_FORMAT = "2"
_TERM_BY_SLUG = {term.slug: term for term in TERMS}


@functools.lru_cache(maxsize=8)
def _links_key(glossary_url: str) -> str:
    """Name the glossary and address stored links were worked out for."""
    terms = repr(sorted((term.slug, repr(term)) for term in TERMS))
    digest = hashlib.sha256(f"{_LINKS_FORMAT}\n{glossary_url}\n{terms}".encode())
    return digest.hexdigest()[:16]


def _body_digest(html: str) -> str:
    return hashlib.blake2b(html.encode(), digest_size=12).hexdigest()


def _run_text(source: str) -> str:
    """Decode a text run of sanitized HTML, as `_plain_text_runs` does."""
    return unescape(source) if "&" in source else source


def glossary_links_key() -> str:
    """Return the key a stored record must carry to be applied here."""
    return _links_key(fast_reverse("languages:glossary"))


def glossary_links(html: str) -> dict[str, Any]:
    """Return the record of what linking changes in post HTML, to store beside it.

    It holds where the linked terms are, not the links: each run of text with terms as
    [start, end, [[term start, term end, term slug], ...]], the same in both languages, so
    a post costs some bytes per term linked, not another copy of its HTML per language. A run
    that `_run_text` would decode differently from the parser (only hostile markup has
    one) makes `runs` None, and such a post is linked as it is read.
    """
    found = _MATCHER.linked_runs(html)
    runs: list[list[Any]] | None = [
        [start, end, [[s, e, term.slug] for s, e, term in mentions]]
        for start, end, _text, mentions in found
    ]
    if any(_run_text(html[start:end]) != text for start, end, text, _mentions in found):
        runs = None
    return {"key": glossary_links_key(), "body": _body_digest(html), "runs": runs}


def link_glossary_terms_stored(html: str, stored: Any, *, language: str | None) -> str:
    """Return what `link_glossary_terms` does, from the record stored with the post if it
    was made for this glossary and this very HTML."""
    glossary_url = fast_reverse("languages:glossary")
    if not (
        isinstance(stored, dict)
        and stored.get("key") == _links_key(glossary_url)
        and stored.get("body") == _body_digest(html)
        and stored.get("runs") is not None
    ):
        return _MATCHER.link(html, language=language, glossary_url=glossary_url)
    lang = content_language(language)
    pieces: list[str] = []
    done = 0
    for start, end, mentions in stored["runs"]:
        text = _run_text(html[start:end])
        linked = [(s, e, _TERM_BY_SLUG[slug]) for s, e, slug in mentions]
        pieces += [html[done:start], _linked_text(text, linked, lang, glossary_url)]
        done = end
    pieces.append(html[done:])
    return "".join(pieces)
