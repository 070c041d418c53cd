"""In a real Chromium: "@bo" in the answer box offers bob, the keyboard picks him, and the
posted answer links to his profile. The asker then invites a member from the suggestions."""

from pathlib import Path
from typing import Any

import pytest

from rung.qa import services
from rung.testing import make_answer, make_member, make_question
from rung.testing.browser import Watch, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_mention_picked_from_suggestions_in_chromium(
    live_server: Any, chromium: Any, test_output: Path
) -> None:
    from playwright.sync_api import expect

    asker = make_member("asker", display_name="Asha Kumar")
    bob = make_member("bob", display_name="Bob Rivera")
    make_member("boris", display_name="Boris Ng")
    writer = make_member("writer", display_name="Wen Li")
    question = make_question(asker, title="Who should review my promotion packet?")

    watch = Watch()
    context = watch.attach(chromium.new_context(viewport={"width": 390, "height": 900}))
    page = context.new_page()
    log_in(page, live_server.url, writer.username)
    page.goto(f"{live_server.url}{question.get_absolute_url()}")
    box = page.locator("#id_body")
    box.click()
    box.press_sequentially("Ask @bo")

    listbox = page.get_by_role("listbox", name="Members to mention")
    expect(listbox).to_be_visible()
    options = listbox.get_by_role("option")
    expect(options).to_have_count(2)
    expect(options.nth(0)).to_contain_text("Bob Rivera")
    expect(options.nth(0)).to_contain_text("@bob")
    expect(options.nth(1)).to_contain_text("@boris")
    # The first is active; the arrows move, and the textarea points at the active option.
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    box.press("ArrowDown")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", options.nth(1).get_attribute("id"))
    box.press("ArrowUp")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    page.screenshot(path=str(test_output / "mention-suggestions-390.png"))
    box.press("Enter")
    expect(listbox).to_have_count(0)
    expect(box).to_have_value("Ask @bob ")

    # Escape closes the list and leaves the text as typed.
    box.press_sequentially("or @bor")
    expect(listbox.get_by_role("option")).to_have_count(1)
    box.press("Escape")
    expect(listbox).to_have_count(0)
    expect(box).to_have_value("Ask @bob or @bor")
    box.press_sequentially("is, they reviewed mine.")

    page.get_by_role("button", name="Post your answer").click()
    answer = page.locator("article.answer").filter(has_text="they reviewed mine")
    links = answer.locator("a.mention")
    expect(links).to_have_text(["@bob", "@boris"])
    expect(links.nth(0)).to_have_attribute("href", bob.get_absolute_url())
    # "@boris" was typed out by hand after the list was closed: a mention all the same.
    expect(links.nth(1)).to_have_attribute("href", "/members/boris/")
    page.screenshot(path=str(test_output / "mention-posted-390.png"))
    watch.assert_clean()


def test_asker_invites_a_suggested_member_in_chromium(
    live_server: Any, chromium: Any, test_output: Path
) -> None:
    from playwright.sync_api import expect

    asker = make_member("asker", display_name="Asha Kumar")
    helper = make_member("helper", display_name="Hana Sato")
    earlier = make_question(make_member("other"), topics=["mid-level"])
    good = make_answer(earlier, helper)
    services.answer_mark_helpful(question=earlier, answer=good, actor=earlier.author)
    question = make_question(asker, topics=["mid-level"], title="How do I get to senior?")

    watch = Watch()
    context = watch.attach(chromium.new_context(viewport={"width": 390, "height": 900}))
    page = context.new_page()
    log_in(page, live_server.url, asker.username)
    page.goto(f"{live_server.url}{question.get_absolute_url()}")
    panel = page.locator("section.invite-panel")
    expect(panel).to_contain_text("1 answer marked most helpful in Mid-level Engineer")
    panel.screenshot(path=str(test_output / "invite-panel-390.png"))
    panel.get_by_role("button", name="Invite Hana Sato to answer").click()
    expect(page.locator(".messages")).to_contain_text("Hana Sato was invited to answer.")
    expect(page.locator("section.invite-panel .invited-list")).to_contain_text("Hana Sato")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    watch.assert_clean()
