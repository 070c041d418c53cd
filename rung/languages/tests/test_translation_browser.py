"""Translate and "Show original" in a real headless Chromium, against a local LibreTranslate."""

from pathlib import Path
from typing import Any

import pytest

from rung.languages.tests.fake_services import fake_service
from rung.testing import make_answer, make_member, make_question

# The browser fixture is shared with the Q&A story.
from rung.testing.browser import Watch

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_translate_and_show_original_in_chromium(
    live_server: Any,
    chromium: Any,
    settings: Any,
    test_output: Path,
) -> None:
    from playwright.sync_api import expect

    asker, answerer = make_member("wei"), make_member("bob")
    question = make_question(
        asker,
        title="如何展示主人翁意识？",
        body="我负责一些小功能，比如 `make lint`。\n\n- 先改变什么？\n- 怎样写设计文档？",
        language="zh-hans",
    )
    answer = make_answer(
        question, answerer, body="先负责一个系统，然后写下来。", language="zh-hans"
    )
    watch = Watch()
    with fake_service() as service:
        settings.RUNG_TRANSLATION_PROVIDER = "libretranslate"
        settings.RUNG_LIBRETRANSLATE_URL = service.url
        page = watch.attach(chromium.new_context(locale="en-US")).new_page()
        page.goto(f"{live_server.url}{question.get_absolute_url()}")
        body = page.locator(f"#post-body-question-{question.pk}")
        expect(body).to_contain_text("我负责一些小功能")
        assert service.calls == 0  # nothing is translated on page load

        page.locator(f"#translate-question-{question.pk}").get_by_role(
            "link", name="Translate"
        ).click()
        expect(body).to_contain_text("TRANSLATED")
        expect(body).to_have_attribute("lang", "en")
        expect(body.locator("code")).to_have_text("make lint")
        control = page.locator(f"#translate-question-{question.pk}")
        expect(control).to_contain_text("LibreTranslate")
        page.screenshot(path=str(test_output / "translation.png"), full_page=True)

        control.get_by_role("link", name="Show original").click()
        expect(body).to_contain_text("我负责一些小功能")
        calls = service.calls
        control.get_by_role("link", name="Translate").click()
        expect(body).to_contain_text("TRANSLATED")
        assert service.calls == calls  # the second time comes from the cache

        # A failing service leaves the answer as it is and says so politely.
        service.mode = "server_error"
        answer_control = page.locator(f"#translate-answer-{answer.pk}")
        answer_control.get_by_role("link", name="Translate").click()
        expect(answer_control).to_contain_text("Translation unavailable, try again later.")
        expect(page.locator(f"#post-body-answer-{answer.pk}")).to_contain_text("先负责一个系统")
        service.mode = "ok"
        answer_control.get_by_role("link", name="Try again").click()
        expect(page.locator(f"#post-body-answer-{answer.pk}")).to_contain_text("TRANSLATED")
    watch.assert_clean()
