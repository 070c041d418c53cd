"""Held and hidden posts leave every public path and come back whole; locks, closing, moderators.

alice has a question held for review and an answer hidden by a moderator (on bob's
question); the visitor, charlie and bob must not find either anywhere: pages, feeds,
profiles, counts, histories, permalinks, search, similar questions, suggestions. alice
sees her own posts with a notice, mod sees them with a badge, and publishing them again
brings back everything, counts included.
"""

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.accounts.roles import MODERATORS_GROUP, is_administrator, is_moderator
from rung.core.ratelimit import Limited
from rung.qa import events, moderation_services, services
from rung.qa.events import PostEvent
from rung.qa.models import Answer, Question, Topic, Visibility
from rung.search.models import SearchEntry
from rung.search.selectors import question_suggestions, similar_questions
from rung.testing import make_answer, make_member, make_question

pytestmark = pytest.mark.django_db

HELD_TITLE = "Zebrafinch quarterly calibration: how do I prepare my packet?"
HIDDEN_BODY = "Rude words about the asker and a quokkaphrase nobody else uses."


@dataclass
class Story:
    held: Question  # alice's, waiting for review
    open: Question  # bob's, published
    hidden: Answer  # alice's answer to bob's question, hidden
    reply: Answer  # alice's reply to charlie's answer, held
    charlie_answer: Answer


@pytest.fixture
def story(alice: User, bob: User, charlie: User, mod: User) -> Story:
    held = make_question(alice, title=HELD_TITLE, topics=["mid-level"])
    open_ = make_question(
        bob, title="Zebrafinch calibration packet: what goes in it?", topics=["mid-level"]
    )
    hidden = make_answer(open_, alice, body=HIDDEN_BODY)
    charlie_answer = make_answer(open_, charlie, body="Write down three outcomes.")
    reply = make_answer(open_, alice, parent=charlie_answer, body="Held reply wombatword.")
    moderation_services.post_visibility_set(post=held, visibility=Visibility.HELD, actor=alice)
    moderation_services.post_visibility_set(
        post=hidden, visibility=Visibility.HIDDEN, actor=mod, reason="Rude to the asker"
    )
    moderation_services.post_visibility_set(post=reply, visibility=Visibility.HELD, actor=alice)
    for post in (held, open_, hidden, reply, charlie_answer):
        post.refresh_from_db()
    return Story(held, open_, hidden, reply, charlie_answer)


def _client(member: User | None) -> Client:
    client = Client()
    if member is not None:
        client.force_login(member)
    return client


def _public_pages(story: Story, alice: User) -> list[str]:
    return [
        reverse("home"),
        reverse("qa:topic", args=["mid-level"]),
        story.open.get_absolute_url(),
        reverse("qa:answer_replies", args=[story.charlie_answer.pk]),
        alice.get_absolute_url(),
    ]


def _search(client: Client, words: str) -> str:
    return client.get(reverse("search:search"), {"q": words}).content.decode()


def _assert_absent_for(client: Client, story: Story, alice: User) -> None:
    for url in _public_pages(story, alice):
        page = client.get(url).content.decode()
        assert HELD_TITLE not in page, url
        assert "quokkaphrase" not in page, url
        assert "wombatword" not in page, url
    # The search page repeats the query: what must be missing is the result.
    assert story.held.get_absolute_url() not in _search(client, "zebrafinch quarterly")
    assert story.open.get_absolute_url() not in _search(client, "quokkaphrase")
    assert story.open.get_absolute_url() not in _search(client, "wombatword")
    for url in (
        story.held.get_absolute_url(),
        reverse("qa:question_history", args=[story.held.pk]),
        reverse("qa:answer", args=[story.hidden.pk]),
        reverse("qa:answer_history", args=[story.hidden.pk]),
        reverse("qa:answer", args=[story.reply.pk]),
        reverse("qa:answer_replies", args=[story.hidden.pk]),
    ):
        assert client.get(url).status_code == 404, url


