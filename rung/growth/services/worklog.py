"""Writes for the work log and self-review drafts, and the draft generator they share."""

import datetime
import uuid
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.core.submit_once import SubmitOnce
from rung.growth.export import md_block, md_heading, md_line, md_link
from rung.growth.models import CheckIn, Goal, LogEntry, SelfReview
from rung.growth.selectors.worklog import self_review_material
from rung.growth.services.plans import validate_growth_date, validate_text_length
from rung.ladder.models import Axis
from rung.qa.models import Question
from rung.qa.outcomes import question_outcome

LOG_TEXT_MAX_LENGTH = 2_000
SELF_REVIEW_MAX_LENGTH = 100_000
MAX_PERIOD_DAYS = 3 * 366
MAX_DRAFT_ENTRIES = 500
# A check-in note is cut to this many characters in the draft's goal summary.
CHECK_IN_EXCERPT_LENGTH = 280


def _entry_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError(_("Write what you did."), code="required")
    validate_text_length(text, limit=LOG_TEXT_MAX_LENGTH)
    return text


def _validate_goal(owner_id: int, goal: Goal | None) -> None:
    # The form offers only the member's goals; this guards every other caller.
    if goal is not None and goal.plan.owner_id != owner_id:
        raise ValidationError(_("Pick one of your own goals."), code="foreign_goal")


@transaction.atomic
def log_entry_create(
    *,
    owner: User,
    date: datetime.date,
    text: str,
    axis: Axis | None = None,
    goal: Goal | None = None,
    submit_token: uuid.UUID | None = None,
) -> LogEntry:
    """Add a dated entry to a member's work log; a repeated submit token returns it."""
    validate_growth_date(date)
    _validate_goal(owner.pk, goal)
    text = _entry_text(text)
    submit = SubmitOnce(LogEntry.objects.filter(owner=owner), submit_token)
    if earlier := submit.earlier(
        date=date,
        text=text,
        axis_id=axis.pk if axis else None,
        goal_id=goal.pk if goal else None,
    ):
        return earlier
    entry = LogEntry(
        owner=owner, date=date, text=text, axis=axis, goal=goal, submit_token=submit.token
    )
    entry.full_clean(exclude=["submit_token"])
    return submit.save(entry)


@transaction.atomic
def log_entry_update(
    *,
    entry: LogEntry,
    date: datetime.date,
    text: str,
    axis: Axis | None,
    goal: Goal | None,
) -> LogEntry:
    """Change a log entry's date, text or tags."""
    validate_growth_date(date)
    _validate_goal(entry.owner_id, goal)
    entry.date = date
    entry.text = _entry_text(text)
    entry.axis = axis
    entry.goal = goal
    entry.full_clean()
    entry.save(update_fields=["date", "text", "axis", "goal"])
    return entry


@transaction.atomic
def log_entry_delete(*, entry: LogEntry) -> None:
    """Delete a log entry."""
    entry.delete()


def outcome_entry_text(question: Question, kind_label: str, note: str) -> str:
    """Return a log entry's Markdown for a question's outcome: a link to it, what, and the note."""
    link = md_link(question.title, reverse("qa:question", args=[question.pk]))
    text = _("Outcome of my question %(question)s: %(outcome)s.") % {
        "question": link,
        "outcome": kind_label,
    }
    return f"{text}\n\n{md_block(note)}" if note.strip() else text


def log_entry_from_outcome(*, owner: User, question: Question) -> tuple[LogEntry, bool]:
    """Add the outcome of the owner's own question to their work log, once.

    Return the entry and whether it was added now: a second click, or two at once, get the
    entry already there (one per question and owner, kept by a unique key).
    """
    if question.author_id != owner.pk:
        raise PermissionDenied(_("Only the person who asked can log its outcome."))
    existing = LogEntry.objects.filter(owner=owner, question=question).first()
    if existing is not None:
        return existing, False
    outcome = question_outcome(question)
    if outcome is None:
        raise ValidationError(_("This question has no outcome yet."))
    text = outcome_entry_text(question, str(outcome.get_kind_display()), outcome.note)
    entry = LogEntry(
        owner=owner,
        date=timezone.localdate(outcome.created_at),
        text=text,
        question=question,
    )
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError:
        # A second click at the same moment added it first.
        return LogEntry.objects.get(owner=owner, question=question), False
    return entry, True


def validate_period(start: datetime.date, end: datetime.date) -> None:
    """Refuse a review period that runs backwards, is out of range or spans over 3 years."""
    validate_growth_date(start)
    validate_growth_date(end)
    if start > end:
        raise ValidationError(_("The period must start before it ends."), code="backwards")
    if (end - start).days > MAX_PERIOD_DAYS:
        raise ValidationError(_("Choose a period of at most three years."), code="period_too_long")


