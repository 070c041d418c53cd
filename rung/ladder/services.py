"""Load the career ladder content into the database, in English and Chinese."""

from collections.abc import Iterable
from typing import Any

from django.apps import apps as global_apps
from django.utils import translation

from rung.ladder import company_levels, content, content_zh

ENGLISH, CHINESE = "en", "zh_hans"


def localized(model: Any, field: str, english: str, chinese: str) -> dict[str, str]:
    """Return the values that store one content field in both languages.

    The base column keeps the English too. A historical model from before the language
    columns existed (the first seeding migration) gets the base column alone.
    """
    values = {field: english}
    names = {f.name for f in model._meta.get_fields()}
    if f"{field}_{ENGLISH}" in names:
        values[f"{field}_{ENGLISH}"] = english
        values[f"{field}_{CHINESE}"] = chinese
    return values


def _ladder_models(apps: Any) -> tuple[Any, ...]:
    """Return Axis, Track, Level, Expectation, RatingScale and RatingChoice from `apps`."""
    names = ("Axis", "Track", "Level", "Expectation", "RatingScale", "RatingChoice")
    return tuple(apps.get_model("ladder", name) for name in names)


def ladder_sync(apps: Any = global_apps) -> None:
    """Create or update tracks, levels, axes, expectations and preset rating scales.

    Takes an app registry so migrations can run it against historical models. Writes the
    shipped text in both languages, so it replaces operators' edits: it runs once, from the
    seeding migration, and `ladder_translations_fill` is the one that keeps edits.
    """
    Axis, Track, Level, Expectation, RatingScale, RatingChoice = _ladder_models(apps)

    # Assigning a translated field writes the active language's column; English is the
    # base, and the Chinese columns are set by name.
    with translation.override(ENGLISH):
        axes = {}
        for order, data in enumerate(content.AXES):
            zh_axis = content_zh.AXES[data["slug"]]
            axes[data["slug"]], _ = Axis.objects.update_or_create(
                slug=data["slug"],
                defaults={
                    **localized(Axis, "name", data["name"], zh_axis["name"]),
                    **localized(Axis, "description", data["description"], zh_axis["description"]),
                    "order": order,
                },
            )
        tracks = {}
        for track in content.TRACKS:
            tracks[track["slug"]], _ = Track.objects.update_or_create(
                slug=track["slug"],
                defaults={
                    **localized(Track, "name", track["name"], content_zh.TRACKS[track["slug"]]),
                    "order": track["order"],
                },
            )
        for level_data in content.LEVELS:
            zh_level = content_zh.LEVELS[level_data["slug"]]
            texts: dict[str, str] = {}
            for field in content_zh.LEVEL_FIELDS:
                texts |= localized(Level, field, level_data[field], zh_level[field])
            level, _ = Level.objects.update_or_create(
                slug=level_data["slug"],
                defaults={
                    "track": tracks[level_data["track"]],
                    "rank": level_data["rank"],
                    **texts,
                },
            )
            for axis_slug, text in level_data["expectations"].items():
                Expectation.objects.update_or_create(
                    level=level,
                    axis=axes[axis_slug],
                    defaults=localized(
                        Expectation, "text", text, zh_level["expectations"][axis_slug]
                    ),
                )
        for order, scale_data in enumerate(content.RATING_SCALES):
            zh_scale = content_zh.RATING_SCALES[scale_data["slug"]]
            scale, _ = RatingScale.objects.update_or_create(
                slug=scale_data["slug"],
                defaults={
                    **localized(RatingScale, "name", scale_data["name"], zh_scale["name"]),
                    "order": order,
                    "is_preset": True,
                },
            )
            for choice_order, (code, label, value) in enumerate(scale_data["choices"]):
                RatingChoice.objects.update_or_create(
                    scale=scale,
                    code=code,
                    defaults={
                        **localized(RatingChoice, "label", label, zh_scale["choices"][code]),
                        "common_value": value,
                        "order": choice_order,
                    },
                )


def fill_row(row: Any, fields: tuple[str, ...], shipped: dict[str, tuple[str, str]]) -> bool:
    """Give a row's empty language columns their text; return whether anything changed.

    The English column takes the row's current text, so an operator's edit stays. The
    Chinese column takes the shipped translation only while the English is still the
    shipped English: a translation of text the operator has since rewritten would say
    something else, and an empty Chinese column shows their English instead. `shipped`
    maps a field to its (English, Chinese); a field missing from it (a member's custom
    scale, a level the operator added) keeps an empty Chinese column.
    """
    changed = False
    for field in fields:
        english_name, chinese_name = f"{field}_{ENGLISH}", f"{field}_{CHINESE}"
        if not getattr(row, english_name):
            # The base column holds the text from before the language columns.
            setattr(row, english_name, row.__dict__.get(field) or "")
            changed = True
        english, chinese = shipped.get(field, ("", ""))
        if chinese and not getattr(row, chinese_name) and getattr(row, english_name) == english:
            setattr(row, chinese_name, chinese)
            changed = True
    return changed


