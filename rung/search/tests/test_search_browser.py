"""Search in a real headless Chromium: duplicates caught while asking, instant results."""

import re
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation
from django.utils.translation import gettext

from rung.accounts.models import User
from rung.testing import make_member, make_question
from rung.testing.browser import Watch, sign_up

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def english_question(db: None) -> Any:
    author: User = make_member("earlier")
    return make_question(
        author,
        title="Should I switch jobs for a higher salary?",
        body="My company is stable, but another one offers thirty percent more pay.",
    )


def test_chinese_title_in_ask_form_suggests_english_duplicate(
    live_server: Any, chromium: Any, english_question: Any, test_output: Path
) -> None:
    from playwright.sync_api import expect

    base = live_server.url
    watch = Watch()
    # A Chinese browser gets the Chinese interface; the labels come from the catalogue.
    context = watch.attach(chromium.new_context(locale="zh-CN"))
    page = context.new_page()
    sign_up(page, base, "asker")
    page.goto(f"{base}/ask/")
    with translation.override("zh-hans"):
        title_label, details_label = gettext("Title"), gettext("Details")
        already, coach = gettext("These may already answer you"), gettext("Question coach")
    page.get_by_label(title_label).press_sequentially("我应该为了更高的薪水跳槽吗？", delay=30)
    suggestions = page.locator("#ask-assist .suggestions")
    expect(suggestions).to_contain_text(already)
    link = suggestions.get_by_role("link", name=english_question.title)
    expect(link).to_have_attribute("href", english_question.get_absolute_url())
    # The coach is live too: a title without body or context gets advice.
    expect(page.locator("#ask-assist .coach")).to_contain_text(coach)
    page.get_by_label(details_label).fill(
        "我该跳槽吗？我该先谈涨薪吗？还是应该再等一年？" + "现在的团队很好，但是薪水比市场低。" * 3
    )
    expect(page.locator('#ask-assist .tip[data-code="split"]')).to_be_visible()
    page.screenshot(path=str(test_output / "ask-suggestions.png"), full_page=True)
    watch.assert_clean()
    context.close()


def test_search_shows_results_as_you_type_and_without_javascript(
    live_server: Any, chromium: Any, english_question: Any
) -> None:
    from playwright.sync_api import expect

    base = live_server.url
    watch = Watch()
    context = watch.attach(chromium.new_context())
    page = context.new_page()
    page.goto(f"{base}/search/")
    page.locator("#id_q").press_sequentially("salary", delay=40)
    hit = page.locator("#search-results .search-hit").first
    expect(hit).to_contain_text("higher salary")
    expect(hit.locator("mark")).to_have_text("salary")
    expect(page).to_have_url(re.compile(r"/search/\?q=salary"))
    context.close()

    context = watch.attach(chromium.new_context(java_script_enabled=False))
    page = context.new_page()
    page.goto(f"{base}/")
    page.locator("#nav-q").fill("要不要为了高薪跳槽")
    page.locator("#nav-q").press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    expect(page.locator("#search-results .search-hit").first).to_contain_text("higher salary")
    watch.assert_clean()
    context.close()
