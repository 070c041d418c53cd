"""A lesson in headless Chromium: play, seek (206), captions, transcript, progress, search."""

from pathlib import Path
from typing import Any

import pytest

from rung.demo.lessons.scripts import lesson_script
from rung.demo.lessons.services import build_demo_lesson
from rung.learn.models import Cue, Lesson, Progress
from rung.learn.templatetags.learn import seconds
from rung.learn.tests.lessons import make_lesson
from rung.testing.browser import Watch, between_requests, sign_up

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LINES = (
    ("Welcome to a lesson on owning a project.", "欢迎学习如何负责一个项目。"),
    ("Agree on what done means before you start.", "开始之前先就完成的标准达成一致。"),
    ("Write down each decision and who made it.", "记下每一个决定以及做出决定的人。"),
    ("Keep a short backlog of risks every week.", "每周维护一份简短的风险清单。"),
    ("Tell people early when the plan changes.", "计划变化时尽早告诉相关的人。"),
)


# A demo lesson, narrated by eSpeak NG: "backlog" is said in it, and written nowhere else.
DEMO = "mid-level-turning-review-feedback-into-a-plan"


@pytest.fixture
def lesson(settings: Any, tmp_path: Path) -> Lesson:
    settings.MEDIA_ROOT = tmp_path
    return make_lesson("owning-a-project", seconds=20, lines=LINES, topics=("mid-level",))


@pytest.fixture
def demo(settings: Any, tmp_path: Path) -> Lesson:
    settings.MEDIA_ROOT = tmp_path
    return build_demo_lesson(lesson_script(DEMO))


def _video_state(page: Any) -> dict[str, Any]:
    return page.locator("video").evaluate(
        "v => ({time: v.currentTime, duration: v.duration, paused: v.paused})"
    )


