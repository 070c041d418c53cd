"""Tests that the quick reading of sanitized HTML links exactly what the full parser does.

Linking reads HTML as the sanitizer writes it in one pass of a pattern, and hands anything
else to the standard library's parser. Over the CommonMark spec, the naughty strings and
the XSS payloads (rendered as posts, and raw), and random mixes of markup, both readings
must give the same text runs and the same linked HTML.
"""

import random
import re
from collections.abc import Iterable
from unittest import mock

import pytest

from rung.core.markdown import render_markdown
from rung.languages.glossary import link_glossary_terms, linking
from rung.testing.corpora import commonmark_examples, corpus_lines, hostile_files

LANGUAGES = ("en", "zh-hans")


def _with_terms(markdown: str) -> str:
    """Put glossary terms where the spec's examples put their placeholder words."""
    return (
        markdown.replace("foo", "calibration")
        .replace("bar", "mentor")
        .replace("baz", "PIP")
        .replace("aaa", "晋升")
    )


def _posts(payload: str) -> list[str]:
    return [
        f"calibration {payload} promotion\n\n{payload}晋升 PIP\n\n# {payload} mentor\n\n"
        f"`{payload} sponsor` {payload} sponsor 导师",
        f"> {payload} calibration\n\n- promotion {payload}\n- [mentor]({payload}) sponsor",
    ]


def _raw(payload: str) -> list[str]:
    return [
        payload,
        f"<p>calibration {payload} promotion</p>{payload}晋升 PIP <h2>mentor</h2> mentor",
    ]


def _parsed_links(sources: Iterable[str], language: str) -> list[str]:
    """Return each source linked with the quick reading turned off."""
    with mock.patch.object(linking, "_plain_text_runs", return_value=None):
        return [link_glossary_terms(source, language=language) for source in sources]


def _differences(sources: list[str]) -> list[str]:
    """Return how the two readings differ on the sources, in runs or in linked HTML."""
    problems = []
    for source in sources:
        quick = linking._plain_text_runs(source)
        if quick is not None and quick != linking._parsed_text_runs(source):
            problems.append(f"runs differ in {source!r}")
    for language in LANGUAGES:
        linked = [link_glossary_terms(source, language=language) for source in sources]
        parsed = _parsed_links(sources, language)
        problems += [
            f"{language} links differ in {source!r}"
            for source, quick_html, parsed_html in zip(sources, linked, parsed, strict=True)
            if quick_html != parsed_html
        ]
    return problems


def _unread(sources: list[str]) -> list[str]:
    return [source for source in sources if linking._plain_text_runs(source) is None]


def test_commonmark_examples_rendered_as_posts_link_the_same_both_ways() -> None:
    sources = [
        render_markdown(markdown)
        for example in commonmark_examples()
        for markdown in (example, _with_terms(example), f"{_with_terms(example)}\n\nPIP mentor")
    ]
    # Sanitized posts are what pages show; each must take the quick reading.
    assert _unread(sources) == []
    assert _differences(sources) == []


def test_commonmark_examples_as_raw_html_link_the_same_both_ways() -> None:
    sources = [_with_terms(example) for example in commonmark_examples()]
    sources += [f"<p>calibration</p>{source}" for source in sources]
    assert _differences(sources) == []
    # Raw HTML exercises the parser, and plain raw HTML the quick reading too.
    assert 0 < len(_unread(sources)) < len(sources)


@pytest.mark.parametrize("relative", hostile_files())
def test_hostile_payloads_link_the_same_both_ways(relative: str) -> None:
    payloads = corpus_lines(relative)
    rendered = [render_markdown(post) for payload in payloads for post in _posts(payload)]
    assert _unread(rendered) == []
    raw = [source for payload in payloads for source in _raw(payload)]
    assert _differences(rendered + raw) == []


# Pieces of HTML as the sanitizer writes it, and pieces only hostile or hand-written HTML has.
_PLAIN_PIECES = [
    *("calibration", "promotion", "PIP", "晋升", "mentor", "sponsor", " ", "\n", "\t", "x"),
    *("<p>", "</p>", '<a href="/x?a=1&amp;b=2" rel="nofollow">', "</a>", "<code>", "</code>"),
    *("<pre>", "</pre>", "<h2>", "</h2>", "<em>", "</em>", "<br>", "<br/>", "<hr />"),
    *('<img src="a>b" alt="it\'s &quot;calibration&quot;">', '<code class="language-py">'),
    *("&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#x41;", "&nbsp;", "&", "&#", "&amp"),
    *(">", "/", "=", '"', "'", "</svg>", "</script>", "<P>", "</A>", "<a/>"),
]
_ODD_PIECES = [
    *("<", "<!-- calibration -->", "<!doctype html>", "<?x?>", "<![CDATA[x]]>", "</>"),
    *("<script>", "<style>", "<textarea>", "<title>", "<xmp>", "<plaintext>", "<svg>"),
    *("<P CLASS=x>", "</P >", "</ a>", "<b title='x'>", '<b title="x"', "<b\x0b>", "<b/x>"),
    *('<b a="1"b="2">', '<b a = "1">', '<a\nhref="x"\n>', '<b a="x>', "<b a='x>"),
]


def _mixes(seed: int, odd: int) -> list[str]:
    """Return random mixes of plain pieces, each with up to `odd` unusual pieces put in."""
    rng = random.Random(seed)
    sources = []
    for _ in range(3000):
        pieces = rng.choices(_PLAIN_PIECES, k=rng.randint(1, 40))
        for _ in range(rng.randint(0, odd)):
            pieces.insert(rng.randint(0, len(pieces)), rng.choice(_ODD_PIECES))
        sources.append("".join(pieces) + " calibration promotion")
    return sources


def test_random_mixes_of_plain_markup_link_the_same_both_ways() -> None:
    sources = _mixes(20261206, odd=0)
    assert _unread(sources) == []
    assert _differences(sources) == []


def test_random_mixes_with_unusual_markup_link_the_same_both_ways() -> None:
    sources = _mixes(20261207, odd=2)
    assert _differences(sources) == []
    assert 0 < len(_unread(sources)) < len(sources)


@pytest.mark.parametrize(
    "source",
    [
        "<p>calibration <!-- a comment --></p>",
        "<!doctype html><p>calibration</p>",
        "<p>calibration</p><script>promotion</script>",
        "<p>calibration</p><textarea>promotion</textarea>",
        "<p>calibration < promotion</p>",
        "<p>calibration</p><",
        "<p title='calibration'>promotion</p>",
        "<p title=calibration>promotion</p>",
        '<p title="calibration>promotion</p>',
        '<p a="1"b="2">calibration</p>',
        "<p>calibration</p >",
    ],
)
def test_unusual_html_is_left_to_the_parser(source: str) -> None:
    assert linking._plain_text_runs(source) is None


def test_sanitized_html_is_read_without_the_parser() -> None:
    source = render_markdown(
        'A **calibration** & a [promotion](https://x.test/?a=1&b=2 "t>") `PIP`\n\n'
        "<em title='mentor'>sponsor</em> 晋升 &lt;b&gt;"
    )
    with mock.patch.object(linking, "_parsed_text_runs") as parsed:
        linked = link_glossary_terms(source, language="en")
    parsed.assert_not_called()
    # Not in the link, the code or the attribute; 晋升 is the first mention of promotion.
    assert re.findall(r'data-term="([a-z-]+)"', linked) == ["calibration", "sponsor", "promotion"]
