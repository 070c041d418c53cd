"""A big thread in a real headless Chromium: more answers and replies load in place.

Answers loaded by "Show more answers" must behave like the first ones: likes, replies
and the translate control all go through htmx on content htmx swapped in.
"""

import re
from pathlib import Path
from typing import Any

import pytest

from rung.languages.tests.fake_services import fake_service
from rung.qa import services
from rung.qa.models import Answer
from rung.qa.thread_selectors import ANSWERS_PER_PAGE, REPLIES_SHOWN
from rung.testing import bulk_answers, make_answer, make_member, make_question

# The browser fixture is shared with the Q&A story.
from rung.testing.browser import Watch, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ANSWERS = 45
REPLIES = 12


def test_show_more_answers_and_replies_in_chromium(
    live_server: Any,
    chromium: Any,
    settings: Any,
    test_output: Path,
) -> None:
    from playwright.sync_api import expect

    asker, reader = make_member("asker"), make_member("reader")
    authors = [make_member(f"answerer{i}") for i in range(4)]
    question = make_question(asker, title="How do I keep a team of twelve aligned?")
    answers = bulk_answers(
        question, authors, ANSWERS, like_counts=[(i * 3) % 5 for i in range(ANSWERS)]
    )
    # The last answer of all is in Chinese, so it offers a translation.
    last = answers[-1]
    last_body = "每周写一份简短的进展说明，发给所有人。"
    Answer.objects.filter(pk=last.pk).update(
        body=last_body, body_html=f"<p>{last_body}</p>", language="zh-hans"
    )
    threaded = make_answer(question, authors[0], body="Write the decisions down.")
    services.answer_mark_helpful(question=question, answer=threaded, actor=asker)
    replies = bulk_answers(
        question, authors, REPLIES, parent=threaded, body="Agreed, and date them."
    )
    question.refresh_from_db()

    watch = Watch()
    with fake_service() as service:
        settings.RUNG_TRANSLATION_PROVIDER = "libretranslate"
        settings.RUNG_LIBRETRANSLATE_URL = service.url
        context = watch.attach(chromium.new_context(viewport={"width": 1280, "height": 900}))
        page = context.new_page()
        log_in(page, live_server.url, reader.username)
        page.goto(f"{live_server.url}{question.get_absolute_url()}")
        page.wait_for_function("() => window.htmx !== undefined")
        cards = page.locator("article.answer")
        # The most helpful answer comes on top of a full page.
        expect(cards).to_have_count(ANSWERS_PER_PAGE + 1)
        expect(page.locator("#answers-heading")).to_have_text(f"{ANSWERS + 1} answers")

        # Replies: the first few, then the rest in place.
        thread = page.locator(f"#answer-{threaded.pk}")
        expect(thread.locator(".reply")).to_have_count(REPLIES_SHOWN)
        more_replies = thread.get_by_role(
            "link", name=f"Show {REPLIES - REPLIES_SHOWN} more replies"
        )
        more_replies.click()
        expect(thread.locator(".reply")).to_have_count(REPLIES)
        expect(thread.locator(f"#answer-{replies[-1].pk}")).to_contain_text("date them")
        expect(thread.locator(".more-replies")).to_have_count(0)

        # Answers: two more pages, appended without leaving the page.
        page.evaluate("() => { window.rungMarker = 'still here'; }")
        page.get_by_role("link", name="Show more answers").click()
        expect(cards).to_have_count(2 * ANSWERS_PER_PAGE + 1)
        page.locator(".more-answers").scroll_into_view_if_needed()
        page.screenshot(path=str(test_output / "thread-desktop.png"))
        page.get_by_role("link", name="Show more answers").click()
        expect(cards).to_have_count(ANSWERS + 1)
        expect(page.get_by_role("link", name="Show more answers")).to_have_count(0)
        assert page.evaluate("() => window.rungMarker") == "still here"
        ids = [int(i.split("-")[1]) for i in cards.evaluate_all("els => els.map(e => e.id)")]
        assert sorted(ids) == sorted([a.pk for a in answers] + [threaded.pk])

        # A like and a translation on an answer that came in by htmx.
        late = page.locator(f"#answer-{last.pk}")
        like = late.locator("button.like")
        like.click()
        expect(like).to_have_attribute("aria-pressed", "true")
        late.get_by_role("link", name="Translate").click()
        expect(page.locator(f"#post-body-answer-{last.pk}")).to_contain_text("TRANSLATED")

        phone = watch.attach(chromium.new_context(viewport={"width": 390, "height": 844}))
        small = phone.new_page()
        small.goto(f"{live_server.url}{question.get_absolute_url()}")
        small.get_by_role("link", name="Show more answers").click()
        expect(small.locator("article.answer")).to_have_count(2 * ANSWERS_PER_PAGE + 1)
        small.locator(".more-answers").scroll_into_view_if_needed()
        small.screenshot(path=str(test_output / "thread-phone.png"))
        assert small.evaluate("() => document.documentElement.scrollWidth") <= 390
        phone.close()
        context.close()

    assert Answer.objects.get(pk=last.pk).like_count == (ANSWERS - 1) * 3 % 5 + 1
    watch.assert_clean()


def test_paged_thread_without_javascript(
    live_server: Any,
    chromium: Any,
) -> None:
    from playwright.sync_api import expect

    asker = make_member("asker")
    authors = [make_member(f"answerer{i}") for i in range(3)]
    question = make_question(asker, title="Which habits help a new tech lead?")
    answers = bulk_answers(question, authors, 30)
    watch = Watch()
    context = watch.attach(chromium.new_context(java_script_enabled=False))
    page = context.new_page()
    base = live_server.url
    page.goto(f"{base}{question.get_absolute_url()}")
    expect(page.locator("article.answer")).to_have_count(ANSWERS_PER_PAGE)
    with page.expect_navigation(url=re.compile(r"\?answers_after=[0-9.]+#answers-heading$")):
        page.get_by_role("link", name="Show more answers").click()
    expect(page.locator("article.answer")).to_have_count(30 - ANSWERS_PER_PAGE)
    expect(page.locator(".answers-where")).to_contain_text("You are reading later answers.")

    # A link to an answer on the second page opens the page that shows it.
    target = answers[25]
    page.goto(f"{base}/answers/{target.pk}/")
    assert page.url.endswith(f"#answer-{target.pk}")
    expect(page.locator(f"#answer-{target.pk}")).to_be_visible()
    watch.assert_clean()
    context.close()
