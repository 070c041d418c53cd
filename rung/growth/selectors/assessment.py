"""Reads for the self-assessment, the gap view and a question drafted from a gap.

Everything here reads the growth rows of one owner, passed in by the caller; nothing
looks at anyone else's assessment or reviews.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.growth.models import AxisRating, Mark, ReviewCycle, SelfAssessment
from rung.ladder.models import Axis, Expectation, Level, RatingChoice, RatingScale
from rung.qa.forms import QuestionForm
from rung.qa.models import (
    BODY_MAX_LENGTH,
    CONTEXT_TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Answer,
    ContextRating,
    Question,
    QuestionTopic,
    Topic,
    Visibility,
)
from rung.qa.services import MAX_TOPICS

# How much of an expectation a mark says the owner shows.
MARK_SCORE: dict[str, float] = {
    Mark.CONSISTENTLY: 1.0,
    Mark.SOMETIMES: 0.5,
    Mark.NOT_YET: 0.0,
}
NEXT_LEVEL_WEIGHT = 1.0
# Falling short of the level one already holds is a bigger gap than not yet showing the
# next one: it has to be closed first.
CURRENT_LEVEL_WEIGHT = 2.0
REVIEW_WEIGHT = 1.0
# A rating at or below "meets" (3 of 5) on a question's context card marks the axis the
# asker wanted to grow, so the question counts as one about that axis.
WEAK_RATING = 3
QUESTIONS_PER_AXIS = 3
# Notes pasted into a draft are cut here, so the draft always fits the question form.
DRAFT_NOTE_MAX_CHARS = 2_000
PRESET_COMMON_SCALE = "one-to-five"


@dataclass(frozen=True)
class LadderPosition:
    """Where a member stands: their level and the next one up in the same track."""

    level: Level | None
    next_level: Level | None


def ladder_position(member: User) -> LadderPosition:
    """Return a member's level and the next level up in its track, if any."""
    if member.level_id is None:
        return LadderPosition(level=None, next_level=None)
    level = Level.objects.select_related("track").get(pk=member.level_id)
    next_level = (
        Level.objects.select_related("track")
        .filter(track_id=level.track_id, rank__gt=level.rank)
        .order_by("rank")
        .first()
    )
    return LadderPosition(level=level, next_level=next_level)


def assessable_expectations(position: LadderPosition) -> list[Expectation]:
    """Return the expectations of the member's level and the next, by axis then level rank."""
    levels = [lvl.pk for lvl in (position.level, position.next_level) if lvl is not None]
    if not levels:
        return []
    return list(
        Expectation.objects.filter(level_id__in=levels)
        .select_related("axis", "level")
        .order_by("axis__order", "axis_id", "level__rank")
    )


def self_assessments_for(
    owner: User, expectations: Sequence[Expectation]
) -> dict[int, SelfAssessment]:
    """Return the owner's marks on these expectations, keyed by expectation id."""
    if not expectations:
        return {}
    rows = SelfAssessment.objects.filter(
        owner=owner, expectation_id__in=[e.pk for e in expectations]
    )
    return {row.expectation_id: row for row in rows}


@dataclass
class LatestReview:
    """The owner's most recent review cycle and its ratings by axis id."""

    cycle: ReviewCycle | None
    ratings: dict[int, AxisRating] = field(default_factory=dict)


def latest_review(owner: User) -> LatestReview:
    """Return the owner's latest review cycle (by date) with its ratings."""
    cycle = ReviewCycle.objects.filter(owner=owner).select_related("scale").first()
    if cycle is None:
        return LatestReview(cycle=None)
    ratings = AxisRating.objects.filter(cycle=cycle).select_related("rating")
    return LatestReview(cycle=cycle, ratings={r.axis_id: r for r in ratings})


def gap_distance(
    *, next_mark: str | None, current_mark: str | None, review_value: int | None
) -> float | None:
    """Score how far one axis is from the next level: 0 is no gap, 4 the largest.

    distance = 1 * (1 - next) + 2 * (1 - current) + 1 * (5 - review) / 4

    where `next` and `current` are the owner's own marks on the next and the current
    level's expectation (consistently 1.0, sometimes 0.5, not yet 0) and `review` is the
    latest review's rating on the axis on the common 1-5 scale. A missing part adds
    nothing, so an axis is never ranked up for lack of data, and each mark or rating can
    only raise the distance; the page says which parts are missing. The current level
    weighs double because a shortfall there has to be closed before the next level counts.
    Return None when none of the three is known.
    """
    if next_mark is None and current_mark is None and review_value is None:
        return None
    distance = 0.0
    if next_mark is not None:
        distance += NEXT_LEVEL_WEIGHT * (1 - MARK_SCORE[next_mark])
    if current_mark is not None:
        distance += CURRENT_LEVEL_WEIGHT * (1 - MARK_SCORE[current_mark])
    if review_value is not None:
        distance += REVIEW_WEIGHT * (5 - review_value) / 4
    return distance


