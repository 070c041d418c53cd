"""The exact time on hover and the whole `reltime` element are what Django's `date` wrote."""

import datetime as dt
from collections.abc import Iterator
from typing import Any
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.html import format_html

from rung.core import relative_time
from rung.core.relative_time import (
    exact_format,
    exact_time,
    label_slot_mark,
    relative_label_or_slot,
)
from rung.core.templatetags.rung import reltime

NOW = dt.datetime(2026, 12, 6, 14, 3, 30, tzinfo=dt.UTC)
LANGUAGES = ["en", "zh-hans"]
# Zones with and without summer time, one moving by half an hour, one south of the equator.
ZONES = [
    "UTC",
    "Europe/London",
    "America/New_York",
    "Australia/Lord_Howe",
    "America/Sao_Paulo",
    "Asia/Shanghai",
    "Asia/Kolkata",
]


def _reference_reltime(value: dt.datetime) -> str:
    """`reltime` as it was written before the exact format was kept."""
    local = timezone.localtime(value)
    return format_html(
        '<time datetime="{}" title="{}" data-relative>{}</time>',
        local.isoformat(timespec="seconds"),
        date_format(local, exact_format()),
        relative_label_or_slot(value),
    )


def _transitions(zone: ZoneInfo, start: dt.datetime, end: dt.datetime) -> Iterator[dt.datetime]:
    """Yield the hours (UTC) in which the zone's offset changes."""
    moment = start
    offset = moment.astimezone(zone).utcoffset()
    while moment < end:
        moment += dt.timedelta(hours=1)
        now_offset = moment.astimezone(zone).utcoffset()
        if now_offset != offset:
            yield moment
        offset = now_offset


def _moments(zone_name: str) -> list[dt.datetime]:
    """Moments (UTC) over two years, every 7 hours (so every hour of the day and weekday
    comes round), plus every 10 minutes for three hours either side of each clock change."""
    zone = ZoneInfo(zone_name)
    start = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    end = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    moments = [start + dt.timedelta(hours=7 * n, minutes=n % 60) for n in range(2 * 1252)]
    for change in _transitions(zone, start, end):
        moments += [change + dt.timedelta(minutes=10 * n) for n in range(-18, 19)]
    # Midnight and noon of every month, and a moment with seconds and microseconds.
    for month in range(1, 13):
        for hour in (0, 12):
            moments.append(dt.datetime(2026, month, 1, hour, tzinfo=zone).astimezone(dt.UTC))
    moments.append(dt.datetime(2026, 2, 28, 23, 59, 59, 999999, tzinfo=dt.UTC))
    return moments


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("zone_name", ZONES)
def test_exact_time_is_what_the_date_filter_writes(language: str, zone_name: str) -> None:
    with translation.override(language), timezone.override(ZoneInfo(zone_name)):
        assert relative_time._exact_writer(language) is not None  # the kept format is used
        for moment in _moments(zone_name):
            local = timezone.localtime(moment)
            assert exact_time(local) == date_format(local, exact_format()), local


@pytest.mark.parametrize("language", LANGUAGES)
def test_wall_times_a_clock_change_repeats_or_skips(language: str) -> None:
    """An hour the clocks go back over is ambiguous and one they skip does not exist: the
    `date` filter leaves the zone's name out of both, whichever side of the fold."""
    new_york = ZoneInfo("America/New_York")
    walls = [
        dt.datetime(2026, 11, 1, 1, 30, tzinfo=new_york),  # repeated
        dt.datetime(2026, 3, 8, 2, 30, tzinfo=new_york),  # skipped
        dt.datetime(2026, 3, 8, 3, 0, tzinfo=new_york),
        dt.datetime(2026, 11, 1, 2, 0, tzinfo=new_york),
    ]
    with translation.override(language):
        for wall in walls:
            for local in (wall, wall.replace(fold=1)):
                assert exact_time(local) == date_format(local, exact_format())
        assert " EST" not in exact_time(walls[0]) and " EDT" not in exact_time(walls[0])
        # A moment without a zone is read in the configured one, as the filter reads it.
        naive = dt.datetime(2026, 7, 4, 9, 5)
        assert exact_time(naive) == date_format(naive, exact_format())


@pytest.mark.parametrize("language", LANGUAGES)
def test_whole_element_is_unchanged_in_a_configured_zone(settings: Any, language: str) -> None:
    """With TIME_ZONE other than UTC, as a label and as a slot inside a cached fragment."""
    settings.TIME_ZONE = "America/New_York"
    moments = _moments("America/New_York")[::7]
    with translation.override(language), mock.patch("django.utils.timezone.now", return_value=NOW):
        for moment in moments:
            assert reltime(moment) == _reference_reltime(moment)
            assert reltime(moment.astimezone(ZoneInfo("Asia/Tokyo"))) == _reference_reltime(moment)
        reset = label_slot_mark.set("\x00t<&>")
        try:
            for moment in moments[:50]:
                assert reltime(moment) == _reference_reltime(moment)
        finally:
            label_slot_mark.reset(reset)
    assert reltime(None) == ""


@pytest.mark.parametrize(
    "format_string",
    [
        "D, d/m/y \\a\\t g:i A e",  # characters the kept format leaves to the filter
        "{Y}-{m}-{d} {{H}}:i:s G n j \\T\\j T",  # braces and escaped letters are text
        "\\\\Y <M> & \"'",
    ],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_any_translated_format_is_written_as_the_filter_would(
    language: str, format_string: str
) -> None:
    london = ZoneInfo("Europe/London")
    relative_time._exact_writer.cache_clear()
    try:
        with (
            translation.override(language),
            mock.patch.object(relative_time, "exact_format", return_value=format_string),
        ):
            kept = relative_time._exact_writer(translation.get_language())
            assert (kept is None) == format_string.startswith("D")
            for moment in _moments("Europe/London")[::11]:
                local = moment.astimezone(london)
                assert exact_time(local) == date_format(local, format_string), format_string
    finally:
        relative_time._exact_writer.cache_clear()
