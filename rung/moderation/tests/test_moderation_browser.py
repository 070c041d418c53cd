"""The moderation story in a real headless Chromium, against a live server.

A fresh account posts link-filled answers until one is held and the next is refused; two
regulars flag a rude answer until it hides; a moderator works the queue, deletes the
spammer, locks one question and closes another as a duplicate; an administrator reads the
audit log; and search no longer finds the spam. The database is written only to set up the
starting world (members at their trust levels, questions, a rude answer) and read only to
confirm the outcome.
"""

import re
from pathlib import Path
from typing import Any

import pytest

from rung import settings as shipped
from rung.accounts.models import User
from rung.moderation import levels
from rung.moderation.models import AuditEntry, Flag, Review, TrustLevel
from rung.qa.models import Answer, Question, Visibility
from rung.testing import make_answer, make_member, make_question
from rung.testing.browser import Watch, log_in, sign_up

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# Two links each (fewer than RUNG_SPAM_HOLD_LINKS), different text; the third repeats the first.
SPAM_ONE = (
    "Zorblax tonic doubles your salary overnight: https://zorblax.example/buy and "
    "https://zorblax.example/deal"
)
SPAM_TWO = (
    "Quintrope coaching guarantees the promotion: https://quintrope.example/join and "
    "https://quintrope.example/now"
)
SPAM_REPEAT = "ZORBLAX tonic   doubles your salary overnight: https://zorblax.example/buy and https://zorblax.example/deal"
SPAM_FOURTH = (
    "Flimwick mentors get you promoted: https://flimwick.example/a https://flimwick.example/b"
)
RUDE = "Only an idiot would ask this. Do your own homework."
NEWCOMER = "Write the packet as a list of outcomes, each with a link to the design doc."


def _answer(page: Any, body: str) -> Any:
    """Post an answer from the question page's form; return the response to the POST."""
    page.get_by_role("textbox", name="Your answer").fill(body)
    with page.expect_response(
        lambda r: r.url.endswith("/answer/") and r.request.method == "POST"
    ) as response:
        page.get_by_role("button", name="Post your answer").click()
    if response.value.status == 302:
        page.wait_for_url(re.compile(r"#answer-\d+$"))
    else:
        page.wait_for_load_state()
    return response.value


def _shoot(page: Any, test_output: Path, name: str) -> None:
    path = test_output / name
    path.unlink(missing_ok=True)
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000


def _world() -> dict[str, Any]:
    """Members at their trust levels, three questions, a helpful answer and a rude one."""
    asker = make_member("asha", display_name="Asha Patel")
    helper = make_member("hugo", display_name="Hugo Brandt")
    grumpy = make_member("grumpy", display_name="Gus Grump")
    for name in ("rita", "raj"):
        make_member(name, trust_level=TrustLevel.REGULAR)
    make_member("morgan", display_name="Morgan Lee", is_staff=True)
    make_member("root", display_name="Ada Admin", is_staff=True, is_superuser=True)
    timeline = make_question(
        asker,
        title="How do I ask my manager for a promotion timeline?",
        body="My manager says 'soon' every cycle. How do I get a concrete timeline?",
    )
    make_answer(timeline, helper, body="Ask which gaps remain and agree on a date to revisit them.")
    packet = make_question(
        asker,
        title="How do I write a promotion packet?",
        body="First time writing one for myself. What goes in it?",
    )
    rude = make_answer(packet, grumpy, body=RUDE)
    packet_again = make_question(
        asker,
        title="What should I put in my promotion packet?",
        body="Writing my packet this month and unsure what to include.",
    )
    return {"timeline": timeline, "packet": packet, "packet_again": packet_again, "rude": rude}


