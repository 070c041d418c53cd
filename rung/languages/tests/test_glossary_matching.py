"""Tests for linking glossary terms in rendered posts: what is linked, where, and how fast."""

import html
import random
import re
from html.parser import HTMLParser

import pytest
from django.template import Context, Template
from django.utils import translation

from rung.core.markdown import render_markdown
from rung.languages.glossary import TERMS, GlossaryMatcher, Term, link_glossary_terms
from rung.languages.glossary.linking import (
    _CASE_EXCEPTIONS,
    _MATCHER,
    _NOT_INSIDE_A_WORD,
    _WORD,
    _normal,
    _trie,
    _trie_pattern,
)
from rung.testing import assert_linear_time
from rung.testing.corpora import commonmark_examples, naughty_strings

LINK = re.compile(
    r'<a class="glossary-term" href="/glossary/#([a-z0-9-]+)"[^>]*>(.*?)</a>', re.DOTALL
)


def linked(body_html: str, language: str = "en") -> list[tuple[str, str]]:
    """Return (slug, linked text) for each glossary link the linker adds to the HTML."""
    return LINK.findall(link_glossary_terms(body_html, language=language))


def md(text: str) -> str:
    return render_markdown(text)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text(source: str) -> str:
    parser = _Text()
    parser.feed(source)
    parser.close()
    return "".join(parser.parts)


# What is linked ------------------------------------------------------------------------------


def test_the_longest_term_wins_over_a_shorter_one_inside_it() -> None:
    assert linked(md("They put me on a performance improvement plan.")) == [
        ("performance-improvement-plan", "performance improvement plan")
    ]
    assert linked(md("The calibration meeting is Friday.")) == [
        ("calibration", "calibration meeting")
    ]
    assert linked(md("我在校准会上被压了绩效等级。"), "zh-hans") == [
        ("calibration", "校准会"),
        ("performance-rating", "绩效等级"),
    ]


def test_only_the_first_mention_of_each_term_is_linked() -> None:
    body = md("Calibration first. Then calibration again.\n\nAnd a third calibration.")
    assert linked(body) == [("calibration", "Calibration")]


def test_a_term_mentioned_in_both_languages_is_linked_once() -> None:
    assert linked(md("My promotion, or 晋升, or promo.")) == [("promotion", "promotion")]


def test_different_terms_in_one_sentence_are_each_linked() -> None:
    body = md("Before calibration, write a brag document and ask your sponsor.")
    assert [slug for slug, _ in linked(body)] == ["calibration", "brag-document", "sponsor"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Only the noun and its listed forms count: "calibrated" is usually an ordinary
        # adjective ("a calibrated estimate"), not the review process.
        ("My estimate was calibrated.", []),
        ("We recalibrated twice.", []),
        ("A miscalibration happened.", []),
        ("Self-promotion feels awkward.", []),
        ("She was promoted last year.", [("promotion", "promoted")]),
        ("Two promotions this year.", [("promotion", "promotions")]),
        ("(calibration)", [("calibration", "calibration")]),
        ("Calibration's outcome.", [("calibration", "Calibration")]),
        ("Level 5 in my company.", [("level", "Level")]),
        ("a high-level design", []),
        ("pip install rung", []),
        ("The Pip is a fruit seed.", []),
        ("I am on a PIP.", [("performance-improvement-plan", "PIP")]),
        ("Two PIPs this year.", [("performance-improvement-plan", "PIPs")]),
        ("in 1996 we shipped", []),
        ("the 996 schedule", [("996", "996 schedule")]),
        ("skip-level meetings help", [("skip-level", "skip-level meetings")]),
        ("weekly 1:1s with my manager", [("one-on-one", "1:1s")]),
        ("a performance\nreview", [("performance-review", "performance\nreview")]),
    ],
)
def test_english_terms_match_whole_words_only(text: str, expected: list[tuple[str, str]]) -> None:
    assert linked(f"<p>{html.escape(text)}</p>") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "今年没有晋升，因为校准的时候经理没替我说话。",
            [("promotion", "晋升"), ("calibration", "校准")],
        ),
        ("明年的晋升答辩要准备什么？", [("promotion-defense", "晋升答辩")]),
        ("我的OKR定得太高了", [("okr", "OKR")]),
        ("公司开始裁员了，补偿金是N+1。", [("layoff", "裁员"), ("severance", "补偿金")]),
        ("签了竞业限制协议还能去对手公司吗", [("non-compete", "竞业限制协议")]),
        ("去年被放进PIP了", [("performance-improvement-plan", "PIP")]),
        ("Staff工程师要做什么", [("staff-engineer", "Staff工程师")]),
        ("这个方案是我写的", []),
    ],
)
def test_chinese_terms_match_inside_sentences(text: str, expected: list[tuple[str, str]]) -> None:
    assert linked(f"<p>{text}</p>", "zh-hans") == expected


