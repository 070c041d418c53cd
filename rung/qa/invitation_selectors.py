"""Reads for invitations to answer: whom to suggest, whom the asker invited, who was invited.

Suggestions come from public answers only (published, not deleted, on published questions,
and never an anonymous asker's own posts), so they show the asker nothing a reader of
those questions could not see.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Exists, F, Q, Sum
from django.db.models.expressions import RawSQL
from django.utils.translation import ngettext

from rung.accounts.models import User
from rung.core.prepared_sql import PreparedRows
from rung.qa.models import Answer, AnswerInvitation, Question, QuestionTopic, Topic, Visibility

SUGGESTIONS = 5
# Answers to this many of the newest questions of each topic make a member's record there.
RECENT_QUESTIONS_PER_TOPIC = 500


@dataclass(frozen=True)
class InviteSuggestion:
    """A member who answered well in one of the question's topics, and their record there."""

    member: User
    topic_name: str
    helpful: int
    likes: int

    @property
    def reason(self) -> str:
        """Say why the member is suggested, by their best record in one topic."""
        if self.helpful:
            return ngettext(
                "%(count)d answer marked most helpful in %(topic)s",
                "%(count)d answers marked most helpful in %(topic)s",
                self.helpful,
            ) % {"count": self.helpful, "topic": self.topic_name}
        return ngettext(
            "%(count)d like on answers in %(topic)s",
            "%(count)d likes on answers in %(topic)s",
            self.likes,
        ) % {"count": self.likes, "topic": self.topic_name}


def _answered(question: Question) -> Q:
    """Match answers whose author already answered this question."""
    # One list, read once through the question's answers: a subquery per row, correlated on
    # the author, would read every answer of every candidate.
    return Q(
        author_id__in=Answer.objects.filter(
            question=question, parent=None, is_deleted=False
        ).values("author_id")
    )


def _newest_questions(topic_ids: list[int]) -> RawSQL:
    """Return the ids of the newest listed questions of each topic, as one subquery.

    One index seek per topic (`qtopic_newest_idx`), each with its own LIMIT, joined with
    UNION ALL and wrapped as derived tables, as `selectors._ids_of` does for answers.
    """
    parts: list[str] = []
    params: list[object] = []
    for n, topic_id in enumerate(topic_ids):
        branch = (
            QuestionTopic.objects.filter(topic_id=topic_id, is_visible=True)
            .order_by("-created_at", "-question")
            .values("question_id")[:RECENT_QUESTIONS_PER_TOPIC]
        )
        sql, branch_params = branch.query.sql_with_params()
        parts.append(f"SELECT * FROM ({sql}) AS topic_{n}")
        params.extend(branch_params)
    return RawSQL(" UNION ALL ".join(parts), params)


def invite_suggestions(question: Question, limit: int = SUGGESTIONS) -> list[InviteSuggestion]:
    """Return up to `limit` members to invite: those who answered best in the question's topics.

    The topics are the question's own and the topic of the asker's level; in each, the
    answers to its newest RECENT_QUESTIONS_PER_TOPIC questions count, so the work is
    bounded however large a topic grows, and the record is a recent one. Each member is
    ranked by their best topic: answers marked most helpful, then likes received, then
    answers written, on published answers (not replies) to published questions, leaving out
    an anonymous asker's answers to their own question. The asker, members already invited
    or who answered this question, and inactive members are left out, as are members whose
    answers there have neither a mark nor a like. Three short queries: the topics, the
    ranking, the members.
    """
    in_topics = Q(placements__question=question)
    if question.ctx_level_id is not None:
        in_topics |= Q(level_id=question.ctx_level_id)
    topic_names = dict(Topic.objects.filter(in_topics).distinct().values_list("pk", "name"))
    if not topic_names:
        return []
    topic_ids = sorted(topic_names)
    ranked = (
        Answer.objects.filter(
            # Answers are found through their questions: "neither held nor hidden" keeps
            # SQLite, which has no statistics to tell it how few that leaves out, from
            # walking the visibility index over every published answer instead.
            ~Q(visibility__in=[Visibility.HELD, Visibility.HIDDEN]),
            question_id__in=_newest_questions(topic_ids),
            question__placements__topic_id__in=topic_ids,
            parent=None,
            is_deleted=False,
            question__is_deleted=False,
            question__visibility=Visibility.PUBLISHED,
            author__is_active=True,
        )
        .exclude(author_id=question.author_id)
        .exclude(question__is_anonymous=True, author_id=F("question__author_id"))
        .exclude(
            author_id__in=AnswerInvitation.objects.filter(question=question).values("invitee_id")
        )
        .exclude(_answered(question))
        .values("author_id", topic_id=F("question__placements__topic_id"))
        .annotate(
            helpful=Count("pk", filter=Q(question__accepted_answer_id=F("pk"))),
            like_total=Sum("like_count"),
            answer_total=Count("pk"),
        )
        .filter(Q(helpful__gt=0) | Q(like_total__gt=0))
        .order_by("-helpful", "-like_total", "-answer_total", "author_id", "topic_id")
    )
    # A member's best topic is their first row; with one row per member and topic, the
    # first `limit` members are among this many rows.
    best: dict[int, dict[str, Any]] = {}
    for row in ranked[: limit * len(topic_ids)]:
        if len(best) < limit:
            best.setdefault(row["author_id"], dict(row))
    members = User.objects.select_related("level").in_bulk(list(best))
    return [
        InviteSuggestion(
            member=members[author_id],
            topic_name=topic_names[row["topic_id"]],
            helpful=row["helpful"],
            likes=row["like_total"] or 0,
        )
        for author_id, row in best.items()
        if author_id in members
    ]


