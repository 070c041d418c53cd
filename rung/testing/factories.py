"""Factories: one place that knows how to build valid members and posts."""

import itertools
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from django.db.models import F
from django.utils import timezone
from django.utils.html import escape

from rung.accounts.models import User
from rung.ladder.models import Axis, Level, RatingScale
from rung.moderation.models import Standing, TrustLevel
from rung.qa import services
from rung.qa.models import Answer, Question, Topic

PASSWORD = "correct horse battery staple"
_counter = itertools.count(1)


def make_member(
    username: str | None = None, *, trust_level: int = TrustLevel.MEMBER, **fields: Any
) -> User:
    """Create an active member with a known password, at a moderation trust level.

    The cast are members in good standing ("member"), so the limits and spam holds meant
    for brand-new accounts stay out of other apps' stories; `trust_level=TrustLevel.NEW`
    makes an account as moderation sees one on the day it signs up.
    """
    username = username or f"member{next(_counter)}"
    fields.setdefault("email", f"{username}@example.com")
    fields.setdefault("display_name", username.title())
    member = User.objects.create_user(username=username, password=PASSWORD, **fields)
    Standing.objects.create(member=member, trust_level=trust_level)
    return member


def make_card(**overrides: Any) -> services.ContextCard:
    """Return the core story's context card: mid-level, Impact E, Teamwork M+, Technical M."""
    scale = RatingScale.objects.get(slug="e-m-i")
    codes = overrides.pop("ratings", {"impact": "E", "teamwork": "M+", "technical-skills": "M"})
    values: dict[str, Any] = {
        "level": Level.objects.get(slug="mid-level"),
        "years": 4,
        "scale": scale,
        "ratings": {
            Axis.objects.get(slug=axis): scale.choices.get(code=code)
            for axis, code in codes.items()
        },
        "focus": "Moving from feature work to owning a system",
        "feedback_wanted": "Which habits to change first",
    }
    values.update(overrides)
    return services.ContextCard(**values)


def make_question(author: User, *, topics: list[str] | None = None, **fields: Any) -> Question:
    """Post a question through the service, as a member would."""
    n = next(_counter)
    fields.setdefault("title", f"How do I grow from mid-level to senior? ({n})")
    fields.setdefault("body", "I lead small features. What should I change to show ownership?")
    topic_objs = list(Topic.objects.filter(slug__in=topics or ["mid-level"]))
    return services.question_create(author=author, topics=topic_objs, **fields)


def make_answer(question: Question, author: User, **fields: Any) -> Answer:
    fields.setdefault("body", "Pick one system nobody owns and become its owner.")
    return services.answer_create(question=question, author=author, **fields)


def bulk_answers(
    question: Question,
    authors: Sequence[User],
    count: int,
    *,
    parent: Answer | None = None,
    body: str = "Ask for the criteria in writing and revisit them together each month.",
    like_counts: Sequence[int] = (),
    start: datetime | None = None,
    step: timedelta = timedelta(seconds=1),
) -> list[Answer]:
    """Add `count` answers (or replies to `parent`) in one insert, oldest first.

    Services would take minutes for thousands of posts; the rows come out as they would
    leave them, except that nothing is indexed for search and no revisions are kept.
    """
    start = start or timezone.now() - step * (count + 1)
    rows = [
        Answer(
            question=question,
            parent=parent,
            author=authors[i % len(authors)],
            body=f"{body} ({i})",
            body_html=f"<p>{escape(body)} ({i})</p>",
            language="en",
            like_count=like_counts[i] if like_counts else 0,
            helpful_rank=(like_counts[i] if like_counts else 0) * 100,
            created_at=start + step * i,
        )
        for i in range(count)
    ]
    Answer.objects.bulk_create(rows, batch_size=500)
    added = 0 if parent is not None else count
    Question.objects.filter(pk=question.pk).update(
        answer_count=F("answer_count") + added, version=F("version") + 1
    )
    question.refresh_from_db()
    return rows
