"""Outcomes: some weeks after asking, the asker says what happened.

An outcome is one per question: a kind (`OutcomeKind`: promoted, offer accepted, still
working on it, changed course, other) and a short plain-text note. Only the asker posts
or edits it, anonymous askers included (the outcome never names anyone); everyone who
may read the question sees it under the question.

Writes:

- `outcome_post(question=, member=, kind=, note=, helped_answer_ids=)` creates or edits it
  and publishes `events.OutcomePosted` (the notifications app tells those who answered;
  the reputation app credits the answers the asker says helped).
- `outcome_prompts_mark(question_ids, now)` claims questions for the "what happened?"
  prompt and returns the ids it claimed.

Reads:

- `question_outcome(question)`, `outcome_open(question, now)` (may the asker post yet),
  `outcome_prompt_age()`.
- `outcome_prompts_due(now)`: questions whose asker is due the prompt.

The prompt is sent from a scheduled task above qa, which loops until nothing is due:

    while due := outcome_prompts_due(now):
        claimed = outcome_prompts_mark(due, now)
        if not claimed:
            break  # another worker holds these right now, and prompts them
        for question_id in claimed:
            ...  # tell the asker, who may now post an outcome

Claiming is a conditional write on rows locked in key order, skipping rows another
worker holds, so however many workers run the task at once each question is claimed by
one of them, once.
"""

import datetime
from collections.abc import Collection, Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rung.accounts.models import User
from rung.qa import events
from rung.qa.models import (
    OUTCOME_NOTE_MAX_LENGTH,
    Answer,
    Outcome,
    OutcomeKind,
    Question,
    Visibility,
)
from rung.qa.services import _lock_question

# How many questions one call of `outcome_prompts_due` returns, and one claim locks.
PROMPT_BATCH = 200


def outcome_prompt_age() -> datetime.timedelta:
    """Return how long after asking the asker is asked what happened."""
    return datetime.timedelta(weeks=settings.RUNG_OUTCOME_PROMPT_WEEKS)


def outcome_open(question: Question, now: datetime.datetime | None = None) -> bool:
    """Say whether the asker may post an outcome: once answered, or once the prompt is due."""
    now = now or timezone.now()
    return question.answer_count > 0 or question.created_at <= now - outcome_prompt_age()


def outcome_not_open_message() -> str:
    """Say when an asker may post an outcome, for a question not open for one yet."""
    weeks = settings.RUNG_OUTCOME_PROMPT_WEEKS
    return ngettext(
        "You can say what happened once your question has an answer, "
        "or %(weeks)d week after asking.",
        "You can say what happened once your question has an answer, "
        "or %(weeks)d weeks after asking.",
        weeks,
    ) % {"weeks": weeks}


def question_outcome(question: Question) -> Outcome | None:
    """Return the question's outcome, if the asker posted one.

    Free when the question was read with it (`selectors.question_get_visible` joins it).
    """
    if Question.outcome.is_cached(question):
        return getattr(question, "outcome", None)
    return Outcome.objects.filter(question_id=question.pk).first()


def _clean_note(note: str) -> str:
    note = note.replace("\r\n", "\n").strip()
    if len(note) > OUTCOME_NOTE_MAX_LENGTH:
        raise ValidationError(
            {
                "note": _("Keep the note to %(max)d characters or fewer.")
                % {"max": OUTCOME_NOTE_MAX_LENGTH}
            }
        )
    if "\x00" in note:
        raise ValidationError({"note": _("The note holds a character that cannot be saved.")})
    return note


