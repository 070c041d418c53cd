"""Whom to trust, end to end in Chromium: a verified employer, a badge, the level's experts,
the profile that shows it all, and an anonymous answer that shows nowhere on it.

Alice proves she works at Meta through a confirmation mail caught by a real SMTP server on
loopback. Bob asks at the mid-level; Alice answers; Bob likes the answer, marks it most
helpful and, promoted, says in his outcome that it helped. Every write reaches the worker's
tasks (run at once here), which recount reputation and award badges. Alice also asked a
question anonymously and answered under it; Carol liked that answer.
"""

import re
from pathlib import Path
from typing import Any

import pytest

from rung.accounts.models import User
from rung.qa import services
from rung.reputation import rules
from rung.reputation.models import BadgeAward, Standing
from rung.testing import make_answer, make_member, make_question
from rung.testing.browser import Watch, log_in, log_out
from rung.testing.smtp import LoopbackSMTP

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WORK = "alice@meta.com"
SECRET_TITLE = "Is it normal to feel lost after a reorg?"
SECRET_ANSWER = "Answering my own question: the reorg settled after two months."


def test_a_member_earns_trust_that_readers_can_see(
    live_server: Any, chromium: Any, live_smtp: LoopbackSMTP, test_output: Path
) -> None:
    from playwright.sync_api import expect

    base = live_server.url
    alice = make_member("alice", display_name="Alice Chen", email="alice@example.com")
    make_member("bob", display_name="Bob Rivera", email="bob@example.com")
    carol = make_member("carol", display_name="Carol Diaz", email="carol@example.com")
    bob = User.objects.get(username="bob")
    question = make_question(bob, title="How do I show ownership as a mid-level engineer?")
    # Alice's anonymous question, her own answer under it, and a like on that answer.
    secret = make_question(alice, title=SECRET_TITLE, is_anonymous=True)
    hidden_answer = make_answer(secret, alice, body=SECRET_ANSWER)
    services.like_toggle(user=carol, target=hidden_answer)

    watch = Watch()
    context = watch.attach(chromium.new_context(viewport={"width": 1280, "height": 900}))
    page = context.new_page()

    # 1. Alice verifies her employer through the mailed link.
    log_in(page, base, "alice")
    page.goto(f"{base}/accounts/email/")
    page.locator("#id_email").fill(WORK)
    page.get_by_role("button", name="Add Email").click()
    expect(page.get_by_text("Work: Meta")).to_be_visible()
    (sent,) = [m for m in live_smtp.messages if m["To"] == WORK]
    body = sent.get_body(preferencelist=("plain",))
    assert body is not None
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", body.get_content())
    assert link is not None
    page.goto(link.group(0))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("now show ✓ Meta")).to_be_visible()

    # 2. She answers Bob's question through the page.
    page.goto(f"{base}{question.get_absolute_url()}")
    page.locator("textarea[name=body]").first.fill(
        "Pick one system nobody owns, write down how it fails, and fix the worst of it."
    )
    page.get_by_role("button", name="Post your answer").click()
    answer = page.locator(".answer").first
    expect(answer.locator(".verified-employer")).to_have_text("✓ Meta")
    log_out(page, base)

    # 3. Bob likes it, marks it most helpful, and says it helped him get promoted.
    log_in(page, base, "bob")
    page.goto(f"{base}{question.get_absolute_url()}")
    page.locator(".answer").first.locator("button.like").click()
    expect(page.locator(".answer").first.locator("button.like")).to_have_attribute(
        "aria-pressed", "true"
    )
    page.locator(".answer").first.get_by_role("button", name="Mark most helpful").click()
    expect(page.locator(".helpful-badge")).to_be_visible()
    page.goto(f"{base}/questions/{question.pk}/outcome/")
    page.get_by_label("Promoted").check()
    page.locator(".outcome-helped label", has_text="Alice Chen: Pick one system").locator(
        "input"
    ).check()
    page.get_by_role("button", name="Post the outcome").click()
    expect(page.locator(".outcome-helped")).to_contain_text("Alice Chen")
    log_out(page, base)

    earned = (
        rules.ANSWER_LIKE_POINTS
        + rules.HELPFUL_POINTS
        + rules.OUTCOME_POINTS
        + rules.OUTCOME_MILESTONE_POINTS
    )
    standing = Standing.objects.get(member=alice)
    assert standing.reputation == earned
    # The like on her anonymous answer counts for her, where only she sees it.
    assert standing.private_reputation == earned + rules.ANSWER_LIKE_POINTS
    assert {"first_answer", "first_helpful", "promotion"} <= set(
        BadgeAward.objects.filter(member=alice).values_list("badge", flat=True)
    )

    # 4. A visitor finds her on the level's experts and on her profile, with it all.
    page.goto(f"{base}/topics/mid-level/")
    experts = page.locator("#experts")
    expect(experts.locator(".member-name", has_text="Alice Chen").first).to_be_visible()
    expect(experts.locator(".verified-employer").first).to_have_text("✓ Meta")
    page.screenshot(path=str(test_output / "trust-level-experts.png"), full_page=True)

    experts.get_by_role("link", name="Alice Chen").first.click()
    page.wait_for_url(f"{base}{alice.get_absolute_url()}")
    header = page.locator(".profile-header")
    expect(header.locator(".verified-employer")).to_have_text("✓ Meta")
    expect(header.locator(".reputation-total")).to_contain_text(str(earned))
    expect(page.locator(".award", has_text="Promotion maker")).to_be_visible()
    page.screenshot(path=str(test_output / "trust-profile.png"), full_page=True)
    for tab in ("", "?tab=questions", "?tab=answers", "?tab=outcomes"):
        page.goto(f"{base}{alice.get_absolute_url()}{tab}")
        html = page.content()
        # The anonymous question, her answer under it, and its points are nowhere.
        assert SECRET_TITLE not in html
        assert SECRET_ANSWER not in html
        assert str(earned + rules.ANSWER_LIKE_POINTS) not in html
        assert WORK not in html

    # 5. Her own view adds what the anonymous answer earned, for her eyes only.
    log_in(page, base, "alice")
    page.goto(f"{base}{alice.get_absolute_url()}")
    expect(page.get_by_text(f"With your anonymous posts: {earned + 10}.")).to_be_visible()
    page.get_by_role("link", name="Why this number?").click()
    page.wait_for_url(f"{base}/reputation/")
    expect(page.locator(".reputation-number")).to_have_text(str(earned))
    expect(page.locator(".credit-list")).to_contain_text(SECRET_TITLE)
    page.screenshot(path=str(test_output / "trust-reputation.png"), full_page=True)
    context.close()
    watch.assert_clean()