@dataclass
class AxisGap:
    """One axis of the gap view: the evidence, its distance and where to read more."""

    axis: Axis
    current: Expectation | None
    next: Expectation | None
    current_mark: str | None
    next_mark: str | None
    review: AxisRating | None
    distance: float | None
    questions: list[Question] = field(default_factory=list)

    @property
    def why(self) -> str:
        """Return one line saying which evidence the distance comes from."""
        parts = []
        if self.review is not None:
            parts.append(
                _("Latest review: %(code)s (%(value)d of 5)")
                % {"code": self.review.rating.code, "value": self.review.rating.common_value}
            )
        else:
            parts.append(_("Latest review: no rating"))
        if self.next is not None:
            parts.append(
                _("next-level expectation: %(mark)s") % {"mark": _mark_word(self.next_mark)}
            )
        if self.current is not None:
            parts.append(
                _("current-level expectation: %(mark)s") % {"mark": _mark_word(self.current_mark)}
            )
        return " · ".join(parts)


def _mark_word(mark: str | None) -> str:
    if mark is None:
        return _("not assessed")
    return str(Mark(mark).label).lower()


@dataclass
class GapReport:
    position: LadderPosition
    review: LatestReview
    gaps: list[AxisGap]
    has_assessment: bool

    @property
    def has_data(self) -> bool:
        return self.has_assessment or bool(self.review.ratings)

    @property
    def guide_level(self) -> Level | None:
        return self.position.next_level or self.position.level


def axis_gaps(owner: User, *, questions_per_axis: int = QUESTIONS_PER_AXIS) -> GapReport:
    """Rank the axes by `gap_distance`, largest first; axes with no data at all go last.

    Runs a fixed number of queries: a handful for the owner's data and one per rubric
    axis for its questions.
    """
    position = ladder_position(owner)
    review = latest_review(owner)
    expectations = assessable_expectations(position)
    marks = self_assessments_for(owner, expectations)
    by_axis: dict[int, AxisGap] = {}
    for expectation in expectations:
        gap = by_axis.setdefault(
            expectation.axis_id,
            AxisGap(
                axis=expectation.axis,
                current=None,
                next=None,
                current_mark=None,
                next_mark=None,
                review=review.ratings.get(expectation.axis_id),
                distance=None,
            ),
        )
        row = marks.get(expectation.pk)
        mark = row.mark if row is not None else None
        if position.level is not None and expectation.level_id == position.level.pk:
            gap.current, gap.current_mark = expectation, mark
        else:
            gap.next, gap.next_mark = expectation, mark
    gaps = list(by_axis.values())
    for gap in gaps:
        gap.distance = gap_distance(
            next_mark=gap.next_mark,
            current_mark=gap.current_mark,
            review_value=gap.review.rating.common_value if gap.review else None,
        )
    # Python's sort is stable, so equal distances keep the rubric's axis order.
    gaps.sort(key=lambda g: (g.distance is None, -(g.distance or 0.0)))
    if position.level is not None and questions_per_axis:
        for gap in gaps:
            gap.questions = axis_questions(
                level=position.level, axis=gap.axis, limit=questions_per_axis
            )
    return GapReport(position=position, review=review, gaps=gaps, has_assessment=bool(marks))