def fill_rows(rows: Iterable[Any], fields: tuple[str, ...], shipped_of: Any) -> None:
    """Fill each row's language columns (see fill_row) and save the ones that changed."""
    for row in rows:
        if fill_row(row, fields, shipped_of(row)):
            row.save(update_fields=[f"{f}_{lang}" for f in fields for lang in (ENGLISH, CHINESE)])


def ladder_translations_fill(apps: Any = global_apps) -> None:
    """Fill the language columns of an existing ladder, keeping operators' edits."""
    Axis, Track, Level, Expectation, RatingScale, RatingChoice = _ladder_models(apps)

    axes = {
        a["slug"]: {f: (a[f], content_zh.AXES[a["slug"]][f]) for f in ("name", "description")}
        for a in content.AXES
    }
    tracks = {
        t["slug"]: {"name": (t["name"], content_zh.TRACKS[t["slug"]])} for t in content.TRACKS
    }
    levels = {
        lv["slug"]: {f: (lv[f], content_zh.LEVELS[lv["slug"]][f]) for f in content_zh.LEVEL_FIELDS}
        for lv in content.LEVELS
    }
    expectations = {
        (lv["slug"], axis): {"text": (text, content_zh.LEVELS[lv["slug"]]["expectations"][axis])}
        for lv in content.LEVELS
        for axis, text in lv["expectations"].items()
    }
    scales = {
        s["slug"]: {"name": (s["name"], content_zh.RATING_SCALES[s["slug"]]["name"])}
        for s in content.RATING_SCALES
    }
    choices = {
        (s["slug"], code): {"label": (label, content_zh.RATING_SCALES[s["slug"]]["choices"][code])}
        for s in content.RATING_SCALES
        for code, label, _value in s["choices"]
    }
    # Only shared rows are content; a member's custom scale keeps what they typed.
    fill_rows(Axis.objects.all(), ("name", "description"), lambda r: axes.get(r.slug, {}))
    fill_rows(Track.objects.all(), ("name",), lambda r: tracks.get(r.slug, {}))
    fill_rows(Level.objects.all(), content_zh.LEVEL_FIELDS, lambda r: levels.get(r.slug, {}))
    fill_rows(
        Expectation.objects.select_related("level", "axis"),
        ("text",),
        lambda r: expectations.get((r.level.slug, r.axis.slug), {}),
    )
    fill_rows(
        RatingScale.objects.all(),
        ("name",),
        lambda r: scales.get(r.slug, {}) if r.owner_id is None else {},
    )
    fill_rows(
        RatingChoice.objects.select_related("scale"),
        ("label",),
        lambda r: choices.get((r.scale.slug, r.code), {}) if r.scale.owner_id is None else {},
    )


def company_levels_sync(apps: Any) -> None:
    """Add the companies and company levels of rung/ladder/company_levels.py that are missing.

    Run from a migration with its app registry (historical models, so each language's
    column is written as it is). What exists is left alone: operators edit the mapping in
    the admin, and a later run must not undo their edits. A company level whose Rung level
    does not exist is skipped.
    """
    Company = apps.get_model("ladder", "Company")
    CompanyLevel = apps.get_model("ladder", "CompanyLevel")
    Level = apps.get_model("ladder", "Level")
    levels = {level.slug: level for level in Level.objects.all()}
    for order, data in enumerate(company_levels.COMPANIES, start=1):
        company, _ = Company.objects.get_or_create(
            slug=data["slug"],
            defaults={**localized(Company, "name", data["name"], data["name_zh"]), "order": order},
        )
        for level_order, level_data in enumerate(data["levels"], start=1):
            level = levels.get(level_data["level"])
            if level is None:
                continue
            source, source_zh = data["source"], data["source_zh"]
            if "note" in level_data:
                source = f"{level_data['note']} {source}"
                source_zh = f"{level_data['note_zh']}{source_zh}"
            CompanyLevel.objects.get_or_create(
                company=company,
                code=level_data["code"],
                defaults={
                    **localized(CompanyLevel, "title", level_data["title"], level_data["title_zh"]),
                    **localized(CompanyLevel, "source", source, source_zh),
                    "level": level,
                    "order": level_order,
                },
            )
