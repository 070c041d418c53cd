"""Every page a visitor or member reaches, laid out in a real headless Chromium.

One member fills every field the pages show with the longest and oddest strings of the
naughty-strings list, and one question carries a 200-character title with no space to
break at, a long code block and a Markdown table. Each page is opened at laptop and phone
widths, in English and in Chinese, and must:

- never be wider than the window (nothing widens the page sideways);
- keep the site header to one row, with nothing from the page drawn over it;
- log no console error and throw no page error (a missing favicon is a console error).

A screenshot of each lands in test-output/layout/<page>-<lang>-<width>.png.

To cover a new page, add one `Page` line to `PAGES`. While fixing a page, name it in
RUNG_LAYOUT_PAGES (comma separated) to lay out only that page.
"""

import datetime
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from rung.accounts import employers
from rung.accounts.models import CompanyDomain, User
from rung.growth.models import GrowthPlan, ReviewCycle, SelfReview
from rung.growth.services import assessment as assessment_services
from rung.growth.services import plans as plan_services
from rung.growth.services import sharing as sharing_services
from rung.growth.services import worklog as worklog_services
from rung.growth.tests.reviews_factory import make_review
from rung.ladder.models import Axis, CompanyLevel, Level
from rung.learn.models import Course, Lesson
from rung.learn.tests.lessons import make_lesson
from rung.notifications import services as follows
from rung.notifications.kinds import KINDS
from rung.notifications.models import WatchLevel
from rung.notifications.unsubscribe import token_make
from rung.qa import services as qa_services
from rung.qa.models import Question, Topic
from rung.qa.outcomes import outcome_post
from rung.reputation.badges import BADGES
from rung.reputation.models import BadgeAward, Standing, TopicStanding
from rung.testing import PASSWORD, make_answer, make_card, make_member, make_question
from rung.testing.corpora import naughty_strings

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = {1280: 900, 390: 844}
# Below this width the header keeps the brand, search, Ask, the bell and a Menu button in its
# row, and the menu opens the rest (rung.css).
MENU_BELOW = 1280
LANGUAGES = {"en": "en-GB", "zh-hans": "zh-CN"}
# One row of header: the brand, a search box, a button and the links, at either width.
HEADER_MAX_HEIGHT = 72
UNBROKEN = "Promotion" + "x" * 185 + "Senior"  # 200 characters, nowhere to break


def _longest(strings: list[str], limit: int) -> str:
    """Return the longest string that fits a field of `limit` characters."""
    return max((s.strip() for s in strings if 0 < len(s.strip()) <= limit), key=len)


BODY_TEMPLATE = """{odd}

```python
def promotion_packet(evidence):  # {unbroken}
    return "{unbroken}" + "-" * 120 + str([item for item in evidence if item])
```

| Axis | Rating before | Rating after | Evidence that moved it |
|------|---------------|--------------|------------------------|
| Impact | M | E | {unbroken} |
| Teamwork | M+ | E | Ran the incident reviews for a quarter |

{longest}
"""


@dataclass
class World:
    member: User
    moderator: User
    question: Question
    plan: GrowthPlan
    goal_id: str
    review: ReviewCycle
    self_review: SelfReview
    lesson: Lesson


@dataclass(frozen=True)
class Page:
    """A page to lay out: its name in screenshots, how to build its address, and who opens it
    ("visitor", "member" — the member with the odd strings — or "moderator")."""

    name: str
    url: Callable[[World], str]
    who: str = "member"


