"""Find @name mentions in parsed Markdown, and turn the ones that name someone into links.

A mention is "@" followed by a username as the accounts app allows them (Django's rule:
letters and digits of any script, "_", ".", "+" and "-"; a name with "@" in it cannot be
mentioned), in the prose of a post. Never inside code spans, fenced or indented code,
links, or raw <a>, <code>, <pre>, <kbd> and <samp> elements; never in an e-mail address
("a@b.com": an "@" right after a name character is not one), nor in "@bob@host". Dots,
"+" and "-" that end the name are read as punctuation ("Thanks, @bob."). Han, kana and
Hangul before the "@" do not stop it, since those scripts separate no words with spaces;
after it they are part of the name, so "@张三" needs a space or punctuation after it.

This module knows no members: `render_markdown(text, mentions=...)` asks a resolver (the
accounts app's) which names are members and what their links are, and `mention_names`
lists the names a text mentions. Both walk the tokens the same way, so the members told
of a mention are the ones whose names became links. Every pass is linear in the text.
"""

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from rung.core.languages import HAN

# Django's username field is at most this long.
NAME_MAX_LENGTH = 150
# Distinct names looked up per text: a post of thousands of "@x" costs one bounded query.
NAMES_MAX = 50

# Given the names found, return a link for each one that names a member (by name as typed).
MentionResolver = Callable[[Sequence[str]], Mapping[str, str]]

# One match per "@" and the name characters after it, which hold no "@": runs never
# overlap, so a text is read once whatever it holds.
_AT = re.compile(r"@([\w.+-]*)")
_NAME_CHAR = re.compile(r"[\w.+@-]")
_SPACELESS_SCRIPT = re.compile(f"[{HAN}\u3040-\u30ff\uac00-\ud7af]")
_TRAILING_PUNCTUATION = ".+-"
# Raw HTML elements whose text stays as written, as in code spans and Markdown links.
_OPAQUE_ELEMENTS = frozenset({"a", "code", "pre", "kbd", "samp"})
_RAW_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")


def _may_precede(char: str) -> bool:
    """Say whether an "@" after this character (or after nothing) can start a mention."""
    return not char or not _NAME_CHAR.match(char) or bool(_SPACELESS_SCRIPT.match(char))


def find_mentions(text: str, before: str = "") -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, name) for each mention in plain text; `before` precedes the text."""
    for match in _AT.finditer(text):
        start, end = match.span()
        if not _may_precede(text[start - 1] if start else before):
            continue
        if text[end : end + 1] == "@":
            continue  # "@bob@host.example" is an address, not a mention
        name = match[1].rstrip(_TRAILING_PUNCTUATION)
        if name and len(name) <= NAME_MAX_LENGTH:
            yield start, start + 1 + len(name), name


@dataclass
class _Place:
    """A text token of an inline token that holds mentions."""

    inline: Token
    index: int
    mentions: list[tuple[int, int, str]]


def _track_raw_tags(html: str, open_count: dict[str, int]) -> None:
    """Count the opaque raw elements that a piece of raw HTML opens or closes."""
    for closing, name in _RAW_TAG.findall(html):
        name = name.lower()
        if name not in _OPAQUE_ELEMENTS:
            continue
        if not closing:
            open_count[name] = open_count.get(name, 0) + 1
        elif open_count.get(name):
            open_count[name] -= 1


def _places(tokens: Sequence[Token]) -> list[_Place]:
    """Return every text token that holds mentions, in document order."""
    places: list[_Place] = []
    # Raw elements are counted across the document: the HTML parser carries an unclosed
    # <a> or <code> on into later paragraphs, so a mention there would sit inside it.
    raw_open: dict[str, int] = {}
    for token in tokens:
        if token.type == "html_block":
            _track_raw_tags(token.content, raw_open)
            continue
        if token.type != "inline" or not token.children:
            continue
        links = 0
        before = ""
        for index, child in enumerate(token.children):
            if child.type == "link_open":
                links += 1
            elif child.type == "link_close":
                links = max(0, links - 1)
            elif child.type == "html_inline":
                _track_raw_tags(child.content, raw_open)
            elif child.type == "text" and not links and not any(raw_open.values()):
                found = list(find_mentions(child.content, before))
                if found:
                    places.append(_Place(token, index, found))
            # Other tokens (breaks, emphasis, code) end a word, so they start afresh.
            before = child.content[-1:] if child.type == "text" else ""
    return places


def _distinct_names(places: Sequence[_Place]) -> list[str]:
    """Return the names mentioned, each once as first typed, at most NAMES_MAX of them."""
    names: dict[str, None] = {}
    for place in places:
        for _start, _end, name in place.mentions:
            if len(names) >= NAMES_MAX:
                return list(names)
            names.setdefault(name)
    return list(names)


def mention_names_in_tokens(tokens: Sequence[Token]) -> list[str]:
    """Return the distinct names mentioned in parsed Markdown, in order of first mention."""
    return _distinct_names(_places(tokens))


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _linked(text: Token, place: _Place, links: Mapping[str, str], css_class: str) -> list[Token]:
    """Return the tokens that replace a text token: its mentions of members as links."""
    content = text.content
    out: list[Token] = []
    done = 0
    for start, end, name in place.mentions:
        href = links.get(name)
        if href is None:
            continue
        if start > done:
            out.append(_text(content[done:start]))
        link_open = Token("link_open", "a", 1)
        link_open.attrs = {"class": css_class, "href": href}
        out += [link_open, _text(content[start:end]), Token("link_close", "a", -1)]
        done = end
    if not out:
        return [text]
    if done < len(content):
        out.append(_text(content[done:]))
    return out


def link_mentions(tokens: Sequence[Token], resolve: MentionResolver, css_class: str) -> None:
    """Turn each mention of a name `resolve` knows into a link with `css_class`, in place."""
    places = _places(tokens)
    names = _distinct_names(places)
    if not names:
        return
    links = resolve(names)
    if not links:
        return
    by_inline: dict[int, list[_Place]] = {}
    for place in places:
        by_inline.setdefault(id(place.inline), []).append(place)
    for group in by_inline.values():
        inline = group[0].inline
        children = inline.children or []
        at = {place.index: place for place in group}
        new: list[Token] = []
        for index, child in enumerate(children):
            found = at.get(index)
            new += [child] if found is None else _linked(child, found, links, css_class)
        inline.children = new
