"""Tests for Markdown rendering, sanitizing and plain-text excerpts."""

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rung.core.markdown import excerpt, markdown_to_text, render_markdown, sanitize_html
from rung.testing import assert_linear_time
from rung.testing.corpora import corpus, corpus_lines, hostile_files

# The policy is restated here rather than imported so that a loosened allow-list in the
# module shows up as a failing test instead of silently widening what the test accepts.
ALLOWED_TAGS = {
    *("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"),
    *("ul", "ol", "li", "pre", "code", "em", "strong", "del", "s", "a", "img"),
    *("table", "thead", "tbody", "tr", "th", "td"),
    "span",  # only as an off-site image's label inside a link
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "rel", "class"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "code": {"class"},
    "span": {"class"},
}
# The only class a link or span may carry: the one marking an off-site image.
MARKER_CLASS = {"a": "external-image", "span": "external-image"}
LINK_REL = "nofollow ugc noopener noreferrer"
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
# Browsers ignore ASCII whitespace and C0 controls when reading a URL's scheme, so
# "java\tscript:" must be judged the same as "javascript:".
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _dangerous_scheme(value: str, *, anywhere: bool) -> str | None:
    # HTMLParser has already decoded character references in attribute values, exactly once,
    # as a browser would; decoding again would invent schemes the DOM never sees.
    squashed = _URL_NOISE.sub("", value).lower()
    for scheme in DANGEROUS_SCHEMES:
        if squashed.startswith(scheme) or (anywhere and scheme in squashed):
            return scheme
    return None


def xss_problems(output: str) -> list[str]:
    """List every way the rendered HTML could run script or escapes the allow-list."""
    problems = []
    if "<script" in output.lower():
        problems.append("contains <script")
    collector = _TagCollector()
    collector.feed(output)
    collector.close()
    for tag, attrs in collector.tags:
        if tag not in ALLOWED_TAGS:
            problems.append(f"tag <{tag}> is not allowed")
        for name, value in attrs:
            if name.startswith("on"):
                problems.append(f"event handler {name!r} on <{tag}>")
            if name not in ALLOWED_ATTRIBUTES.get(tag, set()):
                problems.append(f"attribute {name!r} is not allowed on <{tag}>")
            elif name == "class" and tag in MARKER_CLASS and value != MARKER_CLASS[tag]:
                problems.append(f"class {value!r} is not allowed on <{tag}>")
            if value is None:
                continue
            if name in ("href", "src") and (scheme := _dangerous_scheme(value, anywhere=False)):
                problems.append(f"{name} on <{tag}> uses the {scheme} scheme: {value!r}")
            elif scheme := _dangerous_scheme(value, anywhere=True):
                problems.append(f"{name} on <{tag}> contains {scheme} {value!r}")
    return problems


# XSS corpora -------------------------------------------------------------------------------

XSS_FORMS = {
    "body": "{}",
    "link": "[x]({})",
    "image": "![x]({})",
    "autolink": "<{}>",
}


@pytest.fixture(scope="module")
def xss_tally() -> Iterator[dict[str, int]]:
    tally = {"files": 0, "payloads": 0, "renders": 0}
    yield tally
    print(
        f"\nXSS: {tally['payloads']} payloads from {tally['files']} files × {len(XSS_FORMS)} "
        f"forms = {tally['renders']} renders checked"
    )


@pytest.mark.parametrize("relative", hostile_files())
def test_xss_corpus_renders_safely(relative: str, xss_tally: dict[str, int]) -> None:
    lines = corpus_lines(relative)

    failures = []
    for number, payload in enumerate(lines, 1):
        for form, template in XSS_FORMS.items():
            output = render_markdown(template.format(payload))
            for problem in xss_problems(output):
                failures.append(f"line {number} as {form}: {problem}\n  in:  {payload!r}")

    xss_tally["files"] += 1
    xss_tally["payloads"] += len(lines)
    xss_tally["renders"] += len(lines) * len(XSS_FORMS)
    print(f"\n{relative}: {len(lines)} payloads × {len(XSS_FORMS)} forms")
    assert not failures, f"{len(failures)} unsafe renders, first ones:\n" + "\n".join(failures[:5])


