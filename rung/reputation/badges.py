"""Badges: a few milestones a member reaches with posts under their own name.

Each badge has a rule that reads the database and returns the post that earned it (or
None). `badges_check` runs every rule for one member and inserts what they newly earned;
the unique (member, badge) constraint keeps each badge to one award, so two checks at
once, or the same check run again, never award it twice.

Only posts a visitor can read under the member's name count: an anonymous question and
its asker's own answers and replies under it never do, nor do held, hidden or deleted
posts, so the time a badge appears never points at an anonymous post.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.functional import Promise, lazy
from django.utils.translation import gettext_lazy as _

from rung.accounts.models import User
from rung.core.languages import CHINESE, ENGLISH
from rung.qa.models import Answer, Outcome, OutcomeKind, Question, QuestionTopic, Topic
from rung.qa.visibility import readable_q
from rung.reputation import ledger
from rung.reputation.models import BadgeAward

Tier = Literal["bronze", "silver", "gold"]

# How many answers marked most helpful, and how many likes on one answer, badges ask for.
HELPFUL_MANY = 10
GOOD_ANSWER_LIKES = 10
MENTOR_LEVELS = 3


@dataclass(frozen=True)
class Earned:
    """The post that earned a badge: a question or an answer (never an anonymous one)."""

    question_id: int | None = None
    answer_id: int | None = None


Rule = Callable[[User], Earned | None]


@dataclass(frozen=True)
class Badge:
    code: str
    name: Promise
    description: Promise
    # A plain symbol every system font draws (no colour emoji, which many Linux desktops
    # and servers lack and would show as an empty box).
    glyph: str
    tier: Tier
    rule: Rule


def public_questions(member: User) -> QuerySet[Question]:
    """The member's questions anyone may read under their name."""
    return Question.objects.filter(readable_q(None), author=member, is_anonymous=False)


def public_answers(member: User) -> QuerySet[Answer]:
    """The member's answers (not replies) anyone may read under their name, oldest first."""
    return ledger.public_answers().filter(author=member).order_by("created_at", "pk")


def _answer(answer_id: int | None) -> Earned | None:
    return Earned(answer_id=answer_id) if answer_id is not None else None


def _first_answer(member: User) -> Earned | None:
    return _answer(public_answers(member).values_list("pk", flat=True).first())


def _first_question(member: User) -> Earned | None:
    first = public_questions(member).order_by("created_at", "pk").values_list("pk", flat=True)
    question_id = first.first()
    return Earned(question_id=question_id) if question_id is not None else None


def _helpful(member: User, count: int) -> Earned | None:
    marked = public_answers(member).filter(question__accepted_answer=F("pk"))
    return _answer(marked.values_list("pk", flat=True)[count - 1 : count].first())


def _first_helpful(member: User) -> Earned | None:
    return _helpful(member, 1)


def _helpful_many(member: User) -> Earned | None:
    return _helpful(member, HELPFUL_MANY)


def _good_answer(member: User) -> Earned | None:
    liked = public_answers(member).filter(like_count__gte=GOOD_ANSWER_LIKES)
    return _answer(liked.values_list("pk", flat=True).first())


def _helped_outcome(member: User, kind: str) -> Earned | None:
    through = Outcome.helped_answers.through._default_manager
    helped = through.filter(outcome__kind=kind).values("answer_id")
    return _answer(
        public_answers(member).filter(pk__in=helped).values_list("pk", flat=True).first()
    )


def _promotion(member: User) -> Earned | None:
    return _helped_outcome(member, OutcomeKind.PROMOTED)


def _offer(member: User) -> Earned | None:
    return _helped_outcome(member, OutcomeKind.OFFER_ACCEPTED)


def _across_languages(member: User) -> Earned | None:
    """The first answer in the second of English and Chinese the member answered in."""
    firsts = []
    for language in (ENGLISH, CHINESE):
        first = public_answers(member).filter(language=language)
        row = first.values_list("created_at", "pk").first()
        if row is None:
            return None
        firsts.append(row)
    return _answer(max(firsts)[1])