PAGES = [
    # Public pages.
    Page("home", lambda w: reverse("home"), "visitor"),
    Page("home-member", lambda w: reverse("home")),
    Page("home-moderator", lambda w: reverse("home"), "moderator"),
    Page("moderation-queue", lambda w: reverse("moderation:queue"), "moderator"),
    Page("moderation-audit", lambda w: reverse("moderation:audit"), "moderator"),
    Page("level-topic", lambda w: reverse("qa:topic", args=["mid-level"])),
    Page("subject-topic", lambda w: reverse("qa:topic", args=["performance-reviews"])),
    Page("question", lambda w: w.question.get_absolute_url()),
    Page("question-visitor", lambda w: w.question.get_absolute_url(), "visitor"),
    Page("question-history", lambda w: reverse("qa:question_history", args=[w.question.pk])),
    Page("search", lambda w: reverse("search:search") + "?q=Promotion"),
    Page("glossary", lambda w: reverse("languages:glossary")),
    Page("profile", lambda w: w.member.get_absolute_url(), "visitor"),
    Page("levels", lambda w: reverse("qa:levels")),
    Page("company-levels", lambda w: reverse("qa:company_levels"), "visitor"),
    Page("company-levels-member", lambda w: reverse("qa:company_levels") + "?company=alibaba"),
    Page("topics", lambda w: reverse("qa:topics"), "visitor"),
    Page("topics-filtered", lambda w: reverse("qa:topics") + "?q=" + UNBROKEN[:60]),
    Page("members", lambda w: reverse("accounts:directory"), "visitor"),
    Page("members-search", lambda w: reverse("accounts:directory") + "?q=oddity"),
    Page(
        "members-expertise",
        lambda w: reverse("accounts:directory") + "?expertise=mid-level&sort=reputation",
        "visitor",
    ),
    Page("profile-answers", lambda w: w.member.get_absolute_url() + "?tab=answers", "visitor"),
    Page("profile-outcomes", lambda w: w.member.get_absolute_url() + "?tab=outcomes", "visitor"),
    Page("experts", lambda w: reverse("reputation:experts") + "?window=all", "visitor"),
    Page("experts-topic", lambda w: reverse("reputation:experts") + "?topic=mid-level"),
    Page("profile-own", lambda w: w.member.get_absolute_url()),
    Page("notifications", lambda w: reverse("notifications:list")),
    Page("notification-settings", lambda w: reverse("notifications:preferences")),
    Page(
        "unsubscribe",
        lambda w: reverse("notifications:unsubscribe", args=[token_make(w.member.pk, list(KINDS))]),
        "visitor",
    ),
    # Member pages.
    Page("ask", lambda w: reverse("qa:ask")),
    Page("question-edit", lambda w: reverse("qa:question_edit", args=[w.question.pk])),
    Page("outcome-form", lambda w: reverse("qa:outcome", args=[w.question.pk])),
    Page("profile-edit", lambda w: reverse("accounts:profile_edit")),
    Page("verified-employer", lambda w: reverse("accounts:employer")),
    Page("following", lambda w: reverse("notifications:following")),
    Page("following-questions", lambda w: reverse("notifications:following") + "?kind=questions"),
    Page("saved", lambda w: reverse("notifications:bookmarks")),
    # The private growth workspace.
    Page("growth", lambda w: reverse("growth:home")),
    Page("growth-reviews", lambda w: reverse("growth:reviews")),
    Page("growth-review-form", lambda w: reverse("growth:review_create")),
    Page("growth-review", lambda w: reverse("growth:review", args=[w.review.public_id])),
    Page("growth-review-edit", lambda w: reverse("growth:review_edit", args=[w.review.public_id])),
    Page("growth-scales", lambda w: reverse("growth:scales")),
    Page("growth-assessment", lambda w: reverse("growth:assessment")),
    Page("growth-gaps", lambda w: reverse("growth:gaps")),
    Page("growth-plans", lambda w: reverse("growth:plans")),
    Page("growth-plan", lambda w: reverse("growth:plan", args=[w.plan.public_id])),
    Page("growth-plan-form", lambda w: reverse("growth:plan_create")),
    Page("growth-plan-edit", lambda w: reverse("growth:plan_edit", args=[w.plan.public_id])),
    Page("growth-goal-form", lambda w: reverse("growth:goal_create", args=[w.plan.public_id])),
    Page("growth-goal-edit", lambda w: reverse("growth:goal_edit", args=[w.goal_id])),
    Page("growth-log", lambda w: reverse("growth:log")),
    Page("growth-self-reviews", lambda w: reverse("growth:self_reviews")),
    Page(
        "growth-self-review",
        lambda w: reverse("growth:self_review", args=[w.self_review.public_id]),
    ),
    Page("growth-sharing", lambda w: reverse("growth:sharing", args=[w.plan.public_id])),
    # Videos, and the studio where instructors publish them.
    Page("learn", lambda w: reverse("learn:index")),
    Page("lesson", lambda w: w.lesson.get_absolute_url()),
    Page("course", lambda w: w.lesson.course.get_absolute_url()),  # type: ignore[union-attr]
    Page("studio", lambda w: reverse("learn:studio"), "moderator"),
    Page("studio-new", lambda w: reverse("learn:studio_new"), "moderator"),
    Page("studio-edit", lambda w: reverse("learn:studio_edit", args=[w.lesson.slug]), "moderator"),
    # Account pages.
    Page("sign-up", lambda w: reverse("account_signup"), "visitor"),
    Page("log-in", lambda w: reverse("account_login"), "visitor"),
    Page("password-reset", lambda w: reverse("account_reset_password"), "visitor"),
]


