"""End-to-end story in a real headless Chromium: sign up, ask, answer, like, mark helpful.

Everything happens through the UI; the database is only read to confirm the outcome.
"""

import re
from pathlib import Path
from typing import Any

import pytest

from rung.accounts.models import User
from rung.qa.models import Question
from rung.testing.browser import Watch, log_in, log_out, sign_up

TITLE = "How do I show ownership as a mid-level ML engineer?"
BODY = """\
## Where I stand

I ship features on time but rarely own a system end to end.

- Things I do today
  - Feature work
    - Small model retraining jobs
- Things I want to do
"""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_member_story_in_chromium(live_server: Any, chromium: Any, test_output: Path) -> None:
    from playwright.sync_api import expect

    base = live_server.url
    watch = Watch()

    # 1. Alice signs up and lands, logged in, on her profile form.
    alice_context = watch.attach(chromium.new_context(viewport={"width": 1280, "height": 900}))
    page = alice_context.new_page()
    sign_up(page, base, "alice")
    expect(page.locator("header.site-header")).to_contain_text("alice")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    # 2. She fills in her profile.
    page.get_by_label("Display name").fill("Alice Chen")
    page.get_by_label("Headline").fill("ML Engineer at Acme")
    page.get_by_label("Current level").select_option(label="Mid-level Engineer")
    page.get_by_label("Years of experience").fill("4")
    page.get_by_label("English", exact=True).check()
    page.get_by_label("Chinese (Simplified)").check()
    page.get_by_role("button", name="Save profile").click()
    page.wait_for_url(f"{base}/members/alice/")
    header = page.locator(".profile-header")
    expect(header.locator("h1")).to_have_text("Alice Chen")
    expect(header.locator(".headline")).to_have_text("ML Engineer at Acme")
    expect(header.locator(".facts")).to_contain_text("Mid-level Engineer")
    expect(header.locator(".facts")).to_contain_text("4 years of experience")
    expect(header.locator(".facts")).to_contain_text("English")

    # 3. She asks a question with a context card.
    page.goto(f"{base}/ask/")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Details").fill(BODY)
    topics = page.locator("fieldset.topics-field")
    topics.get_by_label("Mid-level Engineer", exact=True).check()
    topics.get_by_label("Performance Reviews", exact=True).check()
    card = page.locator("fieldset.context-fields")
    card.get_by_label("Current level").select_option(label="Mid-level Engineer")
    card.get_by_label("Years of experience").fill("4")
    card.get_by_label("Rating scale of your last review").select_option(label="E / M+ / M / M- / I")
    ratings = page.locator("fieldset.ratings-fields")
    ratings.get_by_label("Impact", exact=True).select_option(label="E — Exceeds")
    ratings.get_by_label("Teamwork", exact=True).select_option(label="M+ — Meets+")
    ratings.get_by_label("Technical Skills", exact=True).select_option(label="M — Meets")
    card.get_by_label("Question focus").fill("Moving from feature work to owning a system")
    card.get_by_label("Would love feedback on").fill("Which habits to change first")
    page.get_by_role("button", name="Post your question").click()
    page.wait_for_url(re.compile(r"/questions/\d+/[\w-]+/$"))
    question_url = page.url
    expect(page.locator("h1")).to_have_text(TITLE)
    context_card = page.locator("section.context-card")
    expect(context_card).to_be_visible()
    expect(context_card).to_contain_text("Mid-level Engineer")
    expect(context_card).to_contain_text("4 years")
    expect(context_card).to_contain_text("E / M+ / M / M- / I")
    expect(context_card.locator(".rating")).to_have_text(
        ["Impact E", "Teamwork M+", "Technical Skills M"]
    )
    expect(context_card).to_contain_text("Moving from feature work to owning a system")
    expect(context_card).to_contain_text("Which habits to change first")
    body = page.locator("#question .prose.body")
    expect(body.locator("h2")).to_have_text("Where I stand")
    expect(body.locator("ul ul ul li")).to_have_text("Small model retraining jobs")
    expect(page.locator("#question .crumbs .topic-pill")).to_have_text(
        ["Mid-level Engineer", "Performance Reviews"]
    )

    # 4. Alice logs out; Bob signs up in his own browser context, finds the question and answers.
    log_out(page, base)
    expect(page.locator("header.site-header").get_by_role("link", name="Log in")).to_be_visible()

    bob_context = watch.attach(chromium.new_context(viewport={"width": 1280, "height": 900}))
    bob = bob_context.new_page()
    sign_up(bob, base, "bob")
    bob.goto(f"{base}/topics/mid-level/")
    bob.locator("#feed-items").get_by_role("link", name=TITLE).click()
    bob.wait_for_url(question_url)
    bob.get_by_role("textbox", name="Your answer").fill(
        "Pick one **system nobody owns** and become its owner: on-call, docs, roadmap."
    )
    bob.get_by_role("button", name="Post your answer").click()
    bob.wait_for_url(re.compile(r"#answer-\d+$"))
    answer_id = bob.url.rsplit("#answer-", 1)[1]
    answer = bob.locator(f"#answer-{answer_id}")
    expect(answer).to_contain_text("system nobody owns")

    # The like is swapped in by htmx: the page, and anything set on window, survives.
    like = bob.locator("#question .post-actions form.like-form button.like")
    expect(like).to_have_attribute("aria-pressed", "false")
    expect(like.locator(".like-count")).to_have_text("0")
    bob.wait_for_function("() => window.htmx !== undefined")
    bob.evaluate("() => { window.rungMarker = 'still here'; }")
    navigations: list[str] = []
    bob.on(
        "framenavigated",
        lambda frame: navigations.append(frame.url) if frame == bob.main_frame else None,
    )
    with bob.expect_response(
        lambda r: r.url.endswith("/like/") and r.request.method == "POST"
    ) as like_response:
        like.click()
    assert like_response.value.status == 200
    assert like_response.value.request.headers.get("hx-request") == "true"
    expect(like).to_have_attribute("aria-pressed", "true")
    expect(like.locator(".like-count")).to_have_text("1")
    expect(like.locator(".like-label")).to_have_text("Liked")
    assert bob.evaluate("() => window.rungMarker") == "still here"
    assert navigations == []

    # 5. Alice logs back in and marks Bob's answer as most helpful.
    log_in(page, base, "alice")
    page.goto(question_url)
    alice_answer = page.locator(f"#answer-{answer_id}")
    expect(alice_answer.locator(".helpful-badge")).to_have_count(0)
    alice_answer.get_by_role("button", name="Mark most helpful").click()
    page.wait_for_url(f"{question_url}#answer-{answer_id}")
    expect(alice_answer.locator(".helpful-badge")).to_contain_text("Most helpful to the asker")
    expect(alice_answer.get_by_role("button", name="Unmark most helpful")).to_be_visible()
    expect(page.locator("#question .like-static")).to_contain_text("1")

    # 6. A full-page screenshot of the finished question page.
    screenshot = test_output / "question-page.png"
    screenshot.unlink(missing_ok=True)
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.exists()
    assert screenshot.stat().st_size > 10_000

    watch.assert_clean()
    bob_context.close()
    alice_context.close()

    question = Question.objects.get(title=TITLE)
    assert question.author == User.objects.get(username="alice")
    assert question.accepted_answer_id == int(answer_id)
    assert question.accepted_answer is not None
    assert question.accepted_answer.author.username == "bob"
    assert question.like_count == 1
    assert question.answer_count == 1


