"""Writes for the self-assessment: marks with evidence links, and the level to assess at."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.growth.models import Mark, SelfAssessment
from rung.growth.selectors.assessment import ladder_position
from rung.ladder.models import Expectation, Level

MAX_EVIDENCE_LINKS = 10
EVIDENCE_MAX_CHARS = 20_000
_url = URLValidator(schemes=["http", "https"])


def parse_evidence_links(text: str) -> list[str]:
    """Return the links in a one-URL-per-line text, or raise one error per bad line."""
    if len(text) > EVIDENCE_MAX_CHARS:
        raise ValidationError(
            _("Keep evidence links under %(max)d characters in total.")
            % {"max": EVIDENCE_MAX_CHARS}
        )
    links: list[str] = []
    errors: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        link = line.strip()
        if not link:
            continue
        try:
            _url(link)
        except ValidationError:
            errors.append(
                _("Line %(line)d is not an http:// or https:// link: %(text)s")
                % {"line": number, "text": link[:80]}
            )
            continue
        links.append(link)
    if len(links) > MAX_EVIDENCE_LINKS:
        errors.append(
            _("Add at most %(max)d links; this has %(count)d.")
            % {"max": MAX_EVIDENCE_LINKS, "count": len(links)}
        )
    if errors:
        raise ValidationError(errors)
    return links


@dataclass(frozen=True)
class AssessmentEntry:
    """The owner's answer for one expectation; an empty mark clears it."""

    expectation: Expectation
    mark: str = ""
    evidence: Sequence[str] = field(default_factory=list)


@transaction.atomic
def self_assessment_save(*, owner: User, entries: Sequence[AssessmentEntry]) -> None:
    """Save the owner's marks on their level and the next; clear those left blank.

    Every entry is checked before anything is written, so a bad one saves nothing.
    """
    position = ladder_position(owner)
    allowed = {lvl.pk for lvl in (position.level, position.next_level) if lvl is not None}
    for entry in entries:
        if entry.expectation.level_id not in allowed:
            raise ValidationError(_("That rubric item is not part of your assessment."))
        if entry.mark and entry.mark not in Mark.values:
            raise ValidationError(_("Choose consistently, sometimes or not yet."))
        if entry.mark:
            parse_evidence_links("\n".join(entry.evidence))
    cleared = [e.expectation.pk for e in entries if not e.mark]
    if cleared:
        SelfAssessment.objects.filter(owner=owner, expectation_id__in=cleared).delete()
    marked = [
        SelfAssessment(
            owner=owner,
            expectation=entry.expectation,
            mark=entry.mark,
            evidence="\n".join(entry.evidence),
        )
        for entry in entries
        if entry.mark
    ]
    if marked:
        # One upsert: a second tab saving at the same moment updates rather than collides.
        SelfAssessment.objects.bulk_create(
            marked,
            update_conflicts=True,
            unique_fields=["owner", "expectation"],
            update_fields=["mark", "evidence", "updated_at"],
        )


@transaction.atomic
def member_level_set(*, member: User, level: Level) -> None:
    """Record the member's current level (and its track), as their profile shows it."""
    member.level = level
    member.track_id = level.track_id
    member.save(update_fields=["level", "track"])