def _pages() -> list[Page]:
    """Return the pages to lay out: all of them, or those RUNG_LAYOUT_PAGES names."""
    only = {name for name in os.environ.get("RUNG_LAYOUT_PAGES", "").split(",") if name}
    return [page for page in PAGES if not only or page.name in only]


def _world() -> World:
    """The odd member, with a question, answers, replies and a full growth workspace."""
    strings = naughty_strings()
    odd = [s for s in strings if len(s) > 40]
    member = make_member(
        "oddity",
        display_name=_longest(strings, 80),
        headline=_longest(strings, 120),
        companies=UNBROKEN,
        bio=UNBROKEN + "\n\n" + _longest(strings, 800),
        level=Level.objects.get(slug="mid-level"),
        company_level_other=UNBROKEN[:60],
    )
    helper = make_member(
        "helper",
        display_name=_longest(odd[::-1], 60),
        headline=UNBROKEN[:120],
        company_level=CompanyLevel.objects.get(company__slug="amazon", code="Sr. Principal (L8)"),
    )
    moderator = make_member(
        "moderator", display_name="Morgan Lee", is_staff=True, is_superuser=True
    )
    body = BODY_TEMPLATE.format(
        odd="\n\n".join(odd[:12]), unbroken=UNBROKEN, longest=_longest(strings, 2000)
    )
    question = make_question(
        member,
        title=UNBROKEN,
        body=body,
        topics=["mid-level", "performance-reviews"],
        card=make_card(
            company=UNBROKEN[:120],
            focus=UNBROKEN[:200],
            company_level=CompanyLevel.objects.get(company__slug="tencent", code="12"),
        ),
    )
    elsewhere = make_question(
        helper, title=_longest(strings, 200), topics=["mid-level", "performance-reviews"]
    )
    # Suggested to the member for an invitation to answer, and mentioned by the longest
    # username there can be.
    suggested = make_member("s" * 150, display_name=_longest(odd, 80), headline=UNBROKEN[:120])
    qa_services.like_toggle(user=helper, target=make_answer(elsewhere, suggested, body=UNBROKEN))
    answer = make_answer(question, helper, body=body)
    # Verified employers with the longest company name there can be, on bylines and pages.
    CompanyDomain.objects.create(domain="oddity.dev", company_name=UNBROKEN[:80])
    for person, address in ((member, "odd@oddity.dev"), (helper, "help@oddity.dev")):
        EmailAddress.objects.create(user=person, email=address, verified=True)
        employers.employer_verification_confirm(member=person, email=address)
    EmailAddress.objects.create(user=member, email=UNBROKEN[:60] + "@qq.com")
    employers.employer_verification_confirm(member=helper, email="help@meta.com")
    make_answer(question, member, body=f"@{suggested.username} {UNBROKEN}", parent=answer)
    make_answer(question, helper, body="\n\n".join(odd[12:30]), parent=answer)
    make_answer(question, member, body=_longest(strings, 4000))
    outcome_post(
        question=question,
        member=member,
        kind="changed_course",
        note=UNBROKEN + "\n" + _longest(strings, 790),
    )
    # Reputation, every badge, expertise in several topics and long verified employers.
    for someone, total in ((member, 987_654_321), (helper, 12_345)):
        # The biggest numbers a byline, a card or a profile may have to fit.
        User.objects.filter(pk=someone.pk).update(
            verified_companies=[UNBROKEN[:80], _longest(strings, 80)], reputation=total
        )
        Standing.objects.update_or_create(
            member=someone, defaults={"reputation": total, "private_reputation": total + 7}
        )
        for rank, topic in enumerate(Topic.objects.order_by("pk")[:6]):
            TopicStanding.objects.update_or_create(
                member=someone,
                topic=topic,
                defaults={"answers": 1000 + rank, "helpful": 99, "points": 500 - rank},
            )
    BadgeAward.objects.bulk_create(
        (BadgeAward(member=member, badge=b.code) for b in BADGES), ignore_conflicts=True
    )
    # Experts with long names and an unbroken employer, on topic pages and the experts page.
    User.objects.filter(pk=helper.pk).update(verified_companies=[UNBROKEN[:80], "Meta"])
    for expert, points in ((helper, 123456), (suggested, 99), (member, 7)):
        Standing.objects.get_or_create(member=expert, defaults={"reputation": points})
        for slug in ("mid-level", "performance-reviews"):
            TopicStanding.objects.update_or_create(
                member=expert,
                topic=Topic.objects.get(slug=slug),
                defaults={"points": points, "answers": 12, "helpful": 3, "likes": 45},
            )
    # Follows and bookmarks for the Following and Saved pages, the level menus and toggles.
    follows.follow_set(member, level=WatchLevel.MUTED, topic=Topic.objects.get(slug="promotions"))
    follows.follow_set(
        member, level=WatchLevel.TRACKING, topic=Topic.objects.get(slug="performance-reviews")
    )
    follows.follow_set(member, level=WatchLevel.WATCHING, member=helper)
    follows.watch_automatically(member.pk, question.pk)
    follows.bookmark_set(member, saved=True, answer=answer)
    follows.bookmark_set(member, saved=True, question=question)

    review = make_review(
        member,
        name=UNBROKEN[:120],
        company=UNBROKEN[:120],
        notes=body,
        ratings={"impact": "E", "teamwork": "M+", "technical-skills": "M"},
        words={"impact": UNBROKEN, "teamwork": _longest(strings, 500)},
    )
    make_review(member, name="H2 2025", date=datetime.date(2025, 12, 31), ratings={"impact": "M"})
    level = Level.objects.get(slug="mid-level")
    assessment_services.self_assessment_save(
        owner=member,
        entries=[
            assessment_services.AssessmentEntry(
                expectation=expectation,
                mark="sometimes",
                evidence=[f"https://example.com/{UNBROKEN}"],
            )
            for expectation in level.expectations.all()
        ],
    )
    plan = plan_services.plan_create(owner=member, title=UNBROKEN[:160], summary=body)
    goal = plan_services.goal_create(
        plan=plan,
        axis=Axis.objects.get(slug="impact"),
        title=UNBROKEN,
        description=_longest(strings, 1000),
    )
    plan_services.action_create(goal=goal, text=UNBROKEN)
    plan_services.checkin_create(goal=goal, date=datetime.date(2026, 1, 15), note=UNBROKEN)
    worklog_services.log_entry_create(
        owner=member,
        date=datetime.date(2026, 1, 20),
        text=UNBROKEN + "\n\n" + _longest(strings, 1000),
        axis=Axis.objects.get(slug="impact"),
        goal=goal,
    )
    self_review = worklog_services.self_review_create(
        owner=member,
        title=UNBROKEN[:160],
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 1, 31),
    )
    share = sharing_services.growth_plan_share(
        plan=plan, owner=member, invitee_identifier="helper", role="comment", include_reviews=True
    )
    sharing_services.share_accept(share=share, member=helper)
    sharing_services.comment_create(goal=goal, author=helper, body=UNBROKEN)
    course = Course.objects.create(
        slug="odd-course", title_en=UNBROKEN[:200], summary_en=body, is_published=True
    )
    lesson = make_lesson(
        "odd-lesson",
        title=UNBROKEN[:200],
        title_zh=_longest(strings, 200),
        course=course,
        summary_en=_longest(strings, 1000),
        key_points_en="\n".join([UNBROKEN, *odd[:5]]),
        lines=tuple((text, UNBROKEN) for text in odd[:6]),
        created_by=moderator,
    )
    return World(member, moderator, question, plan, goal.public_id, review, self_review, lesson)


