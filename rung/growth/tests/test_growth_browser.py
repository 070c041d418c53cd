"""The growth workspace story in a real headless Chromium, against a live server.

A member records two review cycles, assesses herself, plans, logs work, drafts a
self-review, and shares the plan with a colleague who comments until the share is revoked.
Everything happens through the UI; the database is only read to confirm the outcome.
"""

import datetime
import re
from pathlib import Path
from typing import Any

import pytest

from rung.accounts.models import User
from rung.growth.models import Comment, Share
from rung.testing.browser import Watch, log_in, sign_up

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VIEWPORT = {"width": 1280, "height": 900}
PLAN = "Towards senior in 2026"
TECH_GOAL = "Own the feature store end to end"
LEAD_GOAL = "Run the team's incident reviews"
ACTION = "Write the feature store runbook"
TECH_ENTRY = "Moved the feature store to the new schema with no downtime."
LEAD_ENTRY = "Ran the incident review for the October outage and wrote the follow-ups."
COMMENT = "Pair with the data platform team on the runbook; they will review it."


def _record_review(page: Any, base: str, *, name: str, date: str, ratings: dict[str, str]) -> None:
    page.goto(f"{base}/growth/reviews/new/")
    page.get_by_label("Cycle", exact=True).fill(name)
    page.get_by_label("Review date").fill(date)
    page.get_by_label("Rating scale").select_option(label="E / M+ / M / M- / I")
    for axis, option in ratings.items():
        page.get_by_label(axis, exact=True).select_option(label=option)


