"""Flags: who may flag what, how much each flag weighs, and when a post hides."""

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from rung.accounts.models import User
from rung.core.ratelimit import Limited
from rung.moderation import levels, services
from rung.moderation.models import Flag, Notice, Review, Standing, TrustLevel
from rung.qa import services as qa_services
from rung.qa.models import Question, Visibility
from rung.testing import make_answer, make_member


def _member(name: str, level: int) -> User:
    return make_member(name, trust_level=level)


def test_two_regulars_hide_a_rude_answer_and_the_author_is_told(
    question: Question, bob: User
) -> None:
    answer = make_answer(question, bob, body="You are all idiots.")
    services.flag_create(post=answer, flagger=_member("r1", TrustLevel.REGULAR), reason="rude")
    answer.refresh_from_db()
    assert answer.visibility == Visibility.PUBLISHED
    services.flag_create(post=answer, flagger=_member("r2", TrustLevel.REGULAR), reason="rude")
    answer.refresh_from_db()
    assert answer.visibility == Visibility.HIDDEN
    assert "rude or abusive" in answer.visibility_reason
    assert "hidden" in Notice.objects.get(member=bob).text
    assert Review.objects.get(post_id=answer.pk, resolved_at=None).why == Review.Why.FLAGGED


def test_new_accounts_weigh_little(question: Question, bob: User) -> None:
    answer = make_answer(question, bob)
    for n in range(4):
        services.flag_create(post=answer, flagger=_member(f"n{n}", TrustLevel.NEW), reason="spam")
    answer.refresh_from_db()
    assert answer.visibility == Visibility.PUBLISHED


def test_weight_follows_past_accuracy() -> None:
    fresh = levels.flag_weight(TrustLevel.REGULAR, 0, 0)
    assert fresh == 1.0
    assert levels.flag_weight(TrustLevel.REGULAR, 8, 0) > 1.5
    assert levels.flag_weight(TrustLevel.REGULAR, 0, 8) < 0.25


def test_an_accurate_flagger_counts_more(question: Question, bob: User) -> None:
    sharp = _member("sharp", TrustLevel.MEMBER)
    Standing.objects.filter(member=sharp).update(flags_upheld=20)
    other = _member("other", TrustLevel.MEMBER)
    answer = make_answer(question, bob)
    services.flag_create(post=answer, flagger=sharp, reason="spam")
    services.flag_create(post=answer, flagger=other, reason="spam")
    answer.refresh_from_db()
    assert answer.visibility == Visibility.HIDDEN


def test_own_post_second_flag_and_deleted_post_are_refused(
    question: Question, alice: User, bob: User, charlie: User
) -> None:
    with pytest.raises(ValidationError, match="your own"):
        services.flag_create(post=question, flagger=alice, reason="spam")
    services.flag_create(post=question, flagger=charlie, reason="spam")
    with pytest.raises(ValidationError, match="already flagged"):
        services.flag_create(post=question, flagger=charlie, reason="rude")
    answer = make_answer(question, bob)
    qa_services.answer_delete(answer=answer, actor=bob)
    with pytest.raises(ValidationError, match="deleted"):
        services.flag_create(post=answer, flagger=charlie, reason="spam")
    assert Flag.objects.count() == 1


def test_something_else_needs_a_note(question: Question, charlie: User) -> None:
    with pytest.raises(ValidationError):
        services.flag_create(post=question, flagger=charlie, reason="other", note=" ")
    services.flag_create(post=question, flagger=charlie, reason="other", note="Personal data")


def test_flags_per_day_are_limited(settings: Any, bob: User, charlie: User) -> None:
    from rung.testing import make_question

    settings.RUNG_POSTING_LIMITS = {**settings.RUNG_POSTING_LIMITS, "flags_per_day": [1, 1, 1, 1]}
    first = make_question(bob, body="One")
    second = make_question(bob, body="Two")
    services.flag_create(post=first, flagger=charlie, reason="spam")
    with pytest.raises(Limited):
        services.flag_create(post=second, flagger=charlie, reason="spam")


def test_hiding_upholds_the_flags(question: Question, bob: User, charlie: User, mod: User) -> None:
    answer = make_answer(question, bob)
    services.flag_create(post=answer, flagger=charlie, reason="off_topic")
    services.post_hide(post=answer, actor=mod, reason="Off-topic")
    assert Standing.objects.get(member=charlie).flags_upheld == 1
    assert Flag.objects.get().outcome == Flag.Outcome.UPHELD