def test_links_are_not_added_inside_code_pre_links_or_headings() -> None:
    body = md(
        "# Calibration tips\n\n"
        "## About *promotion*\n\n"
        "Run `calibration.py` to see.\n\n"
        "```\nperformance review\n```\n\n"
        "    mentor\n\n"
        "[a *sponsor* story](https://example.com/sponsor) and <https://example.com/okr>\n\n"
        "Then calibration, promotion, mentor and sponsor in prose."
    )
    output = link_glossary_terms(body, language="en")
    assert "<h1>Calibration tips</h1>" in output
    assert "<h2>About <em>promotion</em></h2>" in output
    assert "<code>calibration.py</code>" in output
    assert "<pre><code>performance review\n</code></pre>" in output
    assert "<em>sponsor</em> story</a>" in output
    assert [slug for slug, _ in LINK.findall(output)] == [
        "calibration",
        "promotion",
        "mentor",
        "sponsor",
    ]


def test_attribute_values_are_never_touched() -> None:
    body = (
        '<p><img src="/a.png" alt="calibration" title="promotion"> and '
        '<a href="/x" title="mentor">x</a></p>'
    )
    assert link_glossary_terms(body, language="en") == body


def test_text_after_a_closed_link_or_code_is_linked_again() -> None:
    body = md("[calibration](https://example.com) then `code` and calibration.")
    assert linked(body) == [("calibration", "calibration")]
    assert ">calibration</a> then" in body  # the author's link is left as it was


def test_the_visible_text_of_a_post_is_unchanged() -> None:
    for text in (
        "R&D calibration & <b>promotion</b> 5 < 6 > 4 \"quoted\" 'single'",
        "晋升 &amp; 校准 &lt;script&gt;",
        "calibration\u00a0review &nbsp; &#x41; &#65;",
    ):
        body = md(text)
        assert visible_text(link_glossary_terms(body, language="en")) == visible_text(body)


def test_a_post_without_terms_comes_back_unchanged() -> None:
    body = md("Nothing to see here: *just* a `snippet` & an ampersand.")
    assert link_glossary_terms(body, language="en") is body


# Definitions ---------------------------------------------------------------------------------


def _title(output: str) -> str:
    match = re.search(r'class="glossary-term"[^>]*title="([^"]*)"', output)
    assert match
    return html.unescape(match.group(1))


def test_the_definition_is_in_the_readers_language_with_the_other_name() -> None:
    body = md("Before calibration.")
    english = _title(link_glossary_terms(body, language="en"))
    chinese = _title(link_glossary_terms(body, language="zh-hans"))
    assert english.startswith("calibration (校准): A meeting where managers compare ratings")
    assert chinese.startswith("校准（calibration）：各团队经理一起比较绩效评级")


def test_the_link_points_at_the_terms_anchor_and_names_it() -> None:
    output = link_glossary_terms(md("A 述职 next week."), language="en")
    assert (
        '<a class="glossary-term" href="/glossary/#work-report" title="annual work report (述职): '
        in output
    )
    assert 'data-term="work-report">述职</a>' in output