def test_held_and_hidden_posts_leave_every_public_path(
    story: Story, alice: User, bob: User, charlie: User
) -> None:
    for member in (None, charlie, bob):
        _assert_absent_for(_client(member), story, alice)
    # Counts count published posts only.
    story.open.refresh_from_db()
    assert story.open.answer_count == 1
    assert Topic.objects.get(slug="mid-level").question_count == 1
    # Search drops them from its index, similar questions and suggestions.
    assert not SearchEntry.objects.filter(question_id=story.held.pk).exists()
    entry = SearchEntry.objects.get(question_id=story.open.pk)
    assert "quokkaphras" not in entry.body_terms and "wombatword" not in entry.body_terms
    assert story.held not in similar_questions(story.open)
    titles = [hit.question.title for hit in question_suggestions("Zebrafinch calibration packet")]
    assert HELD_TITLE not in titles


def test_a_cached_page_never_serves_a_post_hidden_after_it_was_cached(
    alice: User, bob: User, charlie: User, mod: User
) -> None:
    question = make_question(bob)
    answer = make_answer(question, alice, body="Soon hidden: kakapoword.")
    visitor, member = _client(None), _client(charlie)
    for client in (visitor, member):
        assert "kakapoword" in client.get(question.get_absolute_url()).content.decode()
    moderation_services.post_visibility_set(post=answer, visibility=Visibility.HIDDEN, actor=mod)
    for client in (visitor, member):
        assert "kakapoword" not in client.get(question.get_absolute_url()).content.decode()
    # alice's own copy shows it with her notice; the shared copies stay without it.
    assert "Edit it to ask for another review" in (
        _client(alice).get(question.get_absolute_url()).content.decode()
    )
    assert "kakapoword" not in visitor.get(question.get_absolute_url()).content.decode()


def test_the_author_sees_a_notice_and_a_moderator_a_badge(
    story: Story, alice: User, mod: User
) -> None:
    author, moderator = _client(alice), _client(mod)
    held_page = author.get(story.held.get_absolute_url()).content.decode()
    assert "Waiting for review: only you and the moderators" in held_page
    assert "Your answer" not in held_page  # a held question takes no answers yet
    thread = author.get(story.open.get_absolute_url()).content.decode()
    assert "quokkaphrase" in thread and "wombatword" in thread
    assert "Hidden: Rude to the asker." in thread
    assert "Edit it to ask for another review." in thread
    profile = author.get(alice.get_absolute_url()).content.decode()
    assert HELD_TITLE in profile and "Waiting for review" in profile

    assert "Held for review" in moderator.get(story.held.get_absolute_url()).content.decode()
    thread = moderator.get(story.open.get_absolute_url()).content.decode()
    assert "quokkaphrase" in thread and "Hidden: Rude to the asker" in thread
    assert "Edit it to ask" not in thread


def test_publishing_again_brings_everything_back(
    story: Story, alice: User, bob: User, charlie: User, mod: User
) -> None:
    for post in (story.held, story.hidden, story.reply):
        moderation_services.post_visibility_set(
            post=post, visibility=Visibility.PUBLISHED, actor=mod
        )
    story.open.refresh_from_db()
    assert story.open.answer_count == 2
    assert Topic.objects.get(slug="mid-level").question_count == 2
    assert SearchEntry.objects.filter(question_id=story.held.pk).exists()
    for member in (None, charlie, bob):
        client = _client(member)
        assert HELD_TITLE in client.get(reverse("home")).content.decode()
        assert HELD_TITLE in client.get(reverse("qa:topic", args=["mid-level"])).content.decode()
        thread = client.get(story.open.get_absolute_url()).content.decode()
        assert "quokkaphrase" in thread and "wombatword" in thread
        assert "Hidden:" not in thread
        assert story.held.get_absolute_url() in _search(client, "zebrafinch quarterly")
        assert story.open.get_absolute_url() in _search(client, "quokkaphrase")
        assert client.get(story.held.get_absolute_url()).status_code == 200


