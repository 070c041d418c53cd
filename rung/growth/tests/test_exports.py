"""Markdown downloads and printable pages of plans and self-reviews, and who may have them."""

import datetime
import time
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from markdown_it import MarkdownIt

from rung.accounts.models import User
from rung.growth.export import export_filename, md_block, md_heading, md_line
from rung.growth.models import GoalStatus, GrowthPlan, SelfReview, Share, ShareRole, ShareView
from rung.growth.services import plans as plan_services
from rung.growth.services import worklog as worklog_services
from rung.growth.services.plans import TEXT_MAX_LENGTH
from rung.ladder.models import Axis
from rung.testing import assert_linear_time

D = datetime.date
_md = MarkdownIt("commonmark")


def _blocks(markdown: str) -> list[tuple[str, str]]:
    """Return the headings a CommonMark reader sees, as (tag, text) pairs."""
    tokens = _md.parse(markdown)
    return [
        (token.tag, tokens[i + 1].content)
        for i, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def _has(markdown: str, kind: str) -> bool:
    return any(token.type == kind for token in _md.parse(markdown))


HOSTILE = [
    "# Promoted",
    "## Fake section",
    "Title ##",
    "Title\n# Injected",
    "Title\n===",
    "```\ncode",
    "~~~",
    "> quoted",
    "- bullet",
    "1. numbered",
    "<!-- hide everything",
    "<script>alert(1)</script>",
    "\\<b>bold</b>",
]


# Escaping, without a database.


@pytest.mark.parametrize("text", HOSTILE)
def test_heading_text_stays_one_plain_heading(text: str) -> None:
    document = f"# {md_heading(text)}\n\nBody\n"
    assert len(_blocks(document)) == 1
    assert _blocks(document)[0][0] == "h1"
    assert not _has(document, "html_block") and not _has(document, "html_inline")
    assert not _has(document, "fence")


def test_heading_escape_keeps_the_words() -> None:
    tokens = _md.parse(f"# {md_heading('# Promoted to C# lead ##')}")
    assert tokens[1].content == "\\# Promoted to C\\# lead \\#\\#"
    assert _md.render(f"# {md_heading('# Promoted to C# lead ##')}") == (
        "<h1># Promoted to C# lead ##</h1>\n"
    )


@pytest.mark.parametrize("text", HOSTILE)
def test_a_line_cannot_open_a_block(text: str) -> None:
    document = f"- {md_line(text)}\n\n## Next\n"
    assert _blocks(document) == [("h2", "Next")]
    assert not _has(document, "fence") and not _has(document, "html_block")
    assert not _has(document, "blockquote_open")


@pytest.mark.parametrize(
    "text",
    [
        "Line\n# Heading",
        "Para\n===",
        "Para\n---",
        "```\nall the rest",
        "   ~~~\nrest",
        "> # quoted heading",
        "- # listed heading",
        "1. ## numbered heading",
        "<!--\n\n## swallowed",
        "<div>\n\n# after html",
    ],
)
def test_a_block_cannot_make_headings_fences_or_html(text: str) -> None:
    document = f"{md_block(text)}\n\n## After\n"
    assert _blocks(document) == [("h2", "After")]
    assert not _has(document, "fence") and not _has(document, "html_block")


def test_a_block_keeps_ordinary_lists_and_emphasis() -> None:
    document = md_block("Plan:\n\n- *read* the runbook\n- pair on-call")
    html = _md.render(document)
    assert "<li><em>read</em> the runbook</li>" in html
    assert "<li>pair on-call</li>" in html


@pytest.mark.parametrize("escape", [md_block, md_line, md_heading])
@pytest.mark.parametrize("tail", ["", " <b>", "\n<!--"])
def test_escaping_a_run_of_backslashes_takes_time_in_proportion_to_its_length(
    escape: Callable[[str], str], tail: str
) -> None:
    assert_linear_time(escape, lambda n: "\\" * n + tail, TEXT_MAX_LENGTH // 8)


def test_backslashes_typed_before_a_tag_reach_the_reader_and_the_tag_stays_text() -> None:
    text = "a\\\\<b> c\\<!-- d<i>"
    assert _md.render(md_block(text)) == "<p>a\\\\&lt;b&gt; c\\&lt;!-- d&lt;i&gt;</p>\n"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Towards Senior 2026", "towards-senior-2026.md"),
        ('a"; filename=evil.exe', "a-filenameevilexe.md"),
        ("../../etc/passwd", "etcpasswd.md"),
        ("走向高级工程师", "growth-plan.md"),
        ("", "growth-plan.md"),
        ("x" * 300, "x" * 60 + ".md"),
    ],
)
def test_export_filename_is_a_safe_slug(title: str, expected: str) -> None:
    assert export_filename(title, fallback="growth-plan") == expected


