"""A member follows a level, saves an answer and mutes a topic, in a real headless Chromium,
with htmx and then without JavaScript."""

import re
from pathlib import Path
from typing import Any

import pytest

from rung.notifications.models import Bookmark, Follow
from rung.qa.models import Topic
from rung.testing import make_answer, make_member, make_question
from rung.testing.browser import Watch, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_watch_a_level_save_an_answer_and_mute_a_topic(
    live_server: Any, chromium: Any, test_output: Path
) -> None:
    from playwright.sync_api import expect

    reader, asker, helper = make_member("reader"), make_member("asker"), make_member("helper")
    question = make_question(asker, title="How do I show senior-level scope?", topics=["mid-level"])
    answer = make_answer(question, helper, body="Own one cross-team migration end to end.")
    make_question(
        asker, title="Is a promotion committee worth preparing for?", topics=["promotions"]
    )
    base = live_server.url

    watch = Watch()
    context = watch.attach(chromium.new_context(viewport={"width": 1280, "height": 900}))
    page = context.new_page()
    log_in(page, base, reader.username)

    # Watch the level from its topic page: the menu says what each level does.
    page.goto(f"{base}/topics/mid-level/")
    page.wait_for_function("() => window.htmx !== undefined")
    control = page.locator(".topic-header .follow-control")
    control.locator("summary").click()
    expect(control.get_by_text("A notice for every new question.")).to_be_visible()
    control.get_by_role("button", name="Watching").click()
    expect(page.locator(".topic-header .follow-control summary")).to_have_text("Watching")
    expect(page.locator(".topic-header .follow-said")).to_contain_text("You are watching")
    mid = Topic.objects.get(slug="mid-level")
    assert Follow.objects.get(user=reader, topic=mid).level == "watching"
    page.screenshot(path=str(test_output / "follows-topic.png"), full_page=True)

    # Save the answer; the toggle flips in place.
    page.goto(f"{base}{question.get_absolute_url()}")
    page.wait_for_function("() => window.htmx !== undefined")
    save = page.locator(f"#answer-{answer.pk} form.save-form button")
    expect(save).to_have_text("Save")
    save.click()
    expect(page.locator(f"#answer-{answer.pk} form.save-form button")).to_have_text("Saved")
    assert Bookmark.objects.filter(user=reader, answer=answer).exists()

    # The header's account menu leads to the Saved page, which lists it.
    page.locator(".nav-account").get_by_role("link", name="Saved").click()
    page.wait_for_url(f"{base}/notifications/saved/")
    expect(page.locator(".saved-item")).to_have_count(1)
    expect(page.locator(".saved-item")).to_contain_text("Own one cross-team migration")
    page.screenshot(path=str(test_output / "follows-saved.png"), full_page=True)

    # Mute a topic: its question leaves the home feed.
    page.goto(f"{base}/")
    expect(page.locator("#home-feed")).to_contain_text("Is a promotion committee worth")
    page.goto(f"{base}/topics/promotions/")
    page.wait_for_function("() => window.htmx !== undefined")
    control = page.locator(".topic-header .follow-control")
    control.locator("summary").click()
    control.get_by_role("button", name="Muted").click()
    expect(page.locator(".topic-header .follow-control summary")).to_have_text("Muted")
    page.goto(f"{base}/")
    expect(page.locator("#home-feed")).to_contain_text("How do I show senior-level scope?")
    expect(page.locator("#home-feed")).not_to_contain_text("Is a promotion committee worth")
    watch.assert_clean()
    context.close()


def test_the_level_menu_and_save_work_without_javascript(live_server: Any, chromium: Any) -> None:
    from playwright.sync_api import expect

    reader, asker = make_member("reader"), make_member("asker")
    question = make_question(asker, title="What does staff scope look like?", topics=["mid-level"])
    base = live_server.url
    watch = Watch()
    context = watch.attach(
        chromium.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    )
    page = context.new_page()
    log_in(page, base, reader.username)
    page.goto(f"{base}/topics/mid-level/")
    control = page.locator(".topic-header .follow-control")
    control.locator("summary").click()
    control.get_by_role("button", name="Tracking").click()
    page.wait_for_url(f"{base}/topics/mid-level/")
    expect(page.locator(".messages")).to_contain_text("You are tracking")
    expect(page.locator(".topic-header .follow-control summary")).to_have_text("Tracking")

    page.goto(f"{base}{question.get_absolute_url()}")
    page.locator("#question form.save-form button").click()
    page.wait_for_url(re.compile(re.escape(f"{base}{question.get_absolute_url()}") + "#question$"))
    expect(page.locator(".messages")).to_contain_text("Saved.")
    expect(page.locator("#question form.save-form button")).to_have_text("Saved")
    page.locator("#question .watch-control").get_by_role("button", name="Watch").click()
    expect(page.locator(".messages")).to_contain_text("You are watching this question")
    expect(
        page.locator("#question .watch-control").get_by_role("button", name="Unwatch")
    ).to_be_visible()
    watch.assert_clean()
    context.close()