def test_visibility_changes_say_what_was_wrong(story: Story, mod: User) -> None:
    with pytest.raises(ValidationError, match="already hidden"):
        moderation_services.post_visibility_set(
            post=story.hidden, visibility=Visibility.HIDDEN, actor=mod
        )
    with pytest.raises(ValidationError, match="already waiting for review"):
        moderation_services.post_visibility_set(
            post=story.held, visibility=Visibility.HELD, actor=mod
        )
    with pytest.raises(ValidationError, match="already published"):
        moderation_services.post_visibility_set(
            post=story.open, visibility=Visibility.PUBLISHED, actor=mod
        )
    with pytest.raises(ValidationError, match="Choose published"):
        moderation_services.post_visibility_set(post=story.open, visibility="gone", actor=mod)
    services.question_delete(question=story.open, actor=mod)
    with pytest.raises(ValidationError, match="deleted"):
        moderation_services.post_visibility_set(
            post=story.open, visibility=Visibility.HIDDEN, actor=mod
        )


def test_held_posts_cannot_be_liked_answered_or_replied_to(
    story: Story, alice: User, bob: User, mod: User
) -> None:
    with pytest.raises(ValidationError, match="not published"):
        make_answer(story.held, bob)
    with pytest.raises(ValidationError, match="not available for replies"):
        make_answer(story.open, bob, parent=story.hidden)
    with pytest.raises(ValidationError, match="Only published posts"):
        services.like_toggle(user=mod, target=story.hidden)


# --- locking and closing ------------------------------------------------------------------


def test_a_locked_question_refuses_answers_and_says_so(
    alice: User, bob: User, mod: User, bob_client: Client
) -> None:
    question = make_question(alice)
    answer = make_answer(question, bob)
    moderation_services.question_lock_set(question=question, actor=mod, locked=True)
    with pytest.raises(ValidationError, match="already locked"):
        moderation_services.question_lock_set(question=question, actor=mod, locked=True)
    response = bob_client.post(
        reverse("qa:answer_create", args=[question.pk]), {"body": "One more answer."}
    )
    assert response.status_code == 400
    assert "This question is locked: it takes no new answers." in response.content.decode()
    response = bob_client.post(reverse("qa:reply_create", args=[answer.pk]), {"body": "A reply."})
    assert response.status_code == 400
    assert Answer.objects.filter(question=question).count() == 1
    page = bob_client.get(question.get_absolute_url()).content.decode()
    assert "Locked by the moderators" in page
    assert "Post your answer" not in page and "Post reply" not in page
    moderation_services.question_lock_set(question=question, actor=mod, locked=False)
    with pytest.raises(ValidationError, match="not locked"):
        moderation_services.question_lock_set(question=question, actor=mod, locked=False)
    assert "Post your answer" in bob_client.get(question.get_absolute_url()).content.decode()


def test_closing_as_duplicate_links_the_original_and_refuses_answers(
    alice: User, bob: User, mod: User, bob_client: Client
) -> None:
    original = make_question(bob, title="How do I write a promotion packet?")
    copy = make_question(alice, title="Promotion packet: how to write it?")
    moderation_services.question_close_as_duplicate(question=copy, duplicate_of=original, actor=mod)
    page = bob_client.get(copy.get_absolute_url()).content.decode()
    assert "Closed as a duplicate of" in page
    assert f'href="{original.get_absolute_url()}"' in page
    assert "Post your answer" not in page
    response = bob_client.post(reverse("qa:answer_create", args=[copy.pk]), {"body": "Answer."})
    assert response.status_code == 400
    assert "answer the original question instead" in response.content.decode()
    with pytest.raises(ValidationError, match="already closed"):
        moderation_services.question_close_as_duplicate(
            question=copy, duplicate_of=original, actor=mod
        )
    moderation_services.question_reopen(question=copy, actor=mod)
    with pytest.raises(ValidationError, match="not closed"):
        moderation_services.question_reopen(question=copy, actor=mod)
    copy.refresh_from_db()
    assert copy.duplicate_of is None and copy.takes_answers


