"""The question page members share, in a real headless Chromium, on a phone, in Chinese.

Two members with nothing of their own on a question read the copy they share. Each one's
likes, watch control and reply go through with their own tokens, and what one does shows
on their page only.
"""

from pathlib import Path
from typing import Any

import pytest

from rung.qa.models import Answer, Like
from rung.testing import make_answer, make_member, make_question
from rung.testing.browser import Watch, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_two_members_act_on_the_page_they_share_in_chinese_on_a_phone(
    live_server: Any, chromium: Any, test_output: Path
) -> None:
    from playwright.sync_api import expect

    asker, answerer = make_member("asker"), make_member("answerer")
    make_member("lin", display_name="林 Lin")
    make_member("sam", display_name="Sam")
    question = make_question(asker, title="第一次带团队，怎么安排一对一？")
    answer = make_answer(question, answerer, body="每两周一次，**先听**对方说。")
    url = f"{live_server.url}{question.get_absolute_url()}"
    watch = Watch()
    pages = {}
    for name in ("lin", "sam"):
        context = watch.attach(
            chromium.new_context(
                viewport={"width": 390, "height": 844},
                locale="zh-CN",
                extra_http_headers={"Accept-Language": "zh-CN"},
            )
        )
        page = context.new_page()
        log_in(page, live_server.url, name)
        page.goto(url)
        pages[name] = page

    lin, sam = pages["lin"], pages["sam"]
    expect(lin.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(lin.locator("header.site-header")).to_contain_text("林 Lin")
    expect(sam.locator("header.site-header")).to_contain_text("Sam")
    expect(lin.locator(f"#post-body-answer-{answer.pk}")).to_contain_text("先听")

    # Lin likes the answer through htmx with the token her page was filled with.
    like = lin.locator(f"#answer-{answer.pk} > .post-actions form.like-form button")
    like.click()
    expect(like).to_have_attribute("aria-pressed", "true")
    assert Like.objects.filter(user__username="lin", answer=answer).exists()

    # Sam's page, from the same kept copy, still offers the like to him.
    sam.reload()
    sam_like = sam.locator(f"#answer-{answer.pk} > .post-actions form.like-form button")
    expect(sam_like).to_have_attribute("aria-pressed", "false")
    expect(sam_like.locator(".like-count")).to_have_text("1")

    # Sam replies from the shared page.
    sam.locator(f"#answer-{answer.pk} details.reply-box summary").click()
    sam.locator(f"#reply-{answer.pk}").fill("谢谢，这个节奏很实用。")
    sam.locator(f"#answer-{answer.pk} details.reply-box button[type=submit]").click()
    expect(sam.locator(f"#answer-{answer.pk} .replies")).to_contain_text("这个节奏很实用")
    assert Answer.objects.filter(parent=answer, author__username="sam").exists()

    # Lin, who liked the answer, now reads a page of her own; nothing of Sam's shows in it.
    lin.reload()
    expect(like).to_have_attribute("aria-pressed", "true")
    expect(lin.locator("header.site-header")).not_to_contain_text("Sam")
    lin.screenshot(path=str(test_output / "shared-member-page-zh-390.png"), full_page=True)
    watch.assert_clean()