def test_like_without_javascript(live_server: Any, chromium: Any) -> None:
    from playwright.sync_api import expect

    base = live_server.url
    watch = Watch()

    asker_context = watch.attach(chromium.new_context())
    asker = asker_context.new_page()
    sign_up(asker, base, "asker")
    asker.goto(f"{base}/ask/")
    asker.get_by_label("Title").fill("Is a plain form enough to like a question?")
    asker.get_by_label("Details").fill("Checking that likes work without scripts.")
    asker.locator("fieldset.topics-field").get_by_label("Mid-level Engineer", exact=True).check()
    asker.get_by_role("button", name="Post your question").click()
    asker.wait_for_url(re.compile(r"/questions/\d+/[\w-]+/$"))
    question_url = asker.url
    asker_context.close()

    context = watch.attach(chromium.new_context(java_script_enabled=False))
    page = context.new_page()
    sign_up(page, base, "reader")
    page.goto(question_url)
    like = page.locator("#question form.like-form button.like")
    expect(like.locator(".like-count")).to_have_text("0")
    with (
        page.expect_request(lambda r: r.url.endswith("/like/")) as like_request,
        page.expect_navigation(url=question_url),
    ):
        like.click()
    assert like_request.value.method == "POST"
    assert "hx-request" not in like_request.value.headers
    expect(like).to_have_attribute("aria-pressed", "true")
    expect(like.locator(".like-count")).to_have_text("1")
    watch.assert_clean()
    context.close()

    question = Question.objects.get(title="Is a plain form enough to like a question?")
    assert question.like_count == 1
