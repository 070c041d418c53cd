"""Back, then Post again, in a real headless Chromium: one question.

The member posts, presses Back and presses Post again on the form as the browser shows
it. Whether the browser kept the page whole (the same token) or fetched it again (a new
token, the typed text restored), the second submit lands on the first post with a note.
"""

import re
from pathlib import Path
from typing import Any

import pytest

from rung.qa.models import Question
from rung.testing import make_member
from rung.testing.browser import Watch, fill_unless_restored, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "How do I ask my manager for a scope review?"
BODY = "My manager joined last month and has not seen my work yet."
QUESTION_URL = re.compile(r"/questions/\d+/[\w-]+/$")


def _token(page: Any) -> str:
    return str(page.locator("form.ask-form input[name=submit_token]").input_value())


def test_back_then_post_again_makes_one_question(
    live_server: Any, chromium: Any, test_output: Path
) -> None:
    base = live_server.url
    make_member("petra", display_name="Petra Novak")
    watch = Watch()
    context = watch.attach(chromium.new_context(viewport={"width": 1280, "height": 900}))
    page = context.new_page()
    log_in(page, base, "petra")

    page.goto(f"{base}/ask/")
    first_token = _token(page)
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Details").fill(BODY)
    page.locator("fieldset.topics-field").get_by_label("Mid-level Engineer", exact=True).check()
    page.get_by_role("button", name="Post your question").click()
    page.wait_for_url(QUESTION_URL)
    question_url = page.url

    page.go_back()
    page.wait_for_url(f"{base}/ask/")
    fill_unless_restored(page.get_by_label("Title"), TITLE)
    fill_unless_restored(page.get_by_label("Details"), BODY)
    topic = page.locator("fieldset.topics-field").get_by_label("Mid-level Engineer", exact=True)
    if not topic.is_checked():
        topic.check()
    second_token = _token(page)
    page.get_by_role("button", name="Post your question").click()
    page.wait_for_url(QUESTION_URL)

    assert page.url == question_url
    messages = page.locator("ul.messages")
    assert "You had already posted this question" in messages.inner_text()
    page.screenshot(path=str(test_output / "repost-question.png"), full_page=True)
    assert Question.objects.filter(title=TITLE).count() == 1

    # Now with certainly a new rendering of the form: a reload gets a new token.
    page.goto(f"{base}/ask/")
    assert _token(page) not in (first_token, second_token)
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Details").fill(BODY)
    page.locator("fieldset.topics-field").get_by_label("Mid-level Engineer", exact=True).check()
    page.get_by_role("button", name="Post your question").click()
    page.wait_for_url(QUESTION_URL)
    assert page.url == question_url
    assert Question.objects.filter(title=TITLE).count() == 1
    watch.assert_clean()
    context.close()
