"""What a member's question page keeps between requests: the question's joined rows and
the questions a member was invited to. Each must follow the writes that change it at once."""

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.test import Client

from rung.accounts.models import User
from rung.qa import invitation_selectors, selectors, thread_selectors
from rung.qa.invitation_services import answer_invite
from rung.qa.models import Answer, AnswerInvitation, Like, Question, Topic, Visibility
from rung.qa.moderation_services import post_visibility_set, question_close_as_duplicate
from rung.qa.visibility import readable, readable_q
from rung.testing import make_answer, make_member, make_question

pytestmark = pytest.mark.django_db


def test_kept_question_costs_one_query(
    question: Question, bob: User, django_assert_num_queries: Any
) -> None:
    """Once its joined rows are kept, reading a question is its own row alone."""
    selectors.question_get_visible(question.pk, viewer=bob)
    with django_assert_num_queries(1):
        again = selectors.question_get_visible(question.pk, viewer=bob)
    assert again.author.name == "Alice Chen"
    assert again.title == question.title


def test_question_hidden_by_a_moderator_is_gone_at_once(
    question: Question, bob_client: Client, alice_client: Client, mod: User
) -> None:
    url = question.get_absolute_url()
    assert bob_client.get(url).status_code == 200
    post_visibility_set(post=question, visibility=Visibility.HIDDEN, actor=mod, reason="spam")
    assert bob_client.get(url).status_code == 404
    # The author still reads it, with its notice.
    assert alice_client.get(url).status_code == 200


@pytest.mark.parametrize("change", [{"visibility": Visibility.HELD}, {"is_deleted": True}])
def test_question_row_is_read_afresh_even_without_a_new_version(
    question: Question, bob: User, alice: User, change: dict[str, object]
) -> None:
    """Who may read is decided on the row as it is now, never on what was kept."""
    selectors.question_get_visible(question.pk, viewer=bob)
    Question.objects.filter(pk=question.pk).update(**change)
    with pytest.raises(Http404):
        selectors.question_get_visible(question.pk, viewer=bob)
    if "visibility" in change:
        assert selectors.question_get_visible(question.pk, viewer=alice).pk == question.pk


def test_view_count_is_current_on_a_kept_question(question: Question, bob: User) -> None:
    selectors.question_get_visible(question.pk, viewer=bob)
    Question.objects.filter(pk=question.pk).update(view_count=41)
    assert selectors.question_get_visible(question.pk, viewer=bob).view_count == 41


def test_renamed_asker_shows_at_once(question: Question, bob: User, alice: User) -> None:
    selectors.question_get_visible(question.pk, viewer=bob)
    alice.display_name = "Alice Wong"
    alice.save()
    assert selectors.question_get_visible(question.pk, viewer=bob).author.name == "Alice Wong"


def test_hidden_duplicate_target_is_no_longer_linked_at_once(
    question: Question, alice: User, bob_client: Client, mod: User
) -> None:
    """The question a closed one duplicates is read afresh, not kept with the closed one."""
    target = make_question(alice, title="The original question about calibration")
    question_close_as_duplicate(question=question, duplicate_of=target, actor=mod)
    url = question.get_absolute_url()
    assert target.title in bob_client.get(url).content.decode()
    post_visibility_set(post=target, visibility=Visibility.HIDDEN, actor=mod, reason="spam")
    page = bob_client.get(url).content.decode()
    assert target.title not in page and "Closed as a duplicate." in page


def test_readable_agrees_with_the_filter(alice: User, bob: User, mod: User) -> None:
    """The check in Python and the SQL filter let the same viewers read the same posts."""
    viewers = [None, AnonymousUser(), alice, bob, mod]
    for visibility in Visibility.values:
        for deleted in (False, True):
            Question.objects.all().delete()
            post = make_question(alice)
            Question.objects.filter(pk=post.pk).update(visibility=visibility, is_deleted=deleted)
            post.refresh_from_db()
            for viewer in viewers:
                in_sql = Question.objects.filter(readable_q(viewer), pk=post.pk).exists()
                assert readable(post, viewer) is in_sql, (visibility, deleted, viewer)


def test_new_invitation_shows_at_once(question: Question, bob_client: Client, bob: User) -> None:
    """A member who read the question before being invited sees the invitation next time."""
    url = question.get_absolute_url()
    assert b"invited you to answer" not in bob_client.get(url).content
    answer_invite(question=question, inviter=question.author, invitee=bob)
    assert b"invited you to answer" in bob_client.get(url).content


