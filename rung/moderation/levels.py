"""Trust levels and the limits that go with them, read from settings."""

from typing import Any

from django.conf import settings

from rung.moderation.models import TrustLevel

LEVEL_NAMES = {
    TrustLevel.MEMBER: "member",
    TrustLevel.REGULAR: "regular",
    TrustLevel.LEADER: "leader",
}
LIMIT_NAMES = (
    "questions_per_10_minutes",
    "questions_per_hour",
    "questions_per_day",
    "answers_per_10_minutes",
    "answers_per_hour",
    "answers_per_day",
    "links_per_post",
    "images_per_post",
    "edits_per_hour",
    "flags_per_day",
)
# How much one flag weighs, by its flagger's trust level, before their track record.
FLAG_WEIGHTS = {
    TrustLevel.NEW: 0.25,
    TrustLevel.MEMBER: 0.75,
    TrustLevel.REGULAR: 1.0,
    TrustLevel.LEADER: 1.5,
}


def earned_level(facts: dict[str, int]) -> int:
    """Return the highest level whose every threshold the facts meet."""
    thresholds: dict[str, Any] = settings.RUNG_TRUST_LEVELS
    earned = TrustLevel.NEW
    for level, name in LEVEL_NAMES.items():
        needed = thresholds.get(name, {})
        if all(facts.get(key, 0) >= int(value) for key, value in needed.items()):
            earned = level
        else:
            break
    return int(earned)


def limit(name: str, level: int) -> int:
    """Return a limit's value at a trust level."""
    values: Any = settings.RUNG_POSTING_LIMITS[name]
    return int(values[min(level, len(values) - 1)])


def flag_weight(level: int, upheld: int, rejected: int) -> float:
    """Weigh a flag by its flagger's trust and past accuracy (a newcomer's counts as half right).

    Accuracy runs from 0 (every earlier flag rejected) to 2 (every one upheld), with one
    upheld and one rejected assumed, so a single result moves it only a little.
    """
    accuracy = 2 * (upheld + 1) / (upheld + rejected + 2)
    return round(FLAG_WEIGHTS[TrustLevel(level)] * accuracy, 3)
