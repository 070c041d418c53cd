"""Relative dates in Chromium: the hover in the reader's time zone, the text kept current."""

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from rung.qa.models import Question
from rung.testing import make_answer, make_member, make_question
from rung.testing.browser import Watch

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def test_hover_shows_the_readers_time_zone_and_the_text_moves_on(
    live_server: Any, chromium: Any, test_output: Path
) -> None:
    from playwright.sync_api import expect

    asker, answerer = make_member("wen"), make_member("tomas")
    question = make_question(asker, title="How do I show impact before calibration?")
    # An afternoon hour in Shanghai, where a 12-hour clock would read differently.
    eighteen_days = timezone.now() - dt.timedelta(days=18)
    afternoon = (timezone.localtime(eighteen_days, SHANGHAI).hour - 15) % 24
    asked = eighteen_days - dt.timedelta(hours=afternoon, minutes=1)
    Question.objects.filter(pk=question.pk).update(created_at=asked)
    answer = make_answer(question, answerer, body="Write down the outcomes, not the tasks.")
    watch = Watch()
    context = watch.attach(chromium.new_context(timezone_id="Asia/Shanghai", locale="en-US"))
    try:
        page = context.new_page()
        page.clock.install()
        page.goto(f"{live_server.url}{question.get_absolute_url()}")
        asked_time = page.locator("#question .post-meta time[data-relative]").first
        expect(asked_time).to_have_text("18 days ago")
        shanghai = timezone.localtime(asked, SHANGHAI)
        assert shanghai.hour in (14, 15)
        # The server's hover says UTC; the reader's browser shows its own zone, on the
        # same 24-hour clock whatever the hour (a 12-hour "01:16 PM" would not match).
        expect(asked_time).to_have_attribute("title", re.compile(rf"{shanghai:%H}:{shanghai:%M}"))
        expect(asked_time).to_have_attribute("title", re.compile(r"GMT\+8"))
        answered = page.locator(f"#answer-{answer.pk} time[data-relative]").first
        expect(answered).to_have_text("just now")
        page.clock.fast_forward("03:00:00")
        expect(answered).to_have_text("3 hours ago")
        page.screenshot(path=test_output / "relative-times.png")
    finally:
        context.close()
    watch.assert_clean()