# Plan exports.

# A target date must not have passed when it is chosen.
TARGET = D(datetime.date.today().year + 2, 6, 30)


@pytest.fixture
def plan(alice: User) -> GrowthPlan:
    plan = plan_services.plan_create(
        owner=alice, title="# Towards senior", summary="Own a system.\n# not a heading"
    )
    goal = plan_services.goal_create(
        plan=plan,
        axis=Axis.objects.get(slug="leadership-ownership"),
        title="Lead the migration ##",
        description="Why:\n```\nnever closed",
        target_date=TARGET,
        status=GoalStatus.IN_PROGRESS,
    )
    plan_services.action_create(goal=goal, text="Write the doc")
    done = plan_services.action_create(goal=goal, text="- Get sign-off")
    plan_services.action_toggle(action=done)
    plan_services.checkin_create(goal=goal, date=D(2025, 3, 1), note="<!-- hide\n\nMoving.")
    plan_services.goal_create(plan=plan, axis=Axis.objects.get(slug="teamwork"), title="Mentor")
    return plan


def _share(plan: GrowthPlan, grantee: User, **fields: object) -> Share:
    fields.setdefault("role", ShareRole.READ)
    fields.setdefault("accepted_at", timezone.now())
    return Share.objects.create(plan=plan, grantee=grantee, **fields)


