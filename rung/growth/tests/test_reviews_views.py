"""Review pages: the owner's flow, and what outsiders, visitors and bad input get."""

import datetime
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rung.accounts.models import User
from rung.growth.models import AxisRating, ReviewCycle
from rung.growth.selectors.reviews import review_history
from rung.growth.tests.reviews_factory import make_review, make_scale
from rung.ladder.models import RatingChoice, RatingScale

pytestmark = pytest.mark.django_db

HOSTILE = "</text><script>alert(1)</script>"


def _pk(scale: str, code: str) -> int:
    return RatingChoice.objects.get(scale__slug=scale, code=code).pk


def _form_data(**overrides: object) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "H1 2025",
        "date": "2025-06-30",
        "company": "Acme",
        "level": "",
        "scale": RatingScale.objects.get(slug="e-m-i").pk,
        "overall": _pk("e-m-i", "M+"),
        "rating_impact": _pk("e-m-i", "E"),
        "words_impact": "Shipped the ranking model early.",
        "rating_teamwork": _pk("e-m-i", "M"),
        "words_teamwork": "",
        "notes": "Ask for the migration project.",
    }
    data.update(overrides)
    return data


@pytest.fixture
def cycle(alice: User) -> ReviewCycle:
    return make_review(alice, ratings={"impact": "E"}, words={"impact": "Great quarter"})


def _review_urls(cycle: ReviewCycle) -> dict[str, str]:
    return {
        "review": reverse("growth:review", args=[cycle.public_id]),
        "review_edit": reverse("growth:review_edit", args=[cycle.public_id]),
        "review_delete": reverse("growth:review_delete", args=[cycle.public_id]),
    }


# The owner's flow


def test_owner_records_a_review_and_sees_it_on_the_history_page(
    client: Client, alice: User
) -> None:
    client.force_login(alice)
    assert client.get(reverse("growth:review_create")).status_code == 200
    response = client.post(reverse("growth:review_create"), _form_data())
    cycle = ReviewCycle.objects.get()
    assert response.status_code == 302 and response["Location"] == cycle.get_absolute_url()
    assert (cycle.owner, cycle.name, cycle.overall.code) == (alice, "H1 2025", "M+")  # type: ignore[union-attr]
    assert {r.axis.slug: r.rating.code for r in cycle.ratings.all()} == {
        "impact": "E",
        "teamwork": "M",
    }
    page = client.get(reverse("growth:reviews")).content.decode()
    assert "H1 2025" in page and "Impact: H1 2025 E (5 of 5)" in page
    assert "Shipped the ranking model early." in page
    assert reverse("growth:review_edit", args=[cycle.public_id]) in page
    detail = client.get(cycle.get_absolute_url()).content.decode()
    assert "Ask for the migration project." in detail and "Shipped the ranking model" in detail


def test_owner_edits_a_review_and_its_ratings_are_replaced(
    client: Client, alice: User, cycle: ReviewCycle
) -> None:
    client.force_login(alice)
    page = client.get(reverse("growth:review_edit", args=[cycle.public_id])).content.decode()
    assert 'value="H1 2025"' in page and "Great quarter" in page
    response = client.post(
        reverse("growth:review_edit", args=[cycle.public_id]),
        _form_data(
            name="H1 2025 final",
            scale=RatingScale.objects.get(slug="one-to-five").pk,
            overall="",
            rating_impact="",
            words_impact="",
            rating_teamwork=_pk("one-to-five", "4"),
            words_teamwork="Good partner",
        ),
    )
    assert response.status_code == 302
    cycle.refresh_from_db()
    assert cycle.name == "H1 2025 final" and cycle.overall is None
    assert [(r.axis.slug, r.rating.code, r.manager_words) for r in cycle.ratings.all()] == [
        ("teamwork", "4", "Good partner")
    ]


def test_owner_deletes_a_review(client: Client, alice: User, cycle: ReviewCycle) -> None:
    client.force_login(alice)
    response = client.post(reverse("growth:review_delete", args=[cycle.public_id]))
    assert response.status_code == 302 and response["Location"] == reverse("growth:reviews")
    assert not ReviewCycle.objects.exists() and not AxisRating.objects.exists()


def test_empty_history_shows_an_empty_state(client: Client, alice: User) -> None:
    client.force_login(alice)
    page = client.get(reverse("growth:reviews")).content.decode()
    main = page.split('<main id="main"', 1)[1]  # the header's bell is an icon of its own
    assert "No reviews recorded yet." in main and "<svg" not in main


