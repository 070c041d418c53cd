"""The community loop in Chromium, through the pages only, with mail to a real SMTP server.

Bob watches Mid-level; Alice asks there; Bob's bell shows it without a reload; Bob
answers; Alice, whose interface is in Chinese, gets the mail in Chinese and the notice in
Rung; she marks the answer most helpful and Bob hears of it; six weeks later Alice is asked
what happened, posts "promoted", and Bob is told.
"""

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from rung.notifications.models import Notification
from rung.qa.models import Question
from rung.testing import make_member
from rung.testing.browser import Watch, log_in
from rung.testing.smtp import LoopbackSMTP

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "How do I show impact before my first calibration?"


def _bell(page: Any) -> Any:
    return page.locator("header .nav-bell [data-bell-count]")


def test_the_community_loop(
    live_server: Any, chromium: Any, live_smtp: LoopbackSMTP, test_output: Path
) -> None:
    from playwright.sync_api import expect

    base = live_server.url
    make_member("alice", display_name="Alice Chen", email="alice@example.com")
    make_member("bob", display_name="Bob Rivera", email="bob@example.com")
    watch = Watch()

    # Bob watches the Mid-level topic from its page, and stays on the home page.
    bob_context = watch.attach(chromium.new_context(viewport={"width": 1280, "height": 900}))
    bob = bob_context.new_page()
    bob.clock.install()
    log_in(bob, base, "bob")
    bob.goto(f"{base}/topics/mid-level/")
    control = bob.locator(".topic-header .follow-control")
    control.locator("summary").click()
    control.get_by_role("button", name="Watching").click()
    expect(bob.locator(".topic-header .follow-control summary")).to_have_text("Watching")
    bob.goto(f"{base}/")
    expect(_bell(bob)).to_be_hidden()

    # Alice asks in Mid-level, then switches her interface to Chinese.
    alice_context = watch.attach(chromium.new_context(viewport={"width": 390, "height": 844}))
    alice = alice_context.new_page()
    log_in(alice, base, "alice")
    alice.goto(f"{base}/ask/")
    alice.get_by_label("Title").fill(TITLE)
    alice.get_by_label("Details").fill("My manager says I ship well but my impact is invisible.")
    alice.locator("fieldset.topics-field").get_by_label("Mid-level Engineer", exact=True).check()
    alice.get_by_role("button", name="Post your question").click()
    alice.wait_for_url(re.compile(r"/questions/\d+/[\w-]+/$"))
    question = Question.objects.get(title=TITLE)
    alice.locator("summary.nav-menu-button").click()
    alice.locator("header").get_by_role("button", name="中文").click()
    expect(alice.locator("html")).to_have_attribute("lang", "zh-hans")

    # Bob's bell shows the new question at its next poll, without a reload.
    bob.clock.fast_forward("01:05")
    expect(_bell(bob)).to_have_text("1")
    bob.locator("header .nav-bell").click()
    line = bob.locator(".notice-list .notice").first
    expect(line).to_contain_text(f"New question in Mid-level Engineer: “{TITLE}”")
    line.get_by_role("link").click()
    bob.wait_for_url(re.compile(rf"/questions/{question.pk}/"))

    # Bob answers.
    bob.get_by_role("textbox", name="Your answer").fill(
        "Write each project as the problem, what you changed, and the number that moved."
    )
    bob.get_by_role("button", name="Post your answer").click()
    expect(bob.locator(".answer").first).to_contain_text("the number that moved")

    # Alice gets one mail, in Chinese, with a link that opens the answer; and the notice.
    mails = [m for m in live_smtp.received if "alice@example.com" in m.recipients]
    assert len(mails) == 1
    mail = mails[0].message
    assert "Bob Rivera" in mail["Subject"] and "回答了你的问题" in mail["Subject"]
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    plain = mail.get_body(preferencelist=("plain",))
    assert plain is not None
    text = plain.get_content()
    link = next(
        u
        for u in re.findall(r"https?://[^\s<>\"]+", text)
        if "/answers/" in u or "/notifications/" in u
    )
    alice.goto(link)
    expect(alice.locator(".answer").first).to_contain_text("the number that moved")
    alice.goto(f"{base}/notifications/")
    expect(alice.locator(".notice-list")).to_contain_text("Bob Rivera 回答了你的问题")

    # She marks it most helpful; Bob hears of it.
    answer = question.answers.get()
    alice.goto(f"{base}{question.get_absolute_url()}")
    alice.locator(f"form[action='/answers/{answer.pk}/helpful/'] button").click()
    expect(alice.locator(f"#answer-{answer.pk}.helpful")).to_be_visible()
    bob.goto(f"{base}/")
    expect(_bell(bob)).to_have_text("1")
    bob.locator("header .nav-bell").click()
    expect(bob.locator(".notice-list .notice.unread").first).to_contain_text(
        f"Alice Chen marked your answer on “{TITLE}” most helpful"
    )

    # Six weeks on, the periodic run asks Alice what happened.
    Question.objects.filter(pk=question.pk).update(
        created_at=timezone.now() - dt.timedelta(weeks=6, days=1)
    )
    call_command("notifications_due", "--here", verbosity=0)
    prompt = Notification.objects.get(recipient__username="alice", kind="outcome_prompt")
    alice.goto(f"{base}/notifications/")
    expect(alice.locator(".notice-list .notice.unread").first).to_contain_text("后来怎么样了")
    alice.locator(".notice-list .notice.unread").first.get_by_role("link").click()
    alice.wait_for_url(re.compile(rf"/questions/{question.pk}/outcome/"))
    alice.locator("input[value=promoted]").check()
    alice.locator("textarea").fill("升职了！谢谢大家。")
    alice.locator("main form button[type=submit]").click()
    alice.wait_for_url(re.compile(rf"/questions/{question.pk}/"))
    assert prompt.pk

    # Bob is told, in the bell and by mail.
    bob.goto(f"{base}/notifications/")
    expect(bob.locator(".notice-list .notice.unread").first).to_contain_text(
        f"Alice Chen says what happened after asking “{TITLE}”: Promoted"
    )
    bob.screenshot(path=str(test_output / "notifications-story-bob.png"), full_page=True)
    alice.screenshot(path=str(test_output / "notifications-story-alice.png"), full_page=True)
    assert any("bob@example.com" in m.recipients for m in live_smtp.received)
    alice_context.close()
    bob_context.close()
    watch.assert_clean()