@pytest.mark.django_db
def test_plan_markdown_download_has_type_name_and_every_part(
    client: Client, alice: User, plan: GrowthPlan
) -> None:
    client.force_login(alice)
    response = client.get(reverse("growth:plan_markdown", args=[plan.public_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="towards-senior.md"'
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode()
    assert _blocks(text) == [
        ("h1", "\\# Towards senior"),
        ("h2", "Lead the migration \\#\\#"),
        ("h3", "Actions"),
        ("h3", "Check-ins"),
        ("h4", "2025-03-01"),
        ("h2", "Mentor"),
    ]
    assert (
        "- Axis: Leadership & Ownership\n- Status: In progress\n"
        f"- Target date: {TARGET.isoformat()}" in text
    )
    assert "- [ ] Write the doc\n- [x] \\- Get sign-off" in text
    assert not _has(text, "fence") and not _has(text, "html_block")


@pytest.mark.django_db
def test_plan_of_backslash_runs_at_every_field_limit_exports_promptly_and_intact(
    client: Client, alice: User
) -> None:
    """A plan whose summary, goal and 30 check-ins are each 20,000 backslashes downloads in
    well under two seconds (it took half a minute) and keeps every backslash."""
    run = "\\" * TEXT_MAX_LENGTH
    plan = plan_services.plan_create(owner=alice, title="Backslashes", summary=run)
    goal = plan_services.goal_create(
        plan=plan, axis=Axis.objects.get(slug="teamwork"), title="Goal", description=run
    )
    for day in range(30):
        plan_services.checkin_create(goal=goal, date=D(2025, 4, day + 1), note=run)
    client.force_login(alice)
    started = time.process_time()
    response = client.get(reverse("growth:plan_markdown", args=[plan.public_id]))
    elapsed = time.process_time() - started
    assert response.status_code == 200
    assert response.content.decode().count(f"\n{run}\n") == 32
    assert elapsed < 2, f"export took {elapsed:.1f} s"


@pytest.mark.django_db
def test_shared_reader_downloads_the_plan_and_the_look_is_recorded(
    client: Client, carol: User, plan: GrowthPlan
) -> None:
    share = _share(plan, carol)
    client.force_login(carol)
    assert client.get(reverse("growth:plan_markdown", args=[plan.public_id])).status_code == 200
    assert client.get(reverse("growth:plan_print", args=[plan.public_id])).status_code == 200
    # Both looks at an export within ten minutes are one visit in the owner's log.
    assert list(share.views.values_list("what", flat=True)) == ["export"]


@pytest.mark.django_db
def test_plan_print_page_is_clean_and_has_a_print_button(
    client: Client, alice: User, plan: GrowthPlan
) -> None:
    client.force_login(alice)
    response = client.get(reverse("growth:plan_print", args=[plan.public_id]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "data-print" in body
    assert 'class="print-bar no-print"' in body
    assert "growth-nav" not in body and "site-header" not in body
    assert "Lead the migration ##" in body and "Write the doc" in body
    assert "&lt;!-- hide" in body and "<!-- hide" not in body


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["charlie", "mod"])
def test_outsiders_get_404_on_plan_exports(
    who: str, request: pytest.FixtureRequest, client: Client, plan: GrowthPlan
) -> None:
    client.force_login(request.getfixturevalue(who))
    for name in ["plan_markdown", "plan_print"]:
        assert client.get(reverse(f"growth:{name}", args=[plan.public_id])).status_code == 404
    assert not ShareView.objects.exists()


@pytest.mark.django_db
def test_revoked_share_gets_404_on_plan_exports(
    client: Client, carol: User, plan: GrowthPlan
) -> None:
    _share(plan, carol, revoked_at=timezone.now())
    client.force_login(carol)
    for name in ["plan_markdown", "plan_print"]:
        assert client.get(reverse(f"growth:{name}", args=[plan.public_id])).status_code == 404


# Self-review exports.


@pytest.fixture
def review(alice: User) -> SelfReview:
    worklog_services.log_entry_create(
        owner=alice, date=D(2025, 2, 1), text="# Shipped search", axis=Axis.objects.first()
    )
    review = worklog_services.self_review_create(
        owner=alice, title="H1 ## review", period_start=D(2025, 1, 1), period_end=D(2025, 6, 30)
    )
    return review


@pytest.mark.django_db
def test_self_review_markdown_has_title_period_and_the_draft(
    client: Client, alice: User, review: SelfReview
) -> None:
    client.force_login(alice)
    response = client.get(reverse("growth:self_review_markdown", args=[review.public_id]))
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="h1-review.md"'
    text = response.content.decode()
    assert text.startswith("# H1 \\#\\# review\n\nPeriod: 2025-01-01 to 2025-06-30\n\n## Impact\n")
    assert "- 2025-02-01: \\# Shipped search" in text


@pytest.mark.django_db
def test_self_review_markdown_keeps_the_members_own_edits(
    client: Client, alice: User, review: SelfReview
) -> None:
    worklog_services.self_review_update(review=review, title="Final", text="## My words\n\nText")
    client.force_login(alice)
    text = client.get(
        reverse("growth:self_review_markdown", args=[review.public_id])
    ).content.decode()
    assert text.endswith("## My words\n\nText\n")


@pytest.mark.django_db
def test_self_review_print_renders_the_draft_safely(
    client: Client, alice: User, review: SelfReview
) -> None:
    worklog_services.self_review_update(
        review=review, title="Final", text="## Impact\n\n<script>alert(1)</script>"
    )
    client.force_login(alice)
    body = client.get(reverse("growth:self_review_print", args=[review.public_id])).content.decode()
    assert "<h2>Impact</h2>" in body
    assert "<script>alert" not in body
    assert "data-print" in body


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["charlie", "mod", "carol"])
def test_self_review_exports_are_the_owners_alone(
    who: str, request: pytest.FixtureRequest, client: Client, plan: GrowthPlan, review: SelfReview
) -> None:
    # carol can read alice's plan, which still gives her nothing of the self-reviews.
    _share(plan, request.getfixturevalue("carol"))
    client.force_login(request.getfixturevalue(who))
    for name in ["self_review_markdown", "self_review_print"]:
        assert client.get(reverse(f"growth:{name}", args=[review.public_id])).status_code == 404


@pytest.mark.django_db
def test_exports_send_logged_out_visitors_to_login_and_refuse_post(
    client: Client, alice: User, plan: GrowthPlan, review: SelfReview
) -> None:
    urls = [
        reverse("growth:plan_markdown", args=[plan.public_id]),
        reverse("growth:plan_print", args=[plan.public_id]),
        reverse("growth:self_review_markdown", args=[review.public_id]),
        reverse("growth:self_review_print", args=[review.public_id]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    client.force_login(alice)
    for url in urls:
        assert client.post(url).status_code == 405
