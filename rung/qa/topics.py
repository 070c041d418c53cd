"""Create the level and subject topics that organise every question."""

from typing import Any

from django.apps import apps as global_apps
from django.utils import translation

from rung.core.people_version import shared_text_changed
from rung.ladder import content, content_zh
from rung.ladder.services import CHINESE, ENGLISH, fill_rows, localized

TOPIC_FIELDS = ("name", "tagline", "description")


def _texts(row: Any, field: str) -> tuple[str, str]:
    """Return a row's (English, Chinese) text; before the language columns, (base, "")."""
    english = getattr(row, f"{field}_{ENGLISH}", None) or row.__dict__.get(field) or ""
    return english, getattr(row, f"{field}_{CHINESE}", None) or ""


def topics_sync(apps: Any = global_apps) -> None:
    """Create or update one topic per career level and one per subject, in both languages."""
    Level = apps.get_model("ladder", "Level")
    Topic = apps.get_model("qa", "Topic")
    with translation.override(ENGLISH):
        for level in Level.objects.all():
            Topic.objects.update_or_create(
                slug=level.slug,
                defaults={
                    **localized(Topic, "name", *_texts(level, "name")),
                    **localized(Topic, "tagline", *_texts(level, "tagline")),
                    "kind": "level",
                    "level": level,
                    "order": level.rank,
                },
            )
        for order, data in enumerate(content.SUBJECT_TOPICS, start=1):
            chinese = content_zh.SUBJECT_TOPICS[data["slug"]]
            Topic.objects.update_or_create(
                slug=data["slug"],
                defaults={
                    **{
                        field: value
                        for name in TOPIC_FIELDS
                        for field, value in localized(
                            Topic,
                            name,
                            data[name],  # type: ignore[literal-required]
                            chinese[name],  # type: ignore[literal-required]
                        ).items()
                    },
                    "kind": "subject",
                    "order": order,
                },
            )


def topics_translations_fill(apps: Any = global_apps) -> None:
    """Fill the language columns of existing topics, keeping operators' edits.

    A topic takes the shipped text of its level or subject (see
    `rung.ladder.services.fill_row`).
    """
    Topic = apps.get_model("qa", "Topic")
    subjects = {
        data["slug"]: {
            name: (data[name], content_zh.SUBJECT_TOPICS[data["slug"]][name])  # type: ignore[literal-required]
            for name in TOPIC_FIELDS
        }
        for data in content.SUBJECT_TOPICS
    }

    levels = {
        data["slug"]: {
            name: (data[name], content_zh.LEVELS[data["slug"]][name])
            for name in ("name", "tagline")
        }
        for data in content.LEVELS
    }

    def shipped(topic: Any) -> dict[str, tuple[str, str]]:
        if topic.level_id is None:
            return subjects.get(topic.slug, {})
        # A shipped level's topic was copied from the shipped text, whatever the level
        # says now; a level the operator added has only its own columns to copy.
        return levels.get(topic.level.slug) or {
            name: _texts(topic.level, name) for name in ("name", "tagline")
        }

    fill_rows(Topic.objects.select_related("level"), TOPIC_FIELDS, shipped)


# Saves that only move a topic's counters; anything else may change the text pages show.
_COUNTER_FIELDS = frozenset({"question_count", "feed_version"})


def topic_text_changed(update_fields: frozenset[str] | None = None, **kwargs: Any) -> None:
    """A post_save receiver: a topic's name or guide may have changed, so stored pages
    showing it are rendered again (rung/core/people_version.py)."""
    if update_fields is None or not update_fields <= _COUNTER_FIELDS:
        shared_text_changed()