@transaction.atomic
def outcome_post(
    *,
    question: Question,
    member: User,
    kind: str,
    note: str,
    helped_answer_ids: Collection[int] | None = None,
    created_at: datetime.datetime | None = None,
) -> Outcome:
    """Say what happened after asking, or change what was said; only the asker may.

    `helped_answer_ids` are the answers the asker says helped: visible answers to this
    question by other members (None leaves them as they were). Sending the same kind, note
    and answers again changes nothing and announces nothing. `created_at` is for imports and
    the demo content.
    """
    if member.pk != question.author_id:
        raise PermissionDenied(_("Only the person who asked can say what happened."))
    if kind not in OutcomeKind.values:
        raise ValidationError({"kind": _("Choose what happened.")})
    note = _clean_note(note)
    question = _lock_question(question.pk)
    if question.is_deleted:
        raise ValidationError(_("This question was deleted."))
    now = created_at or timezone.now()
    helped = None if helped_answer_ids is None else _helped_answers(question, helped_answer_ids)
    outcome = Outcome.objects.filter(question=question).first()
    if outcome is None:
        if not outcome_open(question, now):
            raise ValidationError(outcome_not_open_message())
        outcome = Outcome.objects.create(
            question=question, kind=kind, note=note, created_at=now, helped_count=len(helped or ())
        )
        if helped:
            outcome.helped_answers.set(helped)
        edited = False
    else:
        before = set(outcome.helped_answers.values_list("pk", flat=True))
        if (outcome.kind, outcome.note) == (kind, note) and helped in (None, before):
            return outcome
        outcome.kind, outcome.note, outcome.edited_at = kind, note, now
        if helped is not None:
            outcome.helped_count = len(helped)
        outcome.save(update_fields=["kind", "note", "edited_at", "helped_count"])
        if helped is not None and helped != before:
            outcome.helped_answers.set(helped)
        edited = True
    # The outcome is part of the question's cached page; an asker who said what happened
    # before being asked needs no prompt, and their question leaves the prompts' index.
    Question.objects.filter(pk=question.pk).update(
        version=F("version") + 1,
        outcome_prompted_at=question.outcome_prompted_at or now,
    )
    events.publish(
        events.OutcomePosted(
            question_id=question.pk,
            actor_id=member.pk,
            author_id=question.author_id,
            outcome_id=outcome.pk,
            outcome_kind=outcome.kind,
            edited=edited,
        )
    )
    return outcome


def outcome_answer_choices(question: Question) -> list[Answer]:
    """Return the answers an asker may say helped: visible answers by others, oldest first."""
    return list(
        Answer.objects.filter(
            question=question,
            parent=None,
            is_deleted=False,
            visibility=Visibility.PUBLISHED,
        )
        .exclude(author_id=question.author_id)
        .select_related("author")
        .order_by("created_at", "pk")
    )


def _helped_answers(question: Question, answer_ids: Collection[int]) -> set[int]:
    """Return the answer ids the asker may name, refusing any other."""
    wanted = set(answer_ids)
    allowed = {answer.pk for answer in outcome_answer_choices(question)}
    if not wanted <= allowed:
        raise ValidationError(
            {"helped": _("Choose among the answers to this question by other members.")}
        )
    return wanted


def outcome_helped_answers(outcome: Outcome) -> list[Answer]:
    """Return the visible answers the asker says helped, oldest first, with their authors."""
    if not outcome.helped_count:
        return []
    return list(
        outcome.helped_answers.filter(is_deleted=False, visibility=Visibility.PUBLISHED)
        .select_related("author")
        .order_by("created_at", "pk")
    )


def outcome_prompts_due(now: datetime.datetime, *, limit: int = PROMPT_BATCH) -> list[int]:
    """Return the ids of questions whose asker is due the "what happened?" prompt, oldest first.

    Due: asked at least `RUNG_OUTCOME_PROMPT_WEEKS` ago, published, not deleted, by an
    active member, with no outcome and never prompted. At most `limit` ids: claim them
    with `outcome_prompts_mark` and ask again until none is left. One range scan of
    `question_outcome_due_idx`, where the questions due come first and in order, so the
    questions already prompted, however many, are never read.
    """
    return list(
        Question.objects.filter(
            created_at__lte=now - outcome_prompt_age(),
            outcome_prompted_at__isnull=True,
            is_deleted=False,
            visibility=Visibility.PUBLISHED,
            author__is_active=True,
            outcome__isnull=True,
        )
        .order_by("created_at", "id")
        .values_list("pk", flat=True)[:limit]
    )


def outcome_prompts_mark(question_ids: Iterable[int], now: datetime.datetime) -> list[int]:
    """Claim questions for the outcome prompt; return the ids claimed, each claimed only once.

    A question already claimed (by this call's caller before, or by another worker now)
    is left out: rows are locked in key order, rows another transaction holds are
    skipped (they stay due), and only rows never prompted are set. Send the prompt for
    the returned ids alone. Inside a caller's transaction, the claim commits with it.
    """
    ids = sorted(set(question_ids))
    claimed: list[int] = []
    for start in range(0, len(ids), PROMPT_BATCH):
        batch = ids[start : start + PROMPT_BATCH]
        with transaction.atomic():
            locked = list(
                Question.objects.select_for_update(skip_locked=True)
                .filter(pk__in=batch, outcome_prompted_at__isnull=True)
                .order_by("pk")
                .values_list("pk", flat=True)
            )
            Question.objects.filter(pk__in=locked, outcome_prompted_at__isnull=True).update(
                outcome_prompted_at=now
            )
        claimed += locked
    return claimed