def test_a_question_is_no_duplicate_of_itself_a_deleted_a_held_or_a_closed_one(
    alice: User, bob: User, mod: User
) -> None:
    question = make_question(alice)
    with pytest.raises(ValidationError, match="duplicate of itself"):
        moderation_services.question_close_as_duplicate(
            question=question, duplicate_of=question, actor=mod
        )
    deleted = make_question(bob)
    services.question_delete(question=deleted, actor=bob)
    with pytest.raises(ValidationError, match="was deleted"):
        moderation_services.question_close_as_duplicate(
            question=question, duplicate_of=deleted, actor=mod
        )
    held = make_question(bob)
    moderation_services.post_visibility_set(post=held, visibility=Visibility.HELD, actor=mod)
    with pytest.raises(ValidationError, match="not published"):
        moderation_services.question_close_as_duplicate(
            question=question, duplicate_of=held, actor=mod
        )
    first, second = make_question(bob), make_question(bob)
    moderation_services.question_close_as_duplicate(question=second, duplicate_of=first, actor=mod)
    # Closing first against second would make a loop.
    with pytest.raises(ValidationError, match="itself closed"):
        moderation_services.question_close_as_duplicate(
            question=first, duplicate_of=second, actor=mod
        )


def test_only_moderators_lock_close_move_and_mass_delete(alice: User, charlie: User) -> None:
    question = make_question(alice)
    other = make_question(alice)
    topics = list(Topic.objects.filter(slug="promotions"))
    for attempt in (
        lambda: moderation_services.question_lock_set(
            question=question, actor=charlie, locked=True
        ),
        lambda: moderation_services.question_close_as_duplicate(
            question=question, duplicate_of=other, actor=charlie
        ),
        lambda: moderation_services.question_topics_set(
            question=question, topics=topics, actor=charlie
        ),
        lambda: moderation_services.member_posts_delete(member=alice, actor=charlie),
    ):
        with pytest.raises(PermissionDenied):
            attempt()


def test_moving_topics_moves_the_feed_and_the_counts(
    alice: User, mod: User, client: Client
) -> None:
    question = make_question(alice, topics=["mid-level"])
    moderation_services.question_topics_set(
        question=question, topics=list(Topic.objects.filter(slug="promotions")), actor=mod
    )
    assert (
        question.title not in client.get(reverse("qa:topic", args=["mid-level"])).content.decode()
    )
    assert question.title in client.get(reverse("qa:topic", args=["promotions"])).content.decode()
    assert Topic.objects.get(slug="mid-level").question_count == 0
    assert Topic.objects.get(slug="promotions").question_count == 1
    with pytest.raises(ValidationError, match="already in those topics"):
        moderation_services.question_topics_set(
            question=question, topics=list(Topic.objects.filter(slug="promotions")), actor=mod
        )


# --- moderators on the existing pages ---------------------------------------------------


def test_a_moderator_edits_and_deletes_anyones_posts_through_the_pages(
    alice: User, bob: User, mod: User, mod_client: Client
) -> None:
    question = make_question(alice)
    answer = make_answer(question, bob)
    page = mod_client.get(question.get_absolute_url()).content.decode()
    assert reverse("qa:question_edit", args=[question.pk]) in page
    assert reverse("qa:answer_edit", args=[answer.pk]) in page
    response = mod_client.post(
        reverse("qa:answer_edit", args=[answer.pk]), {"body": "Edited by a moderator."}
    )
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.body == "Edited by a moderator."
    assert answer.revisions.last().editor == mod  # type: ignore[union-attr]
    assert mod_client.post(reverse("qa:answer_delete", args=[answer.pk])).status_code == 302
    assert mod_client.post(reverse("qa:question_delete", args=[question.pk])).status_code == 302
    question.refresh_from_db()
    assert question.is_deleted


def test_the_moderator_role_is_staff_superuser_or_the_group(alice: User, mod: User) -> None:
    from django.contrib.auth.models import Group

    assert is_moderator(mod) and not is_moderator(alice) and not is_administrator(mod)
    member = make_member()
    member.groups.add(Group.objects.get_or_create(name=MODERATORS_GROUP)[0])
    assert is_moderator(User.objects.get(pk=member.pk))
    member.is_active = False
    assert not is_moderator(member)
    boss = make_member(is_superuser=True)
    assert is_moderator(boss) and is_administrator(boss)


# --- deleting a member's posts at once ----------------------------------------------------


