"""Who is told of what: the fan-out from qa's post events to notices."""

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest

from rung.accounts.models import User
from rung.notifications import services
from rung.notifications.describe import describe
from rung.notifications.models import Follow, MailSettings, MailState, Notification, WatchLevel
from rung.qa import services as qa_services
from rung.qa.models import Question, Topic
from rung.testing import make_answer, make_member, make_question

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_mail")]

Committed = Callable[[], AbstractContextManager[Any]]


def notices(member: User, kind: str | None = None) -> list[Notification]:
    rows = Notification.objects.filter(recipient=member).order_by("pk")
    return list(rows.filter(kind=kind) if kind else rows)


def watch(member: User, slug: str, level: WatchLevel = WatchLevel.WATCHING) -> None:
    services.follow_set(member, level=level, topic=Topic.objects.get(slug=slug))


def test_a_watcher_hears_of_a_new_question_in_the_level(
    alice: User, bob: User, committed: Committed
) -> None:
    watch(bob, "mid-level")
    with committed():
        question = make_question(alice, topics=["mid-level"])
    [notice] = notices(bob)
    assert notice.kind == "watched_question" and notice.question == question
    assert notice.actor == alice
    assert describe(notice).text == f"New question in Mid-level Engineer: “{question.title}”"
    assert notices(alice) == []  # nobody hears of their own question


def test_tracking_and_muted_and_unrelated_topics_get_no_notice(
    alice: User, bob: User, charlie: User, committed: Committed
) -> None:
    watch(bob, "mid-level", WatchLevel.TRACKING)
    watch(charlie, "senior")
    with committed():
        make_question(alice, topics=["mid-level"])
    assert notices(bob) == [] and notices(charlie) == []


def test_muting_any_topic_wins_over_watching_another(
    alice: User, bob: User, committed: Committed
) -> None:
    watch(bob, "mid-level")
    watch(bob, "performance-reviews", WatchLevel.MUTED)
    with committed():
        make_question(alice, topics=["mid-level", "performance-reviews"])
    assert notices(bob) == []


def test_one_notice_for_a_member_watching_two_of_its_topics_and_following_the_asker(
    alice: User, bob: User, committed: Committed
) -> None:
    watch(bob, "mid-level")
    watch(bob, "performance-reviews")
    services.follow_set(bob, level=WatchLevel.WATCHING, member=alice)
    with committed():
        make_question(alice, topics=["mid-level", "performance-reviews"])
    assert [n.kind for n in notices(bob)] == ["watched_question"]


def test_an_anonymous_question_never_reaches_the_askers_followers_nor_names_them(
    alice: User, bob: User, charlie: User, committed: Committed
) -> None:
    services.follow_set(bob, level=WatchLevel.WATCHING, member=alice)
    watch(charlie, "mid-level")
    with committed():
        question = make_question(alice, topics=["mid-level"], is_anonymous=True)
    assert notices(bob) == []
    [notice] = notices(charlie)
    assert notice.actor is None
    assert "Alice" not in describe(notice).text
    assert question.title in describe(notice).text


def test_the_asker_hears_of_an_answer_and_the_answerer_starts_watching(
    alice: User, bob: User, charlie: User, committed: Committed
) -> None:
    question = make_question(alice)
    with committed():
        answer = make_answer(question, bob)
    [notice] = notices(alice)
    assert (notice.kind, notice.actor, notice.answer) == ("answer", bob, answer)
    assert describe(notice).text == f"Bob Rivera answered your question “{question.title}”"
    assert describe(notice).url == answer.get_absolute_url()
    assert Follow.objects.get(user=bob, question=question).automatic
    # The asker watches too, so charlie's later answer reaches both.
    with committed():
        make_answer(question, charlie)
    assert [n.kind for n in notices(bob)] == ["watched_answer"]
    assert [n.kind for n in notices(alice)] == ["answer", "answer"]


def test_an_anonymous_askers_reply_does_not_name_them(
    alice: User, bob: User, committed: Committed
) -> None:
    question = make_question(alice, is_anonymous=True)
    answer = make_answer(question, bob)
    with committed():
        make_answer(question, alice, parent=answer, body="Thank you, that helps.")
    [notice] = notices(bob, "reply")
    assert notice.actor is None
    assert describe(notice).text.startswith("The asker replied")


def test_unwatching_a_question_stops_its_answers(
    alice: User, bob: User, charlie: User, committed: Committed
) -> None:
    question = make_question(alice)
    make_answer(question, bob)
    services.follow_set(bob, level=WatchLevel.MUTED, question=question)
    with committed():
        make_answer(question, charlie)
        make_answer(question, bob, body="A second thought on ownership.")
    assert notices(bob) == []
    # Answering again did not watch it again behind the member's back.
    assert Follow.objects.get(user=bob, question=question).level == WatchLevel.MUTED


def test_a_reply_tells_the_answers_author_only(
    alice: User, bob: User, charlie: User, committed: Committed
) -> None:
    question = make_question(alice)
    answer = make_answer(question, bob)
    with committed():
        make_answer(question, charlie, parent=answer, body="Agreed, and ask for a mentor.")
    assert [n.kind for n in notices(bob)] == ["reply"]
    assert notices(alice) == []