LAYOUT_PROBLEMS = """
(headerMax) => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > window.innerWidth) {
    // Name the elements whose content spills out of their own box, outside any box that
    // scrolls, so the message says what to fix.
    const boxed = ["auto", "scroll", "hidden", "clip"];
    const scrolls = (el) => boxed.includes(getComputedStyle(el).overflowX);
    const clipped = (el) => {
      for (let up = el.parentElement; up; up = up.parentElement) if (scrolls(up)) return true;
      return false;
    };
    const all = [...document.querySelectorAll("body *")].filter((el) => !clipped(el));
    const right = (el) => el.getBoundingClientRect().right;
    const spills = all.filter((el) => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0
      && !scrolls(el));
    const sticksOut = all.filter((el) => right(el) > window.innerWidth + 1
      && right(el.parentElement) <= window.innerWidth + 1);
    const widest = [...document.querySelectorAll("body *")].sort((a, b) => right(b) - right(a));
    const found = [...spills.slice(-2), ...sticksOut.slice(0, 2)];
    const wide = (found.length ? found : widest.slice(0, 2)).map((el) =>
      el.tagName.toLowerCase() + (el.className ? "." + el.className : "")
      + ` (${Math.round(el.getBoundingClientRect().width)}px, holds ${el.scrollWidth}px: `
      + `${JSON.stringify(el.textContent.trim().slice(0, 40))})`);
    problems.push(`page is ${root.scrollWidth}px wide in a ${window.innerWidth}px window: ${wide}`);
  }
  const header = document.querySelector("header.site-header").getBoundingClientRect();
  if (header.height > headerMax) {
    problems.push(`header is ${Math.round(header.height)}px tall`);
  }
  const main = document.querySelector("main");
  const first = [...main.querySelectorAll("main > *, main > * > *")]
    .filter((el) => el.getBoundingClientRect().height > 0)
    .slice(0, 4);
  for (const el of first) {
    const box = el.getBoundingClientRect();
    if (box.top < header.bottom - 1 && box.bottom > header.top) {
      problems.push(`${el.tagName.toLowerCase()} overlaps the header`);
    }
  }
  return problems;
}
"""


