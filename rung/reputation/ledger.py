"""The reputation ledger: credits computed from what members did, and the totals over them.

One function, `question_credits`, turns a batch of questions, with their answers, likes,
most-helpful mark and outcome, into the credits their authors earn. The worker calls it
for the one question an event touched (`question_recount`); `ledger_rebuild` calls it for
every question in batches. Totals are sums over credits and posts, computed by the same
queries whether for a few members or all of them. So a rebuild from scratch and the
running ledger agree, and a test holds them to it.

The rules (docs/reputation.md):

- A like earns its post's author `QUESTION_LIKE_POINTS`, `ANSWER_LIKE_POINTS` or
  `REPLY_LIKE_POINTS`; the asker's most-helpful mark earns `HELPFUL_POINTS`; each answer the
  asker says helped in their outcome earns `OUTCOME_POINTS`, and `OUTCOME_MILESTONE_POINTS`
  more for a promotion or an accepted offer.
- Only live posts earn: published, not deleted, on a question that is published and not
  deleted. A post removed by moderators (or by its author) takes its credits with it, and
  they come back if it is published again.
- Nobody earns from themselves: their own likes, a most-helpful mark or an outcome on an
  answer to their own question.
- Likes from accounts signed up from one network within `SYBIL_WINDOW` of each other count
  once per post, and none of them counts on a post of an author from that network and time.
- A post shown without its author (an anonymous question, and its asker's own posts under
  it) earns `anonymous` credits: they count in the member's own total, never in the public
  reputation, the topic standings or anything a visitor sees.
"""

import datetime
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db import connection, models, transaction
from django.db.models import Count, F, Q, QuerySet, Sum
from django.utils import timezone

from rung.accounts.models import SignupNetwork, User
from rung.qa import services as qa_services
from rung.qa.models import Answer, Like, Outcome, OutcomeKind, Question, QuestionTopic, Visibility
from rung.qa.visibility import readable_answers_q
from rung.reputation import rules
from rung.reputation.models import Credit, CreditReason, Standing, TopicStanding

MILESTONES = frozenset({OutcomeKind.PROMOTED, OutcomeKind.OFFER_ACCEPTED})
ANSWER_LIKES = (CreditReason.ANSWER_LIKED, CreditReason.REPLY_LIKED)


@dataclass(frozen=True)
class Person:
    """What the like rule needs of a member: when they joined, and from which network."""

    joined: datetime.datetime
    network: str | None


People = Callable[[Iterable[int]], dict[int, Person]]


def people_read(member_ids: Iterable[int]) -> dict[int, Person]:
    """Read the people the like rule weighs, in one query."""
    ids = set(member_ids)
    if not ids:
        return {}
    rows = User.objects.filter(pk__in=ids).values_list(
        "pk", "date_joined", "signup_network__network"
    )
    return {pk: Person(joined, network) for pk, joined, network in rows}


def _near(a: Person | None, b: Person | None) -> bool:
    """Say whether two accounts are taken for one person: one network, joined close together."""
    if a is None or b is None or not a.network or a.network != b.network:
        return False
    return abs(a.joined - b.joined) <= rules.SYBIL_WINDOW


def counted_likers(
    author_id: int, likes: list[tuple[datetime.datetime, int, int]], people: dict[int, Person]
) -> list[tuple[int, datetime.datetime]]:
    """Return the likes of one post that count, as (liker, when), from (when, like id, liker).

    In the order they were given: a like counts unless it is the author's, comes from an
    account near the author, or from one near a like that already counted. Comparisons are
    only made within one network, so a post with many likes costs little.
    """
    author = people.get(author_id)
    counted_by_network: dict[str, list[Person]] = defaultdict(list)
    counted: list[tuple[int, datetime.datetime]] = []
    for when, _like_id, liker_id in sorted(likes):
        if liker_id == author_id:
            continue
        liker = people.get(liker_id)
        if _near(liker, author):
            continue
        if liker is not None and liker.network:
            same = counted_by_network[liker.network]
            if any(_near(liker, other) for other in same):
                continue
            same.append(liker)
        counted.append((liker_id, when))
    return counted


def _live(is_deleted: bool, visibility: str) -> bool:
    return not is_deleted and visibility == Visibility.PUBLISHED


