"""Draw ratings over review cycles as small inline SVG charts, rendered on the server.

Each chart plots one series (an axis, or the overall rating) against the common 1-5 value,
so cycles rated on different companies' scales share one vertical axis, and labels every
point with the code the employer actually used ("M+", "Exceeds"). Every string that can
come from a member goes through `_text`, because cycle names end up inside SVG markup.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

LOWEST = 1
HIGHEST = 5

# Geometry in SVG user units (pixels at 100%).
LEFT = 36  # room for the 1–5 labels
RIGHT = 12
TOP = 22  # room for the code above a point at 5
ROW = 28  # vertical distance between two adjacent values
BOTTOM = 34  # room for the cycle names
STEP = 88  # horizontal distance between two cycles
MIN_WIDTH = 220
# Past this many cycles a chart needs a whole row of the page to stay legible.
NARROW_COLUMNS = 4
LABEL_CHARS = 12
POINT_RADIUS = 4.5

# Characters XML 1.0 forbids even as character references; a name holding one would make
# the page's SVG ill-formed, so they are dropped from anything drawn.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Column:
    """One review cycle on the horizontal axis, with its rating on this series if any."""

    label: str
    code: str | None = None
    value: int | None = None

    @property
    def is_rated(self) -> bool:
        return self.value is not None and self.code is not None


@dataclass(frozen=True)
class Chart:
    """A drawn series: its title, the columns behind it, a summary in words and the SVG."""

    chart_id: str
    title: str
    columns: tuple[Column, ...]
    summary: str
    svg: SafeString

    @property
    def rated(self) -> list[Column]:
        return [column for column in self.columns if column.is_rated]

    @property
    def has_points(self) -> bool:
        return any(column.is_rated for column in self.columns)

    @property
    def is_wide(self) -> bool:
        return len(self.columns) > NARROW_COLUMNS


def _text(value: str) -> str:
    """Return a member-supplied string made safe for SVG text and attributes."""
    return escape(_XML_ILLEGAL.sub("", value))


def _short(label: str) -> str:
    label = " ".join(label.split())
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def x_for(index: int) -> float:
    """Return the horizontal centre of the column at this index."""
    return LEFT + STEP / 2 + index * STEP


def y_for(value: int) -> float:
    """Return the height of a common value: 5 at the top, 1 at the bottom."""
    return TOP + (HIGHEST - value) * ROW


def _num(number: float) -> str:
    return f"{number:g}"


def describe(title: str, columns: Sequence[Column]) -> str:
    """Return the series in words, e.g. "Impact: H1 2025 M (3 of 5), H2 2025 E (5 of 5)"."""
    rated = [column for column in columns if column.is_rated]
    if not rated:
        return _("%(title)s: no ratings yet.") % {"title": title}
    parts = [
        _("%(cycle)s %(code)s (%(value)d of %(highest)d)")
        % {"cycle": column.label, "code": column.code, "value": column.value, "highest": HIGHEST}
        for column in rated
    ]
    return f"{title}: {', '.join(parts)}"


def draw(*, chart_id: str, title: str, columns: Sequence[Column]) -> Chart:
    """Return a chart of one series over the given cycles, oldest first."""
    columns = tuple(
        column
        if column.value is None or LOWEST <= column.value <= HIGHEST
        else Column(label=column.label)  # a value off the common scale cannot be placed
        for column in columns
    )
    summary = describe(title, columns)
    width = max(MIN_WIDTH, LEFT + len(columns) * STEP + RIGHT)
    plot_bottom = y_for(LOWEST)
    height = plot_bottom + BOTTOM
    safe_id = re.sub(r"[^A-Za-z0-9_-]", "-", chart_id)
    heading = _("%(title)s rating by review cycle") % {"title": title}
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="rating-chart" role="img" '
        f'width="{_num(width)}" height="{_num(height)}" '
        f'viewBox="0 0 {_num(width)} {_num(height)}" '
        f'aria-labelledby="{safe_id}-title {safe_id}-desc">',
        f'<title id="{safe_id}-title">{_text(heading)}</title>',
        f'<desc id="{safe_id}-desc">{_text(summary)}</desc>',
        '<g class="chart-grid" stroke="#d5dae3" stroke-width="1">',
    ]
    for value in range(HIGHEST, LOWEST - 1, -1):
        y = _num(y_for(value))
        out.append(f'<line x1="{LEFT}" y1="{y}" x2="{_num(width - RIGHT)}" y2="{y}"/>')
    out.append("</g>")
    out.append('<g class="chart-scale" font-size="11" fill="#5f6b7a" text-anchor="end">')
    for value in range(HIGHEST, LOWEST - 1, -1):
        out.append(f'<text x="{LEFT - 8}" y="{_num(y_for(value) + 4)}">{value}</text>')
    out.append("</g>")
    out.append('<g class="chart-cycles" font-size="11" fill="#5f6b7a" text-anchor="middle">')
    for index, column in enumerate(columns):
        out.append(
            f'<text x="{_num(x_for(index))}" y="{_num(plot_bottom + 22)}">'
            f"<title>{_text(column.label)}</title>{_text(_short(column.label))}</text>"
        )
    out.append("</g>")
    rated = [(index, column) for index, column in enumerate(columns) if column.is_rated]
    if len(rated) > 1:
        points = " ".join(
            f"{_num(x_for(index))},{_num(y_for(column.value or 0))}" for index, column in rated
        )
        out.append(
            f'<polyline class="chart-line" points="{points}" fill="none" '
            f'stroke="#2657d6" stroke-width="2"/>'
        )
    for index, column in rated:
        x, y = _num(x_for(index)), _num(y_for(column.value or 0))
        point_title = _("%(cycle)s: %(code)s (%(value)d of %(highest)d)") % {
            "cycle": column.label,
            "code": column.code,
            "value": column.value,
            "highest": HIGHEST,
        }
        out.append(
            f'<g class="chart-point" data-value="{column.value}">'
            f'<circle cx="{x}" cy="{y}" r="{POINT_RADIUS}" fill="#2657d6"/>'
            f'<text x="{x}" y="{_num(y_for(column.value or 0) - 9)}" font-size="11" '
            f'font-weight="600" text-anchor="middle" fill="#1d2330">{_text(column.code or "")}'
            f"</text><title>{_text(point_title)}</title></g>"
        )
    out.append("</svg>")
    # Every interpolated value above is a number, a fixed string or passed through `_text`.
    return Chart(
        chart_id=safe_id,
        title=title,
        columns=columns,
        summary=summary,
        svg=mark_safe("".join(out)),
    )