def axis_questions(*, level: Level, axis: Axis, limit: int = QUESTIONS_PER_AXIS) -> list[Question]:
    """Return the best-answered visible questions on an axis asked at a level, in one query.

    A question is at the level when it sits in the level's topic or its context card names
    the level. It is on the axis when it sits in the subject topic of the same name (such
    as Leadership & Ownership) or its card rates that axis at or below "meets" — the spot
    the asker wanted to grow. It needs a helpful answer: one the asker marked most helpful,
    or a visible answer someone liked.

    Order: questions whose asker marked an answer most helpful come first, since the asker
    is the one who knows whether advice fit their situation; then by the likes of the
    best-liked answer, which is what other readers found useful; then by the question's
    own likes (how many share the problem); newest first to break ties.
    """
    at_level = QuestionTopic.objects.filter(topic__level=level, is_visible=True).values(
        "question_id"
    )
    in_axis_topic = QuestionTopic.objects.filter(
        topic__kind=Topic.Kind.SUBJECT, topic__slug=axis.slug, is_visible=True
    ).values("question_id")
    rated_weak = ContextRating.objects.filter(
        axis=axis, choice__common_value__lte=WEAK_RATING
    ).values("question_id")
    best_answer_likes = (
        Answer.objects.filter(
            question=OuterRef("pk"),
            parent=None,
            is_deleted=False,
            visibility=Visibility.PUBLISHED,
        )
        .order_by("-like_count")
        .values("like_count")[:1]
    )
    return list(
        Question.objects.filter(is_deleted=False, visibility=Visibility.PUBLISHED)
        .filter(Q(pk__in=at_level) | Q(ctx_level=level))
        .filter(Q(pk__in=in_axis_topic) | Q(pk__in=rated_weak))
        .annotate(
            best_answer_likes=Coalesce(Subquery(best_answer_likes), Value(0)),
            marked_helpful=Case(
                When(accepted_answer__isnull=False, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .filter(Q(marked_helpful=1) | Q(best_answer_likes__gte=1))
        .order_by("-marked_helpful", "-best_answer_likes", "-like_count", "-created_at", "-id")[
            :limit
        ]
    )


@dataclass(frozen=True)
class AskDraft:
    """A question drafted from a gap: what the ask form will show, and nothing else."""

    level: Level | None
    years: int | None
    company: str
    scale: RatingScale | None
    ratings: list[tuple[Axis, RatingChoice]]
    focus: str
    title: str
    body: str
    topics: list[Topic]
    mapped_to_common_scale: bool = False

    def as_initial(self) -> dict[str, Any]:
        """Return the draft as initial data for the ask form, in plain JSON types."""
        initial: dict[str, Any] = {
            "title": self.title,
            "body": self.body,
            "topics": [topic.pk for topic in self.topics],
            "level": self.level.pk if self.level else None,
            "years": self.years,
            "company": self.company,
            "scale": self.scale.pk if self.scale else None,
            "focus": self.focus,
        }
        for axis, choice in self.ratings:
            initial[QuestionForm.rating_field_name(axis)] = choice.pk
        return initial


def _quote(text: str) -> str:
    text = text.strip()
    if len(text) > DRAFT_NOTE_MAX_CHARS:
        text = text[:DRAFT_NOTE_MAX_CHARS].rstrip() + "…"
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.splitlines())


def _public_ratings(
    review: LatestReview, axes: Sequence[Axis]
) -> tuple[RatingScale | None, list[tuple[Axis, RatingChoice]], bool]:
    """Return the scale and ratings to show publicly, and whether they were mapped.

    A scale the owner made themselves may carry their employer's name, so its ratings are
    shown on the preset 1-5 scale instead, by their common value.
    """
    chosen = [(axis, review.ratings[axis.pk].rating) for axis in axes if axis.pk in review.ratings]
    if not chosen or review.cycle is None:
        return None, [], False
    scale = review.cycle.scale
    if scale.is_preset:
        return scale, chosen, False
    common = RatingScale.objects.filter(slug=PRESET_COMMON_SCALE, is_preset=True).first()
    if common is None:
        return None, [], False
    by_value = {choice.common_value: choice for choice in common.choices.all()}
    mapped = [
        (axis, by_value[choice.common_value])
        for axis, choice in chosen
        if choice.common_value in by_value
    ]
    return common, mapped, True


def ask_draft(
    owner: User,
    *,
    axes: Sequence[Axis],
    rating_axes: Sequence[Axis],
    include_company: bool,
    include_notes: bool,
    review: LatestReview | None = None,
) -> AskDraft:
    """Draft a public question about the chosen axes, holding only what was ticked.

    The company name and the owner's free-text notes (review notes, manager's words) go
    in only when asked for; evidence links and review cycle names never do.
    """
    position = ladder_position(owner)
    review = review if review is not None else latest_review(owner)
    level, next_level = position.level, position.next_level
    names = ", ".join(axis.name for axis in axes)
    if level is not None and next_level is not None:
        focus = _("Moving from %(from)s to %(to)s: %(axes)s") % {
            "from": level.short_name,
            "to": next_level.short_name,
            "axes": names,
        }
        title = _("How do I grow my %(axes)s from %(from)s to %(to)s?") % {
            "axes": names,
            "from": level.short_name,
            "to": next_level.short_name,
        }
    elif level is not None:
        focus = _("Growing as a %(level)s: %(axes)s") % {"level": level.name, "axes": names}
        title = _("How do I keep growing my %(axes)s as a %(level)s?") % {
            "axes": names,
            "level": level.name,
        }
    else:
        focus = _("Growing my %(axes)s") % {"axes": names}
        title = _("How do I grow my %(axes)s?") % {"axes": names}

    scale, ratings, mapped = _public_ratings(review, rating_axes)

    company = ""
    if include_company:
        company = review.cycle.company.strip() if review.cycle else ""
        if not company:
            company = owner.companies.split(",")[0].strip()

    expectations = {
        (e.level_id, e.axis_id): e
        for e in assessable_expectations(position)
        if e.axis_id in {axis.pk for axis in axes}
    }
    marks = self_assessments_for(owner, list(expectations.values()))
    target = next_level or level
    paragraphs: list[str] = []
    for axis in axes:
        paragraphs.append(f"**{axis.name}**")
        expectation = expectations.get((target.pk, axis.pk)) if target else None
        if expectation is not None and target is not None:
            paragraphs.append(
                _("The %(level)s expectation reads:") % {"level": target.name}
                + "\n\n"
                + _quote(expectation.text)
            )
            row = marks.get(expectation.pk)
            if row is not None:
                paragraphs.append(
                    _("I would say I show this: %(mark)s.") % {"mark": _mark_word(row.mark)}
                )
        rating = review.ratings.get(axis.pk)
        if include_notes and rating is not None and rating.manager_words.strip():
            paragraphs.append(_("What my manager wrote:") + "\n\n" + _quote(rating.manager_words))
    if include_notes and review.cycle is not None and review.cycle.notes.strip():
        paragraphs.append(_("My own notes from the review:") + "\n\n" + _quote(review.cycle.notes))
    paragraphs.append(
        _("What would you change first, and what showed others you were ready for the next step?")
    )
    body = "\n\n".join(paragraphs)[:BODY_MAX_LENGTH]

    topic_filter = Q(kind=Topic.Kind.SUBJECT, slug__in=[axis.slug for axis in axes])
    if level is not None:
        topic_filter |= Q(level=level)
    topics = sorted(
        Topic.objects.filter(topic_filter), key=lambda t: (t.kind != Topic.Kind.LEVEL, t.order)
    )[:MAX_TOPICS]

    return AskDraft(
        level=level,
        years=owner.years_experience,
        company=company[:120],
        scale=scale,
        ratings=ratings,
        focus=focus[:CONTEXT_TEXT_MAX_LENGTH],
        title=title[:TITLE_MAX_LENGTH],
        body=body,
        topics=topics,
        mapped_to_common_scale=mapped,
    )


def gap_goal_title(axis: Axis, *, review: LatestReview, position: LadderPosition) -> str:
    """Return a first wording for a goal that closes the gap on one axis.

    "Grow Impact from M to M+" when the latest review rated the axis below the top of its
    scale; else "Grow Impact towards Senior Engineer" from the next level; else "Grow Impact".
    """
    rating = review.ratings.get(axis.pk)
    if rating is not None and review.cycle is not None:
        current = rating.rating
        higher = (
            RatingChoice.objects.filter(
                scale_id=review.cycle.scale_id, common_value__gt=current.common_value
            )
            .order_by("common_value", "-order")
            .first()
        )
        if higher is not None:
            return _("Grow %(axis)s from %(from)s to %(to)s") % {
                "axis": axis.name,
                "from": current.code,
                "to": higher.code,
            }
    if position.next_level is not None:
        return _("Grow %(axis)s towards %(level)s") % {
            "axis": axis.name,
            "level": position.next_level.name,
        }
    return _("Grow %(axis)s") % {"axis": axis.name}


def gap_plan_title(position: LadderPosition) -> str:
    """Return a first title for a plan started from the gaps."""
    if position.next_level is not None:
        return _("Towards %(level)s") % {"level": position.next_level.name}
    return _("My growth plan")