def test_single_review_draws_a_single_point(
    client: Client, alice: User, cycle: ReviewCycle
) -> None:
    client.force_login(alice)
    page = client.get(reverse("growth:reviews")).content.decode()
    assert page.count('class="chart-point"') == 1
    assert "No ratings on this axis yet." in page  # the axes this review left unrated


def test_hostile_cycle_name_is_escaped_on_every_page(client: Client, alice: User) -> None:
    cycle = make_review(alice, name=HOSTILE, ratings={"impact": "E"}, words={"impact": HOSTILE})
    client.force_login(alice)
    for url in (reverse("growth:reviews"), cycle.get_absolute_url()):
        page = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    page = client.get(reverse("growth:reviews")).content.decode()
    for svg in _svgs(page):
        ET.fromstring(svg)


def _svgs(page: str) -> list[str]:
    parts = page.split("<svg")[1:]
    return ["<svg" + part.split("</svg>")[0] + "</svg>" for part in parts]


def test_history_page_runs_a_bounded_number_of_queries(
    client: Client, alice: User, django_assert_max_num_queries: Any
) -> None:
    scale = make_scale(alice)
    for year in range(2010, 2030):
        make_review(
            alice,
            name=f"{year}",
            date=datetime.date(year, 6, 1),
            scale=scale if year % 2 else "e-m-i",
            ratings={"impact": "Top", "teamwork": "Low"} if year % 2 else {"impact": "M"},
            overall="Solid" if year % 2 else "E",
            level=None,
        )
    client.force_login(alice)
    client.get(reverse("growth:reviews"))  # warm the session
    # Session, user, axes, cycles and their ratings.
    with django_assert_max_num_queries(5):
        response = client.get(reverse("growth:reviews"))
    assert response.content.decode().count('class="chart-point"') == 20 + 20 + 10


def test_read_only_history_renders_no_edit_or_delete_controls(
    alice: User, cycle: ReviewCycle
) -> None:
    history = review_history(alice)
    editable = render_to_string(
        "growth/_review_history.html", {"history": history, "can_edit": True}
    )
    read_only = render_to_string(
        "growth/_review_history.html", {"history": history, "can_edit": False}
    )
    assert reverse("growth:review_edit", args=[cycle.public_id]) in editable
    for html in (read_only,):
        assert "<form" not in html
        assert cycle.public_id not in html
        assert "H1 2025" in html and "Great quarter" in html


# Access


@pytest.mark.parametrize("name", ["review", "review_edit"])
@pytest.mark.parametrize("who", ["charlie", "mod"])
def test_outsider_gets_404_for_someone_elses_review_pages(
    request: pytest.FixtureRequest, client: Client, cycle: ReviewCycle, name: str, who: str
) -> None:
    client.force_login(request.getfixturevalue(who))
    url = _review_urls(cycle)[name]
    assert client.get(url).status_code == 404
    if name == "review_edit":
        assert client.post(url, _form_data(name="Hijacked")).status_code == 404
    cycle.refresh_from_db()
    assert cycle.name == "H1 2025"


@pytest.mark.parametrize("who", ["charlie", "mod"])
def test_outsider_gets_404_deleting_someone_elses_review(
    request: pytest.FixtureRequest, client: Client, cycle: ReviewCycle, who: str
) -> None:
    client.force_login(request.getfixturevalue(who))
    assert client.post(_review_urls(cycle)["review_delete"]).status_code == 404
    assert ReviewCycle.objects.filter(pk=cycle.pk).exists()


def test_unknown_review_id_gets_the_same_404(client: Client, alice: User) -> None:
    client.force_login(alice)
    for name in ("review", "review_edit"):
        assert client.get(reverse(f"growth:{name}", args=["nope"])).status_code == 404
    assert client.post(reverse("growth:review_delete", args=["nope"])).status_code == 404


def test_outsider_history_page_shows_only_their_own_reviews(
    client: Client, charlie: User, cycle: ReviewCycle
) -> None:
    client.force_login(charlie)
    page = client.get(reverse("growth:reviews")).content.decode()
    assert "No reviews recorded yet." in page and "Great quarter" not in page