def question_credits(question_ids: list[int], people: People = people_read) -> list[Credit]:
    """Return the credits the posts of these questions earn now (unsaved rows)."""
    if not question_ids:
        return []
    questions = {
        row[0]: row
        for row in Question.objects.filter(pk__in=question_ids).values_list(
            "pk",
            "author_id",
            "is_anonymous",
            "is_deleted",
            "visibility",
            "accepted_answer_id",
            "accepted_at",
            "created_at",
        )
    }
    live_questions = {pk for pk, row in questions.items() if _live(row[3], row[4])}
    if not live_questions:
        return []
    answers = {
        row[0]: row
        for row in Answer.objects.filter(question_id__in=live_questions).values_list(
            "pk", "question_id", "parent_id", "author_id", "is_deleted", "visibility", "created_at"
        )
    }
    live_answers = {pk for pk, row in answers.items() if _live(row[4], row[5])}
    question_likes: dict[int, list[tuple[datetime.datetime, int, int]]] = defaultdict(list)
    for question_id, when, like_id, user_id in Like.objects.filter(
        question_id__in=live_questions
    ).values_list("question_id", "created_at", "pk", "user_id"):
        question_likes[question_id].append((when, like_id, user_id))
    answer_likes: dict[int, list[tuple[datetime.datetime, int, int]]] = defaultdict(list)
    if live_answers:
        for answer_id, when, like_id, user_id in Like.objects.filter(
            answer__question_id__in=live_questions
        ).values_list("answer_id", "created_at", "pk", "user_id"):
            if answer_id in live_answers:
                answer_likes[answer_id].append((when, like_id, user_id))
    outcomes = {
        question_id: (kind, when)
        for question_id, kind, when in Outcome.objects.filter(
            question_id__in=live_questions
        ).values_list("question_id", "kind", "created_at")
    }
    helped: dict[int, list[int]] = defaultdict(list)
    if outcomes:
        through = Outcome.helped_answers.through._default_manager
        for question_id, answer_id in through.filter(outcome__question_id__in=outcomes).values_list(
            "outcome__question_id", "answer_id"
        ):
            helped[question_id].append(answer_id)
    involved = {questions[pk][1] for pk in live_questions}
    involved.update(answers[pk][3] for pk in live_answers)
    for likes in (*question_likes.values(), *answer_likes.values()):
        involved.update(user_id for _when, _id, user_id in likes)
    known = people(involved)

    credits: list[Credit] = []
    for question_id in sorted(live_questions):
        _pk, asker_id, anonymous, _d, _v, accepted_id, accepted_at, _c = questions[question_id]
        for liker_id, when in counted_likers(asker_id, question_likes[question_id], known):
            credits.append(
                Credit(
                    member_id=asker_id,
                    reason=CreditReason.QUESTION_LIKED,
                    points=rules.QUESTION_LIKE_POINTS,
                    question_id=question_id,
                    giver_id=liker_id,
                    anonymous=anonymous,
                    created_at=when,
                )
            )
    for answer_id in sorted(live_answers):
        _pk, question_id, parent_id, author_id, _d, _v, created_at = answers[answer_id]
        _qpk, asker_id, anonymous_question, _qd, _qv, accepted_id, accepted_at, _c = questions[
            question_id
        ]
        hidden = anonymous_question and author_id == asker_id
        is_reply = parent_id is not None
        for liker_id, when in counted_likers(author_id, answer_likes[answer_id], known):
            credits.append(
                Credit(
                    member_id=author_id,
                    reason=CreditReason.REPLY_LIKED if is_reply else CreditReason.ANSWER_LIKED,
                    points=rules.REPLY_LIKE_POINTS if is_reply else rules.ANSWER_LIKE_POINTS,
                    question_id=question_id,
                    answer_id=answer_id,
                    giver_id=liker_id,
                    anonymous=hidden,
                    created_at=when,
                )
            )
        if author_id == asker_id or is_reply:
            continue
        if accepted_id == answer_id:
            credits.append(
                Credit(
                    member_id=author_id,
                    reason=CreditReason.HELPFUL,
                    points=rules.HELPFUL_POINTS,
                    question_id=question_id,
                    answer_id=answer_id,
                    giver_id=asker_id,
                    created_at=accepted_at or created_at,
                )
            )
        if question_id in outcomes and answer_id in helped[question_id]:
            kind, when = outcomes[question_id]
            points = rules.OUTCOME_POINTS
            if kind in MILESTONES:
                points += rules.OUTCOME_MILESTONE_POINTS
            credits.append(
                Credit(
                    member_id=author_id,
                    reason=CreditReason.OUTCOME,
                    points=points,
                    question_id=question_id,
                    answer_id=answer_id,
                    giver_id=asker_id,
                    created_at=when,
                )
            )
    return credits


# Totals ------------------------------------------------------------------------------------


