"""Build review cycles and custom scales through the services, as a member would."""

import datetime

from rung.accounts.models import User
from rung.growth.models import ReviewCycle
from rung.growth.services import reviews as services
from rung.ladder.models import Axis, RatingChoice, RatingScale


def make_scale(owner: User, name: str = "Acme ratings") -> RatingScale:
    """Create a three-level custom scale: Top (5), Solid (3), Low (1)."""
    return services.rating_scale_create(
        owner=owner,
        name=name,
        levels=[
            services.ScaleLevel("Top", "Top performer", 5),
            services.ScaleLevel("Solid", "Solid", 3),
            services.ScaleLevel("Low", "Needs support", 1),
        ],
    )


def make_review(
    owner: User,
    *,
    name: str = "H1 2025",
    date: datetime.date = datetime.date(2025, 6, 30),
    scale: RatingScale | str = "e-m-i",
    ratings: dict[str, str] | None = None,
    overall: str | None = None,
    words: dict[str, str] | None = None,
    **fields: object,
) -> ReviewCycle:
    """Record a review; `ratings` maps axis slugs to codes on the scale."""
    if isinstance(scale, str):
        scale = RatingScale.objects.get(slug=scale)
    codes = {"impact": "M"} if ratings is None else ratings
    words = words or {}
    choices = {choice.code: choice for choice in RatingChoice.objects.filter(scale=scale)}
    return services.review_cycle_create(
        owner=owner,
        name=name,
        date=date,
        scale=scale,
        overall=choices[overall] if overall else None,
        ratings={
            Axis.objects.get(slug=slug): (choices[code], words.get(slug, ""))
            for slug, code in codes.items()
        },
        **fields,  # type: ignore[arg-type]
    )
