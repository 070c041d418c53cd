"""Companies' own levels: the seeded mapping is complete and sensible, the admin edits it."""

from typing import Any

import pytest
from django import forms
from django.test import Client
from django.urls import reverse
from django.utils import translation

from rung.ladder import company_levels
from rung.ladder.forms import OTHER_COMPANY_LEVEL, CompanyLevelChoiceField
from rung.ladder.models import Company, CompanyLevel, Level
from rung.ladder.selectors import company_level_table
from rung.testing import make_member

pytestmark = pytest.mark.django_db


def test_every_seeded_company_level_is_in_the_database_with_a_level_and_a_source() -> None:
    """The migration seeds every company level of the data module, each mapped and sourced."""
    level_slugs = set(Level.objects.values_list("slug", flat=True))
    for company in company_levels.COMPANIES:
        assert company["source"] and company["source_zh"]
        for data in company["levels"]:
            assert data["level"] in level_slugs, (company["slug"], data["code"])
            seeded = CompanyLevel.objects.get(company__slug=company["slug"], code=data["code"])
            assert seeded.level.slug == data["level"]
            sources = CompanyLevel.objects.filter(pk=seeded.pk).values(
                "source_en", "source_zh_hans"
            )
            assert all(sources.get().values())
    assert CompanyLevel.objects.count() == sum(len(c["levels"]) for c in company_levels.COMPANIES)


def test_company_levels_never_go_down_the_ladder_as_their_own_order_goes_up() -> None:
    """Within a company, a higher level of theirs maps to the same Rung level or a higher one."""
    for company in Company.objects.all():
        ranks = [cl.level.rank for cl in company.levels.select_related("level").order_by("order")]
        assert ranks == sorted(ranks), company.slug


@pytest.mark.parametrize(
    ("company", "code", "level"),
    [
        ("google", "L3", "junior"),
        ("google", "L5", "senior"),
        ("meta", "E4", "mid-level"),
        ("meta", "E5", "senior"),
        ("meta", "E6", "staff"),
        ("alibaba", "P6", "mid-level"),
        ("alibaba", "P8", "staff"),
        ("alibaba", "P10", "principal"),
        ("bytedance", "2-1", "senior"),
        ("microsoft", "68+", "principal"),
    ],
)
def test_well_known_levels_map_where_comparisons_put_them(
    company: str, code: str, level: str
) -> None:
    assert CompanyLevel.objects.get(company__slug=company, code=code).level.slug == level


def test_chinese_companies_have_chinese_names() -> None:
    with translation.override("zh-hans"):
        names = {c.slug: c.name for c in Company.objects.all()}
    assert names["alibaba"] == "阿里巴巴"
    assert names["tencent"] == "腾讯"
    assert names["bytedance"] == "字节跳动"
    # Brand names read the same in both languages.
    assert names["meta"] == "Meta"


def test_compare_table_puts_each_company_level_in_its_rung_level_row() -> None:
    table = company_level_table()
    assert [row.level.slug for row in table.rows] == [
        "junior",
        "mid-level",
        "senior",
        "staff",
        "principal",
    ]
    meta = [c.slug for c in table.companies].index("meta")
    senior = next(row for row in table.rows if row.level.slug == "senior")
    assert [cl.code for cl in senior.cells[meta]] == ["E5"]
    google = next(s for s in table.sources if s.company.slug == "google")
    assert "levels.fyi" in google.source
    assert [code for code, _note in google.level_notes] == ["L7"]


def test_compare_table_costs_three_queries(django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(3):
        company_level_table()


class PickForm(forms.Form):
    company_level = CompanyLevelChoiceField(allow_other=True, required=False)


def test_company_level_select_groups_levels_by_company() -> None:
    html = str(PickForm()["company_level"])
    assert '<optgroup label="Meta">' in html
    assert "E5 · Senior" in html
    assert f'value="{OTHER_COMPANY_LEVEL}"' in html


@pytest.mark.parametrize("value", ["999999", "abc", "1; DROP TABLE", "-1"])
def test_company_level_select_refuses_an_unknown_value(value: str) -> None:
    form = PickForm({"company_level": value})
    assert not form.is_valid()
    assert "company_level" in form.errors


def test_admin_change_page_shows_a_company_with_its_levels_and_sources(client: Client) -> None:
    client.force_login(make_member("root", is_staff=True, is_superuser=True))
    alibaba = Company.objects.get(slug="alibaba")
    response = client.get(reverse("admin:ladder_company_change", args=[alibaba.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "阿里巴巴" in page  # the Chinese name's own input
    assert "P6" in page
    assert "level-comparison write-ups" in page
    assert client.get(reverse("admin:ladder_company_changelist")).status_code == 200