def test_most_helpful_and_taking_it_back(alice: User, bob: User, committed: Committed) -> None:
    question = make_question(alice)
    answer = make_answer(question, bob)
    with committed():
        qa_services.answer_mark_helpful(question=question, actor=alice, answer=answer)
    [notice] = notices(bob, "helpful")
    assert (
        describe(notice).text == f"Alice Chen marked your answer on “{question.title}” most helpful"
    )
    with committed():
        qa_services.answer_mark_helpful(question=question, actor=alice, answer=answer)
    assert notices(bob, "helpful") == []


def test_likes_batch_into_one_unread_notice(
    alice: User, bob: User, charlie: User, committed: Committed
) -> None:
    question = make_question(alice)
    answer = make_answer(question, bob)
    dana = make_member("dana", display_name="Dana Park")
    with committed():
        qa_services.like_toggle(user=alice, target=answer)
        qa_services.like_toggle(user=charlie, target=answer)
        qa_services.like_toggle(user=dana, target=answer)
    [notice] = notices(bob, "like")
    assert (
        describe(notice).text == f"Dana Park and 2 others liked your answer on “{question.title}”"
    )
    services.mark_read(bob)
    with committed():
        qa_services.like_toggle(user=dana, target=answer)  # taken back: nothing new
        qa_services.like_toggle(user=dana, target=answer)
    assert len(notices(bob, "like")) == 2


def test_deleting_a_post_takes_its_notices_away(
    alice: User, bob: User, committed: Committed
) -> None:
    question = make_question(alice)
    with committed():
        answer = make_answer(question, bob)
    assert notices(alice)
    with committed():
        qa_services.answer_delete(answer=answer, actor=bob)
    assert notices(alice) == []


def test_a_member_who_left_gets_nothing_and_off_means_off(
    alice: User, bob: User, charlie: User, committed: Committed
) -> None:
    watch(bob, "mid-level")
    watch(charlie, "mid-level")
    User.objects.filter(pk=bob.pk).update(is_active=False)
    MailSettings.objects.create(user=charlie, deliveries={"watched_question": "off"})
    with committed():
        make_question(alice, topics=["mid-level"])
    assert notices(bob) == [] and notices(charlie) == []


def test_delivery_choice_sets_the_mail_state(
    alice: User, bob: User, no_mail: list[list[int]], committed: Committed
) -> None:
    question = make_question(alice)
    MailSettings.objects.create(user=alice, deliveries={"answer": "digest"})
    with committed():
        make_answer(question, bob)
    assert notices(alice)[0].mail_state == MailState.DIGEST
    assert no_mail == []
    MailSettings.objects.filter(user=alice).update(deliveries={})
    with committed():
        make_answer(question, make_member("dana"))
    assert notices(alice)[1].mail_state == MailState.PENDING
    assert no_mail == [[alice.pk]]


def test_the_same_event_twice_adds_nothing(alice: User, bob: User) -> None:
    from rung.notifications import fanout

    question = make_question(alice)
    answer = make_answer(question, bob)
    fanout.answer_posted(answer.pk)
    fanout.answer_posted(answer.pk)
    assert len(notices(alice)) == 1


def test_a_held_post_is_announced_when_published(
    alice: User, bob: User, mod: User, committed: Committed
) -> None:
    question = make_question(alice)
    with committed():
        answer = make_answer(question, bob)
        Notification.objects.all().delete()
        type(answer).objects.filter(pk=answer.pk).update(visibility="held")
    from rung.notifications import fanout

    fanout.answer_posted(answer.pk)
    assert notices(alice) == []
    type(answer).objects.filter(pk=answer.pk).update(visibility="published")
    from rung.notifications import subscribers
    from rung.qa import events

    with committed():
        subscribers._visibility(
            events.PostVisibilityChanged(
                question_id=question.pk,
                actor_id=mod.pk,
                author_id=bob.pk,
                kind="answer",
                post_id=answer.pk,
                visibility="published",
                previous="held",
            )
        )
    assert [n.kind for n in notices(alice)] == ["answer"]


def test_question_deleted_forgets_its_notices(alice: User, bob: User, committed: Committed) -> None:
    watch(bob, "mid-level")
    with committed():
        question = make_question(alice, topics=["mid-level"])
    with committed():
        qa_services.question_delete(question=Question.objects.get(pk=question.pk), actor=alice)
    assert notices(bob) == []


def test_an_imported_post_is_dated_as_written_never_mailed_and_read_when_old(
    alice: User, bob: User, no_mail: list[list[int]]
) -> None:
    import datetime as dt

    from django.utils import timezone

    from rung.notifications import fanout
    from rung.qa.models import Answer

    question = make_question(alice)
    old, recent = make_answer(question, bob), make_answer(question, make_member("dana"))
    written = timezone.now() - dt.timedelta(days=3)
    Answer.objects.filter(pk=old.pk).update(created_at=written)
    Answer.objects.filter(pk=recent.pk).update(created_at=timezone.now() - dt.timedelta(hours=2))
    fanout.answer_posted(old.pk)
    fanout.answer_posted(recent.pk)
    first, second = notices(alice)
    assert first.created_at == written and first.read_at == written
    assert second.read_at is None
    assert first.mail_state == second.mail_state == MailState.NONE
    assert no_mail == []
    # Released after review, the same kind of post is news now, and mailed.
    late = make_answer(question, make_member("erin"))
    Answer.objects.filter(pk=late.pk).update(created_at=written)
    fanout.answer_posted(late.pk, released=True)
    assert notices(alice)[2].mail_state == MailState.PENDING