def test_deleting_a_spammers_posts_leaves_feeds_search_and_counts_consistent(
    alice: User, bob: User, mod: User, client: Client
) -> None:
    spammer = make_member("spammer")
    spam = make_question(spammer, title="Cheap emus capybaraspam", topics=["mid-level"])
    make_answer(spam, bob, body="Is this spam?")
    real = make_question(alice, topics=["mid-level"])
    make_answer(real, spammer, body="Buy capybaraspam now")
    helpful = make_answer(real, spammer, body="Also capybaraspam")
    make_answer(real, bob, parent=helpful, body="Reported.")
    make_answer(real, spammer, parent=helpful, body="capybaraspam reply")
    services.answer_mark_helpful(question=real, answer=helpful, actor=alice)
    assert moderation_services.member_posts_delete(member=spammer, actor=mod) == 4
    assert not Question.objects.filter(author=spammer, is_deleted=False).exists()
    assert not Answer.objects.filter(author=spammer, is_deleted=False).exists()
    real.refresh_from_db()
    assert real.answer_count == 0 and real.accepted_answer_id is None
    assert Topic.objects.get(slug="mid-level").question_count == 1
    assert not SearchEntry.objects.filter(question_id=spam.pk).exists()
    assert "capybaraspam" not in SearchEntry.objects.get(question_id=real.pk).body_terms
    for url in (reverse("home"), reverse("qa:topic", args=["mid-level"])):
        assert "capybaraspam" not in client.get(url).content.decode()
    found = client.get(reverse("search:search"), {"q": "capybaraspam"}).content.decode()
    assert spam.get_absolute_url() not in found and real.get_absolute_url() not in found
    assert "capybaraspam" not in client.get(real.get_absolute_url()).content.decode()


# --- events -----------------------------------------------------------------------------


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[PostEvent]]:
    seen: list[PostEvent] = []
    registry = {key: list(value) for key, value in events._subscribers.items()}
    monkeypatch.setattr(events, "_subscribers", events.defaultdict(list, registry))
    for event_type in (
        events.PostVisibilityChanged,
        events.QuestionLocked,
        events.QuestionClosed,
        events.QuestionMoved,
    ):
        events.subscribe(event_type, seen.append, in_transaction=True)
    yield seen


def test_moderation_writes_announce_what_happened(
    heard: list[PostEvent], alice: User, bob: User, mod: User
) -> None:
    question = make_question(alice, topics=["mid-level"])
    original = make_question(bob)
    answer = make_answer(question, bob)
    moderation_services.post_visibility_set(
        post=answer, visibility=Visibility.HIDDEN, actor=mod, reason="Rude"
    )
    moderation_services.question_lock_set(question=question, actor=mod, locked=True)
    moderation_services.question_close_as_duplicate(
        question=question, duplicate_of=original, actor=mod
    )
    moderation_services.question_reopen(question=question, actor=mod)
    promotions = Topic.objects.get(slug="promotions")
    moderation_services.question_topics_set(question=question, topics=[promotions], actor=mod)
    q, mid = question.pk, Topic.objects.get(slug="mid-level").pk
    assert heard == [
        events.PostVisibilityChanged(
            question_id=q,
            actor_id=mod.pk,
            author_id=bob.pk,
            kind="answer",
            post_id=answer.pk,
            visibility="hidden",
            previous="published",
            reason="Rude",
        ),
        events.QuestionLocked(question_id=q, actor_id=mod.pk, author_id=alice.pk, locked=True),
        events.QuestionClosed(
            question_id=q, actor_id=mod.pk, author_id=alice.pk, duplicate_of_id=original.pk
        ),
        events.QuestionClosed(
            question_id=q, actor_id=mod.pk, author_id=alice.pk, duplicate_of_id=None
        ),
        events.QuestionMoved(
            question_id=q,
            actor_id=mod.pk,
            author_id=alice.pk,
            topic_ids=(promotions.pk,),
            previous_topic_ids=(mid,),
        ),
    ]


def test_search_listens_to_visibility_changes_in_the_transaction() -> None:
    from rung.search import indexing

    assert (indexing._on_post_event, True) in events.subscribers(events.PostVisibilityChanged)


# --- a subscriber that refuses the write ------------------------------------------------


