"""How long ago, in one unit, with the exact date and time on hover."""

import datetime as dt
import re
import time
from unittest import mock

import pytest
from django.conf import settings
from django.template import Context, Template
from django.test import Client
from django.utils import timezone, translation

from rung.core.relative_time import relative_label
from rung.qa.models import Question
from rung.testing import make_answer

NOW = dt.datetime(2026, 12, 6, 14, 3, 30, tzinfo=dt.UTC)
SECOND, MINUTE, HOUR, DAY = (dt.timedelta(seconds=n) for n in (1, 60, 3600, 86400))


@pytest.mark.parametrize(
    ("ago", "english", "chinese"),
    [
        (dt.timedelta(0), "just now", "刚刚"),
        (59 * SECOND, "just now", "刚刚"),
        (-5 * MINUTE, "just now", "刚刚"),  # a clock a little ahead
        (MINUTE, "1 minute ago", "1分钟前"),
        (59 * MINUTE + 59 * SECOND, "59 minutes ago", "59分钟前"),
        (HOUR, "1 hour ago", "1小时前"),
        (3 * HOUR + 59 * MINUTE, "3 hours ago", "3小时前"),
        (DAY, "1 day ago", "1天前"),
        (18 * DAY + 23 * HOUR, "18 days ago", "18天前"),
        (29 * DAY, "29 days ago", "29天前"),
        (30 * DAY, "1 month ago", "1个月前"),
        (70 * DAY, "2 months ago", "2个月前"),
        (364 * DAY, "12 months ago", "12个月前"),
        (365 * DAY, "1 year ago", "1年前"),
        (3 * 365 * DAY + 100 * DAY, "3 years ago", "3年前"),
    ],
)
def test_one_unit_rounded_down_in_english_and_chinese(
    ago: dt.timedelta, english: str, chinese: str
) -> None:
    with translation.override("en"):
        assert relative_label(NOW - ago, NOW) == english
    with translation.override("zh-hans"):
        assert relative_label(NOW - ago, NOW) == chinese


def _render(value: dt.datetime) -> str:
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        return Template("{% load rung %}{{ value|reltime }}").render(Context({"value": value}))


def test_time_element_carries_the_exact_moment_and_its_hover() -> None:
    value = NOW - 18 * DAY - 2 * HOUR
    with translation.override("en"):
        html = _render(value)
    assert html == (
        '<time datetime="2026-11-18T12:03:30+00:00" title="18 Nov 2026, 12:03 UTC" '
        "data-relative>18 days ago</time>"
    )
    with translation.override("zh-hans"):
        html = _render(value)
    assert 'title="2026年11月18日 12:03 UTC"' in html and ">18天前</time>" in html


def test_no_moment_renders_nothing() -> None:
    assert Template("{% load rung %}[{{ value|reltime }}]").render(Context({"value": None})) == "[]"


def test_no_template_shows_a_relative_time_any_other_way() -> None:
    """Every relative time goes through `reltime`: humanize's many-unit forms are gone."""
    found = []
    for path in (settings.BASE_DIR / "rung").rglob("templates/**/*.html"):
        text = path.read_text()
        if re.search(r"naturaltime|timesince|timeuntil", text):
            found.append(str(path))
    assert found == []


def test_cached_answers_do_not_say_just_now_for_hours(
    client: Client, question: Question, bob: object
) -> None:
    """The answers come from a cached fragment that outlives any label; a reader three hours
    later reads "3 hours ago", since each reader's labels are filled in as they read."""
    make_answer(question, bob)  # type: ignore[arg-type]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = question.get_absolute_url()
    assert ">just now</time>" in client.get(page).content.decode()
    later, wall = timezone.now() + 3 * HOUR, time.time() + 3 * 3600
    # The clock the cache expires entries by moves on with the one the labels read.
    with (
        mock.patch("django.utils.timezone.now", return_value=later),
        mock.patch("time.time", return_value=wall),
    ):
        html = client.get(page).content.decode()
    assert ">just now</time>" not in html
    assert html.count(">3 hours ago</time>") >= 2  # the question and its answer
