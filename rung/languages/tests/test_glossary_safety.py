"""Tests that linking glossary terms never changes a post's markup, whatever the post holds.

Every payload of the shared XSS and naughty-string corpora is rendered as a post body with
glossary terms around it, then linked. The output, with our own links taken out, must parse
to exactly the same tags, attributes and text as the input, and our links must be the only
additions. That holds for raw hostile HTML fed straight to the linker too, not only for the
sanitized HTML posts really have.
"""

import re
from html.parser import HTMLParser

import pytest

from rung.core.markdown import render_markdown
from rung.languages.glossary import TERMS, link_glossary_terms
from rung.testing.corpora import corpus_lines, hostile_files

SLUGS = {term.slug for term in TERMS}
GLOSSARY_HREF = re.compile(r"/glossary/#([a-z0-9-]+)")
SKIPPED = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}
Token = tuple[str, ...]
NOTHING_LINKED = "nothing linked"


class _Structure(HTMLParser):
    """Parse HTML into tokens, leaving out glossary links and joining adjacent text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[Token] = []
        self.links: list[tuple[dict[str, str | None], str]] = []
        self._in_link = False
        self._link_attrs: dict[str, str | None] = {}
        self._link_text = ""
        self._open: list[str] = []
        self.nested_links: list[str] = []

    def _text(self, data: str) -> None:
        if self.tokens and self.tokens[-1][0] == "text":
            self.tokens[-1] = ("text", self.tokens[-1][1] + data)
        else:
            self.tokens.append(("text", data))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" and ("class", "glossary-term") in attrs:
            if any(open_tag in SKIPPED for open_tag in self._open):
                self.nested_links.append(f"inside <{'><'.join(self._open)}>")
            self._in_link, self._link_attrs, self._link_text = True, dict(attrs), ""
            return
        self.tokens.append(("start", tag, repr(attrs)))
        self._open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tokens.append(("startend", tag, repr(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if self._in_link and tag == "a":
            self._in_link = False
            self.links.append((self._link_attrs, self._link_text))
            return
        self.tokens.append(("end", tag))
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if self._in_link:
            self._link_text += data
        self._text(data)

    def handle_comment(self, data: str) -> None:
        self.tokens.append(("comment", data))

    def handle_decl(self, decl: str) -> None:
        self.tokens.append(("decl", decl))

    def handle_pi(self, data: str) -> None:
        self.tokens.append(("pi", data))

    def unknown_decl(self, data: str) -> None:
        self.tokens.append(("unknown", data))


def _parse(source: str) -> _Structure:
    parser = _Structure()
    parser.feed(source)
    parser.close()
    return parser


def _problems(before: str, language: str, *, sanitized: bool) -> list[str]:
    """Return what linking broke in `before`, or ["nothing linked"] if it linked nothing."""
    after = link_glossary_terms(before, language=language)
    try:
        original = _parse(before)
    except AssertionError:
        # Markup the standard library cannot parse must come back exactly as it was.
        return [] if after == before else ["unparseable markup was changed"]
    linked = _parse(after)
    problems = []
    if linked.tokens != original.tokens:
        problems.append("markup or text changed")
    added = len(linked.links) - len(original.links)
    if added < 0:
        problems.append("a link was lost")
    for attrs, text in linked.links[len(linked.links) - added :] if added else []:
        href = GLOSSARY_HREF.fullmatch(attrs.get("href") or "")
        if set(attrs) != {"class", "href", "title", "data-term"}:
            problems.append(f"unexpected attributes {sorted(attrs)}")
        elif not href or href.group(1) not in SLUGS or attrs["data-term"] != href.group(1):
            problems.append(f"bad target {attrs['href']!r}")
        elif not attrs["title"] or not text.strip():
            problems.append("empty definition or term")
    if sanitized:
        # Where the markup is well formed, a link inside code, a link or a heading is a bug.
        problems += linked.nested_links
    if after.lower().count("<script") > before.lower().count("<script"):
        problems.append("added <script")
    if not added and not problems:
        problems.append(NOTHING_LINKED)
    return problems


@pytest.mark.parametrize("relative", hostile_files())
def test_hostile_posts_keep_their_markup_when_terms_are_linked(relative: str) -> None:
    failures = []
    unlinked = {"sanitized": 0, "raw": 0}
    payloads = corpus_lines(relative)
    for number, payload in enumerate(payloads, 1):
        markdown = (
            f"calibration {payload} promotion\n\n{payload}晋升 PIP\n\n"
            f"# {payload} mentor\n\n`{payload} sponsor` {payload} sponsor 导师"
        )
        raw = f"<p>calibration {payload} promotion</p>{payload}晋升 PIP <h2>mentor</h2> mentor"
        checks = {
            "rendered en": (render_markdown(markdown), "en", True),
            "rendered zh": (render_markdown(markdown), "zh-hans", True),
            "raw html": (raw, "en", False),
        }
        for form, (source, language, sanitized) in checks.items():
            for problem in _problems(source, language, sanitized=sanitized):
                if problem == NOTHING_LINKED:
                    unlinked["sanitized" if sanitized else "raw"] += 1
                else:
                    failures.append(f"line {number} as {form}: {problem}\n  in: {payload!r}")
    print(
        f"\n{relative}: {len(payloads)} payloads × 3 forms; nothing linked in "
        f"{unlinked['sanitized']} sanitized and {unlinked['raw']} raw (left as written)"
    )
    assert not failures, f"{len(failures)} problems, first ones:\n" + "\n".join(failures[:5])
    # Sanitized posts, which are what pages show, must still get their terms linked.
    assert unlinked["sanitized"] == 0


def test_terms_around_hostile_payloads_are_still_linked() -> None:
    """The checks above would pass if nothing were linked; make sure something is."""
    source = render_markdown('calibration <img src=x onerror=alert(1)> "><script>x</script> 晋升')
    parsed = _parse(link_glossary_terms(source, language="en"))
    assert [attrs["data-term"] for attrs, _ in parsed.links] == ["calibration", "promotion"]


@pytest.mark.parametrize(
    "source",
    [
        "<p>calibration <a href='/x'>promotion",  # a link never closed
        "<p>calibration</a> promotion</p>",  # a stray end tag
        "<code>calibration <p>promotion</p>",  # code never closed
        "<p>calibration &amp promotion &#x3c;script&#x3e; &unknown; & 晋升",
        "<p title='calibration>promotion'>mentor</p>",
        "<!-- calibration --> promotion <![CDATA[ mentor ]]> sponsor",
        "<script>var calibration = 1;</script><style>.promotion{}</style> mentor",
        "calibration <",
        "calibration <a href",
        "calibration </> promotion",
        "<a/>calibration",
        '<p>calibration <![><img src="]><img src=x onerror=alert(1)//"> promotion</p>',
    ],
)
def test_malformed_html_is_never_broken(source: str) -> None:
    assert set(_problems(source, "en", sanitized=False)) <= {NOTHING_LINKED}
