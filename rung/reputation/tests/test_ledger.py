"""The reputation ledger: rules, the like rule for accounts made together, and rebuilds."""

import datetime
import io
import random
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from rung.accounts.models import SignupNetwork, User
from rung.qa import moderation_services, services
from rung.qa.models import Answer, Question, Topic
from rung.qa.outcomes import outcome_post
from rung.reputation import ledger, rules
from rung.reputation.models import Credit, Standing, TopicStanding
from rung.testing.factories import make_answer, make_member, make_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_tasks(django_capture_on_commit_callbacks: Any) -> Callable[..., Any]:
    """Run a write and what it queued once it committed (the recount tasks run at once)."""

    def run(write: Callable[[], Any]) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return write()

    return run


def reputation(member: User) -> tuple[int, int]:
    standing = Standing.objects.filter(member=member).first()
    return (standing.reputation, standing.private_reputation) if standing else (0, 0)


def topic_row(member: User, slug: str) -> tuple[int, int, int, int] | None:
    row = TopicStanding.objects.filter(member=member, topic__slug=slug).first()
    return (row.answers, row.helpful, row.likes, row.points) if row else None


def like(run: Callable[..., Any], member: User, post: Any) -> None:
    run(lambda: services.like_toggle(user=member, target=post))


def test_likes_marks_and_outcomes_earn_by_the_rules(run_tasks: Any) -> None:
    asker, answerer, reader = make_member(), make_member(), make_member()
    question = run_tasks(lambda: make_question(asker))
    answer = run_tasks(lambda: make_answer(question, answerer))
    like(run_tasks, reader, answer)
    like(run_tasks, reader, question)
    assert reputation(answerer) == (rules.ANSWER_LIKE_POINTS,) * 2
    assert reputation(asker) == (rules.QUESTION_LIKE_POINTS,) * 2

    run_tasks(lambda: services.answer_mark_helpful(question=question, answer=answer, actor=asker))
    after_mark = rules.ANSWER_LIKE_POINTS + rules.HELPFUL_POINTS
    assert reputation(answerer)[0] == after_mark

    run_tasks(
        lambda: outcome_post(
            question=question,
            member=asker,
            kind="promoted",
            note="",
            helped_answer_ids=[answer.pk],
        )
    )
    earned = after_mark + rules.OUTCOME_POINTS + rules.OUTCOME_MILESTONE_POINTS
    assert reputation(answerer)[0] == earned
    assert topic_row(answerer, "mid-level") == (
        1,
        1,
        1,
        rules.EXPERT_ANSWER_POINTS + earned,
    )

    # Taking the like back takes its points back.
    like(run_tasks, reader, answer)
    assert reputation(answerer)[0] == earned - rules.ANSWER_LIKE_POINTS


def test_nobody_earns_from_themselves(run_tasks: Any) -> None:
    asker, reader = make_member(), make_member()
    question = run_tasks(lambda: make_question(asker))
    own = run_tasks(lambda: make_answer(question, asker))
    run_tasks(lambda: services.answer_mark_helpful(question=question, answer=own, actor=asker))
    assert reputation(asker) == (0, 0)
    # The rule itself refuses the author's own like, whatever a service allows.
    people = ledger.people_read([asker.pk, reader.pk])
    when = timezone.now()
    assert ledger.counted_likers(asker.pk, [(when, 1, asker.pk), (when, 2, reader.pk)], people) == [
        (reader.pk, when)
    ]


def test_a_post_removed_by_moderators_takes_its_credits_and_gives_them_back(
    run_tasks: Any,
) -> None:
    asker, answerer, reader = make_member(), make_member(), make_member()
    moderator = make_member(is_staff=True)
    question = run_tasks(lambda: make_question(asker))
    answer = run_tasks(lambda: make_answer(question, answerer))
    like(run_tasks, reader, answer)
    assert reputation(answerer)[0] == rules.ANSWER_LIKE_POINTS

    run_tasks(
        lambda: moderation_services.post_visibility_set(
            post=answer, visibility="hidden", actor=moderator, reason="Off topic"
        )
    )
    assert reputation(answerer) == (0, 0)
    assert topic_row(answerer, "mid-level") is None

    run_tasks(
        lambda: moderation_services.post_visibility_set(
            post=Answer.objects.get(pk=answer.pk), visibility="published", actor=moderator
        )
    )
    assert reputation(answerer)[0] == rules.ANSWER_LIKE_POINTS

    # A removed question takes its answers' credits too.
    run_tasks(lambda: services.question_delete(question=question, actor=moderator))
    assert reputation(answerer) == (0, 0)


