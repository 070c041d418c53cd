"""Writes for custom rating scales and review cycles; each one whole or not at all."""

import datetime
import secrets
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rung.accounts.models import User
from rung.core.submit_once import SubmitOnce
from rung.growth.models import AxisRating, ReviewCycle
from rung.growth.services.plans import EARLIEST_DATE, latest_allowed_date
from rung.ladder.models import Axis, Level, RatingChoice, RatingScale

NAME_MAX_LENGTH = 120
TEXT_MAX_LENGTH = 20_000
CODE_MAX_LENGTH = 20
LABEL_MAX_LENGTH = 80
MIN_LEVELS = 2
MAX_LEVELS = 10
# Generous for a career, yet a bound on what one member can make a page draw.
MAX_CUSTOM_SCALES = 50
MAX_CYCLES = 200


def check_review_date(value: datetime.date) -> None:
    """Raise ValidationError unless a date lies between 1900-01-01 and five years ahead."""
    latest = latest_allowed_date()
    if not EARLIEST_DATE <= value <= latest:
        raise ValidationError(
            _("Enter a date between %(earliest)s and %(latest)s.")
            % {"earliest": EARLIEST_DATE.isoformat(), "latest": latest.isoformat()}
        )


@dataclass(frozen=True)
class ScaleLevel:
    """One level of a custom scale as a member typed it."""

    code: str
    label: str
    common_value: int


def _check_scale(name: str, levels: Sequence[ScaleLevel]) -> list[str]:
    errors: list[str] = []
    if not name:
        errors.append(_("Give the scale a name."))
    elif len(name) > NAME_MAX_LENGTH:
        errors.append(_("Keep the name under %(max)d characters.") % {"max": NAME_MAX_LENGTH})
    if not MIN_LEVELS <= len(levels) <= MAX_LEVELS:
        errors.append(
            _("A scale needs between %(min)d and %(max)d levels; this one has %(count)d.")
            % {"min": MIN_LEVELS, "max": MAX_LEVELS, "count": len(levels)}
        )
    seen: set[str] = set()
    for level in levels:
        if not level.code or len(level.code) > CODE_MAX_LENGTH:
            errors.append(
                _("Each level needs a code of 1 to %(max)d characters.") % {"max": CODE_MAX_LENGTH}
            )
        elif level.code.casefold() in seen:
            errors.append(
                _("The code %(code)s is used twice; codes must differ within a scale.")
                % {"code": level.code}
            )
        seen.add(level.code.casefold())
        if not level.label or len(level.label) > LABEL_MAX_LENGTH:
            errors.append(
                _("Each level needs a label of 1 to %(max)d characters.")
                % {"max": LABEL_MAX_LENGTH}
            )
        if not 1 <= level.common_value <= 5:
            errors.append(
                _("The common value of %(code)s must be between 1 and 5.") % {"code": level.code}
            )
    return errors


@transaction.atomic
def rating_scale_create(*, owner: User, name: str, levels: Sequence[ScaleLevel]) -> RatingScale:
    """Create a custom scale that only its owner can see and use."""
    name = name.strip()
    levels = [
        ScaleLevel(
            code=level.code.strip(), label=level.label.strip(), common_value=level.common_value
        )
        for level in levels
    ]
    errors = _check_scale(name, levels)
    if RatingScale.objects.filter(owner=owner).count() >= MAX_CUSTOM_SCALES:
        errors.append(
            _("You already have %(max)d custom scales; delete one you no longer use.")
            % {"max": MAX_CUSTOM_SCALES}
        )
    if errors:
        raise ValidationError(errors)
    # Assigned under English, the member's words fill the English (fallback) column that
    # every reader sees, whatever language they wrote in; the Chinese column, kept for
    # shared content, stays empty.
    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        scale = RatingScale.objects.create(
            slug=f"custom-{secrets.token_hex(8)}", name=name, is_preset=False, owner=owner
        )
        RatingChoice.objects.bulk_create(
            RatingChoice(
                scale=scale,
                code=level.code,
                label=level.label,
                common_value=level.common_value,
                order=order,
            )
            for order, level in enumerate(levels)
        )
    return scale


@transaction.atomic
def rating_scale_delete(*, scale: RatingScale) -> None:
    """Delete a custom scale, refusing while a review or question still uses it."""
    if scale.is_preset or scale.owner_id is None:
        raise ValidationError(_("Preset scales are shared by everyone and cannot be deleted."))
    try:
        scale.delete()
    except (ProtectedError, RestrictedError) as error:
        used_by = ReviewCycle.objects.filter(scale=scale).count()
        if used_by:
            message = ngettext(
                "%(count)d of your reviews uses this scale. Move it to another scale or "
                "delete it first.",
                "%(count)d of your reviews use this scale. Move them to another scale or "
                "delete them first.",
                used_by,
            ) % {"count": used_by}
        else:
            message = _(
                "One of your questions uses this scale in its context card. "
                "Change that question's ratings first."
            )
        raise ValidationError(message) from error