def invitations_sent(question: Question) -> list[AnswerInvitation]:
    """Return the invitations the asker sent for a question, oldest first, with the invitees."""
    return list(
        AnswerInvitation.objects.filter(question=question)
        .select_related("invitee")
        .order_by("created_at", "pk")
    )


def invitation_for_reader(question: Question, member: User) -> AnswerInvitation | None:
    """Return the member's open invitation to answer a question: not declined, not answered.

    Most members were never invited to most questions: the questions a member was ever
    invited to are kept in the shared cache, so their other pages read no invitation.
    """
    if question.pk not in invited_question_ids(member.pk):
        return None
    return (
        AnswerInvitation.objects.filter(question=question, invitee=member, declined_at=None)
        .exclude(
            Exists(
                Answer.objects.filter(
                    question=question, author=member, parent=None, is_deleted=False
                )
            )
        )
        .first()
    )


def _invited_key(member_id: int) -> str:
    return f"invited:1:{member_id}"


def invited_question_ids(member_id: int) -> frozenset[int]:
    """Return the questions a member was ever invited to answer (declined and answered too)."""
    key = _invited_key(member_id)
    ids: frozenset[int] | None = cache.get(key)
    if ids is None:
        ids = frozenset(row[0] for row in _invited_ids.rows(member_id))
        cache.set(key, ids, None)
    return ids


# Read on a member's question page whenever the kept list is missing: compiled once.
_invited_ids = PreparedRows(
    lambda member_id: AnswerInvitation.objects.filter(invitee_id=member_id).values_list(
        "question_id"
    )
)


def invited_question_ids_forget(member_id: int) -> None:
    """Read a member's invitations afresh: now, and again once the new one is committed,
    so a page read in between cannot keep the list without it."""
    key = _invited_key(member_id)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def invitation_saved(instance: AnswerInvitation, created: bool, **kwargs: Any) -> None:
    """Forget the invitee's list when an invitation is made, however it is made."""
    if created:
        invited_question_ids_forget(instance.invitee_id)


@dataclass(frozen=True)
class InvitePanel:
    """What the asker sees under their question: whom to invite, and whom they invited."""

    suggestions: list[InviteSuggestion]
    sent: list[AnswerInvitation]
    # How many more members the question may have invited; None without limits.
    remaining: int | None


def invite_panel(question: Question) -> InvitePanel:
    """Return the asker's panel for inviting members to answer their question."""
    sent = invitations_sent(question)
    remaining = None
    if settings.RUNG_RATE_LIMITS:
        remaining = max(0, settings.RUNG_INVITES_PER_QUESTION - len(sent))
    suggestions = invite_suggestions(question) if remaining != 0 else []
    return InvitePanel(suggestions=suggestions, sent=sent, remaining=remaining)