def test_anonymous_posts_earn_privately_and_never_in_topics(run_tasks: Any) -> None:
    asker, answerer, reader = make_member(), make_member(), make_member()
    question = run_tasks(lambda: make_question(asker, is_anonymous=True))
    own = run_tasks(lambda: make_answer(question, asker))
    theirs = run_tasks(lambda: make_answer(question, answerer))
    like(run_tasks, reader, question)
    like(run_tasks, reader, own)
    like(run_tasks, reader, theirs)
    # The asker's total grows only where nobody else sees it.
    assert reputation(asker) == (0, rules.QUESTION_LIKE_POINTS + rules.ANSWER_LIKE_POINTS)
    assert topic_row(asker, "mid-level") is None
    # Another member's answer on an anonymous question is theirs, in public.
    assert reputation(answerer)[0] == rules.ANSWER_LIKE_POINTS
    assert topic_row(answerer, "mid-level") == (1, 0, 1, 12)
    assert Credit.objects.filter(member=asker, anonymous=False).count() == 0


def _network(member: User, key: str, joined: datetime.datetime) -> None:
    User.objects.filter(pk=member.pk).update(date_joined=joined)
    SignupNetwork.objects.create(member=member, network=key)


def test_likes_from_accounts_made_together_on_one_network_count_once(run_tasks: Any) -> None:
    now = timezone.now()
    author, reader = make_member(), make_member()
    question = run_tasks(lambda: make_question(reader))
    answer = run_tasks(lambda: make_answer(question, author))
    _network(author, "office", now - datetime.timedelta(days=300))
    twins = [make_member() for _ in range(3)]
    for n, twin in enumerate(twins):
        _network(twin, "home", now - datetime.timedelta(hours=5 * n))
    late = make_member()
    _network(late, "home", now - datetime.timedelta(days=3))
    elsewhere = make_member()
    _network(elsewhere, "cafe", now - datetime.timedelta(hours=1))
    for liker in [*twins, late, elsewhere]:
        like(run_tasks, liker, answer)
    # Three accounts from one network within a day count once; one from that network made
    # days apart counts, as does one from another network.
    assert reputation(author)[0] == 3 * rules.ANSWER_LIKE_POINTS

    # Accounts made beside the author's own count for nothing on the author's posts.
    sock = make_member()
    _network(sock, "office", now - datetime.timedelta(days=300, hours=2))
    like(run_tasks, sock, answer)
    assert reputation(author)[0] == 3 * rules.ANSWER_LIKE_POINTS


def test_a_sign_up_records_its_network_for_the_rule() -> None:
    # Accounts with no network row (made by an operator or an import) always count.
    people = {1: ledger.Person(timezone.now(), None), 2: ledger.Person(timezone.now(), None)}
    when = timezone.now()
    assert len(ledger.counted_likers(3, [(when, 1, 1), (when, 2, 2)], people)) == 2


def test_topic_totals_are_per_topic_for_a_question_in_two(run_tasks: Any) -> None:
    asker, answerer, reader = make_member(), make_member(), make_member()
    question = run_tasks(lambda: make_question(asker, topics=["mid-level", "senior"]))
    answer = run_tasks(lambda: make_answer(question, answerer))
    like(run_tasks, reader, answer)
    row = (1, 0, 1, rules.EXPERT_ANSWER_POINTS + rules.ANSWER_LIKE_POINTS)
    assert topic_row(answerer, "mid-level") == row
    assert topic_row(answerer, "senior") == row

    # Moved out of a topic, the question's posts leave that topic's standings.
    moderator = make_member(is_staff=True)
    run_tasks(
        lambda: moderation_services.question_topics_set(
            question=question, topics=[Topic.objects.get(slug="senior")], actor=moderator
        )
    )
    assert topic_row(answerer, "mid-level") is None
    assert topic_row(answerer, "senior") == row


def test_likes_weigh_by_the_answerers_standing_in_the_topic(run_tasks: Any) -> None:
    asker, expert, newcomer = make_member(), make_member(), make_member()
    readers = [make_member() for _ in range(4)]
    earlier = run_tasks(lambda: make_question(asker))
    proven = run_tasks(lambda: make_answer(earlier, expert))
    for reader in readers:
        like(run_tasks, reader, proven)
    question = run_tasks(lambda: make_question(asker))
    by_newcomer = run_tasks(lambda: make_answer(question, newcomer))
    by_expert = run_tasks(lambda: make_answer(question, expert))
    like(run_tasks, readers[0], by_newcomer)
    like(run_tasks, readers[1], by_expert)
    newcomer_answer = Answer.objects.get(pk=by_newcomer.pk)
    expert_answer = Answer.objects.get(pk=by_expert.pk)
    assert newcomer_answer.author_weight < expert_answer.author_weight
    assert expert_answer.helpful_rank == expert_answer.like_count * expert_answer.author_weight
    assert expert_answer.helpful_rank > newcomer_answer.helpful_rank
    assert ledger.answer_weight(0) == 100
    assert ledger.answer_weight(90) == 200
    assert ledger.answer_weight(10**9) == 400


