"""Create the level and subject topics that organise every question."""

from typing import Any

from django.apps import apps as global_apps

from rung.ladder import content


def topics_sync(apps: Any = global_apps) -> None:
    """Create or update one topic per career level and one per subject."""
    Level = apps.get_model("ladder", "Level")
    Topic = apps.get_model("qa", "Topic")
    for level in Level.objects.all():
        Topic.objects.update_or_create(
            slug=level.slug,
            defaults={
                "name": level.name,
                "kind": "level",
                "level": level,
                "tagline": level.tagline,
                "order": level.rank,
            },
        )
    for order, data in enumerate(content.SUBJECT_TOPICS, start=1):
        Topic.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "kind": "subject",
                "tagline": data["tagline"],
                "description": data["description"],
                "order": order,
            },
        )