def _standing_rows(member_ids: set[int] | None) -> dict[int, tuple[int, int]]:
    """Return each member's (public, private) sum of credits."""
    credits = Credit.objects.all()
    if member_ids is not None:
        credits = credits.filter(member_id__in=member_ids)
    rows = (
        credits.order_by()
        .values("member_id")
        .annotate(
            public=Sum("points", filter=Q(anonymous=False), default=0),
            private=Sum("points", default=0),
        )
        .values_list("member_id", "public", "private")
    )
    return {member: (public, private) for member, public, private in rows}


def _in_topics[M: models.Model](
    rows: QuerySet[M], members: set[int] | None, topics: set[int] | None, member_field: str
) -> QuerySet[M]:
    if members is not None:
        rows = rows.filter(**{f"{member_field}__in": members})
    if topics is not None:
        rows = rows.filter(question__placements__topic_id__in=topics)
    return rows


def public_answers() -> QuerySet[Answer]:
    """Return the answers (not replies) anyone may read under their author's name.

    The one definition topic standings, expert lists and badges count: readable by a
    visitor, and not an anonymous asker's own answer under their question.
    """
    return (
        Answer.objects.filter(readable_answers_q(None), parent=None)
        .exclude(question__is_anonymous=True, author_id=F("question__author_id"))
        .order_by()
    )


def _topic_rows(
    members: set[int] | None, topics: set[int] | None
) -> dict[tuple[int, int], list[int]]:
    """Return [answers, helpful, likes, points] per (member, topic) from public posts."""
    totals: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    answers = _in_topics(public_answers(), members, topics, "author_id")
    for member, topic, count in (
        answers.values("author_id", "question__placements__topic_id")
        .annotate(n=Count("pk"))
        .values_list("author_id", "question__placements__topic_id", "n")
    ):
        row = totals[(member, topic)]
        row[0] = count
        row[3] += count * rules.EXPERT_ANSWER_POINTS
    credits = _in_topics(
        Credit.objects.filter(anonymous=False, answer__isnull=False).order_by(),
        members,
        topics,
        "member_id",
    )
    for member, topic, helpful, likes, points in (
        credits.values("member_id", "question__placements__topic_id")
        .annotate(
            helpful=Count("pk", filter=Q(reason=CreditReason.HELPFUL)),
            likes=Count("pk", filter=Q(reason__in=ANSWER_LIKES)),
            points=Sum("points"),
        )
        .values_list("member_id", "question__placements__topic_id", "helpful", "likes", "points")
    ):
        row = totals[(member, topic)]
        row[1], row[2] = helpful, likes
        row[3] += points
    return totals


def _standings_save(members: set[int], rows: dict[int, tuple[int, int]]) -> None:
    now = timezone.now()
    existing = dict(Standing.objects.filter(member_id__in=members).values_list("pk", "reputation"))
    fresh: list[Standing] = []
    for member in members:
        public, private = rows.get(member, (0, 0))
        if member in existing:
            Standing.objects.filter(pk=member).update(
                reputation=public, private_reputation=private, updated_at=now
            )
        else:
            fresh.append(Standing(member_id=member, reputation=public, private_reputation=private))
        if existing.get(member, 0) != public:
            # A queryset update, not a save: bylines in kept pages may show the old number
            # until they are rendered again, rather than every kept page being thrown away.
            User.objects.filter(pk=member).update(reputation=public)
    Standing.objects.bulk_create(fresh, ignore_conflicts=True)


def _topic_standings_save(
    members: set[int], topics: set[int], totals: dict[tuple[int, int], list[int]]
) -> None:
    TopicStanding.objects.filter(member_id__in=members, topic_id__in=topics).delete()
    TopicStanding.objects.bulk_create(
        [
            TopicStanding(
                member_id=member, topic_id=topic, answers=a, helpful=h, likes=likes, points=p
            )
            for (member, topic), (a, h, likes, p) in totals.items()
            if member in members and topic in topics and (a or h or likes or p)
        ]
    )


def answer_weight(points: int) -> int:
    """Return how much a like weighs (hundredths) on an answer whose author has `points` in the
    question's topics: 1 with none, 2 at 90, 3 at 990, at most 4."""
    return 100 + min(300, int(100 * math.log10(1 + max(0, points) / 10)))