def _snapshot() -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    credits = set(
        Credit.objects.values_list(
            "member_id", "reason", "points", "question_id", "answer_id", "giver_id", "anonymous"
        )
    )
    standings = set(
        Standing.objects.exclude(reputation=0, private_reputation=0).values_list(
            "member_id", "reputation", "private_reputation"
        )
    )
    # Bylines read the public number from the member's row: it follows the ledger.
    assert {(m, r) for m, r, _p in standings if r} == set(
        User.objects.exclude(reputation=0).values_list("pk", "reputation")
    )
    topics = set(
        TopicStanding.objects.values_list(
            "member_id", "topic_id", "answers", "helpful", "likes", "points"
        )
    )
    return credits, standings, topics


def test_a_rebuild_from_scratch_reaches_the_running_numbers(
    django_capture_on_commit_callbacks: Any,
) -> None:
    """Random activity, recounted event by event, then rebuilt: the numbers are the same."""
    rng = random.Random(18)
    now = timezone.now()
    members = [make_member() for _ in range(12)]
    for n, member in enumerate(members[:6]):
        _network(member, "shared" if n % 2 else f"net{n}", now - datetime.timedelta(hours=n))
    moderator = make_member(is_staff=True)
    topics = ["mid-level", "senior", "staff"]
    questions: list[Question] = []
    answers: list[Answer] = []
    for _ in range(60):
        roll = rng.random()
        actor = rng.choice(members)
        if roll < 0.15 or not questions:
            chosen = rng.sample(topics, rng.randint(1, 2))
            anonymous = rng.random() < 0.3
            with django_capture_on_commit_callbacks(execute=True):
                questions.append(make_question(actor, topics=chosen, is_anonymous=anonymous))
        elif roll < 0.4:
            question = rng.choice(questions)
            with django_capture_on_commit_callbacks(execute=True):
                answers.append(make_answer(question, actor))
        elif roll < 0.75:
            target: Any = rng.choice([*answers, *questions])
            target.refresh_from_db()
            if target.author_id != actor.pk and not target.is_deleted and target.is_published:
                with django_capture_on_commit_callbacks(execute=True):
                    services.like_toggle(user=actor, target=target)
        elif roll < 0.85 and answers:
            answer = rng.choice(answers)
            question = Question.objects.get(pk=answer.question_id)
            fresh = Answer.objects.get(pk=answer.pk)
            if not fresh.is_deleted and fresh.is_published and not question.is_deleted:
                with django_capture_on_commit_callbacks(execute=True):
                    services.answer_mark_helpful(
                        question=question, answer=fresh, actor=question.author
                    )
        elif roll < 0.92 and answers:
            answer = Answer.objects.get(pk=rng.choice(answers).pk)
            if not answer.is_deleted:
                visibility = "published" if answer.visibility == "hidden" else "hidden"
                with django_capture_on_commit_callbacks(execute=True):
                    moderation_services.post_visibility_set(
                        post=answer, visibility=visibility, actor=moderator, reason="x"
                    )
        elif answers:
            question = Question.objects.get(pk=rng.choice(answers).question_id)
            choices = [
                a.pk
                for a in Answer.objects.filter(
                    question=question, parent=None, is_deleted=False, visibility="published"
                ).exclude(author_id=question.author_id)
            ]
            if choices and not question.is_deleted:
                with django_capture_on_commit_callbacks(execute=True):
                    outcome_post(
                        question=question,
                        member=question.author,
                        kind=rng.choice(["promoted", "still_working"]),
                        note=str(rng.random()),
                        helped_answer_ids=rng.sample(choices, 1),
                    )
    running = _snapshot()
    assert running[0], "the story earned nothing; it tests nothing"
    ledger.ledger_rebuild(batch=7)
    assert _snapshot() == running
    out = io.StringIO()
    call_command("reputation_rebuild", "--weights", stdout=out)
    assert "credits" in out.getvalue()
    assert _snapshot() == running
