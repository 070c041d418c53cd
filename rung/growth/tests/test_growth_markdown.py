"""Growth notes are Markdown: plan summaries, goal descriptions, check-ins, comments, log
entries and review notes render like posts, wherever they are shown, and any HTML typed in
them is shown as typed."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rung.accounts.models import User
from rung.growth.models import GrowthPlan, Share, ShareRole
from rung.growth.services import plans as plan_services
from rung.growth.services import sharing as sharing_services
from rung.growth.services import worklog as worklog_services
from rung.growth.tests.reviews_factory import make_review
from rung.ladder.models import Axis

pytestmark = pytest.mark.django_db
NOTE = "Grow **leadership** with <b>care</b> and `<script>`"
RENDERED = (
    "Grow <strong>leadership</strong> with &lt;b&gt;care&lt;/b&gt; and <code>&lt;script&gt;</code>"
)


@pytest.fixture
def plan(alice: User, bob: User) -> GrowthPlan:
    plan = plan_services.plan_create(owner=alice, title="Towards senior", summary=NOTE)
    goal = plan_services.goal_create(
        plan=plan, axis=Axis.objects.get(slug="impact"), title="Lead", description=NOTE
    )
    plan_services.checkin_create(goal=goal, date=timezone.localdate(), note=NOTE)
    Share.objects.create(plan=plan, grantee=bob, role=ShareRole.COMMENT, accepted_at=timezone.now())
    sharing_services.comment_create(goal=goal, author=bob, body=NOTE)
    return plan


def test_plan_detail_renders_summary_description_check_in_and_comment(
    alice_client: Client, plan: GrowthPlan
) -> None:
    html = alice_client.get(plan.get_absolute_url()).content.decode()
    assert html.count(RENDERED) == 4
    assert "**leadership**" not in html


def test_the_shared_view_and_the_print_page_render_it_too(
    bob_client: Client, alice_client: Client, plan: GrowthPlan
) -> None:
    shared = bob_client.get(plan.get_absolute_url()).content.decode()
    assert shared.count(RENDERED) == 4
    printed = alice_client.get(reverse("growth:plan_print", args=[plan.public_id]))
    assert printed.content.decode().count(RENDERED) == 3  # summary, description, check-in
    assert "**leadership**" not in printed.content.decode()


def test_the_plan_list_shows_the_summary_as_plain_text(
    alice_client: Client, plan: GrowthPlan
) -> None:
    html = alice_client.get(reverse("growth:plans")).content.decode()
    assert '<p class="plan-excerpt">Grow leadership with care and &lt;script&gt;</p>' in html


def test_log_entries_and_review_notes_render_markdown(alice: User, alice_client: Client) -> None:
    worklog_services.log_entry_create(owner=alice, date=datetime.date(2025, 3, 1), text=NOTE)
    log = alice_client.get(reverse("growth:log")).content.decode()
    assert RENDERED in log
    cycle = make_review(alice, notes=NOTE, words={"impact": NOTE})
    detail = alice_client.get(cycle.get_absolute_url()).content.decode()
    assert detail.count(RENDERED) == 2
    history = alice_client.get(reverse("growth:reviews")).content.decode()
    assert RENDERED in history


def test_unsafe_links_in_notes_are_dropped(alice: User, alice_client: Client) -> None:
    plan = plan_services.plan_create(
        owner=alice, title="Links", summary="[click](javascript:alert(1)) [ok](https://example.com)"
    )
    html = alice_client.get(plan.get_absolute_url()).content.decode()
    assert 'href="javascript:' not in html and "[click](javascript:alert(1))" in html
    assert 'href="https://example.com"' in html
