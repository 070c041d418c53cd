"""Load the career ladder content into the database."""

from typing import Any

from django.apps import apps as global_apps

from rung.ladder import company_levels, content


def ladder_sync(apps: Any = global_apps) -> None:
    """Create or update tracks, levels, axes, expectations and preset rating scales.

    Takes an app registry so migrations can run it against historical models.
    """
    Axis = apps.get_model("ladder", "Axis")
    Track = apps.get_model("ladder", "Track")
    Level = apps.get_model("ladder", "Level")
    Expectation = apps.get_model("ladder", "Expectation")
    RatingScale = apps.get_model("ladder", "RatingScale")
    RatingChoice = apps.get_model("ladder", "RatingChoice")

    axes = {}
    for order, data in enumerate(content.AXES):
        axes[data["slug"]], _ = Axis.objects.update_or_create(
            slug=data["slug"],
            defaults={"name": data["name"], "description": data["description"], "order": order},
        )
    tracks = {}
    for track in content.TRACKS:
        tracks[track["slug"]], _ = Track.objects.update_or_create(
            slug=track["slug"], defaults={"name": track["name"], "order": track["order"]}
        )
    for level_data in content.LEVELS:
        level, _ = Level.objects.update_or_create(
            slug=level_data["slug"],
            defaults={
                "track": tracks[level_data["track"]],
                "rank": level_data["rank"],
                "name": level_data["name"],
                "short_name": level_data["short_name"],
                "person_noun": level_data["person_noun"],
                "tagline": level_data["tagline"],
                "summary": level_data["summary"],
                "next_level": level_data["next_level"],
                "common_gaps": level_data["common_gaps"],
            },
        )
        for axis_slug, text in level_data["expectations"].items():
            Expectation.objects.update_or_create(
                level=level, axis=axes[axis_slug], defaults={"text": text}
            )
    for order, scale_data in enumerate(content.RATING_SCALES):
        scale, _ = RatingScale.objects.update_or_create(
            slug=scale_data["slug"],
            defaults={"name": scale_data["name"], "order": order, "is_preset": True},
        )
        for choice_order, (code, label, value) in enumerate(scale_data["choices"]):
            RatingChoice.objects.update_or_create(
                scale=scale,
                code=code,
                defaults={"label": label, "common_value": value, "order": choice_order},
            )


def _in_both_languages(field: str, english: str, chinese: str) -> dict[str, str]:
    """Return a translated field's columns: the original (English), `_en` and `_zh_hans`."""
    return {field: english, f"{field}_en": english, f"{field}_zh_hans": chinese}


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
            defaults={**_in_both_languages("name", data["name"], data["name_zh"]), "order": order},
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
                    **_in_both_languages("title", level_data["title"], level_data["title_zh"]),
                    **_in_both_languages("source", source, source_zh),
                    "level": level,
                    "order": level_order,
                },
            )