@pytest.fixture
def refusing(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Exception]]:
    """Make the in-transaction subscribers of new posts and likes raise what the test puts here."""
    raised: list[Exception] = []
    registry = {key: list(value) for key, value in events._subscribers.items()}
    monkeypatch.setattr(events, "_subscribers", events.defaultdict(list, registry))

    def refuse(event: PostEvent) -> None:
        if raised:
            raise raised[0]

    for event_type in (events.QuestionAsked, events.AnswerPosted, events.PostLiked):
        events.subscribe(event_type, refuse, in_transaction=True)
    yield raised


def test_a_limit_raised_by_a_subscriber_answers_429_with_retry_after(
    refusing: list[Exception], alice: User, bob_client: Client
) -> None:
    question = make_question(alice)
    refusing.append(Limited("You have posted many answers in the last hour.", retry_after=120))
    response = bob_client.post(
        reverse("qa:answer_create", args=[question.pk]), {"body": "A fine answer."}
    )
    assert response.status_code == 429
    assert response["Retry-After"] == "120"
    assert "You have posted many answers in the last hour." in response.content.decode()
    assert not Answer.objects.filter(question=question).exists()

    like = reverse("qa:question_like", args=[question.pk])
    response = bob_client.post(like, headers={"HX-Request": "true"})
    assert response.status_code == 429 and response["Retry-After"] == "120"
    assert response.content.decode() == "You have posted many answers in the last hour."
    response = bob_client.post(like)
    assert response.status_code == 429 and response["Retry-After"] == "120"
    assert "<h1>" in response.content.decode()
    question.refresh_from_db()
    assert question.like_count == 0

    before = Question.objects.count()
    response = bob_client.post(
        reverse("qa:ask"),
        {
            "title": "A question too many",
            "body": "Refused by the limit.",
            "topics": [Topic.objects.get(slug="mid-level").pk],
        },
    )
    assert response.status_code == 429 and response["Retry-After"] == "120"
    assert Question.objects.count() == before


def test_a_validation_error_raised_by_a_subscriber_is_a_400_and_saves_nothing(
    refusing: list[Exception], alice: User, bob_client: Client
) -> None:
    question = make_question(alice)
    refusing.append(ValidationError("Links to that domain are not allowed."))
    response = bob_client.post(
        reverse("qa:answer_create", args=[question.pk]), {"body": "See spam.example"}
    )
    assert response.status_code == 400
    assert "Links to that domain are not allowed." in response.content.decode()
    assert "Retry-After" not in response
    assert not Answer.objects.filter(question=question).exists()
    question.refresh_from_db()
    assert question.answer_count == 0


# --- the admin --------------------------------------------------------------------------


def test_the_admin_lists_posts_hides_anonymous_authors_and_acts_through_services(
    alice: User, bob: User, mod: User, mod_client: Client
) -> None:
    anonymous = make_question(alice, title="Anonymous platypusword question", is_anonymous=True)
    answer = make_answer(anonymous, bob, body="An answer to hide.")
    changelist = reverse("admin:qa_question_changelist")
    page = mod_client.get(changelist, {"visibility__exact": "published"}).content.decode()
    assert "Anonymous platypusword question" in page
    assert "alice (Alice Chen)" not in page
    # A moderator's search by the author's name does not unmask an anonymous question.
    assert "platypusword" not in mod_client.get(changelist, {"q": "alice"}).content.decode()
    answers = reverse("admin:qa_answer_changelist")
    assert mod_client.get(answers).status_code == 200
    response = mod_client.post(
        answers, {"action": "hide", "_selected_action": [answer.pk]}, follow=True
    )
    assert response.status_code == 200
    answer.refresh_from_db()
    anonymous.refresh_from_db()
    assert answer.visibility == Visibility.HIDDEN and anonymous.answer_count == 0
    assert mod_client.get(reverse("admin:qa_answer_change", args=[answer.pk])).status_code == 200
    change = mod_client.get(reverse("admin:qa_question_change", args=[anonymous.pk]))
    assert change.status_code == 200 and "Alice Chen" not in change.content.decode()
    assert _client(alice).get(changelist).status_code == 302  # members are sent to log in
