"""Trust levels: counting what a member has earned, setting a level by hand, recording visits."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.moderation import levels
from rung.moderation.models import (
    Standing,
    TrustLevel,
)
from rung.moderation.services.audit import audit_record
from rung.qa.models import Answer, Question

# More visit-days than any default threshold asks for; counting further changes no level.
VISITS_COUNTED = 100


def member_facts(member: User, standing: Standing) -> dict[str, int]:
    """Count what a trust level is earned from, as of now."""
    posts = (
        Question.objects.filter(author=member, is_deleted=False).count()
        + Answer.objects.filter(author=member, is_deleted=False).count()
    )
    likes = sum(
        model.objects.filter(author=member, is_deleted=False).aggregate(n=Sum("like_count"))["n"]
        or 0
        for model in (Question, Answer)
    )
    # A day the member wrote something is a day they visited, whether or not a log-in was
    # counted then (posts imported or written before moderation was installed).
    writing_days: set[object] = set()
    for model in (Question, Answer):
        writing_days.update(
            model.objects.filter(author=member)
            .annotate(day=TruncDate("created_at"))
            .values_list("day", flat=True)
            .distinct()[:VISITS_COUNTED]
        )
    return {
        "days": (timezone.now() - member.date_joined).days,
        "visits": max(standing.days_visited, len(writing_days)),
        "posts": posts,
        "likes": likes,
        "flags_upheld": standing.flags_upheld,
    }


@transaction.atomic
def standing_recompute(*, member: User) -> Standing:
    """Count a member's record again and raise their trust level if they earned more.

    Levels are earned, not lost: a member who stops posting stays where they got to.
    A level set by a moderator stays as set.
    """
    standing, _created = Standing.objects.select_for_update().get_or_create(member=member)
    facts = member_facts(member, standing)
    standing.posts_written = facts["posts"]
    standing.likes_received = facts["likes"]
    if not standing.level_locked:
        standing.trust_level = max(standing.trust_level, levels.earned_level(facts))
    standing.computed_at = timezone.now()
    standing.save()
    return standing


def standing_of(member: User) -> Standing:
    """Return a member's standing, counting it the first time it is asked for."""
    standing = Standing.objects.filter(member=member).first()
    return standing if standing is not None else standing_recompute(member=member)


@transaction.atomic
def trust_level_set(*, member: User, level: int, actor: User, reason: str) -> Standing:
    """Set a member's trust level by hand; recomputing then leaves it alone."""
    if level not in TrustLevel.values:
        raise ValidationError(_("Choose a trust level."))
    standing = standing_of(member)
    before = {"trust_level": standing.trust_level, "locked": standing.level_locked}
    standing.trust_level = level
    standing.level_locked = True
    standing.save(update_fields=["trust_level", "level_locked"])
    audit_record(
        actor=actor,
        action="trust_level_set",
        target_kind="member",
        target_id=member.pk,
        target_label=member.username,
        reason=reason,
        before=before,
        after={"trust_level": level, "locked": True},
    )
    return standing


def visit_record(*, member: User) -> None:
    """Count today as a day the member visited (once a day)."""
    today = timezone.localdate()
    updated = (
        Standing.objects.filter(member=member)
        .exclude(last_visit_on=today)
        .update(days_visited=F("days_visited") + 1, last_visit_on=today)
    )
    if updated:
        return
    try:
        with transaction.atomic():
            Standing.objects.get_or_create(
                member=member, defaults={"days_visited": 1, "last_visit_on": today}
            )
    except IntegrityError:
        pass  # another request of the same member made it first