# A Markdown table in a post is ruled, has a shaded header and scrolls inside the post.
POST_TABLE_PROBLEMS = """
() => {
  const table = document.querySelector(".question .prose table");
  if (!table) return ["the post's Markdown table is missing"];
  const problems = [];
  const cell = getComputedStyle(table.querySelector("td"));
  const head = getComputedStyle(table.querySelector("th"));
  if (cell.borderTopStyle === "none" || cell.borderTopWidth === "0px") {
    problems.push("cells have no border");
  }
  if (head.backgroundColor === "rgba(0, 0, 0, 0)") problems.push("header cells have no background");
  if (parseFloat(cell.paddingLeft) < 4) problems.push("cells have no padding");
  if (getComputedStyle(table).overflowX !== "auto") problems.push("the table does not scroll");
  const post = table.closest(".prose").getBoundingClientRect();
  if (table.getBoundingClientRect().right > post.right + 1) {
    problems.push("the table is wider than the post");
  }
  return problems;
}
"""


def _log_in(context: Any, base: str, username: str) -> None:
    page = context.new_page()
    page.goto(f"{base}/accounts/login/")
    form = page.locator("form[action='/accounts/login/']")
    form.locator("input[name=login]").fill(username)
    form.locator("input[name=password]").fill(PASSWORD)
    form.locator("button[type=submit]").click()
    page.wait_for_url(f"{base}/")
    page.close()


