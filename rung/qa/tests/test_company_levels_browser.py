"""The compare page on a 390 px phone: the table scrolls inside its box, the page does not."""

from pathlib import Path
from typing import Any

import pytest

from rung.testing.browser import Watch

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize(
    ("locale", "heading"), [("en-GB", "Compare company levels"), ("zh-CN", "对比各公司职级")]
)
def test_compare_table_scrolls_in_its_box_with_the_level_column_kept_in_view(
    live_server: Any, chromium: Any, test_output: Path, locale: str, heading: str
) -> None:
    from playwright.sync_api import expect

    watch = Watch()
    context = watch.attach(
        chromium.new_context(viewport={"width": 390, "height": 844}, locale=locale)
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name=heading).click()
    page.wait_for_url(f"{live_server.url}/levels/companies/")
    expect(page.locator("h1")).to_have_text(heading)

    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = page.locator(".company-levels-scroll")
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")
    first_cell = page.locator(".company-levels tbody th").first
    left_before = first_cell.bounding_box()["x"]
    box.evaluate("el => { el.scrollLeft = 600; }")
    assert box.evaluate("el => el.scrollLeft") > 0
    # The Rung level column stays where it was while the companies slide under it.
    assert abs(first_cell.bounding_box()["x"] - left_before) < 1
    page.screenshot(path=str(test_output / f"company-levels-{locale}-390.png"), full_page=True)
    watch.assert_clean()
