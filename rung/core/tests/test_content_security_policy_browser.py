"""The content security policy in a real headless Chromium: pages and htmx work, nothing is refused.

The browser reports every refusal as a `securitypolicyviolation` event and a console error;
the test collects both from every page and expects none, while it clicks through what uses
script: htmx likes, search as you type, a refused comment swapped in, the print button, the
confirmation before deleting a question, and Django's admin.
"""

import datetime
from pathlib import Path
from typing import Any

import pytest

from rung.accounts.models import User
from rung.growth.services import plans as plan_services
from rung.growth.tests.reviews_factory import make_review
from rung.ladder.models import Axis
from rung.qa.models import Question
from rung.testing import PASSWORD, make_answer, make_member, make_question
from rung.testing.browser import Watch, log_in, log_out

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Runs in every page before its own scripts; the binding is Playwright's, outside the policy.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${location.pathname}`
  );
});
"""


class PolicyWatch(Watch):
    """A Watch that also collects content security policy violations, as events and as the
    console errors Chromium writes for them (those also cover refused eval and workers)."""

    def attach(self, context: Any) -> Any:
        context.expose_function("reportCspViolation", lambda text: self.problems.append(text))
        context.add_init_script(REPORT_VIOLATIONS)
        return super().attach(context)

    def _page(self, page: Any) -> None:
        super()._page(page)
        page.on(
            "console",
            lambda message: (
                self.problems.append(f"console: {message.text}")
                if "Content Security Policy" in message.text
                else None
            ),
        )


@pytest.fixture
def site(db: None) -> dict[str, Any]:
    """Alice asked and has a growth plan and reviews; bob answered; root is a superuser."""
    alice = make_member("alice", display_name="Alice Chen")
    bob = make_member("bob", display_name="Bob Rivera")
    make_member("root", is_staff=True, is_superuser=True)
    question = make_question(
        alice,
        title="How do I show ownership as a mid-level engineer?",
        body="My team's map: ![map](https://elsewhere.example/map.png)",
    )
    make_answer(question, bob, body="Pick one system nobody owns and become its owner.")
    make_review(alice)
    make_review(alice, name="H2 2025", date=datetime.date(2025, 12, 31), ratings={"impact": "E"})
    plan = plan_services.plan_create(owner=alice, title="Towards senior")
    plan_services.goal_create(
        plan=plan, axis=Axis.objects.get(slug="impact"), title="Own the feature store"
    )
    return {"alice": alice, "bob": bob, "question": question, "plan": plan}


def _admin_log_in(page: Any, base: str) -> None:
    page.goto(f"{base}/admin/login/")
    page.locator("input[name=username]").fill("root")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(f"{base}/admin/")


def test_pages_and_htmx_run_under_the_policy_without_a_violation(
    live_server: Any, chromium: Any, site: dict[str, Any], test_output: Path
) -> None:
    from playwright.sync_api import expect

    base = live_server.url
    question: Question = site["question"]
    watch = PolicyWatch()
    context = watch.attach(chromium.new_context(viewport={"width": 1280, "height": 900}))
    page = context.new_page()

    # A visitor reads; the off-site image in the question is a link, not a request.
    off_site_requests: list[str] = []
    page.on(
        "request",
        lambda request: (
            off_site_requests.append(request.url) if not request.url.startswith(base) else None
        ),
    )
    for path in ["/", "/topics/mid-level/", "/glossary/", "/members/bob/", "/accounts/signup/"]:
        page.goto(base + path)
    page.goto(base + question.get_absolute_url())
    expect(page.locator("a.external-image")).to_have_attribute(
        "href", "https://elsewhere.example/map.png"
    )
    # Generated avatars keep their size and colour from classes.
    avatar = page.locator(".answer .avatar-generated").first
    expect(avatar).to_have_css("width", "32px")
    expect(avatar).not_to_have_css("background-color", "rgba(0, 0, 0, 0)")
    page.screenshot(path=str(test_output / "csp-question.png"))

    # Search as you type swaps results in through htmx.
    page.goto(f"{base}/search/")
    page.locator("#id_q").press_sequentially("ownership", delay=40)
    expect(page.locator("#search-results .search-hit").first).to_contain_text("ownership")
    watch.assert_clean()

    # Bob likes the question: htmx posts and swaps the button.
    log_in(page, base, "bob")
    page.goto(base + question.get_absolute_url())
    like = page.locator("#question .like-form button")
    like.click()
    expect(like).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#question .like-count")).to_have_text("1")
    log_out(page, base)

    # Alice's growth pages: charts, a refused comment swapped in with its error, print.
    log_in(page, base, "alice")
    page.goto(f"{base}/growth/reviews/")
    expect(page.locator(".rating-chart").first).to_be_visible()
    plan = site["plan"]
    page.goto(f"{base}/growth/plans/{plan.public_id}/")
    comments = page.locator(".goal-comments").first
    comments.get_by_label("Add a comment").fill("   ")
    comments.get_by_role("button", name="Comment").click()
    expect(page.locator(".goal-comments .errors")).to_be_visible()
    comments = page.locator(".goal-comments").first
    comments.get_by_label("Add a comment").fill("Start with the runbook.")
    comments.get_by_role("button", name="Comment").click()
    expect(page.locator(".goal-comments .comment-body")).to_have_text("Start with the runbook.")
    page.goto(f"{base}/growth/plans/{plan.public_id}/print/")
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Print / Save as PDF").click()
    assert page.evaluate("window.printed") is True

    # Deleting the question asks first; dismissing keeps it, accepting deletes it.
    page.goto(base + question.get_absolute_url())
    asked: list[str] = []

    def answer_dialog(dialog: Any) -> None:
        asked.append(dialog.message)
        dialog.dismiss() if len(asked) == 1 else dialog.accept()

    page.on("dialog", answer_dialog)
    delete = page.locator("#question .post-actions").get_by_role("button", name="Delete")
    delete.click()
    expect(page).to_have_url(base + question.get_absolute_url())
    assert Question.objects.filter(pk=question.pk, is_deleted=False).exists()
    delete.click()
    page.wait_for_url(lambda url: url != base + question.get_absolute_url())
    assert asked == ["Delete this question?", "Delete this question?"]
    assert not Question.objects.filter(pk=question.pk, is_deleted=False).exists()
    log_out(page, base)

    # Django's admin: its scripts and styles carry the nonce.
    _admin_log_in(page, base)
    alice: User = site["alice"]
    page.goto(f"{base}/admin/accounts/user/")
    expect(page.locator("#changelist-filter")).to_be_visible()
    page.goto(f"{base}/admin/accounts/user/{alice.pk}/change/")
    expect(page.locator("#id_groups_from")).to_be_visible()  # the filtered select widget
    page.screenshot(path=str(test_output / "csp-admin-user.png"), full_page=True)

    assert off_site_requests == []
    watch.assert_clean()
    context.close()
