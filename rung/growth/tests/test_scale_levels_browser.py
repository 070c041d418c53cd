"""In a real Chromium: picking a scale swaps the rating selects to that scale's levels, on
the ask form and on the review form; and every growth page fits a desktop and a phone, in
English and in Chinese (screenshots in test-output/growth-*.png)."""

import datetime
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from rung.accounts.models import User
from rung.growth.models import Goal, GoalStatus
from rung.growth.services import plans as plan_services
from rung.growth.services import worklog as worklog_services
from rung.growth.tests.reviews_factory import make_review
from rung.ladder.models import Axis, Level, RatingChoice, RatingScale
from rung.testing import make_member
from rung.testing.browser import Watch, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
OUT = Path("test-output")


def _labels(scale_slug: str) -> list[str]:
    return [
        "—",
        *(
            c.display_name
            for c in RatingChoice.objects.filter(scale__slug=scale_slug).order_by("order")
        ),
    ]


def _options(page: Any, name: str) -> list[str]:
    return page.locator(f"select[name={name}] option").all_inner_texts()


def test_choosing_a_scale_swaps_the_rating_levels(live_server: Any, chromium: Any) -> None:
    from playwright.sync_api import expect

    member = make_member("dana")
    watch = Watch()
    context = watch.attach(chromium.new_context(viewport=DESKTOP))
    page = context.new_page()
    base = live_server.url
    log_in(page, base, "dana")

    # The ask form: no scale yet, so no levels; picking one offers its levels only.
    page.goto(f"{base}/ask/")
    expect(page.locator("[data-show-levels]")).to_have_count(0)  # the script does it
    assert _options(page, "rating_impact") == ["—"]
    page.get_by_label("Rating scale of your last review").select_option(label="1–5")
    assert _options(page, "rating_impact") == _labels("one-to-five")
    page.get_by_label("Impact", exact=True).select_option(label="4 — strong")
    page.get_by_label("Rating scale of your last review").select_option(label="E / M+ / M / M- / I")
    assert _options(page, "rating_teamwork") == _labels("e-m-i")
    expect(page.get_by_label("Impact", exact=True)).to_have_value("")
    page.get_by_label("Impact", exact=True).select_option(label="M+ — Meets+")
    page.locator(".context-fields").screenshot(path=str(OUT / "growth-ask-scale-1280.png"))

    # The review form: it opens on a scale, and a custom one of the member's own swaps in.
    scale = RatingScale.objects.create(
        slug="dana-scale", name="Dana's ladder", is_preset=False, owner=member
    )
    for order, (code, label, value) in enumerate(
        [("A", "Outstanding", 5), ("B", "Good", 3), ("C", "Low", 1)]
    ):
        RatingChoice.objects.create(
            scale=scale, code=code, label=label, common_value=value, order=order
        )
    page.goto(f"{base}/growth/reviews/new/")
    first = _options(page, "rating_impact")
    assert first == _labels("e-m-i")
    page.get_by_label("Rating scale").select_option(label="Dana's ladder")
    for name in ("overall", "rating_impact", "rating_technical_skills"):
        assert _options(page, name) == ["—", "A — Outstanding", "B — Good", "C — Low"]
    page.get_by_label("Cycle", exact=True).fill("H2 2025")
    page.get_by_label("Review date").fill("2025-12-31")
    page.get_by_label("Impact", exact=True).select_option(label="A — Outstanding")
    page.locator(".review-form fieldset").screenshot(path=str(OUT / "growth-review-scale-1280.png"))
    page.get_by_role("button", name="Save review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("H2 2025")
    cycle = member.review_cycles.get()
    assert cycle.scale == scale and cycle.ratings.get().rating.code == "A"
    watch.assert_clean()
    context.close()


def test_enter_in_a_text_field_saves_without_javascript(live_server: Any, chromium: Any) -> None:
    """Without JavaScript "Show levels" is a submit button beside the scale; Enter in a text
    field presses a form's first submit button, so a hidden save button comes before it."""
    from playwright.sync_api import expect

    member = make_member("erin")
    watch = Watch()
    context = watch.attach(chromium.new_context(viewport=DESKTOP, java_script_enabled=False))
    page = context.new_page()
    base = live_server.url
    log_in(page, base, "erin")
    page.goto(f"{base}/growth/reviews/new/")
    expect(page.locator("[data-show-levels]")).to_have_count(1)
    page.get_by_label("Review date").fill("2025-12-31")
    page.get_by_label("Cycle", exact=True).fill("H2 2025")
    page.get_by_label("Cycle", exact=True).press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("H2 2025")
    assert member.review_cycles.get().name == "H2 2025"
    watch.assert_clean()
    context.close()


def _world(member: User) -> dict[str, str]:
    """Give a member a little of everything, so each page has something to show."""
    member.level = Level.objects.get(slug="mid-level")
    member.save(update_fields=["level"])
    make_review(member, name="H2 2025", ratings={"impact": "M", "teamwork": "M+"}, overall="M")
    plan = plan_services.plan_create(
        owner=member,
        title="Towards senior",
        summary="Close the **two** widest gaps this cycle.\n\n- design reviews\n- mentoring",
    )
    goal = plan_services.goal_create(
        plan=plan,
        axis=Axis.objects.get(slug="impact"),
        title="Lead the incident reviews",
        description="Why: *ownership* shows in how incidents close.",
        status=GoalStatus.IN_PROGRESS,
    )
    Goal.objects.filter(pk=goal.pk).update(
        target_date=timezone.localdate() - datetime.timedelta(days=12)
    )
    plan_services.action_create(goal=goal, text="Run the October review")
    plan_services.checkin_create(goal=goal, date=timezone.localdate(), note="Ran **one** so far.")
    plan_services.goal_create(
        plan=plan,
        axis=Axis.objects.get(slug="teamwork"),
        title="Mentor a new joiner",
        target_date=timezone.localdate() + datetime.timedelta(days=60),
    )
    worklog_services.log_entry_create(
        owner=member, date=timezone.localdate(), text="Wrote the **runbook**.", axis=goal.axis
    )
    draft = worklog_services.self_review_create(
        owner=member,
        title="H2 self-review",
        period_start=timezone.localdate() - datetime.timedelta(days=90),
        period_end=timezone.localdate(),
    )
    return {
        "home": "/growth/",
        "reviews": "/growth/reviews/",
        "review-form": "/growth/reviews/new/",
        "scales": "/growth/scales/",
        "assessment": "/growth/assessment/",
        "gaps": "/growth/gaps/",
        "plan-from-gaps": "/growth/gaps/plan/?axes=impact&axes=teamwork",
        "plans": "/growth/plans/",
        "plan": plan.get_absolute_url(),
        "goal-form": f"/growth/plans/{plan.public_id}/goals/new/?axis=impact",
        "plan-print": f"/growth/plans/{plan.public_id}/print/",
        "sharing": f"/growth/plans/{plan.public_id}/sharing/",
        "log": "/growth/log/",
        "self-reviews": "/growth/self-reviews/",
        "self-review": f"/growth/self-reviews/{draft.public_id}/",
        "ask": "/ask/",
    }


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_growth_page_fits_desktop_and_phone(
    live_server: Any, chromium: Any, language: str
) -> None:
    member = make_member(f"erin{language[:2]}", ui_language=language)
    pages = _world(member)
    watch = Watch()
    base = live_server.url
    too_wide: list[str] = []
    for width, viewport in (("1280", DESKTOP), ("390", PHONE)):
        context = watch.attach(chromium.new_context(viewport=viewport))
        page = context.new_page()
        log_in(page, base, member.username)
        for name, path in pages.items():
            response = page.goto(f"{base}{path}")
            assert response is not None and response.status < 400, (
                name,
                response and response.status,
            )
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                too_wide.append(f"{name} is {overflow}px wider than the {width}px window")
            page.screenshot(path=str(OUT / f"growth-{name}-{language}-{width}.png"), full_page=True)
        context.close()
    watch.assert_clean()
    assert too_wide == []