def test_definitions_are_escaped_even_though_they_are_our_own() -> None:
    hostile = Term(
        "x-term",
        "levels",
        en="widget",
        zh="小部件",
        en_definition='"><script>alert(1)</script>',
        zh_definition="<img src=x onerror=alert(1)>",
    )
    output = GlossaryMatcher([hostile]).link(
        "<p>a widget</p>", language="en", glossary_url='/g"><script>/'
    )
    assert "<script" not in output
    assert output.count("<a ") == 1
    assert "&quot;&gt;&lt;script&gt;" in output


# The template filter ---------------------------------------------------------------------------


def test_filter_links_terms_in_trusted_html_in_the_active_language() -> None:
    template = Template("{% load glossary %}{{ body|safe|glossary_terms }}")
    with translation.override("zh-hans"):
        output = template.render(Context({"body": "<p>My <em>calibration</em></p>"}))
    assert '<em><a class="glossary-term"' in output
    assert "各团队经理" in output


def test_filter_takes_a_language_argument() -> None:
    template = Template('{% load glossary %}{{ body|safe|glossary_terms:"en" }}')
    with translation.override("zh-hans"):
        output = template.render(Context({"body": "<p>校准</p>"}))
    assert "A meeting where managers compare ratings" in output


def test_filter_escapes_html_it_was_not_told_to_trust() -> None:
    template = Template("{% load glossary %}{{ body|glossary_terms }}")
    output = template.render(Context({"body": "<b>calibration</b>"}))
    assert output.startswith('&lt;b&gt;<a class="glossary-term"')
    assert "<b>" not in output


# Cost ------------------------------------------------------------------------------------------