def _excerpt(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _axis_key(axis: Axis) -> tuple[int, str]:
    return (axis.order, axis.name)


def build_self_review_draft(*, entries: Sequence[LogEntry], check_ins: Sequence[CheckIn]) -> str:
    """Return a self-review draft in Markdown from a period's log entries and check-ins.

    Entries are grouped under their axis in ladder order, untagged ones last under "Other",
    each a bullet with its date; the order given is kept within a group, so pass them
    oldest first. Every goal an entry or a check-in touched gets a line with its status
    and its latest check-in among those given.
    """
    by_axis: dict[int, tuple[Axis, list[LogEntry]]] = {}
    untagged: list[LogEntry] = []
    for entry in entries:
        if entry.axis is None:
            untagged.append(entry)
        else:
            by_axis.setdefault(entry.axis.pk, (entry.axis, []))[1].append(entry)

    out: list[str] = []
    sections = [
        (axis.name, group)
        for axis, group in sorted(by_axis.values(), key=lambda pair: _axis_key(pair[0]))
    ]
    if untagged:
        sections.append((_("Other"), untagged))
    for name, group in sections:
        out += [f"## {md_heading(name)}", ""]
        out += [f"- {entry.date.isoformat()}: {md_line(entry.text)}" for entry in group]
        out.append("")
    if not sections:
        out += [md_line(_("No work-log entries in this period.")), ""]

    goals: dict[int, Goal] = {}
    for entry in entries:
        if entry.goal is not None:
            goals.setdefault(entry.goal.pk, entry.goal)
    latest: dict[int, CheckIn] = {}
    for check_in in check_ins:
        goals.setdefault(check_in.goal.pk, check_in.goal)
        current = latest.get(check_in.goal.pk)
        if current is None or check_in.date >= current.date:
            latest[check_in.goal.pk] = check_in
    if goals:
        out += [f"## {md_heading(_('Goals'))}", ""]
        ordered = sorted(goals.values(), key=lambda g: (*_axis_key(g.axis), g.title, g.pk))
        for goal in ordered:
            line = _("%(goal)s (%(axis)s): %(status)s.") % {
                "goal": goal.title,
                "axis": goal.axis.name,
                "status": goal.get_status_display(),
            }
            last = latest.get(goal.pk)
            if last is None:
                line += " " + _("No check-in in this period.")
            else:
                line += " " + _("Latest check-in (%(date)s): %(note)s") % {
                    "date": last.date.isoformat(),
                    "note": _excerpt(last.note, CHECK_IN_EXCERPT_LENGTH),
                }
            out.append(f"- {md_line(line)}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _review_title(title: str) -> str:
    title = title.strip()
    if not title:
        raise ValidationError(_("Give the self-review a title."), code="required")
    return title


@transaction.atomic
def self_review_create(
    *,
    owner: User,
    title: str,
    period_start: datetime.date,
    period_end: datetime.date,
    submit_token: uuid.UUID | None = None,
) -> SelfReview:
    """Draft a self-review from a member's work log for a period and save it.

    A repeated submit token returns the draft already made, without drafting again.
    """
    validate_period(period_start, period_end)
    title = _review_title(title)
    submit = SubmitOnce(SelfReview.objects.filter(owner=owner), submit_token)
    if earlier := submit.earlier(title=title, period_start=period_start, period_end=period_end):
        return earlier
    entries, check_ins = self_review_material(
        owner, start=period_start, end=period_end, limit=MAX_DRAFT_ENTRIES + 1
    )
    if len(entries) > MAX_DRAFT_ENTRIES:
        raise ValidationError(
            _("This period holds more than %(max)d log entries; choose a shorter one."),
            code="too_many_entries",
            params={"max": MAX_DRAFT_ENTRIES},
        )
    text = build_self_review_draft(entries=entries, check_ins=check_ins)
    validate_text_length(text, limit=SELF_REVIEW_MAX_LENGTH)
    review = SelfReview(
        owner=owner,
        title=title,
        period_start=period_start,
        period_end=period_end,
        text=text,
        submit_token=submit.token,
    )
    review.full_clean(exclude=["submit_token"])
    return submit.save(review)


@transaction.atomic
def self_review_update(*, review: SelfReview, title: str, text: str) -> SelfReview:
    """Save the member's edits to a self-review draft."""
    validate_text_length(text, limit=SELF_REVIEW_MAX_LENGTH)
    review.title = _review_title(title)
    review.text = text
    review.full_clean()
    review.save(update_fields=["title", "text", "updated_at"])
    return review


@transaction.atomic
def self_review_delete(*, review: SelfReview) -> None:
    """Delete a self-review draft."""
    review.delete()