def _outcome_shared(member: User) -> Earned | None:
    outcomes = Outcome.objects.filter(question__in=public_questions(member)).order_by(
        "created_at", "pk"
    )
    question_id = outcomes.values_list("question_id", flat=True).first()
    return Earned(question_id=question_id) if question_id is not None else None


def _mentor(member: User) -> Earned | None:
    """The answer that made it answers in MENTOR_LEVELS different career levels."""
    answers = list(public_answers(member).values_list("pk", "question_id"))
    if not answers:
        return None
    levels: dict[int, set[int]] = {}
    for question_id, topic_id in QuestionTopic.objects.filter(
        question_id__in={question_id for _pk, question_id in answers},
        topic__kind=Topic.Kind.LEVEL,
    ).values_list("question_id", "topic_id"):
        levels.setdefault(question_id, set()).add(topic_id)
    seen: set[int] = set()
    for pk, question_id in answers:
        seen |= levels.get(question_id, set())
        if len(seen) >= MENTOR_LEVELS:
            return Earned(answer_id=pk)
    return None


def _numbered(message: Promise, count: int) -> Promise:
    """Return a description with its number, translated when shown, not at import."""
    return lazy(lambda: str(message) % {"count": count}, str)()  # type: ignore[return-value]


BADGES: tuple[Badge, ...] = (
    Badge(
        "first_question",
        _("First question"),
        _("Asked a question under their own name."),
        "?",
        "bronze",
        _first_question,
    ),
    Badge(
        "first_answer",
        _("First answer"),
        _("Answered a question under their own name."),
        "✎",
        "bronze",
        _first_answer,
    ),
    Badge(
        "first_helpful",
        _("Helpful"),
        _("Wrote an answer the asker marked most helpful."),
        "✓",
        "bronze",
        _first_helpful,
    ),
    Badge(
        "outcome_shared",
        _("Closed the loop"),
        _("Told the community what happened after asking."),
        "↻",
        "bronze",
        _outcome_shared,
    ),
    Badge(
        "good_answer",
        _("Good answer"),
        _numbered(_("Wrote an answer that %(count)s members liked."), GOOD_ANSWER_LIKES),
        "★",
        "silver",
        _good_answer,
    ),
    Badge(
        "across_languages",
        _("Across languages"),
        _("Answered in both English and Chinese."),
        "文",
        "silver",
        _across_languages,
    ),
    Badge(
        "mentor",
        _("Mentor"),
        _numbered(_("Answered questions at %(count)s different career levels."), MENTOR_LEVELS),
        "⇅",
        "silver",
        _mentor,
    ),
    Badge(
        "helpful_10",
        _("Ten times helpful"),
        _numbered(_("Wrote %(count)s answers their askers marked most helpful."), HELPFUL_MANY),
        "✪",
        "gold",
        _helpful_many,
    ),
    Badge(
        "promotion",
        _("Promotion maker"),
        _("Wrote an answer the asker says helped them get promoted."),
        "▲",
        "gold",
        _promotion,
    ),
    Badge(
        "offer",
        _("Offer maker"),
        _("Wrote an answer the asker says helped them land the offer they accepted."),
        "✦",
        "gold",
        _offer,
    ),
)
BADGES_BY_CODE = {badge.code: badge for badge in BADGES}


def badges_check(member: User) -> list[str]:
    """Award the member every badge they earned and do not have yet; return their codes.

    Safe to run at any time, as often as wanted, and at the same time as another check
    for the same member: each badge is inserted at most once (the unique constraint
    decides between two checks at once; the loser's insert is ignored).
    """
    held = set(BadgeAward.objects.filter(member=member).values_list("badge", flat=True))
    now = timezone.now()
    awards = []
    for badge in BADGES:
        if badge.code in held:
            continue
        earned = badge.rule(member)
        if earned is None:
            continue
        awards.append(
            BadgeAward(
                member=member,
                badge=badge.code,
                awarded_at=now,
                question_id=earned.question_id,
                answer_id=earned.answer_id,
            )
        )
    if not awards:
        return []
    BadgeAward.objects.bulk_create(awards, ignore_conflicts=True)
    return [award.badge for award in awards]
