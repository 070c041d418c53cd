"""The per-axis rating chart: positions, labels, words for screen readers, and escaping."""

import xml.etree.ElementTree as ET

from rung.growth import chart
from rung.growth.chart import Column

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "</text><script>alert(1)</script>"


def _parse(drawn: chart.Chart) -> ET.Element:
    return ET.fromstring(str(drawn.svg))


def _points(root: ET.Element) -> list[tuple[float, float, str]]:
    """Return (cx, cy, code label) for every plotted point."""
    found = []
    for group in root.iter(f"{SVG}g"):
        if group.get("class") != "chart-point":
            continue
        circle = group.find(f"{SVG}circle")
        label = group.find(f"{SVG}text")
        assert circle is not None and label is not None
        found.append((float(circle.get("cx", "")), float(circle.get("cy", "")), label.text or ""))
    return found


def test_points_sit_at_the_height_of_their_common_value() -> None:
    drawn = chart.draw(
        chart_id="impact",
        title="Impact",
        columns=[
            Column("H1 2024", "I", 1),
            Column("H2 2024", "M", 3),
            Column("H1 2025", "E", 5),
        ],
    )
    points = _points(_parse(drawn))
    assert points == [
        (chart.x_for(0), chart.y_for(1), "I"),
        (chart.x_for(1), chart.y_for(3), "M"),
        (chart.x_for(2), chart.y_for(5), "E"),
    ]
    # Higher values are drawn higher up (smaller y), evenly spaced.
    assert chart.y_for(5) < chart.y_for(3) < chart.y_for(1)
    assert chart.y_for(1) - chart.y_for(3) == chart.y_for(3) - chart.y_for(5)
    assert chart.x_for(0) < chart.x_for(1) < chart.x_for(2)


def test_gridlines_are_drawn_and_labelled_for_each_value_from_1_to_5() -> None:
    root = _parse(chart.draw(chart_id="x", title="Impact", columns=[Column("H1", "M", 3)]))
    grid = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "chart-grid")
    heights = sorted(float(line.get("y1", "")) for line in grid.iter(f"{SVG}line"))
    assert heights == sorted(chart.y_for(value) for value in range(1, 6))
    labels = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "chart-scale")
    texts = {(t.text, float(t.get("y", ""))) for t in labels.iter(f"{SVG}text")}
    assert texts == {(str(v), chart.y_for(v) + 4) for v in range(1, 6)}


def test_the_line_joins_rated_points_and_skips_unrated_cycles() -> None:
    drawn = chart.draw(
        chart_id="x",
        title="Teamwork",
        columns=[Column("A", "M", 3), Column("B"), Column("C", "M+", 4)],
    )
    root = _parse(drawn)
    line = root.find(f"{SVG}polyline")
    assert line is not None
    assert line.get("points") == (
        f"{chart.x_for(0):g},{chart.y_for(3):g} {chart.x_for(2):g},{chart.y_for(4):g}"
    )
    assert [code for _, _, code in _points(root)] == ["M", "M+"]


def test_one_cycle_draws_a_single_point_and_no_line() -> None:
    root = _parse(chart.draw(chart_id="x", title="Impact", columns=[Column("H1 2025", "E", 5)]))
    assert _points(root) == [(chart.x_for(0), chart.y_for(5), "E")]
    assert root.find(f"{SVG}polyline") is None


def test_no_ratings_give_a_chart_without_points_and_say_so_in_words() -> None:
    drawn = chart.draw(chart_id="x", title="Impact", columns=[Column("H1 2025")])
    assert not drawn.has_points
    assert _points(_parse(drawn)) == []
    assert drawn.summary == "Impact: no ratings yet."
    empty = chart.draw(chart_id="y", title="Impact", columns=[])
    assert not empty.has_points
    ET.fromstring(str(empty.svg))


def test_chart_is_an_image_with_a_title_and_a_description_of_the_series() -> None:
    drawn = chart.draw(
        chart_id="impact",
        title="Impact",
        columns=[Column("H1 2025", "M", 3), Column("H2 2025", "E", 5)],
    )
    root = _parse(drawn)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "impact-title impact-desc"
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title is not None and title.get("id") == "impact-title"
    assert title.text == "Impact rating by review cycle"
    assert desc is not None and desc.get("id") == "impact-desc"
    assert desc.text == "Impact: H1 2025 M (3 of 5), H2 2025 E (5 of 5)"
    assert drawn.summary == desc.text


def test_hostile_cycle_name_and_code_stay_text_and_the_svg_stays_well_formed() -> None:
    drawn = chart.draw(
        chart_id="impact",
        title=f"Impact {HOSTILE}",
        columns=[Column(HOSTILE, '"><script>x</script>', 3), Column("a & b \x01\x0b", "M", 4)],
    )
    markup = str(drawn.svg)
    assert "<script" not in markup
    root = ET.fromstring(markup)
    assert not [el for el in root.iter() if el.tag.endswith("script")]
    cycle_titles = [
        t.text
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "chart-cycles"
        for text in g.iter(f"{SVG}text")
        for t in text.iter(f"{SVG}title")
    ]
    assert cycle_titles == [HOSTILE, "a & b "]
    assert [code for _, _, code in _points(root)] == ['"><script>x</script>', "M"]
    desc = root.find(f"{SVG}desc")
    assert desc is not None and HOSTILE in (desc.text or "")


def test_hostile_chart_id_cannot_break_out_of_its_attribute() -> None:
    root = _parse(chart.draw(chart_id='x" onload="alert(1)', title="T", columns=[]))
    assert root.get("onload") is None
    assert root.get("aria-labelledby") == "x--onload--alert-1--title x--onload--alert-1--desc"


def test_long_cycle_names_are_shortened_on_the_axis_but_kept_whole_in_the_tooltip() -> None:
    name = "Annual performance review 2025"
    root = _parse(chart.draw(chart_id="x", title="T", columns=[Column(name, "M", 3)]))
    cycles = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "chart-cycles")
    text = next(cycles.iter(f"{SVG}text"))
    tooltip = text.find(f"{SVG}title")
    assert tooltip is not None and tooltip.text == name
    assert tooltip.tail == "Annual perf…"


def test_values_off_the_common_scale_are_not_plotted() -> None:
    drawn = chart.draw(chart_id="x", title="T", columns=[Column("A", "?", 9), Column("B", "M", 3)])
    assert [code for _, _, code in _points(_parse(drawn))] == ["M"]


def test_width_grows_with_the_number_of_cycles() -> None:
    few = _parse(chart.draw(chart_id="x", title="T", columns=[Column("A", "M", 3)] * 2))
    many = _parse(chart.draw(chart_id="x", title="T", columns=[Column("A", "M", 3)] * 12))
    assert float(many.get("width", "")) > float(few.get("width", ""))
    assert float(many.get("width", "")) >= chart.x_for(11) + chart.STEP / 2