def test_invitation_made_outside_the_service_shows_at_once(
    question: Question, bob_client: Client, bob: User
) -> None:
    url = question.get_absolute_url()
    bob_client.get(url)
    AnswerInvitation.objects.create(question=question, inviter=question.author, invitee=bob)
    assert b"invited you to answer" in bob_client.get(url).content


def test_uninvited_member_reads_no_invitation(
    question: Question, bob: User, django_assert_num_queries: Any
) -> None:
    invitation_selectors.invitation_for_reader(question, bob)
    with django_assert_num_queries(0):
        assert invitation_selectors.invitation_for_reader(question, bob) is None


def test_invitation_to_another_member_leaves_the_list_of_others(
    question: Question, bob: User
) -> None:
    erin = make_member("erin")
    assert invitation_selectors.invited_question_ids(bob.pk) == frozenset()
    answer_invite(question=question, inviter=question.author, invitee=erin)
    assert invitation_selectors.invited_question_ids(erin.pk) == {question.pk}
    assert invitation_selectors.invited_question_ids(bob.pk) == frozenset()


def test_home_topics_keep_their_counters_current(alice: User) -> None:
    """The home page's topics come from the cache, with versions and counts read afresh."""
    selectors.home_topics()
    Topic.objects.filter(slug="mid-level").update(question_count=77, feed_version=50)
    levels, subjects, version = selectors.home_topics()
    mid = next(topic for topic in (*levels, *subjects) if topic.slug == "mid-level")
    assert (mid.question_count, mid.feed_version) == (77, 50)
    assert version == sum(Topic.objects.values_list("feed_version", flat=True))


def test_a_topic_removed_is_gone_from_the_home_topics() -> None:
    levels, subjects, _version = selectors.home_topics()
    gone = subjects[0]
    Topic.objects.filter(pk=gone.pk).delete()
    levels, subjects, _version = selectors.home_topics()
    assert gone.pk not in {topic.pk for topic in (*levels, *subjects)}


def test_reader_marks_say_what_of_a_thread_is_the_members_own(
    question: Question, alice: User, bob: User
) -> None:
    """Likes on the question and its answers, and a post of theirs however it is shown."""
    other = make_question(alice)
    answer = make_answer(question, alice)
    elsewhere = make_answer(other, bob)
    assert thread_selectors.reader_marks(AnonymousUser(), question) == (False, set(), False)
    assert thread_selectors.reader_marks(bob, question) == (False, set(), False)

    Like.objects.create(user=bob, question=question)
    Like.objects.create(user=bob, answer=answer)
    Like.objects.create(user=bob, answer=elsewhere)
    assert thread_selectors.reader_marks(bob, question) == (True, {answer.pk}, False)

    reply = make_answer(question, bob, parent=answer)
    assert thread_selectors.reader_marks(bob, question).wrote
    # Held or hidden, the post is still theirs to see; deleted, it is gone.
    Answer.objects.filter(pk=reply.pk).update(visibility=Visibility.HIDDEN)
    assert thread_selectors.reader_marks(bob, question).wrote
    Answer.objects.filter(pk=reply.pk).update(is_deleted=True)
    assert not thread_selectors.reader_marks(bob, question).wrote
    # The asker's own question is not a post on its thread.
    assert not thread_selectors.reader_marks(alice, other).wrote


def test_a_member_whose_answer_was_held_reads_it_on_their_own_copy(
    question: Question, bob: User, bob_client: Client
) -> None:
    """Whether a member wrote on a thread is read with their likes for each request: an
    answer held without a new version still sends its author to a copy of their own,
    which shows it with its notice, while other members keep the shared copy."""
    url = question.get_absolute_url()
    mine = make_answer(question, bob, body="Write down what you shipped each week.")
    carol = make_member("carol")
    carol_client = Client()
    carol_client.force_login(carol)
    assert "Write down what you shipped" in carol_client.get(url).content.decode()
    Answer.objects.filter(pk=mine.pk).update(visibility=Visibility.HELD)
    bobs_page = bob_client.get(url).content.decode()
    assert "Write down what you shipped" in bobs_page
    assert "Waiting for review" in bobs_page
