"""The header reaches the levels, topics and members pages, and home's "Older questions"
appends the next page in place, in a real headless Chromium against a live server."""

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from rung.qa.models import Question
from rung.testing import make_member, make_question
from rung.testing.browser import Watch

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_header_links_and_home_load_more(
    live_server: Any, chromium: Any, test_output: Path
) -> None:
    from playwright.sync_api import expect

    asker = make_member("asker", display_name="Paging Asker", headline="Engineer at Example")
    start = timezone.now() - timedelta(hours=2)
    for n in range(25):
        question = make_question(asker, title=f"Load more question number {n:02d}")
        Question.objects.filter(pk=question.pk).update(created_at=start + timedelta(minutes=n))

    base = live_server.url
    watch = Watch()
    context = watch.attach(chromium.new_context(viewport={"width": 1280, "height": 900}))
    page = context.new_page()
    page.goto(f"{base}/")
    nav = page.locator("header.site-header nav")

    nav.get_by_role("link", name="Levels", exact=True).click()
    page.wait_for_url(f"{base}/levels/")
    expect(page.locator("h1")).to_have_text("Career levels")
    page.get_by_role("link", name="Mid-level Engineer").click()
    page.wait_for_url(f"{base}/topics/mid-level/")

    nav.get_by_role("link", name="Topics", exact=True).click()
    page.wait_for_url(f"{base}/topics/")
    page.get_by_role("searchbox", name="Filter topics").fill("promot")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(f"{base}/topics/?q=promot&sort=popular")
    expect(page.locator(".topic-row")).to_have_count(1)

    nav.get_by_role("link", name="Members", exact=True).click()
    page.wait_for_url(f"{base}/members/")
    expect(page.locator(".member-card")).to_contain_text("Paging Asker")
    page.screenshot(path=str(test_output / "members-1280.png"), full_page=True)

    page.goto(f"{base}/")
    cards = page.locator("#home-feed .question-card")
    expect(cards).to_have_count(20)
    page.get_by_role("link", name="Older questions").click()
    expect(cards).to_have_count(25)
    # Appended in place: the page did not move, and the newest question is still on top.
    assert page.url == f"{base}/"
    expect(cards.first).to_contain_text("number 24")
    expect(cards.last).to_contain_text("number 00")
    expect(page.get_by_role("link", name="Older questions")).to_have_count(0)
    watch.assert_clean()