def test_every_page_fits_phone_and_laptop_in_both_languages(
    live_server: Any, chromium: Any, test_output: Path, settings: Any, tmp_path: Path
) -> None:
    """No page is wider than the window, the header stays one row with nothing over it, and
    no page logs an error, with the oddest member text at 1280 and 390 px, in en and zh."""
    settings.MEDIA_ROOT = tmp_path
    world = _world()
    base = live_server.url
    folder = test_output / "layout"
    folder.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    for lang, locale in LANGUAGES.items():
        for width, height in WIDTHS.items():
            for who in ("visitor", "member", "moderator"):
                context = chromium.new_context(
                    viewport={"width": width, "height": height},
                    locale=locale,
                    extra_http_headers={"Accept-Language": locale},
                )
                context.set_default_timeout(15_000)
                if who != "visitor":
                    _log_in(context, base, "oddity" if who == "member" else "moderator")
                page = context.new_page()
                errors: list[str] = []
                page.on(
                    "console",
                    lambda m, errors=errors: (
                        errors.append(f"console: {m.text}") if m.type == "error" else None
                    ),
                )
                page.on("pageerror", lambda e, errors=errors: errors.append(f"page error: {e}"))
                for spec in (p for p in _pages() if p.who == who):
                    where = f"{spec.name}-{lang}-{width}"
                    errors.clear()
                    response = page.goto(base + spec.url(world))
                    page.wait_for_load_state("load")
                    if response is None or response.status >= 400:
                        problems.append(f"{where}: status {response and response.status}")
                    page_lang = page.locator("html").get_attribute("lang")
                    if page_lang != lang:
                        problems.append(f"{where}: page is in {page_lang!r}")
                    page.screenshot(path=str(folder / f"{where}.png"), full_page=True)
                    problems += [
                        f"{where}: {p}" for p in page.evaluate(LAYOUT_PROBLEMS, HEADER_MAX_HEIGHT)
                    ]
                    problems += [f"{where}: {e}" for e in errors]
                    if spec.name == "question":
                        problems += [f"{where}: {p}" for p in page.evaluate(POST_TABLE_PROBLEMS)]
                context.close()
    assert not problems, "\n".join(problems)


