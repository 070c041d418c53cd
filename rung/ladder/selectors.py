"""Reads of the ladder: how companies' own levels line up with Rung's."""

import functools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rung.ladder.models import Company, CompanyLevel, Level

# A level's guide, in every language: paragraphs that only the level's own page shows.
_LEVEL_GUIDE = ("tagline", "summary", "next_level", "common_gaps")


@functools.cache
def _level_guide_fields() -> tuple[str, ...]:
    return tuple(
        field.name
        for field in Level._meta.concrete_fields
        if any(field.name == text or field.name.startswith(f"{text}_") for text in _LEVEL_GUIDE)
    )


def level_guide_deferred(*paths: str) -> tuple[str, ...]:
    """Return what `defer()` leaves out of the levels a read joins at `paths`
    (e.g. "author__level"): a level's guide texts, which pages that only name the level
    never show, and which are most of a level's row."""
    return tuple(f"{path}__{name}" for path in paths for name in _level_guide_fields())


@dataclass(frozen=True)
class CompanyLevelRow:
    """One Rung level and, per company column, that company's levels which match it."""

    level: Level
    cells: list[list[CompanyLevel]]


@dataclass(frozen=True)
class CompanySources:
    """What most of a company's levels cite, and what a few of its levels add to that."""

    company: Company
    source: str
    level_notes: list[tuple[str, str]]


def _company_sources(company: Company, levels: list[CompanyLevel]) -> CompanySources:
    counts = Counter(level.source for level in levels if level.source)
    common = counts.most_common(1)[0][0] if counts else ""
    notes = []
    for level in levels:
        if level.source and level.source != common:
            # A level's note is usually the company's source with a sentence put before it.
            notes.append((level.code, level.source.removesuffix(common).strip() or level.source))
    return CompanySources(company, common, notes)


@dataclass(frozen=True)
class CompanyLevelTable:
    companies: list[Company]
    rows: list[CompanyLevelRow]
    sources: list[CompanySources]


def company_level_table(companies: Sequence[Company] | None = None) -> CompanyLevelTable:
    """Return Rung's levels as rows and the companies (all, or those given) as columns.

    Rows are the levels of every track some company level maps to, in ladder order, so a
    level no company reaches still shows as an empty row. Three queries, whatever the size.
    """
    columns = list(companies) if companies else list(Company.objects.all())
    column_of = {company.pk: index for index, company in enumerate(columns)}
    mapped = list(
        CompanyLevel.objects.filter(company__in=columns)
        .select_related("level")
        .order_by("company__order", "company__slug", "order", "code")
    )
    tracks = {company_level.level.track_id for company_level in mapped}
    levels = list(Level.objects.filter(track__in=tracks).order_by("track__order", "rank"))
    cells: dict[int, list[list[CompanyLevel]]] = {
        level.pk: [[] for _ in columns] for level in levels
    }
    by_company: dict[int, list[CompanyLevel]] = {company.pk: [] for company in columns}
    for company_level in mapped:
        cells[company_level.level_id][column_of[company_level.company_id]].append(company_level)
        by_company[company_level.company_id].append(company_level)
    return CompanyLevelTable(
        companies=columns,
        rows=[CompanyLevelRow(level=level, cells=cells[level.pk]) for level in levels],
        sources=[_company_sources(company, by_company[company.pk]) for company in columns],
    )
