"""Invitations to answer: whom the asker is offered, the limits, declining, and who sees what."""

import datetime
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from rung.accounts.models import User
from rung.core.ratelimit import Limited
from rung.ladder.models import Level
from rung.qa import events, invitation_selectors, services
from rung.qa.invitation_services import answer_invitation_decline, answer_invite
from rung.qa.models import AnswerInvitation, Question, Visibility
from rung.testing import make_answer, make_card, make_member, make_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[events.PostEvent]]:
    """Record the invitation events as they are published, inside the write."""
    seen: list[events.PostEvent] = []
    registry = {key: list(value) for key, value in events._subscribers.items()}
    monkeypatch.setattr(events, "_subscribers", events.defaultdict(list, registry))
    for event_type in (events.AnswerInvited, events.AnswerInvitationDeclined):
        events.subscribe(event_type, seen.append, in_transaction=True)
    yield seen


def invite(question: Question, invitee: User) -> AnswerInvitation:
    return answer_invite(question=question, inviter=question.author, invitee=invitee)


def names(suggestions: list[invitation_selectors.InviteSuggestion]) -> list[str]:
    return [suggestion.member.username for suggestion in suggestions]


# Suggestions ---------------------------------------------------------------------------------


@pytest.fixture
def answerers(question: Question) -> dict[str, User]:
    """Members who answered elsewhere in the question's topics, well, badly or off-topic.

    The question is alice's, on Mid-level Engineer and Performance Reviews.
    """
    dana = make_member("dana")
    people = {
        name: make_member(name)
        for name in ("erin", "frank", "gina", "henry", "ivan", "judy", "kim")
    }
    mid = make_question(dana, topics=["mid-level"])
    reviews = make_question(dana, topics=["performance-reviews"])
    promotions = make_question(dana, topics=["promotions"])
    # erin: the most helpful answer on a mid-level question.
    erin = make_answer(mid, people["erin"])
    services.answer_mark_helpful(question=mid, answer=erin, actor=dana)
    # frank: liked answers on two of the topics, in one question each.
    for target in (mid, reviews):
        answer = make_answer(target, people["frank"])
        services.like_toggle(user=dana, target=answer)
    services.like_toggle(user=people["kim"], target=answer)
    # gina: a most helpful answer, but in a topic the question is not in.
    gina = make_answer(promotions, people["gina"])
    services.answer_mark_helpful(question=promotions, answer=gina, actor=dana)
    # henry: answered, but nobody found it useful.
    make_answer(mid, people["henry"])
    # ivan: liked, then his account was closed.
    ivan = make_answer(reviews, people["ivan"])
    services.like_toggle(user=dana, target=ivan)
    User.objects.filter(username="ivan").update(is_active=False)
    # judy: liked, and already invited.
    judy = make_answer(reviews, people["judy"])
    services.like_toggle(user=dana, target=judy)
    AnswerInvitation.objects.create(question=question, inviter=question.author, invitee=judy.author)
    # kim: liked, but her answer was deleted.
    kim = make_answer(mid, people["kim"])
    services.like_toggle(user=dana, target=kim)
    services.answer_delete(answer=kim, actor=people["kim"])
    # The asker's own well-liked answer elsewhere.
    asker = make_answer(reviews, question.author)
    services.like_toggle(user=dana, target=asker)
    people["dana"] = dana
    return people


