"""A Chinese reader sees Chinese: no English word on the pages a member reads and fills in,
apart from member text marked with its own language and a few names that have no Chinese.
"""

import re
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from rung.accounts.models import User
from rung.qa.models import Question
from rung.testing.browser import log_in
from rung.testing.factories import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VIEWPORT = {"width": 1280, "height": 900}
# A demo member (rung/demo): the demo is the content these pages show.
READER = "wei"

# Latin words a Chinese page may show, each for a reason:
ALLOWED = {
    "Rung",  # the product's name, the same in every language
    "English",  # a language's own name, in the glossary link "职场术语表（English · 中文）"
    "Markdown",  # the name of the text format; it has no Chinese name
    "http",  # URL schemes in "每行一个 http:// 或 https:// 链接"
    "https",
    "E",  # rating codes as companies write them (E / M+ / M / M- / I)
    "M",
    "I",
}

# Text this test does not read, besides code: any element below <html> that carries its
# own lang attribute holds member text (titles, excerpts, posts, context) or a glossary
# entry labelled with its language, where English terms inside Chinese are the writer's
# choice; names (.name, .me) and headlines are the members' own words; avatars show
# their initials; what is marked translate="no" is a name in its owner's own terms (a
# company's level, "SDE II").
SKIPPED = (
    'script, style, template, noscript, code, pre, .byline, .me, .avatar, .name, [translate="no"]'
)
LATIN_WORDS_JS = """(skipped) => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const el = node.parentElement;
    if (!el || el.closest(skipped)) continue;
    // Every option of a visible select is read: the member opens it to choose.
    const shown = el.closest('select') || el;
    if (!shown.checkVisibility()) continue;
    const labelled = el.closest('[lang]');
    if (labelled && labelled !== document.documentElement) continue;
    const where = ' in “' + node.textContent.trim().slice(0, 60) + '”';
    for (const token of node.textContent.match(/[A-Za-z0-9][A-Za-z0-9'’-]*/g) || []) {
      // Letters with digits are codes, not words: a company's level ("P6", "ICT3", "L10").
      if (/[0-9]/.test(token) || !/[A-Za-z]/.test(token)) continue;
      // "M-" is the code M with a minus sign.
      found.push(token.replace(/[-'’]+$/, '') + where);
    }
  }
  return found;
}"""


def _english_words(page: Any) -> list[str]:
    found = page.evaluate(LATIN_WORDS_JS, SKIPPED)
    return [hit for hit in found if hit.split(" in “", 1)[0] not in ALLOWED]


def test_chinese_pages_show_no_english_interface_or_career_content(
    live_server: Any, chromium: Any, test_output: Path
) -> None:
    from playwright.sync_api import expect

    call_command("demo_content")
    # Read before the browser starts: on SQLite the test and the server share a connection.
    reader = User.objects.get(username=READER)
    reader.ui_language = "zh-hans"
    reader.set_password(PASSWORD)
    reader.save(update_fields=["ui_language", "password"])
    with_card = Question.objects.filter(ctx_level__isnull=False).order_by("pk").first()
    english = Question.objects.filter(language="en").order_by("pk").first()
    assert with_card is not None and english is not None
    english_titles = set(Question.objects.filter(language="en").values_list("title", flat=True))

    base = live_server.url
    context = chromium.new_context(locale="zh-CN", viewport=VIEWPORT)
    page = context.new_page()
    log_in(page, base, READER)
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")

    # Member titles in English are labelled so: the test's skip of labelled text is honest.
    titles = page.locator(".question-card .card-title a")
    assert titles.count() > 0
    seen_english = 0
    for index in range(titles.count()):
        title = titles.nth(index)
        if title.inner_text() in english_titles:
            assert title.get_attribute("lang") == "en"
            seen_english += 1
    assert seen_english > 0

    pages = [
        "/",
        "/topics/mid-level/",
        "/topics/promotions/",
        "/levels/",
        "/topics/",
        with_card.get_absolute_url(),
        english.get_absolute_url(),
        "/ask/",
        "/growth/",
        "/growth/assessment/",
        "/growth/gaps/",
        "/growth/reviews/new/",
        "/glossary/",
    ]
    leaks: dict[str, list[str]] = {}
    for path in pages:
        response = page.goto(f"{base}{path}")
        assert response is not None and response.status == 200, path
        # The level guide and other folded parts are read open.
        page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
        words = _english_words(page)
        if words:
            leaks[path] = words
        name = re.sub(r"[^a-z0-9]+", "-", path).strip("-") or "home"
        page.screenshot(path=str(test_output / f"chinese-{name}.png"), full_page=True)
    context.close()
    assert leaks == {}
