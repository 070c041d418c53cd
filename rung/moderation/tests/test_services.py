"""Standing, limits, spam holds, penalties and the queue's actions, through the services."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from rung.accounts.models import User
from rung.core.ratelimit import Limited
from rung.moderation import services
from rung.moderation.models import (
    AuditEntry,
    Flag,
    Penalty,
    Review,
    SpamDomain,
    Standing,
    TrustLevel,
)
from rung.qa.models import Answer, Question, Visibility
from rung.testing import make_answer, make_member, make_question

LINKS = "See https://a.example/1 and https://b.example/2 and https://c.example/3"


def test_a_new_members_first_post_waits_in_the_queue_but_is_published(newbie: User) -> None:
    question = make_question(newbie)
    assert question.visibility == Visibility.PUBLISHED
    review = Review.objects.get(post_kind="question", post_id=question.pk)
    assert review.why == Review.Why.FIRST_POST
    make_question(newbie, body="Another, different question body for the second post.")
    assert Review.objects.count() == 1


def test_a_new_members_post_with_many_links_is_held(newbie: User, question: Question) -> None:
    answer = make_answer(question, newbie, body=LINKS)
    answer.refresh_from_db()
    assert answer.visibility == Visibility.HELD
    assert Review.objects.get(post_kind="answer", post_id=answer.pk).why == Review.Why.HELD


def test_repeated_text_across_a_new_members_posts_is_held(newbie: User, question: Question) -> None:
    first = make_answer(question, newbie, body="Buy cheap followers today")
    second = make_answer(question, newbie, body="buy  cheap FOLLOWERS today")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.visibility == Visibility.PUBLISHED
    assert second.visibility == Visibility.HELD


def test_links_to_a_spam_domain_are_held(newbie: User, question: Question, mod: User) -> None:
    SpamDomain.objects.create(domain="spam.example")
    answer = make_answer(question, newbie, body="Try https://www.spam.example/offer")
    answer.refresh_from_db()
    assert answer.visibility == Visibility.HELD


def test_members_past_new_are_not_held(bob: User, question: Question) -> None:
    answer = make_answer(question, bob, body=LINKS)
    answer.refresh_from_db()
    assert answer.visibility == Visibility.PUBLISHED


def test_posting_limit_refuses_with_a_clear_message(settings: Any, newbie: User) -> None:
    settings.RUNG_POSTING_LIMITS = {
        **settings.RUNG_POSTING_LIMITS,
        "questions_per_hour": [2, 9, 9, 9],
    }
    make_question(newbie, body="First body")
    make_question(newbie, body="Second body, not the same")
    with pytest.raises(Limited) as refused:
        make_question(newbie, body="Third body, new again")
    assert "2 questions an hour" in refused.value.message
    assert refused.value.retry_after > 0
    assert Question.objects.filter(author=newbie).count() == 2


def test_rate_limits_off_lifts_every_limit(settings: Any, newbie: User) -> None:
    settings.RUNG_RATE_LIMITS = False
    settings.RUNG_POSTING_LIMITS = {
        **settings.RUNG_POSTING_LIMITS,
        "questions_per_hour": [1, 1, 1, 1],
        "links_per_post": [0, 0, 0, 0],
    }
    for n in range(3):
        make_question(newbie, body=f"Question {n} https://ok.example/{n}")
    assert Question.objects.filter(author=newbie).count() == 3


def test_too_many_links_for_the_level_is_refused(settings: Any, newbie: User) -> None:
    settings.RUNG_POSTING_LIMITS = {**settings.RUNG_POSTING_LIMITS, "links_per_post": [2, 9, 9, 9]}
    with pytest.raises(ValidationError, match="2 links"):
        make_question(newbie, body=LINKS)
    assert not Question.objects.filter(author=newbie).exists()


def test_edits_are_limited(settings: Any, alice: User, question: Question) -> None:
    from rung.qa import services as qa_services

    settings.RUNG_POSTING_LIMITS = {**settings.RUNG_POSTING_LIMITS, "edits_per_hour": [1, 1, 1, 1]}
    answer = make_answer(question, alice)
    qa_services.answer_edit(answer=answer, editor=alice, body="Edited once.")
    with pytest.raises(Limited):
        qa_services.answer_edit(answer=answer, editor=alice, body="Edited twice.")


def test_silenced_member_cannot_post(alice: User, bob: User, mod: User, question: Question) -> None:
    services.penalty_set(member=bob, kind=Penalty.Kind.SILENCE, days=2, reason="Heated", actor=mod)
    with pytest.raises(ValidationError, match=r"You cannot post until .*Heated"):
        make_answer(question, bob)
    assert AuditEntry.objects.get(action="silence").reason == "Heated"


def test_suspending_closes_the_account_and_expiry_opens_it(bob: User, mod: User) -> None:
    penalty = services.penalty_set(
        member=bob, kind=Penalty.Kind.SUSPEND, days=1, reason="Spam", actor=mod
    )
    bob.refresh_from_db()
    assert bob.is_active is False
    Penalty.objects.filter(pk=penalty.pk).update(until=timezone.now() - timedelta(seconds=1))
    assert services.penalties_expire() == 1
    bob.refresh_from_db()
    assert bob.is_active is True


@pytest.mark.parametrize("who", ["admin", "self"])
def test_administrators_and_oneself_cannot_be_penalised(who: str, admin: User, mod: User) -> None:
    target = admin if who == "admin" else mod
    with pytest.raises(ValidationError):
        services.penalty_set(member=target, kind="suspend", days=1, reason="x", actor=mod)
    assert not Penalty.objects.exists()


def test_only_an_administrator_may_penalise_a_moderator(admin: User, mod: User, bob: User) -> None:
    other = make_member("mod2", is_staff=True)
    with pytest.raises(ValidationError, match="administrator"):
        services.penalty_set(member=other, kind="silence", days=1, reason="x", actor=mod)
    services.penalty_set(member=other, kind="silence", days=1, reason="x", actor=admin)
    with pytest.raises(PermissionDenied):
        services.penalty_set(member=other, kind="silence", days=1, reason="x", actor=bob)


def test_standing_rises_with_the_record_and_never_falls(settings: Any, newbie: User) -> None:
    settings.RUNG_TRUST_LEVELS = {
        "member": {"days": 0, "visits": 0, "posts": 1},
        "regular": {"days": 0, "posts": 2, "likes": 1},
        "leader": {"days": 999},
    }
    assert services.standing_recompute(member=newbie).trust_level == TrustLevel.NEW
    question = make_question(newbie, body="One question body")
    assert services.standing_recompute(member=newbie).trust_level == TrustLevel.MEMBER
    from rung.qa import services as qa_services

    qa_services.question_delete(question=question, actor=newbie)
    assert services.standing_recompute(member=newbie).trust_level == TrustLevel.MEMBER


def test_a_level_set_by_hand_stays_and_is_audited(newbie: User, mod: User) -> None:
    services.trust_level_set(member=newbie, level=TrustLevel.REGULAR, actor=mod, reason="Known")
    assert services.standing_recompute(member=newbie).trust_level == TrustLevel.REGULAR
    entry = AuditEntry.objects.get(action="trust_level_set")
    assert entry.before["trust_level"] == TrustLevel.NEW and entry.after["trust_level"] == 2


def test_visits_count_once_a_day(newbie: User) -> None:
    services.visit_record(member=newbie)
    services.visit_record(member=newbie)
    assert Standing.objects.get(member=newbie).days_visited == 1


def test_approve_publishes_a_held_post_rejects_flags_and_is_audited(
    newbie: User, question: Question, mod: User, charlie: User
) -> None:
    answer = make_answer(question, newbie, body=LINKS)
    services.flag_create(post=answer, flagger=charlie, reason=Flag.Reason.SPAM)
    services.post_approve(post=answer, actor=mod, reason="Useful links", not_spam=True)
    answer.refresh_from_db()
    assert answer.visibility == Visibility.PUBLISHED
    assert not Review.objects.filter(resolved_at=None).exists()
    assert Standing.objects.get(member=charlie).flags_rejected == 1
    entry = AuditEntry.objects.get(action="not_spam")
    assert entry.before["visibility"] == "held" and entry.after["visibility"] == "published"


def test_hide_twice_is_a_clear_error(bob: User, question: Question, mod: User) -> None:
    answer = make_answer(question, bob)
    services.post_hide(post=answer, actor=mod, reason="Rude")
    with pytest.raises(ValidationError, match="already hidden"):
        services.post_hide(post=answer, actor=mod, reason="Rude")
    assert AuditEntry.objects.filter(action="hide").count() == 1


def test_moderation_needs_the_role_and_a_reason(
    bob: User, charlie: User, question: Question, mod: User
) -> None:
    answer = make_answer(question, bob)
    with pytest.raises(PermissionDenied):
        services.post_hide(post=answer, actor=charlie, reason="Mine now")
    with pytest.raises(ValidationError, match="reason"):
        services.post_hide(post=answer, actor=mod, reason="  ")


def test_delete_keeps_the_audit_entry_after_the_row_goes(
    bob: User, question: Question, mod: User
) -> None:
    answer = make_answer(question, bob)
    services.post_delete(post=answer, actor=mod, reason="Off-topic")
    Answer.objects.filter(pk=answer.pk).delete()
    entry = AuditEntry.objects.get(action="delete")
    assert entry.target_id == answer.pk and entry.after["deleted"] is True


def test_hidden_post_edited_by_its_author_returns_to_the_queue(
    bob: User, question: Question, mod: User
) -> None:
    from rung.qa import services as qa_services

    answer = make_answer(question, bob)
    services.post_hide(post=answer, actor=mod, reason="Rude")
    assert "was hidden" in services.notices_take(member=bob)[0].text
    qa_services.answer_edit(answer=answer, editor=bob, body="A kinder answer.")
    assert Review.objects.get(post_id=answer.pk, resolved_at=None).why == Review.Why.EDITED


def test_lock_close_reopen_and_move_are_audited(alice: User, mod: User, question: Question) -> None:
    from rung.qa.models import Topic

    original = make_question(alice, body="The original")
    services.question_lock(question=question, actor=mod, locked=True, reason="Heated")
    with pytest.raises(ValidationError, match="already locked"):
        services.question_lock(question=question, actor=mod, locked=True, reason="Again")
    services.question_close_duplicate(question=question, original=original, actor=mod, reason="")
    services.question_reopen(question=question, actor=mod, reason="Not the same")
    services.question_move(
        question=question, topics=[Topic.objects.get(slug="senior")], actor=mod, reason="Fits"
    )
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["lock", "close_duplicate", "reopen", "move"]
    assert AuditEntry.objects.get(action="move").after["topics"] == ["senior"]


def test_a_question_cannot_duplicate_itself(mod: User, question: Question) -> None:
    with pytest.raises(ValidationError, match="itself"):
        services.question_close_duplicate(
            question=question, original=question, actor=mod, reason=""
        )


def test_deleting_a_spammer_removes_every_post_and_blocks_their_domains(
    newbie: User, mod: User, question: Question
) -> None:
    spam_question = make_question(newbie, body="Visit https://pills.example/buy")
    make_answer(question, newbie, body="Cheap https://pills.example/now and https://x.example")
    assert services.spammer_delete(member=newbie, actor=mod, reason="Spam") == 2
    spam_question.refresh_from_db()
    assert spam_question.is_deleted
    assert set(SpamDomain.objects.values_list("domain", flat=True)) == {
        "pills.example",
        "x.example",
    }
    newbie.refresh_from_db()
    assert newbie.is_active is False
    assert not Review.objects.filter(resolved_at=None).exists()
    assert AuditEntry.objects.get(action="delete_spammer").after["posts_deleted"] == 2


def test_only_administrators_reveal_an_anonymous_author_with_a_reason(
    alice: User, mod: User, admin: User
) -> None:
    secret = make_question(alice, is_anonymous=True, body="Anonymous body")
    with pytest.raises(PermissionDenied):
        services.author_reveal(post=secret, actor=mod, reason="Curious")
    with pytest.raises(ValidationError):
        services.author_reveal(post=secret, actor=admin, reason="")
    assert services.author_reveal(post=secret, actor=admin, reason="Legal request") == alice
    entry = AuditEntry.objects.get(action="reveal_author")
    assert entry.reason == "Legal request" and "alice" not in entry.target_label


def test_spam_domain_needs_a_real_domain(mod: User) -> None:
    with pytest.raises(ValidationError):
        services.spam_domain_add(domain="not a domain", actor=mod, reason="")
    services.spam_domain_add(domain="Spam.Example", actor=mod, reason="")
    with pytest.raises(ValidationError, match="already"):
        services.spam_domain_add(domain="spam.example", actor=mod, reason="")


def test_posts_imported_with_their_old_dates_skip_limits_and_holds(
    settings: Any, newbie: User, question: Question
) -> None:
    settings.RUNG_POSTING_LIMITS = {
        **settings.RUNG_POSTING_LIMITS,
        "answers_per_hour": [1, 1, 1, 1],
    }
    then = timezone.now() - timedelta(days=30)
    for _ in range(3):
        answer = make_answer(question, newbie, body=LINKS, created_at=then)
        answer.refresh_from_db()
        assert answer.visibility == Visibility.PUBLISHED
    assert not Review.objects.exists()


def test_the_default_limits_are_the_documented_ones() -> None:
    """The test settings lift the posting rates; the shipped defaults stay as docs say."""
    from rung import settings as shipped

    assert shipped.RUNG_POSTING_LIMITS["questions_per_10_minutes"] == [2, 5, 10, 20]
    assert shipped.RUNG_POSTING_LIMITS["questions_per_hour"] == [3, 10, 20, 40]
    assert shipped.RUNG_POSTING_LIMITS["answers_per_10_minutes"] == [3, 10, 20, 40]
    assert shipped.RUNG_POSTING_LIMITS["answers_per_hour"] == [10, 30, 60, 120]
    assert shipped.RUNG_POSTING_LIMITS["links_per_post"] == [4, 10, 30, 50]
    assert shipped.RUNG_TRUST_LEVELS["regular"]["posts"] == 10  # type: ignore[index]
