"""Back, then Add again, in a real headless Chromium: one work-log entry.

Like the ask form's story (rung/qa/tests/test_repost_browser.py), for a growth form.
"""

from pathlib import Path
from typing import Any

import pytest

from rung.growth.models import LogEntry
from rung.testing import make_member
from rung.testing.browser import Watch, fill_unless_restored, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_back_then_add_again_makes_one_log_entry(
    live_server: Any, chromium: Any, test_output: Path
) -> None:
    base = live_server.url
    make_member("petra", display_name="Petra Novak")
    watch = Watch()
    context = watch.attach(chromium.new_context(viewport={"width": 1280, "height": 900}))
    page = context.new_page()
    log_in(page, base, "petra")
    text = "Ran the incident review for the payments outage"

    page.goto(f"{base}/growth/log/")
    form = page.locator("form.log-add")
    form.get_by_label("What you did").fill(text)
    form.get_by_role("button", name="Add to log").click()
    page.wait_for_load_state()
    assert "Added to your work log." in page.locator("ul.messages").inner_text()

    page.go_back()
    page.wait_for_load_state()
    form = page.locator("form.log-add")
    fill_unless_restored(form.get_by_label("What you did"), text)
    form.get_by_role("button", name="Add to log").click()
    page.wait_for_load_state()

    assert "already in your work log" in page.locator("ul.messages").inner_text()
    page.screenshot(path=str(test_output / "repost-log-entry.png"), full_page=True)
    assert LogEntry.objects.filter(owner__username="petra").count() == 1
    watch.assert_clean()
    context.close()