def _record_reviews(page: Any, base: str) -> None:
    from playwright.sync_api import expect

    _record_review(
        page,
        base,
        name="H1 2025",
        date="2025-06-30",
        ratings={"Impact": "M — Meets", "Teamwork": "M — Meets", "Technical Skills": "M- — Meets-"},
    )
    page.get_by_role("button", name="Save review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("H1 2025")

    _record_review(
        page,
        base,
        name="H2 2025",
        date="2025-12-31",
        ratings={
            "Impact": "E — Exceeds",
            "Teamwork": "M+ — Meets+",
            "Technical Skills": "M — Meets",
        },
    )
    page.get_by_label("Manager's words on Impact").fill("Show more leadership and ownership")
    page.get_by_role("button", name="Save review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("H2 2025")

    page.goto(f"{base}/growth/reviews/")
    impact = page.get_by_role("img", name="Impact rating by review cycle")
    expect(impact).to_have_accessible_name(
        re.compile(r"Impact: H1 2025 M \(3 of 5\), H2 2025 E \(5 of 5\)")
    )
    technical = page.get_by_role("img", name="Technical Skills rating by review cycle")
    expect(technical).to_have_accessible_name(
        re.compile(r"H1 2025 M- \(2 of 5\), H2 2025 M \(3 of 5\)")
    )
    expect(technical.locator(".chart-point")).to_have_count(2)
    words = page.get_by_role("group").filter(has_text="H2 2025").locator("dd")
    expect(words).to_have_text("Show more leadership and ownership")


def _assess(page: Any, base: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{base}/growth/assessment/")
    # A member who skipped the profile form picks a level before the rubric appears.
    page.get_by_label("Your current level").select_option(label="Mid-level Engineer")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("button", name="Save self-assessment")).to_be_visible()

    # (current level, next level) per axis. With the H2 2025 ratings the distances are
    # Technical Skills 2.5, Leadership & Ownership 2, Impact 0.5, Teamwork 0.25.
    marks = {
        "Impact": ("Consistently", "Sometimes"),
        "Teamwork": ("Consistently", "Consistently"),
        "Technical Skills": ("Sometimes", "Not yet"),
        "Leadership & Ownership": ("Sometimes", "Not yet"),
    }
    for axis, (current, upcoming) in marks.items():
        group = page.get_by_role("group", name=axis, exact=True)
        items = group.locator(".assessment-item")
        expect(items).to_have_count(2)
        items.nth(0).get_by_label(current, exact=True).check()
        items.nth(1).get_by_label(upcoming, exact=True).check()
    technical = page.get_by_role("group", name="Technical Skills", exact=True)
    technical.locator(".assessment-item").nth(0).get_by_label("Evidence links").fill(
        "https://example.com/feature-store-design"
    )
    # The page looks the same before and after saving: wait for the reload itself.
    with page.expect_navigation(url=f"{base}/growth/assessment/"):
        page.get_by_role("button", name="Save self-assessment").click()
    expect(page.get_by_role("status")).to_be_visible()
    expect(technical.locator(".assessment-item").nth(0).get_by_label("Sometimes")).to_be_checked()
    expect(
        technical.locator(".assessment-item").nth(0).get_by_label("Evidence links")
    ).to_have_value("https://example.com/feature-store-design")

    page.get_by_role("link", name="See your gaps").click()
    page.wait_for_url(f"{base}/growth/gaps/")
    expect(page.locator("ol.gap-list > li h2 label")).to_have_text(
        ["Technical Skills", "Leadership & Ownership", "Impact", "Teamwork"]
    )
    first = page.locator("ol.gap-list > li").first
    expect(first.locator(".gap-distance")).to_have_text("distance 2.50 of 4")
    expect(first.locator(".gap-why")).to_contain_text("Latest review: M (3 of 5)")
    expect(first.get_by_role("checkbox")).to_be_checked()


def _plan(page: Any, base: str) -> str:
    from playwright.sync_api import expect

    page.goto(f"{base}/growth/plans/new/")
    page.get_by_label("Title").fill(PLAN)
    page.get_by_label("What this plan is for").fill("Close the two widest gaps before H2 2026.")
    page.get_by_role("button", name="Create plan").click()
    page.wait_for_url(re.compile(r"/growth/plans/[\w-]+/$"))
    plan_url = page.url
    expect(page.get_by_role("heading", level=1)).to_have_text(PLAN)

    for axis, title in (("Technical Skills", TECH_GOAL), ("Leadership & Ownership", LEAD_GOAL)):
        page.get_by_role("link", name="Add a goal").click()
        page.get_by_label("Ladder axis").select_option(label=axis)
        page.get_by_label("Goal", exact=True).fill(title)
        page.get_by_label("Target date").fill(f"{datetime.date.today().year + 1}-06-30")
        page.get_by_role("button", name="Add goal").click()
        page.wait_for_url(re.compile(re.escape(plan_url) + r"#goal-[\w-]+$"))
        expect(page.get_by_role("region", name=title).locator(".axis-tag")).to_have_text(axis)

    tech = page.get_by_role("region", name=TECH_GOAL)
    tech.get_by_label("Next step").fill(ACTION)
    tech.get_by_role("button", name="Add step").click()
    expect(page.get_by_role("region", name=TECH_GOAL).locator(".action-text")).to_have_text(ACTION)
    return plan_url


def _log_work(page: Any, base: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{base}/growth/log/")
    for date, text, axis, goal in (
        ("2025-09-15", TECH_ENTRY, "Technical Skills", TECH_GOAL),
        ("2025-11-20", LEAD_ENTRY, "Leadership & Ownership", LEAD_GOAL),
    ):
        # The filter form below has its own Axis and Goal fields.
        form = page.locator("form.log-add")
        form.get_by_label("What you did").fill(text)
        form.get_by_label("Date").fill(date)
        form.get_by_label("Axis").select_option(label=axis)
        form.get_by_label("Goal").select_option(label=f"{PLAN} — {goal}")
        form.get_by_role("button", name="Add to log").click()
        entry = page.locator(".log-entry").filter(has_text=text)
        expect(entry.locator(".axis-tag")).to_have_text(axis)
        expect(entry.get_by_role("link", name=goal)).to_be_visible()
    expect(page.locator(".log-entry")).to_have_count(2)


def _draft_self_review(page: Any, base: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{base}/growth/self-reviews/")
    page.get_by_label("Title").fill("H2 2025 self-review")
    page.get_by_label("From").fill("2025-07-01")
    page.get_by_label("To", exact=True).fill("2025-12-31")
    page.get_by_role("button", name="Draft from my log").click()
    page.wait_for_url(re.compile(r"/growth/self-reviews/[\w-]+/$"))
    draft = page.get_by_label("Draft", exact=True)
    expect(draft).to_have_value(
        re.compile(
            r"^## Technical Skills\n\n- 2025-09-15: " + re.escape(TECH_ENTRY) + r"\n\n"
            r"## Leadership & Ownership\n\n- 2025-11-20: " + re.escape(LEAD_ENTRY) + r"\n\n"
            r"## Goals\n"
        )
    )
    expect(draft).to_have_value(re.compile(re.escape(f"- {TECH_GOAL} (Technical Skills):")))

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download as Markdown").click()
    download = download_info.value
    assert download.suggested_filename == "h2-2025-self-review.md"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("# H2 2025 self-review\n")
    assert f"## Technical Skills\n\n- 2025-09-15: {TECH_ENTRY}" in text
    assert f"- {LEAD_GOAL} (Leadership & Ownership):" in text


def _check_plan_export(page: Any, plan_url: str) -> None:
    page.goto(plan_url)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download as Markdown").click()
    download = download_info.value
    assert download.suggested_filename == "towards-senior-in-2026.md"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith(f"# {PLAN}\n")
    assert f"## {TECH_GOAL}\n\n- Axis: Technical Skills\n" in text
    assert f"## {LEAD_GOAL}\n\n- Axis: Leadership & Ownership\n" in text
    assert f"- [ ] {ACTION}" in text


def _share_with_bob(page: Any, plan_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(plan_url)
    page.get_by_role("link", name="Sharing").click()
    page.get_by_label("Username or email").fill("bob")
    page.get_by_label("Can comment").check()
    page.get_by_role("button", name="Send invitation").click()
    row = page.locator(".share-table tbody tr").filter(has_text="@bob")
    expect(row).to_contain_text("Can comment")
    expect(row).to_contain_text("Pending")


def test_growth_workspace_story_in_chromium(
    live_server: Any, chromium: Any, bob: User, test_output: Path
) -> None:
    from playwright.sync_api import expect

    base = live_server.url
    watch = Watch()

    alice_context = watch.attach(chromium.new_context(viewport=VIEWPORT))
    page = alice_context.new_page()
    sign_up(page, base, "alice")
    page.locator("header.site-header").get_by_role("link", name="My growth").click()
    page.wait_for_url(f"{base}/growth/")

    # 1-4. Alice's own workspace, private to her.
    _record_reviews(page, base)
    _assess(page, base)
    plan_url = _plan(page, base)
    _log_work(page, base)
    _draft_self_review(page, base)
    _check_plan_export(page, plan_url)

    # 5. She invites Bob to comment; he accepts from his workspace home and comments.
    _share_with_bob(page, plan_url)

    bob_context = watch.attach(chromium.new_context(viewport=VIEWPORT))
    bob_page = bob_context.new_page()
    log_in(bob_page, base, "bob")
    bob_page.goto(f"{base}/growth/")
    invitation = bob_page.get_by_role("region", name="Invitations").get_by_role("listitem")
    expect(invitation).to_contain_text(f"invites you to read and comment on their plan “{PLAN}”")
    invitation.get_by_role("button", name="Accept").click()
    bob_page.wait_for_url(plan_url)
    expect(bob_page.get_by_role("heading", level=1)).to_have_text(PLAN)
    expect(bob_page.locator(".shared-note")).to_contain_text("shared this plan with you")
    # Someone the plan is shared with sees no owner controls.
    expect(bob_page.get_by_role("link", name="Edit plan")).to_have_count(0)
    expect(bob_page.get_by_role("link", name="Add a goal")).to_have_count(0)
    goal = bob_page.get_by_role("region", name=TECH_GOAL)
    goal.get_by_label("Add a comment").fill(COMMENT)
    with bob_page.expect_response(
        lambda r: r.url.endswith("/comments/") and r.request.method == "POST"
    ) as comment_response:
        goal.get_by_role("button", name="Comment", exact=True).click()
    # With scripts on, htmx posts the comment and swaps in the goal's comments in place.
    assert comment_response.value.status == 200
    assert comment_response.value.request.headers.get("hx-request") == "true"
    posted = goal.locator(".comment").filter(has_text=COMMENT)
    expect(posted.locator(".comment-meta")).to_contain_text("Bob Rivera")
    expect(goal.get_by_role("heading", name="1 comment")).to_be_visible()

    # Alice sees Bob's comment on her plan, and his visit on the sharing page.
    page.goto(plan_url)
    alice_goal = page.get_by_role("region", name=TECH_GOAL)
    expect(alice_goal.locator(".comment").filter(has_text=COMMENT)).to_contain_text("Bob Rivera")
    screenshot = test_output / "growth-plan.png"
    screenshot.unlink(missing_ok=True)
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 10_000

    page.get_by_role("link", name="Sharing").click()
    expect(page.locator(".view-log")).to_contain_text("Bob Rivera viewed the plan")
    row = page.locator(".share-table tbody tr").filter(has_text="@bob")
    expect(row).to_contain_text("Active")

    # 6. Alice revokes the share; the plan is gone for Bob, as if it never existed.
    row.get_by_role("button", name="Revoke").click()
    expect(page.locator(".share-table tbody tr").filter(has_text="@bob")).to_contain_text("Revoked")
    # Watch flags only 5xx responses and page errors, so this expected 404 is not a problem.
    response = bob_page.goto(plan_url)
    assert response is not None
    assert response.status == 404
    expect(bob_page.get_by_role("heading", level=1)).to_have_text("Not found")
    expect(bob_page.get_by_text(COMMENT)).to_have_count(0)

    watch.assert_clean()
    bob_context.close()
    alice_context.close()

    share = Share.objects.get(plan__owner__username="alice", grantee=bob)
    assert share.role == "comment"
    assert share.accepted_at is not None
    assert share.revoked_at is not None
    assert Comment.objects.get(author=bob).body == COMMENT