@pytest.mark.parametrize(
    "name", ["reviews", "review_create", "review", "review_edit", "review_delete"]
)
def test_logged_out_visitor_is_sent_to_log_in(
    client: Client, cycle: ReviewCycle, name: str
) -> None:
    url = _review_urls(cycle).get(name) or reverse(f"growth:{name}")
    for response in (client.get(url), client.post(url, _form_data())):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert ReviewCycle.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("reviews", "post"),
        ("reviews", "delete"),
        ("review_create", "put"),
        ("review", "post"),
        ("review_edit", "delete"),
        ("review_delete", "get"),
    ],
)
def test_wrong_method_gets_405(
    client: Client, alice: User, cycle: ReviewCycle, name: str, method: str
) -> None:
    client.force_login(alice)
    url = _review_urls(cycle).get(name) or reverse(f"growth:{name}")
    assert getattr(client, method)(url).status_code == 405
    assert ReviewCycle.objects.filter(pk=cycle.pk).exists()


# Bad input


def _far_future() -> str:
    return (timezone.localdate() + datetime.timedelta(days=5 * 366 + 2)).isoformat()


BAD_INPUT = {
    "rating not on the scale": lambda: _form_data(rating_impact=_pk("one-to-five", "5")),
    "overall not on the scale": lambda: _form_data(overall=_pk("exceeds-meets-below", "Meets")),
    "forged rating id": lambda: _form_data(rating_impact=99_999_999),
    "rating id not a number": lambda: _form_data(rating_impact="E"),
    "unknown scale": lambda: _form_data(scale=99_999_999),
    "no scale": lambda: _form_data(scale=""),
    "far-future date": lambda: _form_data(date=_far_future()),
    "date before 1900": lambda: _form_data(date="1899-12-31"),
    "not a date": lambda: _form_data(date="31/31/2025"),
    "year 10000": lambda: _form_data(date="10000-01-01"),
    "empty name": lambda: _form_data(name="   "),
    "long name": lambda: _form_data(name="n" * 121),
    "1 MB notes": lambda: _form_data(notes="n" * 1_000_000),
    "1 MB manager's words": lambda: _form_data(words_impact="w" * 1_000_000),
    "words without a rating": lambda: _form_data(rating_teamwork="", words_teamwork="Kind"),
    "unknown level": lambda: _form_data(level=99_999_999),
}


@pytest.mark.parametrize("case", BAD_INPUT)
def test_bad_review_input_gets_400_with_a_message_and_saves_nothing(
    client: Client, alice: User, case: str
) -> None:
    client.force_login(alice)
    response = client.post(reverse("growth:review_create"), BAD_INPUT[case]())
    assert response.status_code == 400, case
    assert b'role="alert"' in response.content
    assert not ReviewCycle.objects.exists() and not AxisRating.objects.exists()


def test_error_messages_say_what_is_wrong(client: Client, alice: User) -> None:
    client.force_login(alice)
    post = lambda **kw: client.post(reverse("growth:review_create"), _form_data(**kw))  # noqa: E731
    assert (
        "5 is not on the E / M+ / M / M- / I scale"
        in post(rating_impact=_pk("one-to-five", "5")).content.decode()
    )
    assert "Enter a date between 1900-01-01" in post(date=_far_future()).content.decode()
    assert (
        "Keep this under 20000 characters (it has 1000000)"
        in post(notes="n" * 1_000_000).content.decode()
    )


def test_another_members_custom_rating_is_refused(
    client: Client, alice: User, charlie: User
) -> None:
    theirs = make_scale(charlie)
    client.force_login(alice)
    page = client.get(reverse("growth:review_create")).content.decode()
    assert theirs.name not in page
    response = client.post(
        reverse("growth:review_create"),
        _form_data(scale=theirs.pk, overall="", rating_impact=theirs.choices.first().pk),  # type: ignore[union-attr]
    )
    assert response.status_code == 400
    assert not ReviewCycle.objects.exists()


def test_bad_edit_input_keeps_the_saved_review(
    client: Client, alice: User, cycle: ReviewCycle
) -> None:
    client.force_login(alice)
    response = client.post(
        reverse("growth:review_edit", args=[cycle.public_id]),
        _form_data(name="Changed", rating_impact=_pk("one-to-five", "5")),
    )
    assert response.status_code == 400
    cycle.refresh_from_db()
    assert cycle.name == "H1 2025"
    assert [r.rating.code for r in cycle.ratings.all()] == ["E"]