# CommonMark spec ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SpecExample:
    number: int
    line: int
    markdown: str
    html: str


def spec_examples(path: Path) -> list[SpecExample]:
    """Parse the examples out of the CommonMark spec text."""
    fence = "`" * 32
    examples: list[SpecExample] = []
    state = None
    start = 0
    parts: dict[str, list[str]] = {"markdown": [], "html": []}
    for line_number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if state is None and line == f"{fence} example":
            state, start = "markdown", line_number
            parts = {"markdown": [], "html": []}
        elif state == "markdown" and line == ".":
            state = "html"
        elif state is not None and line == fence:
            markdown, expected = ("".join(f"{row}\n" for row in parts[key]) for key in parts)
            examples.append(
                SpecExample(
                    number=len(examples) + 1,
                    line=start,
                    markdown=markdown.replace("→", "\t"),
                    html=expected.replace("→", "\t"),
                )
            )
            state = None
        elif state is not None:
            parts[state].append(line)
    return examples


_BLOCK_TAGS = {
    *("address", "article", "aside", "blockquote", "body", "caption", "center", "col"),
    *("colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset"),
    *("figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4"),
    *("h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main"),
    *("menu", "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "pre"),
    *("script", "search", "section", "style", "summary", "table", "tbody", "td", "textarea"),
    *("tfoot", "th", "thead", "title", "tr", "track", "ul"),
}


class _Normalizer(HTMLParser):
    """Re-serialize HTML so that only meaningful differences survive a comparison.

    Whitespace next to block tags and runs of whitespace outside <pre> are collapsed,
    attributes are sorted, character references are decoded and re-escaped the same way,
    and void elements lose their optional slash.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.in_pre = 0
        self.after_block = True

    def _trim_before_block(self) -> None:
        if self.out and not self.in_pre:
            self.out[-1] = self.out[-1].rstrip()

    def _emit_start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._trim_before_block()
        rendered = "".join(
            f" {name}" if value is None else f' {name}="{html.escape(value)}"'
            for name, value in sorted(attrs)
        )
        self.out.append(f"<{tag}{rendered}>")
        if tag == "pre":
            self.in_pre += 1
        self.after_block = tag in _BLOCK_TAGS

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._emit_start(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._emit_start(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre" and self.in_pre:
            self.in_pre -= 1
        if tag in _BLOCK_TAGS:
            self._trim_before_block()
        self.out.append(f"</{tag}>")
        self.after_block = tag in _BLOCK_TAGS

    def handle_data(self, data: str) -> None:
        if not self.in_pre:
            data = re.sub(r"\s+", " ", data)
            if self.after_block:
                data = data.lstrip()
        if data:
            self.out.append(html.escape(data, quote=False))
            self.after_block = False

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


def normalize_html(fragment: str) -> str:
    """Return a canonical form of an HTML fragment for comparison."""
    normalizer = _Normalizer()
    normalizer.feed(fragment)
    normalizer.close()
    return "".join(normalizer.out).strip()


# Examples where the rendering legitimately differs from the spec, each with the reason.
KNOWN_DEVIATIONS: dict[int, str] = {}

SPEC_EXAMPLE_COUNT = 655


def test_commonmark_spec() -> None:
    examples = spec_examples(corpus("commonmark/spec.txt"))
    assert len(examples) == SPEC_EXAMPLE_COUNT, "spec parsing lost or invented examples"

    identical, sanitized, deviations, failures = [], [], [], []
    for example in examples:
        output = normalize_html(render_markdown(example.markdown))
        if output == normalize_html(example.html):
            identical.append(example.number)
        elif output == normalize_html(sanitize_html(example.html)):
            sanitized.append(example.number)
        elif example.number in KNOWN_DEVIATIONS:
            deviations.append(example.number)
        else:
            failures.append(example)

    print(
        f"\nCommonMark: {len(examples)} examples, {len(identical)} identical, "
        f"{len(sanitized)} differ only where the sanitizer removes raw HTML or adds rel, "
        f"{len(deviations)} known deviations"
    )
    details = "\n".join(
        f"example {ex.number} (spec line {ex.line}):\n  markdown: {ex.markdown!r}\n"
        f"  expected: {normalize_html(sanitize_html(ex.html))!r}\n"
        f"  got:      {normalize_html(render_markdown(ex.markdown))!r}"
        for ex in failures[:5]
    )
    assert not failures, f"{len(failures)} unexpected spec failures, first ones:\n{details}"
    # A deviation that starts passing means the list is stale and hides nothing any more.
    assert set(deviations) == set(KNOWN_DEVIATIONS), "known deviations changed"


# Rendering --------------------------------------------------------------------------------


def test_headings() -> None:
    assert render_markdown("# One\n\n### Three\n\nSub\n---\n") == (
        "<h1>One</h1>\n<h3>Three</h3>\n<h2>Sub</h2>\n"
    )


def test_three_level_nested_list_renders_nested_ul() -> None:
    output = render_markdown("- a\n  - b\n    - c\n- d\n")
    flat = normalize_html(output)
    assert flat == "<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li><li>d</li></ul>"


def test_ordered_list_keeps_start() -> None:
    assert '<ol start="3">' in render_markdown("3. three\n4. four\n")


def test_blockquote() -> None:
    assert normalize_html(render_markdown("> quoted *text*\n")) == (
        "<blockquote><p>quoted <em>text</em></p></blockquote>"
    )


def test_fenced_code_escapes_script_and_keeps_language() -> None:
    output = render_markdown('```python\n<script>alert("x")</script>\n```\n')
    assert output == (
        '<pre><code class="language-python">&lt;script&gt;alert("x")&lt;/script&gt;\n'
        "</code></pre>\n"
    )


def test_code_class_other_than_language_is_dropped() -> None:
    assert render_markdown('<code class="evil">x</code>') == "<p><code>x</code></p>\n"
    assert "class" not in render_markdown("```a'onmouseover=x\ncode\n```\n")


def test_inline_code_and_strikethrough() -> None:
    assert render_markdown("`a<b` and ~~gone~~") == "<p><code>a&lt;b</code> and <s>gone</s></p>\n"


def test_table() -> None:
    output = render_markdown("| a | b |\n|:--|--:|\n| 1 | 2 |\n")
    assert normalize_html(output) == (
        "<table><thead><tr><th>a</th><th>b</th></tr></thead>"
        "<tbody><tr><td>1</td><td>2</td></tr></tbody></table>"
    )


def test_links_get_rel() -> None:
    assert render_markdown('[site](https://example.com/a?b=1&c=2 "Title")') == (
        '<p><a href="https://example.com/a?b=1&amp;c=2" title="Title" '
        f'rel="{LINK_REL}">site</a></p>\n'
    )


def test_raw_html_links_get_rel_and_lose_handlers() -> None:
    output = render_markdown('<a href="/path" rel="opener" onclick="x()" target="_blank">p</a>')
    assert output == f'<p><a href="/path" rel="{LINK_REL}">p</a></p>\n'


def test_relative_and_mailto_links_kept() -> None:
    assert 'href="/questions/1"' in render_markdown("[q](/questions/1)")
    assert 'href="mailto:me@example.com"' in render_markdown("<me@example.com>")


@pytest.mark.parametrize(
    "markdown",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        '<a href="javascript:alert(1)">x</a>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<a href="java\tscript:alert(1)">x</a>',
        '<a href=" javascript:alert(1)">x</a>',
        "[x][r]\n\n[r]: javascript:alert(1)",
    ],
)
def test_script_links_are_dropped(markdown: str) -> None:
    output = render_markdown(markdown)
    assert "href=" not in output
    assert xss_problems(output) == []


def test_image_from_another_host_becomes_a_link() -> None:
    assert render_markdown('![a cat](http://example.com/cat.png "Cat")') == (
        '<p><a class="external-image" href="http://example.com/cat.png" '
        'rel="nofollow ugc noopener noreferrer">a cat · example.com</a></p>\n'
    )


def test_image_on_this_site_stays_an_image() -> None:
    assert render_markdown('![a cat](/media/cat.png "Cat")') == (
        '<p><img src="/media/cat.png" alt="a cat" title="Cat"></p>\n'
    )


def test_data_image_src_dropped() -> None:
    assert render_markdown("![x](data:image/png;base64,AAAA)") == '<p><img alt="x"></p>\n'


def test_raw_script_and_style_are_removed_with_their_content() -> None:
    output = render_markdown("before\n\n<script>alert(1)</script>\n\n<style>p{}</style>\n\nafter")
    assert normalize_html(output) == "<p>before</p><p>after</p>"


def test_disallowed_tags_are_stripped_but_text_kept() -> None:
    output = render_markdown(
        '<div class="x" lang="en"><iframe src="https://e.com"></iframe>hi</div>'
    )
    assert output == "hi"


def test_sanitize_html_is_idempotent_on_rendered_output() -> None:
    output = render_markdown("# T\n\n- [a](http://x.y)\n\n![i](/i.png)\n\n```js\nx\n```\n")
    assert sanitize_html(output) == output


# Plain text and excerpts ------------------------------------------------------------------


def test_markdown_to_text_drops_markup_and_html() -> None:
    markdown = (
        "# Title &amp; more\n\nSome *emphasis* and `code`\nwrapped <b>bold</b> "
        "[link](http://x.y).\n\n![alt text](/a.png)\n\n- one\n- two\n\n```\nblock  code\n```\n"
        "<div>raw block</div>\n\n| h |\n|---|\n| cell |\n"
    )
    assert markdown_to_text(markdown) == (
        "Title & more Some emphasis and code wrapped bold link. alt text one two block code h cell"
    )


def test_markdown_to_text_of_empty_input() -> None:
    assert markdown_to_text("") == ""
    assert markdown_to_text("  \n\n") == ""


def test_excerpt_short_text_untouched() -> None:
    assert excerpt("Just a *short* note.") == "Just a short note."
    assert excerpt("x" * 200) == "x" * 200


def test_excerpt_cuts_at_word_boundary_with_ellipsis() -> None:
    text = "alpha beta gamma delta epsilon"
    assert excerpt(text, 14) == "alpha beta…"
    assert excerpt(text, 17) == "alpha beta gamma…"
    assert excerpt(text, 16) == "alpha beta…"


def test_excerpt_never_exceeds_length() -> None:
    text = "word " * 100
    for length in range(1, 60):
        assert len(excerpt(text, length)) <= length


def test_excerpt_drops_trailing_punctuation_before_ellipsis() -> None:
    assert excerpt("First part, second part goes on", 13) == "First part…"


def test_excerpt_chinese_text_is_cut_by_width() -> None:
    """A Chinese character is two columns wide: 20 columns hold 9 of them and the ellipsis."""
    text = "我们在这里讨论职业成长。" * 30
    assert excerpt(text, 20) == text[:9] + "…"
    assert excerpt("学习编程") == "学习编程"


def test_excerpt_hard_cuts_a_single_long_word() -> None:
    assert excerpt("a " + "b" * 50, 10) == "a bbbbbbb…"


# Properties ---------------------------------------------------------------------------------

_FRAGMENTS = [
    "<script>",
    "</script>",
    "<scr",
    "ipt>",
    "<img src=x onerror=alert(1)>",
    "<a href=",
    "javascript:",
    "java\tscript:",
    "&#106;",
    "&lt;",
    "[",
    "](",
    ")",
    "![",
    "<",
    ">",
    "`",
    "```",
    "\n",
    "\n\n",
    "    ",
    "> ",
    "- ",
    "1. ",
    "|",
    "---",
    '"',
    "'",
    "*",
    "_",
    "~~",
    "\\",
    "http://x.y",
    "onload=",
    "<svg/onload=alert(1)>",
    "<!--",
    "-->",
    "<![CDATA[",
]


@settings(max_examples=300, deadline=None, database=None)
@given(st.one_of(st.text(), st.lists(st.sampled_from(_FRAGMENTS)).map("".join)))
def test_render_never_raises_or_emits_script(text: str) -> None:
    output = render_markdown(text)
    assert "<script" not in output.lower()
    assert xss_problems(output) == []
    markdown_to_text(text)
    excerpt(text, 50)


@pytest.mark.parametrize(
    "unsafe",
    [
        "<script>alert(1)</script>",
        "<p><img src=x onerror=alert(1)></p>",
        '<a href=" JAVA&#x09;SCRIPT:alert(1)">x</a>',
        '<img src="data:text/html,<b>">',
        '<a title="vbscript:x">x</a>',
        '<a class="button" href="/x">x</a>',
        "<div>x</div>",
        '<p lang="en">x</p>',
    ],
)
def test_xss_checker_catches_unsafe_html(unsafe: str) -> None:
    # Guards the corpus tests against passing because the checker itself went blind.
    assert xss_problems(unsafe)


# Cost: hostile raw HTML must not make sanitizing cost the square of its length.

POST_LIMIT = 30_000  # rung.qa.models.BODY_MAX_LENGTH
SELF_REVIEW_LIMIT = 100_000  # rung.growth.services.worklog.SELF_REVIEW_MAX_LENGTH


def unclosed_formatting(length: int, tag: str = "b") -> str:
    """Return distinct unclosed formatting tags, then paragraphs that each reopen all of them."""
    head = "".join(f"<{tag} c={i}>" for i in range(length // 20))
    return head + "<p>x" * ((length - len(head)) // 4)


def test_unclosed_formatting_tags_cost_linear_time() -> None:
    """At the post limit this took 8 s: each <p> reopened every distinct <b> before it."""
    assert_linear_time(render_markdown, unclosed_formatting, POST_LIMIT // 8)


def test_unclosed_formatting_tags_do_not_multiply_the_html() -> None:
    """30,000 characters of unclosed <em> tags made 49 MB of HTML; now the tags show as text."""
    text = unclosed_formatting(POST_LIMIT, "em")
    output = render_markdown(text)
    assert len(output) < 3 * len(text)
    assert "&lt;em c=0&gt;" in output


@pytest.mark.parametrize("opening", ["<ul><li>", "<dl><dd>", "<div>", "<pre>"])
def test_deeply_nested_raw_html_costs_linear_time(opening: str) -> None:
    assert_linear_time(
        render_markdown, lambda n: opening * (n // len(opening)), SELF_REVIEW_LIMIT // 8
    )


def test_ordinary_raw_html_is_still_honoured_beside_unclosed_tags() -> None:
    paragraphs = "\n\n".join(f"Paragraph {i} <del>x</del>" for i in range(200))
    text = f"<em>one</em> <b>open\n\n{paragraphs}"
    output = render_markdown(text)
    assert "<em>one</em>" in output and output.count("<del>x</del>") == 200
    assert "&lt;" not in output


def test_raw_html_past_the_bound_is_shown_as_typed() -> None:
    output = render_markdown("<br>" * 1_001 + "\n\n<div>\n*a*\n</div>")
    assert output.startswith("<p>&lt;br&gt;&lt;br&gt;")
    assert "&lt;div&gt;" in output and "<br>" not in output