def test_a_visitor_plays_seeks_reads_captions_and_a_member_resumes(
    live_server: Any, chromium: Any, demo: Lesson, test_output: Path
) -> None:
    from playwright.sync_api import expect

    base = live_server.url
    watch = Watch()
    context = watch.attach(chromium.new_context(locale="en-US"))
    page = context.new_page()
    ranges: list[tuple[str, int]] = []
    page.on(
        "response",
        lambda r: (
            ranges.append((r.request.headers.get("range", ""), r.status))
            if "/video.mp4" in r.url
            else None
        ),
    )
    half = demo.duration_ms / 2000

    # The Mid-level topic lists the demo lesson among its videos.
    page.goto(f"{base}/topics/mid-level/")
    videos = page.locator("#videos")
    expect(videos).to_contain_text(demo.title)
    videos.get_by_role("link", name=demo.title).click()
    page.wait_for_url(f"{base}{demo.get_absolute_url()}")

    # Play: a click on the video is the reader's gesture.
    page.locator("video").click()
    page.wait_for_function("() => document.querySelector('video').currentTime > 0.3")

    # Seek to the middle: the player shows the new time, and the bytes came as a 206.
    page.locator("video").evaluate("v => { v.currentTime = v.duration / 2; }")
    page.wait_for_function(
        "half => { const v = document.querySelector('video');"
        " return !v.seeking && v.currentTime >= half - 0.5; }",
        arg=half,
    )
    minutes, rest = divmod(int(half), 60)
    expect(page.locator("[data-player-time]")).to_contain_text(f"{minutes}:{rest // 10}")
    assert any(status == 206 for header, status in ranges if header.startswith("bytes=")), ranges

    # Chinese captions: the track shows, and its cue is the Chinese line spoken now.
    page.get_by_role("button", name="简体中文").click()
    expect(page.get_by_role("button", name="简体中文")).to_have_attribute("aria-pressed", "true")
    # Between sentences nothing is said: stop in the middle of the next line spoken.
    # The page is playing and may be fetching: the test reads between the server's requests.
    with between_requests(live_server):
        line_zh = (
            Cue.objects.filter(lesson=demo, language="zh-hans", end_ms__gt=half * 1000)
            .order_by("start_ms")
            .first()
        )
    assert line_zh is not None
    page.locator("video").evaluate(
        "(v, at) => { v.pause(); v.currentTime = at; }",
        (line_zh.start_ms + line_zh.end_ms) / 2000,
    )
    page.wait_for_function(
        """() => { const t = [...document.querySelector('video').textTracks]
              .find(t => t.language === 'zh-hans');
              return t && t.mode === 'showing' && t.activeCues && t.activeCues.length > 0; }"""
    )
    shown = page.locator("video").evaluate(
        "v => [...v.textTracks].find(t => t.language === 'zh-hans').activeCues[0].text"
    )
    with between_requests(live_server):
        spoken_zh = set(
            Cue.objects.filter(lesson=demo, language="zh-hans").values_list("text", flat=True)
        )
    assert shown in spoken_zh
    page.screenshot(path=str(test_output / "lesson-captions.png"))

    # A transcript line seeks to its moment and is marked as the one being spoken.
    line = page.locator(".transcript-lines:not([hidden]) a").nth(3)
    at = int(line.get_attribute("data-cue-start") or 0) / 1000
    line.click()
    page.wait_for_function(
        "at => Math.abs(document.querySelector('video').currentTime - at) < 1", arg=at
    )
    expect(line).to_have_attribute("aria-current", "time")

    # The Chinese transcript, chosen while the video plays: no reload, the place is kept, and
    # the line being said is marked in view inside the transcript's box.
    page.locator("video").evaluate("v => { v.currentTime = v.duration - 8; return v.play(); }")
    page.wait_for_function("() => !document.querySelector('video').paused")
    page.get_by_role("navigation", name="Transcript language").get_by_role(
        "link", name="简体中文"
    ).click()
    zh_list = page.locator('.transcript-lines[data-transcript="zh-hans"]')
    expect(zh_list).to_be_visible()
    expect(page.locator('.transcript-lines[data-transcript="en"]')).to_be_hidden()
    assert page.locator("video").evaluate("v => v.currentTime") > demo.duration_ms / 1000 - 9
    marked = zh_list.locator("a.is-current")
    expect(marked).to_have_count(1)
    inside = zh_list.evaluate(
        """list => { const line = list.querySelector('a.is-current').getBoundingClientRect();
                    const box = list.getBoundingClientRect();
                    return line.top >= box.top - 1 && line.bottom <= box.bottom + 1; }"""
    )
    assert inside
    page.locator("video").evaluate("v => v.pause()")

    # A member's place is kept across a reload.
    member_context = watch.attach(chromium.new_context(locale="en-US"))
    member = member_context.new_page()
    sign_up(member, base, "watcher")
    member.goto(f"{base}{demo.get_absolute_url()}")
    member.locator("video").click()
    member.wait_for_function("() => document.querySelector('video').currentTime > 0.2")
    member.locator("video").evaluate("v => { v.currentTime = 24; v.pause(); }")
    member.wait_for_function(
        "() => { const v = document.querySelector('video'); return !v.seeking && v.paused; }"
    )
    member.wait_for_timeout(500)
    member.reload()
    member.wait_for_function(
        "() => { const v = document.querySelector('video');"
        " return v.readyState >= 1 && Math.abs(v.currentTime - 24) < 1; }"
    )
    # The reloaded player reports its place as this runs.
    with between_requests(live_server):
        assert Progress.objects.get(lesson=demo).position_ms >= 23_000

        # Search: a word said only in the lesson finds it, and opens it at that moment.
        said = Cue.objects.get(lesson=demo, language="en", text__contains="backlog")
    assert "backlog" not in f"{demo.title} {demo.summary} {demo.key_points}".lower()
    page.goto(f"{base}/search/?q=backlog")
    hit = page.locator(".lesson-hits").get_by_role("link", name=demo.title)
    said_at = seconds(said.start_ms)
    expect(hit).to_have_attribute("href", f"{demo.get_absolute_url()}?t={said_at}&transcript=en")
    page.screenshot(path=str(test_output / "lesson-search.png"), full_page=True)
    hit.click()
    page.wait_for_function(
        "at => { const v = document.querySelector('video');"
        " return v.readyState >= 1 && Math.abs(v.currentTime - at) < 1; }",
        arg=float(said_at),
    )
    expect(page.locator(".transcript-lines a.is-current")).to_contain_text("backlog")
    watch.assert_clean()
    context.close()
    member_context.close()


def test_the_lesson_works_at_phone_width_by_keyboard(
    live_server: Any, chromium: Any, lesson: Lesson, test_output: Path
) -> None:
    from playwright.sync_api import expect

    watch = Watch()
    context = watch.attach(
        chromium.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    )
    page = context.new_page()
    page.goto(f"{live_server.url}{lesson.get_absolute_url()}")
    expect(page.locator(".transcript-lines:not([hidden])")).to_contain_text(
        "每周维护一份简短的风险清单。"
    )
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390
    # Tab to the second transcript line and press Enter: the video goes there.
    line = page.locator(".transcript-lines:not([hidden]) a").nth(1)
    line.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => Math.abs(document.querySelector('video').currentTime - 4) < 1")
    page.screenshot(path=str(test_output / "lesson-phone.png"), full_page=True)
    watch.assert_clean()
    context.close()