def test_moderation_story_in_chromium(
    live_server: Any, chromium: Any, test_output: Path, settings: Any
) -> None:
    from playwright.sync_api import expect

    world = _world()
    # The root conftest lifts the posting rates for other apps' stories; this one runs on
    # the shipped limits, which the live server reads at each request.
    settings.RUNG_POSTING_LIMITS = shipped.RUNG_POSTING_LIMITS
    settings.RUNG_SPAM_HOLD_LINKS = shipped.RUNG_SPAM_HOLD_LINKS
    assert levels.limit("answers_per_10_minutes", TrustLevel.NEW) == 3
    assert settings.RUNG_SPAM_HOLD_LINKS == 3
    base = live_server.url
    watch = Watch()
    timeline_url = f"{base}{world['timeline'].get_absolute_url()}"
    packet_url = f"{base}{world['packet'].get_absolute_url()}"
    packet_again_url = f"{base}{world['packet_again'].get_absolute_url()}"
    rude_id = world["rude"].pk

    visitor_context = watch.attach(chromium.new_context(viewport=DESKTOP))
    visitor = visitor_context.new_page()

    # 1. A fresh account signs up (the honeypot stays out of sight) and posts answers.
    spam_context = watch.attach(chromium.new_context(viewport=DESKTOP))
    spammer = spam_context.new_page()
    spammer.goto(f"{base}/accounts/signup/")
    expect(spammer.locator("input[name=website]")).not_to_be_in_viewport()
    sign_up(spammer, base, "zorblax")

    spammer.goto(timeline_url)
    first = _answer(spammer, SPAM_ONE)
    assert first.status == 302
    expect(spammer).to_have_url(re.compile(r"#answer-\d+$"))
    first_id = spammer.url.rsplit("#answer-", 1)[1]
    expect(spammer.locator(f"#answer-{first_id}")).to_contain_text("Zorblax tonic")
    expect(spammer.locator(f"#answer-{first_id} .visibility-notice")).to_have_count(0)

    spammer.goto(packet_again_url)
    second = _answer(spammer, SPAM_TWO)
    assert second.status == 302
    second_id = spammer.url.rsplit("#answer-", 1)[1]
    expect(spammer.locator(f"#answer-{second_id} .visibility-notice")).to_have_count(0)

    # The third repeats the first one's text: it is held, and only its author sees it.
    spammer.goto(packet_url)
    third = _answer(spammer, SPAM_REPEAT)
    assert third.status == 302
    held_id = spammer.url.rsplit("#answer-", 1)[1]
    held = spammer.locator(f"#answer-{held_id}")
    expect(held.locator(".visibility-notice")).to_contain_text("Waiting for review")
    _shoot(spammer, test_output, "moderation-1-held-answer.png")
    visitor.goto(packet_url)
    expect(visitor.locator("section.answers")).to_contain_text(RUDE)
    expect(visitor.locator(f"#answer-{held_id}")).to_have_count(0)
    expect(visitor.locator("main")).not_to_contain_text("ZORBLAX tonic")
    expect(visitor.locator("main")).not_to_contain_text("Waiting for review")

    # The fourth within ten minutes is refused, with the limit's message and a 429.
    spammer.goto(packet_url)
    fourth = _answer(spammer, SPAM_FOURTH)
    assert fourth.status == 429
    assert int(fourth.headers["retry-after"]) > 0
    expect(spammer.get_by_role("alert")).to_contain_text(
        "You can post 3 answers in ten minutes; please wait a few minutes before posting another."
    )
    expect(spammer.get_by_role("textbox", name="Your answer")).to_have_value(SPAM_FOURTH)
    _shoot(spammer, test_output, "moderation-2-answer-limited.png")

    # Before the moderators act, the published spam is in search like any answer.
    visitor.goto(f"{base}/search/?q=zorblax")
    expect(visitor.locator("#search-results .search-hit")).to_have_count(1)
    visitor.goto(timeline_url)
    expect(visitor.locator("#answers-heading")).to_have_text("2 answers")

    # A newcomer's honest first answer goes to the queue for a look, published meanwhile.
    newcomer_context = watch.attach(chromium.new_context(viewport=DESKTOP))
    newcomer = newcomer_context.new_page()
    sign_up(newcomer, base, "nina")
    newcomer.goto(packet_url)
    assert _answer(newcomer, NEWCOMER).status == 302
    newcomer_context.close()

    # 2. Two regulars flag the rude answer as rude; the second flag hides it.
    for flagger in ("rita", "raj"):
        context = watch.attach(chromium.new_context(viewport=DESKTOP))
        page = context.new_page()
        log_in(page, base, flagger)
        page.goto(packet_url)
        page.locator(f"#answer-{rude_id}").get_by_role("link", name="Flag").click()
        page.wait_for_url(f"{base}/moderation/flag/answer/{rude_id}/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Flag a post")
        page.get_by_label("Rude or abusive").check()
        if flagger == "rita":
            _shoot(page, test_output, "moderation-3-flag-form.png")
        page.get_by_role("button", name="Send the flag").click()
        page.wait_for_url(re.compile(re.escape(world["packet"].get_absolute_url())))
        expect(page.get_by_role("status").filter(has_text="Thank you")).to_be_visible()
        context.close()

    visitor.goto(packet_url)
    expect(visitor.locator(f"#answer-{rude_id}")).to_have_count(0)
    expect(visitor.locator("main")).not_to_contain_text(RUDE)
    expect(visitor.locator("main")).to_contain_text(NEWCOMER)

    grumpy_context = watch.attach(chromium.new_context(viewport=DESKTOP))
    grumpy = grumpy_context.new_page()
    log_in(grumpy, base, "grumpy")
    grumpy.goto(packet_url)
    notice = grumpy.locator(f"#answer-{rude_id} .visibility-notice")
    expect(notice).to_contain_text("Hidden: flagged by the community as rude or abusive.")
    expect(notice).to_contain_text("Edit it to ask for another review.")
    _shoot(grumpy, test_output, "moderation-4-hidden-answer-author.png")
    grumpy.goto(f"{base}/members/grumpy/")
    expect(grumpy.locator("section.notices")).to_contain_text("was hidden")
    grumpy_context.close()

    # 3. A moderator works the queue from the header's link.
    mod_context = watch.attach(chromium.new_context(viewport=DESKTOP))
    mod = mod_context.new_page()
    log_in(mod, base, "morgan")
    queue_link = mod.locator("header.site-header").get_by_role("link", name="Review queue")
    expect(queue_link).to_contain_text("4")
    queue_link.click()
    mod.wait_for_url(f"{base}/moderation/")
    items = mod.locator("article.mod-item")
    expect(items).to_have_count(4)
    flagged = items.filter(has_text=RUDE)
    expect(flagged.locator(".mod-meta").first).to_contain_text("Flagged · answer · Hidden")
    expect(flagged.locator("li")).to_have_text(["Rude or abusive (weight 1.0)"] * 2)
    expect(items.filter(has_text="Held as likely spam")).to_contain_text("ZORBLAX tonic")
    _shoot(mod, test_output, "moderation-5-queue.png")

    first_look = items.filter(has_text=NEWCOMER)
    expect(first_look).to_contain_text("A new member's first post")
    first_look.get_by_label("Reason").fill("A helpful first answer")
    first_look.get_by_role("button", name="Approve").click()
    mod.wait_for_url(f"{base}/moderation/")
    expect(mod.get_by_role("status").filter(has_text="left the queue")).to_be_visible()
    expect(items).to_have_count(3)

    # The spammer's page, from the held answer in the queue.
    items.filter(has_text="Held as likely spam").get_by_role("link", name="zorblax").click()
    mod.wait_for_url(f"{base}/moderation/members/zorblax/")
    spam_section = mod.locator("section.card").filter(
        has=mod.get_by_role("heading", name="Delete a spammer")
    )
    spam_section.get_by_label("Reason").fill("Selling tonics in every thread")
    expect(spam_section.get_by_label("Block the domains their posts link to")).to_be_checked()
    mod.once("dialog", lambda dialog: dialog.accept())
    spam_section.get_by_role("button", name="Delete the spammer").click()
    mod.wait_for_url(f"{base}/moderation/members/zorblax/")
    expect(mod.get_by_role("status").filter(has_text="posts were deleted")).to_be_visible()
    expect(mod.locator("main")).to_contain_text("account closed")
    _shoot(mod, test_output, "moderation-6-spammer-deleted.png")

    # Lock one question: it says so and takes no answers.
    mod.goto(timeline_url)
    mod.locator("#question .post-actions").get_by_role("link", name="Moderate").click()
    mod.wait_for_url(f"{base}/moderation/questions/{world['timeline'].pk}/")
    lock = mod.locator("section.card").filter(
        has=mod.get_by_role("heading", name="Lock: no new answers")
    )
    lock.get_by_label("Reason").fill("Settled: further answers repeat the thread")
    lock.get_by_role("button", name="Lock", exact=True).click()
    mod.wait_for_url(timeline_url)
    expect(mod.locator(".question-status")).to_have_text(
        "Locked by the moderators: this question takes no new answers."
    )
    expect(mod.locator("section.answer-form")).to_have_count(0)
    _shoot(mod, test_output, "moderation-7-locked-question.png")

    # Close another as a duplicate of a third, named by its address.
    mod.goto(packet_again_url)
    mod.locator("#question .post-actions").get_by_role("link", name="Moderate").click()
    duplicate = mod.locator("section.card").filter(
        has=mod.get_by_role("heading", name="Close as a duplicate")
    )
    duplicate.get_by_label("Original question (its number or address)").fill(packet_url)
    duplicate.get_by_label("Reason").fill("Same question as the packet one")
    duplicate.get_by_role("button", name="Close", exact=True).click()
    mod.wait_for_url(packet_again_url)
    status = mod.locator(".question-status")
    expect(status).to_contain_text("Closed as a duplicate of")
    expect(status.get_by_role("link", name="How do I write a promotion packet?")).to_have_attribute(
        "href", world["packet"].get_absolute_url()
    )
    expect(mod.locator("section.answer-form")).to_have_count(0)
    mod_context.close()

    # The queue at phone width, in Chinese.
    phone_context = watch.attach(
        chromium.new_context(viewport=PHONE, locale="zh-CN", device_scale_factor=2)
    )
    phone = phone_context.new_page()
    log_in(phone, base, "morgan")
    phone.goto(f"{base}/moderation/")
    expect(phone.locator("html")).to_have_attribute("lang", re.compile(r"^zh"))
    expect(phone.locator("article.mod-item")).to_have_count(1)
    _shoot(phone, test_output, "moderation-8-queue-phone-zh.png")
    phone_context.close()

    # 4. An administrator reads every action in the audit log: who, what and why.
    admin_context = watch.attach(chromium.new_context(viewport=DESKTOP))
    admin = admin_context.new_page()
    log_in(admin, base, "root")
    admin.goto(f"{base}/moderation/audit/")
    expect(admin.get_by_role("heading", level=1)).to_have_text("Audit log")
    table = admin.locator("table tbody tr").evaluate_all(
        "rows => rows.map(row => [...row.cells].map(cell => cell.innerText.trim()))"
    )
    done = {(row[1], row[2], row[4]) for row in table}
    for what, why in [
        ("Approved", "A helpful first answer"),
        ("Suspended", "Selling tonics in every thread"),
        ("Deleted a spammer", "Selling tonics in every thread"),
        ("Locked", "Settled: further answers repeat the thread"),
        ("Closed as a duplicate", "Same question as the packet one"),
    ]:
        assert ("morgan", what, why) in done
    _shoot(admin, test_output, "moderation-9-audit-log.png")
    admin_context.close()

    # 5. A visitor's search no longer finds the spam, and the count leaves it out.
    for word in ("zorblax", "quintrope"):
        visitor.goto(f"{base}/search/")
        search_form = visitor.locator("form.search-form")
        search_form.get_by_label("Search").fill(word)
        search_form.get_by_role("button", name="Search").click()
        expect(visitor.locator("#search-results")).to_contain_text(f"No questions match “{word}”")
    visitor.goto(f"{base}/search/?q=manager+promotion+timeline")
    hit = visitor.locator(".search-hit").filter(has_text="promotion timeline")
    expect(hit).to_contain_text("1 answer")
    visitor.goto(timeline_url)
    expect(visitor.locator("#answers-heading")).to_have_text("1 answer")
    expect(visitor.locator("main")).not_to_contain_text("ZORBLAX tonic")
    expect(visitor.locator(".question-status")).to_contain_text("Locked")
    visitor_context.close()
    spam_context.close()
    watch.assert_clean()

    # What the pages said is what the database holds.
    spammer_account = User.objects.get(username="zorblax")
    assert spammer_account.is_active is False
    spam = Answer.objects.filter(author=spammer_account)
    assert spam.count() == 3
    assert all(answer.is_deleted for answer in spam)
    assert Answer.objects.get(pk=rude_id).visibility == Visibility.HIDDEN
    assert Flag.objects.filter(post_kind="answer", post_id=rude_id).count() == 2
    assert Review.objects.filter(resolved_at=None).count() == 1
    timeline = Question.objects.get(pk=world["timeline"].pk)
    assert timeline.locked_at is not None
    assert timeline.answer_count == 1
    assert Question.objects.get(pk=world["packet_again"].pk).duplicate_of_id == world["packet"].pk
    assert set(AuditEntry.objects.values_list("action", flat=True)) == {
        "approve",
        "suspend",
        "delete_spammer",
        "lock",
        "close_duplicate",
    }
