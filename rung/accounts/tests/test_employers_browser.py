"""A member verifies their employer in Chromium through a real confirmation mail.

Alice adds her work address on the e-mail page; the link arrives at a real SMTP server on
loopback; she opens it and confirms; her answer and profile then show "✓ Meta", and no
page shows the address.
"""

import re
from pathlib import Path
from typing import Any

import pytest

from rung.accounts.models import EmployerVerification
from rung.testing import make_answer, make_member, make_question
from rung.testing.browser import Watch, log_in
from rung.testing.smtp import LoopbackSMTP

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WORK = "alice@meta.com"


def test_a_member_verifies_her_employer_by_a_mailed_link(
    live_server: Any, chromium: Any, live_smtp: LoopbackSMTP, test_output: Path
) -> None:
    from playwright.sync_api import expect

    base = live_server.url
    alice = make_member("alice", display_name="Alice Chen", email="alice@example.com")
    bob = make_member("bob", display_name="Bob Rivera", email="bob@example.com")
    question = make_question(bob, title="How do I get my first design doc reviewed?")
    make_answer(question, alice, body="Ask a senior engineer to pair on the outline first.")
    watch = Watch()
    context = watch.attach(chromium.new_context(viewport={"width": 390, "height": 844}))
    page = context.new_page()
    log_in(page, base, "alice")

    # The profile editor leads to the verified-employer page, and that to the e-mail page.
    page.goto(f"{base}/members/me/edit/")
    page.get_by_role("link", name="Verify your employer").click()
    expect(page.locator("h1")).to_have_text("Verified employer")
    expect(page.get_by_text("No verified employer yet.")).to_be_visible()
    page.get_by_role("link", name="Add a work address").click()
    page.wait_for_url(f"{base}/accounts/email/")

    page.locator("#id_email").fill(WORK)
    page.get_by_role("button", name="Add Email").click()
    expect(page.get_by_text("Work: Meta")).to_be_visible()
    (sent,) = [m for m in live_smtp.messages if m["To"] == WORK]
    body = sent.get_body(preferencelist=("plain",))
    assert body is not None
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", body.get_content())
    assert link is not None and link.group(0).startswith(base)

    page.goto(link.group(0))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("now show ✓ Meta")).to_be_visible()
    assert EmployerVerification.objects.get(member=alice).company_name == "Meta"

    page.goto(f"{base}{question.get_absolute_url()}")
    mark = page.locator(".answer .verified-employer")
    expect(mark).to_have_text("✓ Meta")
    expect(mark).to_have_attribute("title", "Verified employer: works at Meta")
    assert WORK not in page.content()
    page.screenshot(path=str(test_output / "verified-employer-answer.png"), full_page=True)

    page.goto(f"{base}{alice.get_absolute_url()}")
    expect(page.locator(".profile-header .verified-employer")).to_have_text("✓ Meta")
    assert WORK not in page.content()

    page.goto(f"{base}/members/me/employer/")
    expect(page.get_by_text("Verifies Meta.")).to_be_visible()
    page.screenshot(path=str(test_output / "verified-employer-page.png"), full_page=True)
    context.close()
    watch.assert_clean()