def test_phone_menu_opens_without_javascript(
    live_server: Any, chromium: Any, test_output: Path
) -> None:
    """On a phone the header keeps the brand, search, Ask and a Menu button in one row; the
    button opens every other link with JavaScript turned off. On a laptop there is no
    button and every link is in the row."""
    from playwright.sync_api import expect

    make_member("menu", display_name="Mina Nakamura", is_staff=True)
    base = live_server.url
    folder = test_output / "layout"
    folder.mkdir(parents=True, exist_ok=True)
    links = ["Levels", "Topics", "Review queue", "My growth", "Mina Nakamura"]
    # 1024: a small laptop, where a moderator's links would not fit in one row.
    for width, height in sorted({1024: 768, **WIDTHS}.items(), reverse=True):
        context = chromium.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=False
        )
        context.set_default_timeout(15_000)
        _log_in(context, base, "menu")
        page = context.new_page()
        page.goto(base + "/")
        header = page.locator("header.site-header")
        button = header.locator("summary", has_text="Menu")
        expect(header.locator("#nav-q")).to_be_visible()
        expect(header.locator("a[href='/ask/']")).to_be_visible()
        if width < MENU_BELOW:
            expect(button).to_be_visible()
            for name in links:
                expect(header.get_by_role("link", name=name)).to_be_hidden()
            expect(header.get_by_role("button", name="Log out")).to_be_hidden()
            button.click()
            page.screenshot(path=str(folder / f"menu-open-en-{width}.png"))
        else:
            expect(button).to_be_hidden()
        for name in links:
            expect(header.get_by_role("link", name=name)).to_be_visible()
        expect(header.get_by_role("button", name="Log out")).to_be_visible()
        expect(header.get_by_role("button", name="中文")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        # With the menu open on a phone, the links are laid out as a column of rows.
        if width < MENU_BELOW:
            boxes = [
                header.get_by_role("link", name=name).bounding_box()
                for name in ("My growth", "Mina Nakamura")
            ]
            assert boxes[0] and boxes[1] and boxes[1]["y"] > boxes[0]["y"]
        if width == min(WIDTHS):  # last: the member's language stays switched
            # Log out and the language switch answer taps in the open menu.
            header.get_by_role("button", name="中文").click()
            expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
        context.close()


# The contrast of each visible sample's text against the background drawn behind it.
CONTRAST = """
(selectors) => {
  const parse = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let up = el; up; up = up.parentElement) {
      const c = parse(getComputedStyle(up).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
    }
    return parse(getComputedStyle(document.documentElement).backgroundColor).slice(0, 3);
  };
  const results = [];
  for (const selector of selectors) {
    const el = [...document.querySelectorAll(selector)].find((e) => e.getClientRects().length);
    if (!el) { results.push([selector, null]); continue; }
    const style = getComputedStyle(el);
    const fg = parse(el instanceof SVGElement ? style.fill : style.color).slice(0, 3);
    const [a, b] = [lum(fg), lum(background(el))].sort((x, y) => y - x);
    results.push([selector, Math.round(((a + 0.05) / (b + 0.05)) * 10) / 10]);
  }
  return results;
}
"""

DARK_SAMPLES = {
    "/": [
        "main h1",
        "main p.lead",
        ".rung-name",
        ".rung-tagline",
        ".card-title a",
        ".excerpt",
        ".card-meta",
        ".level-pill",
        ".topic-list a",
        ".nav .button",
        "#nav-q",
        ".site-footer a",
    ],
    "question": [
        ".question h1",
        ".context-card dd",
        ".context-card dt",
        ".prose p",
        ".prose pre code",
        ".prose td",
        ".prose th",
        ".answer .who .name",
        "textarea",
        ".like",
    ],
    "/growth/reviews/": [
        ".rating-chart .chart-scale text",
        ".rating-chart .chart-point text",
        ".private-note",
        ".review-table td",
        ".growth-nav a",
    ],
    "/search/?q=Promotion": ["mark", ".search-box input", ".card-title a"],
}


def test_dark_mode_keeps_text_readable(live_server: Any, chromium: Any, test_output: Path) -> None:
    """With the system in dark mode, text, links, pills, fields, code, the context card and
    the growth charts keep a contrast of at least 4.5:1 against what is behind them."""
    world = _world()
    base = live_server.url
    folder = test_output / "layout"
    folder.mkdir(parents=True, exist_ok=True)
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    context.set_default_timeout(15_000)
    _log_in(context, base, "oddity")
    page = context.new_page()
    low: list[str] = []
    for path, selectors in DARK_SAMPLES.items():
        url = world.question.get_absolute_url() if path == "question" else path
        page.goto(base + url)
        name = path.strip("/").split("/")[0].split("?")[0] or "home"
        page.screenshot(path=str(folder / f"dark-{name}.png"), full_page=True)
        # The page itself turns dark, not just stays readable in light colours.
        assert (
            page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
            == "rgb(16, 20, 27)"
        )
        for selector, ratio in page.evaluate(CONTRAST, selectors):
            if ratio is None or ratio < 4.5:
                low.append(f"{url} {selector}: {ratio}")
    context.close()
    assert not low, "\n".join(low)
