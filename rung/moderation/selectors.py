"""Reads for the moderation pages: the queue, a member's record, the audit log."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q

from rung.accounts.models import User
from rung.moderation.models import AuditEntry, Flag, Penalty, Review, SpamDomain, Standing
from rung.qa.models import Answer, Post, Question
from rung.qa.posts import post_author_hidden

QUEUE_PAGE = 30
AUDIT_PAGE = 50


@dataclass
class QueueItem:
    review: Review
    post: Post | None
    flags: list[Flag]
    flag_weight: float
    # Anonymous questions keep their author from moderators too.
    author: User | None
    anonymous: bool


def review_queue_count() -> int:
    """Count the posts waiting for a moderator."""
    return Review.objects.filter(resolved_at=None).count()


def review_queue(*, before: tuple[datetime, int] | None = None) -> list[QueueItem]:
    """Return a page of the queue, newest first, with each post and its open flags.

    Four queries whatever the page holds: the reviews, their questions, their answers
    and their flags.
    """
    reviews = Review.objects.filter(resolved_at=None).order_by("-created_at", "-id")
    if before is not None:
        created, pk = before
        reviews = reviews.filter(Q(created_at__lt=created) | Q(created_at=created, id__lt=pk))
    page = list(reviews[:QUEUE_PAGE])
    question_ids = [r.post_id for r in page if r.post_kind == "question"]
    answer_ids = [r.post_id for r in page if r.post_kind != "question"]
    posts: dict[tuple[str, int], Post] = {}
    for question in Question.objects.filter(pk__in=question_ids).select_related("author"):
        posts["question", question.pk] = question
    for answer in Answer.objects.filter(pk__in=answer_ids).select_related("author", "question"):
        posts["reply" if answer.parent_id else "answer", answer.pk] = answer
    flags: dict[tuple[str, int], list[Flag]] = {}
    wanted = Q(pk__in=[])
    for review in page:
        wanted |= Q(post_kind=review.post_kind, post_id=review.post_id)
    for flag in Flag.objects.filter(wanted, resolved_at=None).order_by("created_at"):
        flags.setdefault((flag.post_kind, flag.post_id), []).append(flag)
    items = []
    for review in page:
        post = posts.get((review.post_kind, review.post_id))
        its_flags = flags.get((review.post_kind, review.post_id), [])
        # The asker's own answers and replies under an anonymous question name them too.
        anonymous = post is not None and post_author_hidden(post)
        items.append(
            QueueItem(
                review=review,
                post=post,
                flags=its_flags,
                flag_weight=round(sum(f.weight for f in its_flags), 2),
                author=None if anonymous or post is None else post.author,
                anonymous=anonymous,
            )
        )
    return items


@dataclass
class MemberRecord:
    member: User
    standing: Standing | None
    penalties: list[Penalty]
    post_count: int
    flags_given: int


def member_record(member: User) -> MemberRecord:
    """Return what a moderator needs to judge a member: standing, penalties, posts, flags."""
    posts = sum(
        model.objects.filter(author=member, is_deleted=False).count()
        for model in (Question, Answer)
    )
    return MemberRecord(
        member=member,
        standing=Standing.objects.filter(member=member).first(),
        penalties=list(Penalty.objects.filter(member=member).order_by("-created_at")[:20]),
        post_count=posts,
        flags_given=Flag.objects.filter(flagger=member).count(),
    )


def audit_page(*, before: int | None = None) -> list[AuditEntry]:
    """Return a page of the audit log, newest first."""
    entries = AuditEntry.objects.order_by("-id")
    if before is not None:
        entries = entries.filter(id__lt=before)
    return list(entries[:AUDIT_PAGE])


def spam_domains() -> list[SpamDomain]:
    """Return the blocked domains, newest first."""
    return list(SpamDomain.objects.order_by("-created_at")[:200])


def flag_totals() -> dict[str, int]:
    """Count open flags by reason, for the queue's heading."""
    rows = Flag.objects.filter(resolved_at=None).values("reason").annotate(n=Count("id"))
    return {row["reason"]: row["n"] for row in rows}