def test_linking_grows_linearly_with_the_post() -> None:
    """A post full of terms, code, links and Chinese costs in proportion to its length."""
    paragraph = (
        "After my last performance review my manager said the calibration went badly, and "
        "that a promotion needs more scope and impact. 我的晋升答辩没过，绩效是3.5，"
        "导师建议我写工作日志，多和经理做一对一。Is a PIP next? I keep a `brag doc` and "
        "read the [career ladder](https://example.com/ladder) every week.\n\n"
    )
    link_glossary_terms(md(paragraph), language="en")  # warm up the URL resolver
    assert_linear_time(
        lambda body: link_glossary_terms(body, language="en"),
        lambda size: md((paragraph * (size // len(paragraph) + 1))[:size]),
        5000,
    )


def test_skipping_positions_inside_words_finds_exactly_what_the_trie_alone_finds() -> None:
    """The checks that reject positions inside a word, and characters no term starts with,
    change no match, only speed."""
    pattern = _MATCHER._pattern
    assert pattern.pattern.startswith(_NOT_INSIDE_A_WORD + "(?=[")
    variants = {variant for term in TERMS for variant in term.variants()}
    trie_alone = re.compile(_trie_pattern(_trie(variants)), pattern.flags)
    texts = [
        *naughty_strings(),
        *commonmark_examples(),
        "Kelvin \u212aPI and \u212aalibration, long ſ: ſponsor, dotless ı: ıc, İC",
        "Calibration, PIPs and a pip install; self-promotion, promotion-ready, promotion.",
        "我的OKR和晋升calibration；ÀPIP PIP_ x-mentor mentor9 ſponsor KPI",
        "performance improvement plan vs performance\nreview, skip-level 1:1s",
    ]
    for text in texts:
        spans = [match.span() for match in pattern.finditer(text)]
        assert spans == [match.span() for match in trie_alone.finditer(text)], text
    assert any(pattern.search(text) for text in texts[-3:])


# The fast search finds what the trie pattern finds ------------------------------------------

_NEIGHBOURS = (
    *("", " ", "  ", "\n", "\t", "\u00a0", "\u3000", "a", "Z", "é", "ß", "ẞ", "İ", "ı", "ſ"),
    *("\u212a", "µ", "Σ", "0", "9", "_", "-", "'", "’", ".", ",", ":", "+", "(", ")", '"'),
    *("的", "我", "晋", "升", "。", "，", "&", "<", "/", "🙂", "\u0301", "\ufb06", "\x1c"),
)


def _casings(variant: str) -> set[str]:
    mixed = "".join(c.upper() if i % 2 else c for i, c in enumerate(variant))
    return {
        variant,
        variant.lower(),
        variant.upper(),
        variant.title(),
        variant.swapcase(),
        mixed,
        variant.replace(" ", "\n"),
        variant.replace(" ", " \u00a0 "),
        variant.replace("s", "ſ").replace("i", "ı").replace("k", "\u212a"),
        variant.replace("i", "İ"),
    }


def _assert_same_as_the_trie_pattern(texts: list[str]) -> int:
    found = 0
    for text in texts:
        expected = _MATCHER._find_with_pattern(text)
        assert _MATCHER.find(text) == expected, text
        assert (next(_MATCHER._spans(text), None) is None) is (not _MATCHER._pattern.search(text))
        found += len(expected)
    return found


def test_find_matches_the_trie_pattern_over_real_and_hostile_text() -> None:
    texts = [*naughty_strings(), *commonmark_examples()]
    texts += [md(text) for text in commonmark_examples()[:200]]
    texts += [
        f"{text[: len(text) // 2]}Calibration, a PIP;晋升{text[len(text) // 2 :]}promo"
        for text in texts
    ]
    texts += [text.upper() for text in texts] + [text.title() for text in texts]
    assert _assert_same_as_the_trie_pattern(texts)


def test_find_matches_the_trie_pattern_for_every_term_in_every_casing_and_neighbour() -> None:
    variants = sorted({variant for term in TERMS for variant in term.variants()})
    texts = []
    for variant in variants:
        for spelling in _casings(variant):
            for before in _NEIGHBOURS:
                texts.append(f"{before}{spelling}")
                texts.append(f"x {spelling}{before}")
                texts.append(f"{before}{spelling}{before}{spelling}s{before}")
    # Terms that run into each other, and partial terms.
    texts += [a + b for a in variants for b in variants[::7]]
    texts += [variant[:-1] + " " + variant[1:] for variant in variants]
    assert _assert_same_as_the_trie_pattern(texts)


def test_find_matches_the_trie_pattern_over_random_mixes() -> None:
    rng = random.Random(20240601)
    variants = sorted({variant for term in TERMS for variant in term.variants()})
    pieces = [*variants, *_NEIGHBOURS, *"abcdefghijklmnopqrstuvwxyzIPOKRSC 0123456789"]
    pieces += ["the ", "self-", "re", "ing", "s ", "晋升", "绩效", "校准会", " \n ", "1:1s"]
    texts = []
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        if rng.random() < 0.3:
            text = "".join(c.upper() if rng.random() < 0.5 else c for c in text)
        texts.append(text)
    assert _assert_same_as_the_trie_pattern(texts)


def test_lower_casing_keeps_every_character_a_term_could_match() -> None:
    """Text is searched lower-cased: a character that matches a term's character whatever
    its case must lower-case to that character's lower case (or the text is searched the slow
    way), and one that lower-cases to a word character must be a word character."""
    everything = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    term_chars = {char for term in TERMS for variant in term.variants() for char in variant}
    for char in term_chars - {" "}:
        for other in re.findall(re.escape(char), everything, re.IGNORECASE):
            if len(other.lower()) == 1 and other.lower() != char.lower():
                assert _CASE_EXCEPTIONS.match(other), (char, other)
    word = re.compile(f"[{_WORD}]", re.IGNORECASE)
    for char in everything:
        lowered = char.lower()
        if len(lowered) == 1 and lowered.isascii() and (lowered.isalnum() or lowered in "_-"):
            assert word.match(char), char


def test_glossary_keys_are_already_normal() -> None:
    for key in _MATCHER._terms:
        assert _normal(key) == key


def test_a_term_written_with_a_dotted_or_dotless_i_is_still_that_term() -> None:
    assert [term.slug for _, _, term in _MATCHER.find("İmpact and promotıon")] == [
        "impact",
        "promotion",
    ]
