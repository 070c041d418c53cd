"""Reads for rating scales and review history, each in a fixed number of queries."""

from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.growth import chart
from rung.growth.models import AxisRating, ReviewCycle
from rung.ladder.models import Axis, RatingChoice, RatingScale

OVERALL_CHART_ID = "review-chart-overall"


def scales_for(user: AbstractBaseUser | AnonymousUser) -> QuerySet[RatingScale]:
    """Return the preset scales plus this member's own custom scales, presets first."""
    return RatingScale.objects.visible_to(user).order_by("-is_preset", "order", "name", "pk")


def rating_choices_for(user: AbstractBaseUser | AnonymousUser) -> QuerySet[RatingChoice]:
    """Return every rating on the scales this member may use, grouped by scale."""
    return (
        RatingChoice.objects.filter(scale__in=RatingScale.objects.visible_to(user))
        .select_related("scale")
        .order_by("-scale__is_preset", "scale__order", "scale__name", "scale__pk", "order")
    )


def last_used_scale(owner: User) -> RatingScale | None:
    """Return the scale of the member's latest review cycle, the one they will likely use."""
    cycle = ReviewCycle.objects.filter(owner=owner).select_related("scale").first()
    return cycle.scale if cycle is not None else None


def scales_with_choices(user: User) -> list[RatingScale]:
    """Return the scales this member may use, each with its levels loaded."""
    return list(scales_for(user).prefetch_related("choices"))


def _ratings_prefetch() -> Prefetch:
    return Prefetch(
        "ratings",
        queryset=AxisRating.objects.select_related("axis", "rating").order_by("axis__order"),
    )


def review_cycles_for(owner: User) -> QuerySet[ReviewCycle]:
    """Return a member's review cycles with what their pages show loaded alongside."""
    return (
        ReviewCycle.objects.filter(owner=owner)
        .select_related("scale", "level", "overall")
        .prefetch_related(_ratings_prefetch())
    )


@dataclass(frozen=True)
class HistoryRow:
    """One cycle with its ratings lined up under the ladder's axes (None where unrated)."""

    cycle: ReviewCycle
    cells: list[AxisRating | None]

    @property
    def with_words(self) -> list[AxisRating]:
        return [cell for cell in self.cells if cell is not None and cell.manager_words]


@dataclass(frozen=True)
class ReviewHistory:
    """A member's review cycles, oldest first, and one chart per axis."""

    axes: list[Axis]
    cycles: list[ReviewCycle]
    rows: list[HistoryRow]
    charts: list[chart.Chart]

    @property
    def is_empty(self) -> bool:
        return not self.cycles

    @property
    def newest_first(self) -> list[HistoryRow]:
        return self.rows[::-1]

    @property
    def has_words(self) -> bool:
        return any(row.with_words for row in self.rows)

    @property
    def scale_names(self) -> str:
        return ", ".join(dict.fromkeys(cycle.scale.name for cycle in self.cycles))


def _column(cycle: ReviewCycle, choice: RatingChoice | None) -> chart.Column:
    if choice is None:
        return chart.Column(label=cycle.name)
    return chart.Column(label=cycle.name, code=choice.code, value=choice.common_value)


def review_history(owner: User) -> ReviewHistory:
    """Return a member's review history with its charts, in three queries."""
    axes = list(Axis.objects.all())
    cycles = list(review_cycles_for(owner).order_by("date", "id"))
    rows: list[HistoryRow] = []
    for cycle in cycles:
        by_axis = {rating.axis_id: rating for rating in cycle.ratings.all()}
        rows.append(HistoryRow(cycle=cycle, cells=[by_axis.get(axis.pk) for axis in axes]))
    charts: list[chart.Chart] = []
    if any(cycle.overall_id for cycle in cycles):
        charts.append(
            chart.draw(
                chart_id=OVERALL_CHART_ID,
                title=_("Overall"),
                columns=[_column(cycle, cycle.overall) for cycle in cycles],
            )
        )
    for position, axis in enumerate(axes):
        columns = [
            _column(row.cycle, cell.rating if cell else None)
            for row, cell in ((row, row.cells[position]) for row in rows)
        ]
        charts.append(
            chart.draw(chart_id=f"review-chart-{axis.slug}", title=axis.name, columns=columns)
        )
    return ReviewHistory(axes=axes, cycles=cycles, rows=rows, charts=charts)
