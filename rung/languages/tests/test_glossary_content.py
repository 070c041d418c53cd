"""Tests that the glossary content is complete, bilingual and consistent with its matcher."""

import re

import pytest

from rung.languages.glossary import (
    TERMS,
    THEMES,
    GlossaryMatcher,
    Term,
    content_language,
    glossary_groups,
)

CJK = re.compile(r"[\u3400-\u9fff]")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Ids the glossary page itself uses; a term's anchor must not collide with them.
PAGE_IDS = {"main", "glossary-q", *(f"theme-{theme.slug}" for theme in THEMES)}
MATCHER = GlossaryMatcher(TERMS)


def _cjk_share(text: str) -> float:
    letters = [char for char in text if char.isalpha()]
    return sum(bool(CJK.match(char)) for char in letters) / max(len(letters), 1)


def test_glossary_has_at_least_thirty_terms_with_unique_anchor_slugs() -> None:
    slugs = [term.slug for term in TERMS]
    assert len(slugs) >= 30
    assert len(set(slugs)) == len(slugs)
    for slug in slugs:
        assert SLUG.fullmatch(slug), slug
        assert slug not in PAGE_IDS


def test_the_terms_the_issue_names_are_all_there() -> None:
    names = {name for term in TERMS for name in (term.en, term.zh, *term.en_also, *term.zh_also)}
    for expected in (
        *("promotion", "晋升", "promotion packet", "晋升材料", "晋升委员会", "calibration"),
        *("校准", "performance review", "绩效评估", "PIP", "绩效改进计划", "定级", "职级"),
        *("述职", "晋升答辩", "绩效", "360度评估", "OKR", "KPI", "职责范围", "影响力"),
        *("主人翁意识", "技术负责人", "staff engineer", "越级沟通", "一对一", "导师", "sponsor"),
        *("stretch assignment", "工作日志", "裁员", "补偿金", "反向报价", "竞业协议", "试用期"),
        *("996", "转岗", "编制"),
    ):
        assert expected in names, expected


@pytest.mark.parametrize("term", TERMS, ids=lambda term: term.slug)
def test_every_term_has_both_names_and_both_definitions(term: Term) -> None:
    assert term.en.strip() and term.zh.strip()
    assert not CJK.search(term.en), "the English name is written in English"
    assert CJK.search(term.zh) or term.zh.isdigit() or term.zh.isupper(), term.zh
    for definition in (term.en_definition, term.zh_definition):
        assert definition.strip() == definition
        assert definition[-1] in ".。", "definitions are whole sentences"
    # Long enough to say something, short enough for a tooltip.
    assert 40 <= len(term.en_definition) <= 300
    assert 15 <= len(term.zh_definition) <= 150
    # English definitions may quote a Chinese word (绩效, 转正) but are written in English.
    assert _cjk_share(term.en_definition) < 0.1
    assert _cjk_share(term.zh_definition) > 0.6
    assert term.theme in {theme.slug for theme in THEMES}


def test_every_theme_has_terms() -> None:
    used = {term.theme for term in TERMS}
    assert used == {theme.slug for theme in THEMES}


@pytest.mark.parametrize("term", TERMS, ids=lambda term: term.slug)
def test_every_name_of_a_term_is_found_as_that_term_in_a_sentence(term: Term) -> None:
    """No spelling is shadowed by another term or broken by the matcher's boundaries."""
    for variant in term.variants():
        sentence = f"我们的{variant}很重要" if CJK.search(variant) else f"Our {variant}, today."
        found = MATCHER.find(sentence)
        assert [(sentence[start:end], hit.slug) for start, end, hit in found] == [
            (variant, term.slug)
        ], variant


def test_a_spelling_that_names_two_terms_is_refused() -> None:
    first = Term("one", "levels", en="review", zh="评审", en_definition=".", zh_definition="。")
    second = Term("two", "levels", en="Review", zh="复盘", en_definition=".", zh_definition="。")
    with pytest.raises(ValueError, match="names two glossary terms"):
        GlossaryMatcher([first, second])


@pytest.mark.parametrize(
    ("code", "expected"),
    [("en", "en"), ("zh-hans", "zh"), ("zh-Hans", "zh"), ("zh", "zh"), ("fr", "en"), (None, "en")],
)
def test_ui_languages_map_to_a_glossary_language(code: str | None, expected: str) -> None:
    assert content_language(code) == expected


def test_groups_put_the_readers_language_first() -> None:
    english = {e.slug: e for group in glossary_groups(language="en") for e in group.entries}
    chinese = {e.slug: e for group in glossary_groups(language="zh-hans") for e in group.entries}
    assert len(english) == len(chinese) == len(TERMS)
    assert (english["calibration"].name, english["calibration"].other_name) == (
        "calibration",
        "校准",
    )
    assert (chinese["calibration"].name, chinese["calibration"].other_name) == (
        "校准",
        "calibration",
    )
    assert chinese["calibration"].lang == "zh-Hans"
    assert english["calibration"].other_lang == "zh-Hans"
    assert chinese["calibration"].definition.startswith("各团队经理")