def test_suggestions_rank_who_answered_best_in_the_questions_topics(
    question: Question, answerers: dict[str, User], django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(3):  # the topics, the ranking, the members
        suggestions = invitation_selectors.invite_suggestions(question)
    assert names(suggestions) == ["erin", "frank"]
    erin, frank = suggestions
    assert (erin.helpful, erin.topic_name) == (1, "Mid-level Engineer")
    assert erin.reason == "1 answer marked most helpful in Mid-level Engineer"
    # Frank's best topic: two likes on Performance Reviews beat one on Mid-level.
    assert (frank.helpful, frank.likes) == (0, 2)
    assert frank.reason == "2 likes on answers in Performance Reviews"


def test_the_ranking_reads_answers_through_the_topics_newest_questions(
    question: Question, answerers: dict[str, User]
) -> None:
    """The ranking is bounded by the newest questions of each topic, however large the site.

    With no statistics (a SQLite file nobody analysed), the planner once walked the
    visibility index over every published answer, and checked "already answered here" with
    a subquery per answer through the author's answers: seconds for an asker's page on a
    site of 250,000 answers. The plan must find answers through their questions and read
    the question's own answerers once.
    """
    with CaptureQueriesContext(connection) as captured:
        invitation_selectors.invite_suggestions(question)
    [ranking] = [q["sql"] for q in captured.captured_queries if "like_total" in q["sql"]]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {'QUERY PLAN ' if connection.vendor == 'sqlite' else ''}{ranking}")
        plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
    if connection.vendor == "sqlite":
        assert re.search(r"SEARCH qa_answer USING (?:COVERING )?INDEX \w+ \(question_id=\?", plan)
        assert "CORRELATED" not in plan, plan
        assert "visibility" not in plan, plan
    else:
        # PostgreSQL reads each list once too: every subplan is hashed, none runs per row.
        subplans = set(re.findall(r"SubPlan (\d+)", plan))
        assert subplans == set(re.findall(r"hashed SubPlan (\d+)", plan)), plan


def test_members_who_answered_the_question_are_not_suggested(
    question: Question, answerers: dict[str, User]
) -> None:
    make_answer(question, answerers["erin"])
    assert names(invitation_selectors.invite_suggestions(question)) == ["frank"]


def test_hidden_answers_and_questions_do_not_count(
    question: Question, answerers: dict[str, User]
) -> None:
    from rung.qa.models import Answer

    Answer.objects.filter(author=answerers["erin"]).update(visibility=Visibility.HIDDEN)
    Question.objects.filter(author=answerers["dana"], topics__slug="performance-reviews").update(
        visibility=Visibility.HELD
    )
    [frank] = invitation_selectors.invite_suggestions(question)
    assert (frank.member, frank.likes) == (answerers["frank"], 1)


def test_an_anonymous_askers_answers_to_their_own_question_do_not_count(
    question: Question, alice: User, bob: User
) -> None:
    secret = make_question(bob, topics=["mid-level"], is_anonymous=True)
    own = make_answer(secret, bob, body="Update: this worked for me.")
    services.answer_mark_helpful(question=secret, answer=own, actor=bob)
    assert invitation_selectors.invite_suggestions(question) == []
    # The same answer on a question that is not anonymous would count.
    Question.objects.filter(pk=secret.pk).update(is_anonymous=False)
    assert names(invitation_selectors.invite_suggestions(question)) == ["bob"]


def test_the_askers_level_counts_as_one_of_the_topics(alice: User, bob: User) -> None:
    senior = make_question(make_member("lee"), topics=["senior"])
    answer = make_answer(senior, bob)
    services.answer_mark_helpful(question=senior, answer=answer, actor=senior.author)
    plain = make_question(alice, topics=["performance-reviews"])
    assert invitation_selectors.invite_suggestions(plain) == []
    leveled = make_question(
        alice,
        topics=["performance-reviews"],
        card=make_card(level=Level.objects.get(slug="senior"), ratings={}),
    )
    [suggestion] = invitation_selectors.invite_suggestions(leveled)
    assert suggestion.member == bob and suggestion.topic_name == senior.topics.get().name


def test_only_answers_to_each_topics_newest_questions_count(
    question: Question, answerers: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The work stays bounded in a topic of any size: its newest questions are read."""
    monkeypatch.setattr(invitation_selectors, "RECENT_QUESTIONS_PER_TOPIC", 1)
    assert names(invitation_selectors.invite_suggestions(question)) == ["erin", "frank"]
    # A newer question in both topics: erin's and frank's answers are now too old to count.
    newer = make_question(answerers["dana"], topics=["mid-level", "performance-reviews"])
    answer = make_answer(newer, answerers["henry"])
    services.like_toggle(user=answerers["dana"], target=answer)
    assert names(invitation_selectors.invite_suggestions(question)) == ["henry"]


def test_suggestions_stop_at_the_limit(question: Question) -> None:
    other = make_question(make_member("asker2"), topics=["mid-level"])
    for i in range(8):
        answer = make_answer(other, make_member(f"helper{i}"))
        for liker in range(i + 1):
            services.like_toggle(user=make_member(f"fan{i}x{liker}"), target=answer)
    suggestions = invitation_selectors.invite_suggestions(question)
    assert names(suggestions) == [f"helper{i}" for i in range(7, 2, -1)]


# Inviting ------------------------------------------------------------------------------------


def test_the_asker_invites_a_member_and_says_so(
    question: Question, alice: User, charlie: User, heard: list[events.PostEvent]
) -> None:
    invitation = invite(question, charlie)
    assert (invitation.question, invitation.inviter, invitation.invitee) == (
        question,
        alice,
        charlie,
    )
    assert invitation.declined_at is None
    assert heard == [
        events.AnswerInvited(
            question_id=question.pk,
            actor_id=alice.pk,
            author_id=alice.pk,
            invitation_id=invitation.pk,
            invitee_id=charlie.pk,
        )
    ]


def test_only_the_asker_may_invite(question: Question, bob: User, charlie: User, mod: User) -> None:
    for someone in (bob, mod):
        with pytest.raises(PermissionDenied):
            answer_invite(question=question, inviter=someone, invitee=charlie)
    assert not AnswerInvitation.objects.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"locked_at": timezone.now()}, "locked"),
        ({"closed_at": timezone.now()}, "closed as a duplicate"),
        ({"is_deleted": True}, "deleted"),
        ({"visibility": Visibility.HELD}, "not published"),
    ],
)
def test_no_invitations_to_a_question_that_takes_no_answers(
    question: Question, charlie: User, change: dict[str, Any], message: str
) -> None:
    Question.objects.filter(pk=question.pk).update(**change)
    with pytest.raises(ValidationError, match=message):
        invite(question, charlie)


def test_refused_invitees(question: Question, alice: User, bob: User, charlie: User) -> None:
    with pytest.raises(ValidationError, match="your own question"):
        invite(question, alice)
    make_answer(question, bob)
    with pytest.raises(ValidationError, match="Bob Rivera has already answered"):
        invite(question, bob)
    charlie.is_active = False
    charlie.save(update_fields=["is_active"])
    with pytest.raises(ValidationError, match="No member"):
        invite(question, charlie)
    assert not AnswerInvitation.objects.exists()


def test_a_member_is_invited_once_even_after_declining(question: Question, charlie: User) -> None:
    invitation = invite(question, charlie)
    with pytest.raises(ValidationError, match="already invited Charlie Okafor"):
        invite(question, charlie)
    answer_invitation_decline(invitation=invitation, member=charlie)
    with pytest.raises(ValidationError, match="already invited"):
        invite(question, charlie)
    assert AnswerInvitation.objects.count() == 1


def test_a_question_has_at_most_so_many_invitations(
    question: Question, settings: Any, charlie: User
) -> None:
    settings.RUNG_INVITES_PER_QUESTION = 2
    first, second = invite(question, make_member()), invite(question, make_member())
    answer_invitation_decline(invitation=second, member=second.invitee)
    # Declined invitations count: declining does not give the asker another.
    with pytest.raises(ValidationError, match="can have 2 members invited"):
        invite(question, charlie)
    assert first.pk and AnswerInvitation.objects.count() == 2


def test_an_asker_sends_at_most_so_many_invitations_a_day(
    alice: User, settings: Any, charlie: User
) -> None:
    settings.RUNG_INVITES_PER_DAY = 2
    questions = [make_question(alice) for _ in range(3)]
    invite(questions[0], charlie)
    invite(questions[1], charlie)
    with pytest.raises(Limited) as refused:
        invite(questions[2], charlie)
    assert "2 invitations to answer a day" in refused.value.message
    assert 86_000 < refused.value.retry_after <= 86_401
    # A day after the first, one more may go.
    AnswerInvitation.objects.filter(question=questions[0]).update(
        created_at=timezone.now() - datetime.timedelta(days=1, seconds=1)
    )
    invite(questions[2], charlie)


def test_limits_off_lifts_both_invitation_limits(
    alice: User, question: Question, settings: Any
) -> None:
    settings.RUNG_INVITES_PER_QUESTION = 1
    settings.RUNG_INVITES_PER_DAY = 1
    settings.RUNG_RATE_LIMITS = False
    for _ in range(3):
        invite(question, make_member())
    assert AnswerInvitation.objects.filter(question=question).count() == 3


# Declining -----------------------------------------------------------------------------------


def test_the_invitee_declines_once(
    question: Question, alice: User, charlie: User, heard: list[events.PostEvent]
) -> None:
    invitation = invite(question, charlie)
    heard.clear()
    declined = answer_invitation_decline(invitation=invitation, member=charlie)
    assert declined.declined_at is not None
    again = answer_invitation_decline(invitation=invitation, member=charlie)
    assert again.declined_at == declined.declined_at
    assert heard == [
        events.AnswerInvitationDeclined(
            question_id=question.pk,
            actor_id=charlie.pk,
            author_id=alice.pk,
            invitation_id=invitation.pk,
            invitee_id=charlie.pk,
        )
    ]


def test_only_the_invitee_declines(
    question: Question, alice: User, bob: User, charlie: User
) -> None:
    invitation = invite(question, charlie)
    for someone in (alice, bob):
        with pytest.raises(PermissionDenied):
            answer_invitation_decline(invitation=invitation, member=someone)
    invitation.refresh_from_db()
    assert invitation.declined_at is None


# Pages ---------------------------------------------------------------------------------------


def page(client: Client, question: Question) -> str:
    response = client.get(question.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def invite_url(question: Question) -> str:
    return reverse("qa:answer_invite", args=[question.pk])


def test_the_asker_sees_suggestions_and_invites_without_javascript(
    question: Question, answerers: dict[str, User], alice_client: Client
) -> None:
    html = page(alice_client, question)
    assert "Invite someone to answer" in html
    assert "1 answer marked most helpful in Mid-level Engineer" in html
    assert 'name="username" value="erin"' in html
    assert "You can invite 4 more members to answer this question." in html
    response = alice_client.post(invite_url(question), {"username": "erin"}, follow=True)
    assert response.redirect_chain[-1][0].endswith("#invite-to-answer")
    html = response.content.decode()
    assert "Erin was invited to answer." in html
    assert AnswerInvitation.objects.filter(question=question, invitee__username="erin").exists()
    # Erin now appears among the invited, no longer among the suggestions.
    assert 'name="username" value="erin"' not in html
    assert "Invited" in html and "You can invite 3 more members" in html


def test_the_asker_invites_by_username_with_or_without_an_at_sign(
    question: Question, alice_client: Client, charlie: User
) -> None:
    response = alice_client.post(invite_url(question), {"username": " @Charlie "})
    assert response.status_code == 302
    assert AnswerInvitation.objects.get().invitee == charlie


@pytest.mark.parametrize(
    ("username", "message"),
    [
        ("", "This field is required."),
        ("nobody-here", "No member with that username."),
        ("alice", "This is your own question: invite someone else."),
        ("x" * 151, "at most 150 characters"),
    ],
)
def test_a_refused_invitation_says_why_with_400(
    question: Question, alice_client: Client, username: str, message: str
) -> None:
    response = alice_client.post(invite_url(question), {"username": username})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not AnswerInvitation.objects.exists()


def test_an_invitation_past_the_days_limit_gets_429(
    question: Question, alice_client: Client, settings: Any
) -> None:
    settings.RUNG_INVITES_PER_DAY = 1
    make_member("carol")
    assert alice_client.post(invite_url(question), {"username": "carol"}).status_code == 302
    response = alice_client.post(invite_url(question), {"username": make_member().username})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "invitation to answer a day" in response.content.decode()


def test_only_the_asker_sees_the_panel(
    question: Question, bob_client: Client, mod_client: Client, visitor: Client
) -> None:
    for client in (bob_client, mod_client, visitor):
        assert "Invite someone to answer" not in page(client, question)


def test_no_panel_on_a_locked_question(question: Question, alice_client: Client) -> None:
    Question.objects.filter(pk=question.pk).update(locked_at=timezone.now())
    assert "Invite someone to answer" not in page(alice_client, question)


def test_the_invitee_sees_who_invited_them_and_may_decline(
    question: Question, charlie: User, charlie_client: Client
) -> None:
    invitation = invite(question, charlie)
    html = page(charlie_client, question)
    assert "Alice Chen invited you to answer this question." in html
    decline = reverse("qa:answer_invitation_decline", args=[invitation.pk])
    assert f'action="{decline}"' in html
    response = charlie_client.post(decline, follow=True)
    assert response.redirect_chain[-1][0] == question.get_absolute_url()
    html = response.content.decode()
    assert "You declined the invitation to answer." in html
    assert "invited you to answer" not in html
    invitation.refresh_from_db()
    assert invitation.declined_at is not None


def test_an_anonymous_asker_is_not_revealed_to_the_invitee(
    alice: User, charlie: User, charlie_client: Client
) -> None:
    question = make_question(alice, is_anonymous=True)
    invite(question, charlie)
    html = page(charlie_client, question)
    assert "The asker invited you to answer this question." in html
    assert "Alice" not in html
    assert alice.get_absolute_url() not in html


def test_the_notice_is_the_invitees_alone_even_with_cached_answers(
    question: Question, bob: User, charlie: User, charlie_client: Client
) -> None:
    """The answers are cached for every member alike; the notice is rendered per reader."""
    make_answer(question, bob)
    dana = make_member("dana")
    dana_client = Client()
    dana_client.force_login(dana)
    invite(question, dana)
    assert "invited you to answer" not in page(charlie_client, question)
    assert "Alice Chen invited you to answer" in page(dana_client, question)
    assert "invited you to answer" not in page(charlie_client, question)


def test_the_notice_goes_once_the_invitee_answers(
    question: Question, charlie: User, charlie_client: Client
) -> None:
    invite(question, charlie)
    make_answer(question, charlie)
    assert "invited you to answer" not in page(charlie_client, question)


def test_no_one_else_may_decline(
    question: Question, charlie: User, bob_client: Client, alice_client: Client
) -> None:
    invitation = invite(question, charlie)
    decline = reverse("qa:answer_invitation_decline", args=[invitation.pk])
    for client in (bob_client, alice_client):
        assert client.post(decline).status_code == 404
    invitation.refresh_from_db()
    assert invitation.declined_at is None
