"""Cached pages show the ladder's text: any edit of it renders them again."""

from typing import Any

from django.db.models.signals import post_delete, post_save

from rung.core.people_version import shared_text_changed
from rung.ladder.models import (
    Axis,
    Company,
    CompanyLevel,
    Expectation,
    Level,
    RatingChoice,
    RatingScale,
    Track,
)

# A signal, not a service: operators edit these rows in the admin, which calls no service.
SHOWN_MODELS = (Track, Level, Axis, Expectation, RatingScale, RatingChoice, Company, CompanyLevel)


def _shown_text_changed(sender: type, **kwargs: Any) -> None:
    shared_text_changed()


def connect() -> None:
    for model in SHOWN_MODELS:
        post_save.connect(_shown_text_changed, sender=model, dispatch_uid=f"ladder-shown-{model}")
        post_delete.connect(
            _shown_text_changed, sender=model, dispatch_uid=f"ladder-shown-del-{model}"
        )
