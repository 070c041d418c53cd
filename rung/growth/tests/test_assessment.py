"""Self-assessment: picking a level, marks with evidence, and refusing bad or forged input."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.growth.models import Mark, SelfAssessment
from rung.growth.services.assessment import (
    AssessmentEntry,
    parse_evidence_links,
    self_assessment_save,
)
from rung.ladder.models import Axis, Expectation, Level

pytestmark = pytest.mark.django_db
URL = "/growth/assessment/"


@pytest.fixture
def mid_alice(alice: User) -> User:
    alice.level = Level.objects.get(slug="mid-level")
    alice.save(update_fields=["level"])
    return alice


@pytest.fixture
def alice_client(client: Client, mid_alice: User) -> Client:
    client.force_login(mid_alice)
    return client


def _expectation(level: str, axis: str) -> Expectation:
    return Expectation.objects.get(level__slug=level, axis__slug=axis)


def _post(client: Client, data: dict[str, str]) -> object:
    return client.post(URL, data)


def test_address_is_the_named_route() -> None:
    assert reverse("growth:assessment") == URL


def test_logged_out_visitor_is_sent_to_login(client: Client) -> None:
    for response in (client.get(URL), client.post(URL, {})):
        assert response.status_code == 302
        assert "/login" in response["Location"]


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_get_405(alice_client: Client, method: str) -> None:
    assert getattr(alice_client, method)(URL).status_code == 405


def test_member_without_level_is_asked_to_pick_one_first(client: Client, alice: User) -> None:
    client.force_login(alice)
    response = client.get(URL)
    assert response.status_code == 200
    assert "which level you hold now" in response.content.decode()
    assert 'name="level"' in response.content.decode()
    assert 'name="mark_' not in response.content.decode()


def test_picking_a_level_saves_it_with_its_track(client: Client, alice: User) -> None:
    client.force_login(alice)
    senior = Level.objects.get(slug="senior")
    response = client.post(URL, {"level": senior.pk})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.level == senior
    assert alice.track_id == senior.track_id


def test_picking_a_level_that_does_not_exist_gives_400(client: Client, alice: User) -> None:
    client.force_login(alice)
    response = client.post(URL, {"level": "999999"})
    assert response.status_code == 400
    alice.refresh_from_db()
    assert alice.level_id is None


def test_page_shows_current_and_next_level_expectation_per_axis(alice_client: Client) -> None:
    page = alice_client.get(URL).content.decode()
    for axis in Axis.objects.all():
        for level in ("mid-level", "senior"):
            expectation = _expectation(level, axis.slug)
            assert f'name="mark_{expectation.pk}"' in page
            assert f'name="evidence_{expectation.pk}"' in page
    assert f'name="mark_{_expectation("staff", "impact").pk}"' not in page


def test_each_group_of_marks_is_named_for_screen_readers(alice_client: Client) -> None:
    """Each radio group sits in a fieldset whose legend names the axis and level."""
    page = alice_client.get(URL).content.decode()
    impact_next = _expectation("senior", "impact")
    legend = (
        '<legend class="visually-hidden">How often do you show this? '
        f"(Impact, {impact_next.level.name})</legend>"
    )
    assert legend in page
    assert page.count('<fieldset class="field marks') == 2 * Axis.objects.count()


def test_top_level_says_there_is_no_next_level(client: Client, alice: User) -> None:
    alice.level = Level.objects.get(slug="principal")
    alice.save(update_fields=["level"])
    client.force_login(alice)
    page = client.get(URL).content.decode()
    assert "no next level" in page
    assert page.count('name="mark_') == Axis.objects.count() * 4  # four radios each


def test_marks_and_evidence_are_saved(alice_client: Client, mid_alice: User) -> None:
    now = _expectation("mid-level", "impact")
    nxt = _expectation("senior", "impact")
    response = _post(
        alice_client,
        {
            f"mark_{now.pk}": Mark.CONSISTENTLY,
            f"evidence_{now.pk}": "https://docs.example.com/launch\n\n  http://x.example/y  \n",
            f"mark_{nxt.pk}": Mark.SOMETIMES,
        },
    )
    assert response.status_code == 302  # type: ignore[attr-defined]
    rows = {row.expectation_id: row for row in SelfAssessment.objects.filter(owner=mid_alice)}
    assert set(rows) == {now.pk, nxt.pk}
    assert rows[now.pk].mark == Mark.CONSISTENTLY
    assert rows[now.pk].evidence_links == ["https://docs.example.com/launch", "http://x.example/y"]
    assert rows[nxt.pk].mark == Mark.SOMETIMES


def test_saved_marks_show_when_the_page_is_opened_again(
    alice_client: Client, mid_alice: User
) -> None:
    expectation = _expectation("senior", "teamwork")
    SelfAssessment.objects.create(
        owner=mid_alice,
        expectation=expectation,
        mark=Mark.NOT_YET,
        evidence="https://evidence.example/only-mine",
    )
    page = alice_client.get(URL).content.decode()
    assert f'value="{Mark.NOT_YET}" id="id_mark_{expectation.pk}_3" checked' in page
    assert "https://evidence.example/only-mine" in page


def test_saving_again_updates_the_same_row(alice_client: Client, mid_alice: User) -> None:
    expectation = _expectation("senior", "teamwork")
    SelfAssessment.objects.create(owner=mid_alice, expectation=expectation, mark=Mark.NOT_YET)
    _post(
        alice_client,
        {
            f"mark_{expectation.pk}": Mark.SOMETIMES,
            f"evidence_{expectation.pk}": "https://a.example/c",
        },
    )
    row = SelfAssessment.objects.get(owner=mid_alice, expectation=expectation)
    assert row.mark == Mark.SOMETIMES
    assert row.evidence == "https://a.example/c"
    assert SelfAssessment.objects.filter(owner=mid_alice).count() == 1


def test_a_mark_left_blank_is_removed(alice_client: Client, mid_alice: User) -> None:
    kept = _expectation("mid-level", "impact")
    cleared = _expectation("senior", "teamwork")
    for expectation in (kept, cleared):
        SelfAssessment.objects.create(owner=mid_alice, expectation=expectation, mark=Mark.NOT_YET)
    response = _post(
        alice_client,
        {
            f"mark_{kept.pk}": Mark.NOT_YET,
            f"mark_{cleared.pk}": "",
            f"evidence_{cleared.pk}": "https://ignored.example",
        },
    )
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert list(
        SelfAssessment.objects.filter(owner=mid_alice).values_list("expectation_id", flat=True)
    ) == [kept.pk]


def test_bad_link_gives_400_naming_the_line_and_saves_nothing(
    alice_client: Client, mid_alice: User
) -> None:
    first = _expectation("mid-level", "impact")
    second = _expectation("senior", "impact")
    response = _post(
        alice_client,
        {
            f"mark_{first.pk}": Mark.CONSISTENTLY,
            f"mark_{second.pk}": Mark.SOMETIMES,
            f"evidence_{second.pk}": "https://fine.example\njavascript:alert(1)\nftp://old.example",
        },
    )
    assert response.status_code == 400  # type: ignore[attr-defined]
    page = response.content.decode()  # type: ignore[attr-defined]
    assert "Line 2 is not an http:// or https:// link" in page
    assert "Line 3 is not an http:// or https:// link" in page
    assert not SelfAssessment.objects.filter(owner=mid_alice).exists()


def test_more_than_ten_links_gives_400(alice_client: Client, mid_alice: User) -> None:
    expectation = _expectation("senior", "impact")
    links = "\n".join(f"https://e.example/{i}" for i in range(11))
    response = _post(
        alice_client,
        {f"mark_{expectation.pk}": Mark.SOMETIMES, f"evidence_{expectation.pk}": links},
    )
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "at most 10 links" in response.content.decode()  # type: ignore[attr-defined]
    assert not SelfAssessment.objects.exists()


def test_a_megabyte_of_evidence_gives_a_form_error(alice_client: Client) -> None:
    expectation = _expectation("senior", "impact")
    response = _post(
        alice_client,
        {f"mark_{expectation.pk}": Mark.SOMETIMES, f"evidence_{expectation.pk}": "x" * 1_000_000},
    )
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "at most 20000 characters" in response.content.decode()  # type: ignore[attr-defined]
    assert not SelfAssessment.objects.exists()


def test_unknown_mark_value_gives_400(alice_client: Client) -> None:
    expectation = _expectation("senior", "impact")
    response = _post(alice_client, {f"mark_{expectation.pk}": "always"})
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert not SelfAssessment.objects.exists()


@pytest.mark.parametrize("forged", ["staff", "999999", "abc"])
def test_forged_expectation_id_gives_400_and_saves_nothing(
    alice_client: Client, mid_alice: User, forged: str
) -> None:
    key = str(_expectation("staff", "impact").pk) if forged == "staff" else forged
    good = _expectation("senior", "impact")
    response = _post(
        alice_client, {f"mark_{good.pk}": Mark.SOMETIMES, f"mark_{key}": Mark.CONSISTENTLY}
    )
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "not part of this assessment" in response.content.decode()  # type: ignore[attr-defined]
    assert not SelfAssessment.objects.exists()


def test_outsider_never_sees_or_changes_someone_elses_marks(
    client: Client, mid_alice: User, charlie: User, mod: User
) -> None:
    expectation = _expectation("senior", "impact")
    SelfAssessment.objects.create(
        owner=mid_alice,
        expectation=expectation,
        mark=Mark.NOT_YET,
        evidence="https://alice.example/private-doc",
    )
    for other in (charlie, mod):
        other.level = mid_alice.level
        other.save(update_fields=["level"])
        client.force_login(other)
        page = client.get(URL).content.decode()
        assert "alice.example/private-doc" not in page
        assert f'value="{Mark.NOT_YET}" id="id_mark_{expectation.pk}_3" checked' not in page
        client.post(URL, {f"mark_{expectation.pk}": ""})
    assert SelfAssessment.objects.get(owner=mid_alice).mark == Mark.NOT_YET


def test_service_refuses_an_expectation_outside_the_members_levels(mid_alice: User) -> None:
    good = _expectation("senior", "impact")
    foreign = _expectation("junior", "impact")
    with pytest.raises(ValidationError):
        self_assessment_save(
            owner=mid_alice,
            entries=[
                AssessmentEntry(expectation=good, mark=Mark.SOMETIMES),
                AssessmentEntry(expectation=foreign, mark=Mark.SOMETIMES),
            ],
        )
    assert not SelfAssessment.objects.exists()


def test_service_refuses_a_bad_link_passed_directly(mid_alice: User) -> None:
    with pytest.raises(ValidationError):
        self_assessment_save(
            owner=mid_alice,
            entries=[
                AssessmentEntry(
                    expectation=_expectation("senior", "impact"),
                    mark=Mark.SOMETIMES,
                    evidence=["file:///etc/passwd"],
                )
            ],
        )
    assert not SelfAssessment.objects.exists()


def test_parse_evidence_links_skips_blank_lines_and_strips() -> None:
    assert parse_evidence_links("\n  https://a.example/x \n\nhttp://b.example\n") == [
        "https://a.example/x",
        "http://b.example",
    ]


def test_parse_evidence_links_reports_every_bad_line() -> None:
    with pytest.raises(ValidationError) as error:
        parse_evidence_links("not a link\nhttps://ok.example\nmailto:a@b.c")
    assert len(error.value.messages) == 2
    assert error.value.messages[0].startswith("Line 1")
    assert error.value.messages[1].startswith("Line 3")