def _answers_weigh(question_id: int) -> None:
    """Weigh the likes of a question's answers by their authors' standing in its topics."""
    topics = list(
        QuestionTopic.objects.filter(question_id=question_id).values_list("topic_id", flat=True)
    )
    answers = list(
        Answer.objects.filter(question_id=question_id, parent=None).values_list("pk", "author_id")
    )
    if not answers:
        return
    best: dict[int, int] = defaultdict(int)
    for member, points in TopicStanding.objects.filter(
        topic_id__in=topics, member_id__in={author for _pk, author in answers}
    ).values_list("member_id", "points"):
        best[member] = max(best[member], points)
    qa_services.answers_weigh(
        question_id, {pk: answer_weight(best[author]) for pk, author in answers}
    )


# Writes ------------------------------------------------------------------------------------


def question_recount(question_id: int, *, extra_topic_ids: Iterable[int] = ()) -> None:
    """Compute a question's credits again and the totals of everyone they touch.

    Holds the question's row while it works, so two recounts of one question (two workers
    hearing two likes) run one after the other. `extra_topic_ids` are topics the question
    left (a move), whose standings lose its posts.
    """
    with transaction.atomic():
        if not Question.objects.select_for_update().filter(pk=question_id).exists():
            return
        old = set(
            Credit.objects.filter(question_id=question_id).values_list("member_id", flat=True)
        )
        Credit.objects.filter(question_id=question_id).delete()
        credits = question_credits([question_id])
        Credit.objects.bulk_create(credits)
        members = old | {credit.member_id for credit in credits}
        members.update(
            Answer.objects.filter(question_id=question_id).values_list("author_id", flat=True)
        )
        members.update(Question.objects.filter(pk=question_id).values_list("author_id", flat=True))
        topics = set(
            QuestionTopic.objects.filter(question_id=question_id).values_list("topic_id", flat=True)
        )
        topics.update(extra_topic_ids)
        _standings_save(members, _standing_rows(members))
        _topic_standings_save(members, topics, _topic_rows(members, topics))
    _answers_weigh(question_id)


def _members_reputation_copy(public: dict[int, int]) -> None:
    """Copy public reputations onto the members' rows (bylines read them there)."""
    current = dict(User.objects.exclude(reputation=0).values_list("pk", "reputation"))
    by_value: dict[int, list[int]] = defaultdict(list)
    for member, value in public.items():
        by_value[value].append(member)
    by_value[0].extend(member for member in current if member not in public)
    for value, members in by_value.items():
        changed = [m for m in members if current.get(m, 0) != value]
        for ids in _batches(changed, 500):
            User.objects.filter(pk__in=ids).update(reputation=value)


def _batches(ids: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def ledger_rebuild(*, batch: int = 500, progress: Callable[[int, int], None] | None = None) -> int:
    """Compute every credit and total from scratch; return the number of credits.

    Reads people once, then questions in batches of `batch`; writes in one transaction, so
    readers see the old numbers until the new ones are whole.
    """
    everyone: dict[int, Person] = {}
    networks = dict(SignupNetwork.objects.values_list("member_id", "network"))
    for pk, joined in User.objects.values_list("pk", "date_joined").iterator(chunk_size=5000):
        everyone[pk] = Person(joined, networks.get(pk))

    def known(ids: Iterable[int]) -> dict[int, Person]:
        return everyone

    question_ids = list(Question.objects.order_by("pk").values_list("pk", flat=True))
    total = 0
    with transaction.atomic():
        Credit.objects.all().delete()
        for done, ids in enumerate(_batches(question_ids, batch)):
            credits = question_credits(ids, people=known)
            Credit.objects.bulk_create(credits, batch_size=2000)
            total += len(credits)
            if progress is not None:
                progress(min((done + 1) * batch, len(question_ids)), len(question_ids))
        Standing.objects.all().delete()
        rows = _standing_rows(None)
        _members_reputation_copy({member: public for member, (public, _p) in rows.items()})
        Standing.objects.bulk_create(
            [
                Standing(member_id=m, reputation=p, private_reputation=a)
                for m, (p, a) in rows.items()
            ],
            batch_size=2000,
        )
        TopicStanding.objects.all().delete()
        TopicStanding.objects.bulk_create(
            [
                TopicStanding(member_id=m, topic_id=t, answers=a, helpful=h, likes=lk, points=p)
                for (m, t), (a, h, lk, p) in _topic_rows(None, None).items()
                if a or h or lk or p
            ],
            batch_size=2000,
        )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE reputation_credit")
    return total


def weights_rebuild() -> int:
    """Weigh the answers of every answered question again; return how many questions."""
    question_ids = list(
        Answer.objects.filter(parent=None)
        .order_by()
        .values_list("question_id", flat=True)
        .distinct()
    )
    for question_id in question_ids:
        _answers_weigh(question_id)
    return len(question_ids)
