"""Render user-written Markdown to safe HTML and to plain text."""

import re
import secrets
from collections import Counter
from collections.abc import Iterable
from contextvars import ContextVar
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.utils.html import format_html
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from rung.core.mentions import MentionResolver, link_mentions, mention_names_in_tokens
from rung.core.text_width import truncate_to_width

__all__ = ["excerpt", "markdown_to_text", "mention_names", "render_markdown", "sanitize_html"]

# Raw HTML is let through the parser on purpose: nh3 is the single place that decides what
# survives, so users can still write harmless inline tags such as <em> or <br>.
_md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])

# The HTML parser inside nh3 (html5ever) follows the HTML standard, under which an unclosed
# <b>, <em> or <code> is opened again in every later paragraph, list item and cell, and some
# tags walk the whole stack of open elements. So n raw tags can cost n² to sanitize: 30,000
# characters of "<b c=1><b c=2>…<p>x<p>x…" took 8 s, and with <em> produced 49 MB of HTML.
# Past these bounds a text's raw HTML is shown escaped, as typed, which costs nothing.
MAX_RAW_HTML_TAGS = 1_000
MAX_FORMATTING_REOPENS = 20_000
# The elements the standard reopens (its "formatting" elements).
_FORMATTING = frozenset(
    {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong"}
    | {"tt", "u"}
)
_RAW_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_RAW_HTML = frozenset({"html_block", "html_inline"})


def _tokens_in_order(tokens: list[Token]) -> Iterable[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from token.children


def _raw_html_is_costly(tokens: list[Token]) -> bool:
    """Return whether sanitizing the raw HTML among these tokens could cost more than linear.

    Every token and every raw tag is at most a place or two where the parser reopens the
    formatting elements still unclosed there, so their sum bounds that work from above.
    """
    unclosed: Counter[str] = Counter()
    still_open = tags = reopens = 0
    for token in _tokens_in_order(tokens):
        if token.type not in _RAW_HTML:
            reopens += still_open
            continue
        for closing, name in _RAW_TAG.findall(token.content):
            tags += 1
            reopens += still_open
            name = name.lower()
            if name not in _FORMATTING:
                continue
            if not closing:
                unclosed[name] += 1
                still_open += 1
            elif unclosed[name]:
                unclosed[name] -= 1
                still_open -= 1
        if tags > MAX_RAW_HTML_TAGS or reopens > MAX_FORMATTING_REOPENS:
            return True
    return reopens > MAX_FORMATTING_REOPENS


def _escape_costly_raw_html(state: StateCore) -> None:
    if _raw_html_is_costly(state.tokens):
        for token in _tokens_in_order(state.tokens):
            if token.type in _RAW_HTML:
                # The renderer escapes text, so the tags reach the reader as typed.
                token.type = "text"


_md.core.ruler.push("escape_costly_raw_html", _escape_costly_raw_html)

# Mentions (rung/core/mentions.py) become links only when the caller passes a resolver.
# Each rendering marks its own links with a class no one can know in advance, and the
# sanitizer keeps a class on <a> only when it is that mark (turned into "mention"), so a
# raw <a class="mention"> in a post loses its class and cannot pass for a mention.
MENTION_CLASS = "mention"
_MENTIONS_ENV = "rung_mentions"
_MENTION_MARK_ENV = "rung_mention_mark"
_mention_mark: ContextVar[str | None] = ContextVar("rung_mention_mark", default=None)


def _link_mentions(state: StateCore) -> None:
    resolve = state.env.get(_MENTIONS_ENV) if isinstance(state.env, dict) else None
    if resolve is not None:
        link_mentions(state.tokens, resolve, state.env[_MENTION_MARK_ENV])


_md.core.ruler.push("link_mentions", _link_mentions)

# Private notes (the growth workspace) take Markdown but show any HTML in them as typed:
# a note that mentions "<div>" keeps it, where a post would hand the tag to nh3.
_md_tags_as_text = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
_md_tags_as_text.core.ruler.push("link_mentions", _link_mentions)

_ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "ul",
    "ol",
    "li",
    "pre",
    "code",
    "em",
    "strong",
    "del",
    "s",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}

_ALLOWED_ATTRIBUTES = {
    # Without an explicit "*" entry nh3 keeps its default global attributes (lang, title).
    "*": set(),
    "a": {"href", "title", "class"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "code": {"class"},
}

_LANGUAGE_CLASS = re.compile(r"language-[A-Za-z0-9_+#.-]{1,64}")
# Browsers ignore ASCII whitespace and control characters inside a URL's scheme.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    """Drop attribute values that could smuggle script, or a class we did not put there.

    A code block keeps its language class; a link keeps a class only when it is this
    rendering's mention mark, which becomes "mention".
    """
    if element == "code" and attribute == "class":
        return value if _LANGUAGE_CLASS.fullmatch(value) else None
    if element == "a" and attribute == "class":
        mark = _mention_mark.get()
        return MENTION_CLASS if mark is not None and value == mark else None
    # nh3 already refuses these schemes at the start of href/src; refusing them anywhere in any
    # value also covers relative URLs such as "x=javascript:..." that a later consumer (a
    # link rewriter, a feed reader, another sanitizer) might mistake for a scheme.
    squashed = _URL_NOISE.sub("", value).lower()
    if any(scheme in squashed for scheme in _SCRIPT_SCHEMES):
        return None
    return value


_LINK_REL = "nofollow ugc noopener noreferrer"
_cleaner = nh3.Cleaner(
    tags=_ALLOWED_TAGS,
    # Dropping only the tags would leave script and style bodies behind as visible text.
    clean_content_tags={"script", "style"},
    attributes=_ALLOWED_ATTRIBUTES,
    attribute_filter=_filter_attribute,
    url_schemes={"http", "https", "mailto"},
    link_rel=_LINK_REL,
    strip_comments=True,
)

_WHITESPACE = re.compile(r"\s+")


# Off-site images ---------------------------------------------------------------------------
# An image from another host would be fetched by every reader's browser, telling that host
# who read the post and when. Such images become links the reader may choose to follow;
# images on this site stay images (and the content security policy's img-src backs this up).

EXTERNAL_IMAGE_CLASS = "external-image"
# Browsers drop these from URLs before parsing; a backslash counts as a slash in web URLs,
# so "/\\host/x.png" and "\\\\host" are as off-site as "//host/x.png".
_URL_DROPPED = str.maketrans({"\t": None, "\n": None, "\r": None, "\\": "/"})
_URL_EDGES = "".join(map(chr, range(0x21)))
_URL_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def _site_hosts() -> set[str]:
    """Return the host names this site answers to, without wildcard patterns."""
    return {
        host.lower()
        for host in settings.ALLOWED_HOSTS
        if host and host != "*" and not host.startswith(".")
    }


def _image_on_site(src: str) -> tuple[str | None, str]:
    """Return (the address to load an image from if it is on this site, its host name)."""
    url = src.strip(_URL_EDGES).translate(_URL_DROPPED)
    if url.startswith("//"):
        url = "https:" + url
    elif not _URL_SCHEME.match(url):
        return src, ""  # a path on this site
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return None, ""
    if parts.scheme.lower() in {"http", "https"} and host and host in _site_hosts():
        # Loaded from whichever address the reader used, which the policy allows.
        return (parts.path or "/") + (f"?{parts.query}" if parts.query else ""), host
    return None, host


class _ImageRewriter(HTMLParser):
    """Find <img> tags in sanitized HTML and what each should become."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.line_offsets = [0]
        self.line_offsets.extend(match.end() for match in re.finditer("\n", html))
        self.replacements: list[tuple[int, int, str]] = []
        self.links_open = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links_open += 1
        elif tag == "img":
            values = dict(attrs)
            src = values.get("src")
            if src is None or _image_on_site(src)[0] == src:
                return  # stays exactly as the sanitizer wrote it
            line, column = self.getpos()
            start = self.line_offsets[line - 1] + column
            end = start + len(self.get_starttag_text() or "")
            self.replacements.append((start, end, self._image(values)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.links_open:
            self.links_open -= 1

    def _image(self, attrs: dict[str, str | None]) -> str:
        src, alt = attrs.get("src") or "", attrs.get("alt") or ""
        on_site, host = _image_on_site(src)
        if on_site is not None:
            title = attrs.get("title")
            if title is None:
                return format_html('<img src="{}" alt="{}">', on_site, alt)
            return format_html('<img src="{}" alt="{}" title="{}">', on_site, alt, title)
        label = " · ".join(part for part in (alt, host) if part) or src
        if self.links_open or not host:
            # A link cannot hold another link, and an address without a host is no place.
            return format_html('<span class="{}">{}</span>', EXTERNAL_IMAGE_CLASS, label)
        return format_html(
            '<a class="{}" href="{}" rel="{}">{}</a>', EXTERNAL_IMAGE_CLASS, src, _LINK_REL, label
        )


def _images_from_elsewhere_as_links(html: str) -> str:
    """Replace each <img> that would load from another host by a link to it."""
    if "<img" not in html:
        return html
    rewriter = _ImageRewriter(html)
    rewriter.feed(html)
    rewriter.close()
    out, position = [], 0
    for start, end, replacement in rewriter.replacements:
        out += [html[position:start], replacement]
        position = end
    out.append(html[position:])
    return "".join(out)


def sanitize_html(html: str) -> str:
    """Strip everything outside the allow-list from an HTML fragment; unhost foreign images."""
    return _images_from_elsewhere_as_links(_cleaner.clean(html))


def render_markdown(
    text: str, *, raw_html: bool = True, mentions: MentionResolver | None = None
) -> str:
    """Render CommonMark text to sanitized HTML; with `raw_html=False` tags show as typed.

    With `mentions`, each @name it resolves becomes a link of class "mention" to the
    address it gives (rung/core/mentions.py); other names stay text.
    """
    parser = _md if raw_html else _md_tags_as_text
    if mentions is None:
        return sanitize_html(parser.render(text))
    mark = f"rung-mention-{secrets.token_hex(16)}"
    html = parser.render(text, {_MENTIONS_ENV: mentions, _MENTION_MARK_ENV: mark})
    token = _mention_mark.set(mark)
    try:
        return sanitize_html(html)
    finally:
        _mention_mark.reset(token)


def mention_names(text: str) -> list[str]:
    """Return the distinct @names a Markdown text mentions, as typed, in order of first mention.

    At most `rung.core.mentions.NAMES_MAX`; the same names `render_markdown` would link.
    """
    return mention_names_in_tokens(_md.parse(text))


def _inline_text(children: Iterable[Token]) -> Iterable[str]:
    for child in children:
        if child.type in ("text", "code_inline"):
            yield child.content
        elif child.type in ("softbreak", "hardbreak"):
            yield " "
        elif child.type == "image" and child.children:
            # An image's alt text is the only part of it a reader would see in prose.
            yield from _inline_text(child.children)


def markdown_to_text(text: str) -> str:
    """Return the readable text of Markdown on one line, without markup or HTML."""
    parts: list[str] = []
    for token in _md.parse(text):
        if token.type == "inline" and token.children is not None:
            parts.append("".join(_inline_text(token.children)))
        elif token.type in ("fence", "code_block"):
            parts.append(token.content)
    return _WHITESPACE.sub(" ", " ".join(parts)).strip()


def excerpt(text: str, width: int = 200) -> str:
    """Return the Markdown's plain text cut to at most `width` columns at a word boundary.

    Columns, not characters: a Chinese character counts two, so excerpts in either language
    fill about the same room on a card (see rung.core.text_width).
    """
    return truncate_to_width(markdown_to_text(text), width)