def _check_cycle(
    *,
    owner_id: int,
    name: str,
    date: datetime.date,
    company: str,
    scale: RatingScale,
    overall: RatingChoice | None,
    notes: str,
    ratings: Mapping[Axis, tuple[RatingChoice, str]],
) -> None:
    errors: list[str] = []
    if not name:
        errors.append(_("Give the review cycle a name, such as “H1 2025”."))
    elif len(name) > NAME_MAX_LENGTH:
        errors.append(_("Keep the cycle name under %(max)d characters.") % {"max": NAME_MAX_LENGTH})
    try:
        check_review_date(date)
    except ValidationError as error:
        errors.extend(error.messages)
    if len(company) > NAME_MAX_LENGTH:
        errors.append(
            _("Keep the company name under %(max)d characters.") % {"max": NAME_MAX_LENGTH}
        )
    if scale.owner_id is not None and scale.owner_id != owner_id:
        errors.append(_("Choose one of the preset scales or one of your own."))
    if overall is not None and overall.scale_id != scale.pk:
        errors.append(
            _("The overall rating %(code)s is not on the %(scale)s scale.")
            % {"code": overall.code, "scale": scale.name}
        )
    for axis, (choice, words) in ratings.items():
        if choice.scale_id != scale.pk:
            errors.append(
                _("The rating %(code)s for %(axis)s is not on the %(scale)s scale.")
                % {"code": choice.code, "axis": axis.name, "scale": scale.name}
            )
        if len(words) > TEXT_MAX_LENGTH:
            errors.append(
                _("Keep the manager's words for %(axis)s under %(max)d characters.")
                % {"axis": axis.name, "max": TEXT_MAX_LENGTH}
            )
    if len(notes) > TEXT_MAX_LENGTH:
        errors.append(_("Keep your notes under %(max)d characters.") % {"max": TEXT_MAX_LENGTH})
    if errors:
        raise ValidationError(errors)


def _save_ratings(cycle: ReviewCycle, ratings: Mapping[Axis, tuple[RatingChoice, str]]) -> None:
    AxisRating.objects.filter(cycle=cycle).delete()
    AxisRating.objects.bulk_create(
        AxisRating(cycle=cycle, axis=axis, rating=choice, manager_words=words.strip())
        for axis, (choice, words) in ratings.items()
    )


def _apply_cycle(
    cycle: ReviewCycle,
    *,
    name: str,
    date: datetime.date,
    company: str,
    level: Level | None,
    scale: RatingScale,
    overall: RatingChoice | None,
    notes: str,
    ratings: Mapping[Axis, tuple[RatingChoice, str]],
) -> None:
    name, company = name.strip(), company.strip()
    _check_cycle(
        owner_id=cycle.owner_id,
        name=name,
        date=date,
        company=company,
        scale=scale,
        overall=overall,
        notes=notes,
        ratings=ratings,
    )
    cycle.name = name
    cycle.date = date
    cycle.company = company
    cycle.level = level
    cycle.scale = scale
    cycle.overall = overall
    cycle.notes = notes


@transaction.atomic
def review_cycle_create(
    *,
    owner: User,
    name: str,
    date: datetime.date,
    company: str = "",
    level: Level | None = None,
    scale: RatingScale,
    overall: RatingChoice | None = None,
    notes: str = "",
    ratings: Mapping[Axis, tuple[RatingChoice, str]],
    submit_token: uuid.UUID | None = None,
) -> ReviewCycle:
    """Record a review a member received, with its rating on each axis.

    A repeated submit token returns the cycle already recorded.
    """
    submit = SubmitOnce(ReviewCycle.objects.filter(owner=owner), submit_token)
    if earlier := submit.earlier(name=name.strip(), date=date, scale_id=scale.pk):
        return earlier
    cycle = ReviewCycle(owner=owner, submit_token=submit.token)
    _apply_cycle(
        cycle,
        name=name,
        date=date,
        company=company,
        level=level,
        scale=scale,
        overall=overall,
        notes=notes,
        ratings=ratings,
    )
    if ReviewCycle.objects.filter(owner=owner).count() >= MAX_CYCLES:
        raise ValidationError(
            _("You have reached %(max)d review cycles; delete an old one to add another.")
            % {"max": MAX_CYCLES}
        )
    cycle = submit.save(cycle)
    _save_ratings(cycle, ratings)
    return cycle


@transaction.atomic
def review_cycle_update(
    *,
    cycle: ReviewCycle,
    name: str,
    date: datetime.date,
    company: str = "",
    level: Level | None = None,
    scale: RatingScale,
    overall: RatingChoice | None = None,
    notes: str = "",
    ratings: Mapping[Axis, tuple[RatingChoice, str]],
) -> ReviewCycle:
    """Replace a review cycle's details and its per-axis ratings."""
    _apply_cycle(
        cycle,
        name=name,
        date=date,
        company=company,
        level=level,
        scale=scale,
        overall=overall,
        notes=notes,
        ratings=ratings,
    )
    cycle.save(
        update_fields=[
            "name",
            "date",
            "company",
            "level",
            "scale",
            "overall",
            "notes",
            "updated_at",
        ]
    )
    _save_ratings(cycle, ratings)
    return cycle


@transaction.atomic
def review_cycle_delete(*, cycle: ReviewCycle) -> None:
    """Delete a review cycle and its ratings."""
    cycle.delete()
