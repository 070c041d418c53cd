"""Fill an empty database with demo members, questions, answers, replies, likes, views and
the outcomes some askers posted, and the demo lessons, whose videos the task worker makes."""

import itertools
import random
from datetime import timedelta
from typing import Any, cast

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from rung.accounts.employers import employer_verification_confirm
from rung.accounts.models import User
from rung.accounts.roles import MODERATORS_GROUP
from rung.demo.data import QUESTIONS, USERS
from rung.demo.data_more import MORE_QUESTIONS, MORE_USERS
from rung.demo.lessons.scripts import LESSONS
from rung.demo.lessons.services import demo_lessons_create
from rung.demo.tasks import render_demo_lesson
from rung.ladder.models import Axis, CompanyLevel, Level, RatingChoice, RatingScale, Track
from rung.notifications.models import WatchLevel
from rung.notifications.services import follow_set
from rung.qa import services
from rung.qa.models import Like, Question, Topic
from rung.qa.outcomes import outcome_answer_choices, outcome_post
from rung.reputation import ledger
from rung.reputation.badges import badges_check

DEMO_PASSWORD = "rung-demo-password"
DEMO_MEMBERS_JOINED_DAYS_AGO = 730
# Some demo members give their level in their company's terms: (company slug, level code).
DEMO_COMPANY_LEVELS = {
    "mei": ("meta", "E5"),
    "wei": ("bytedance", "2-1"),
    "priya": ("google", "L6"),
    "liyang": ("meituan", "L6"),
    "xiaoyu": ("alibaba", "P5"),
    "haoran": ("alibaba", "P8"),
    "owen": ("meta", "E5"),
}


class Command(BaseCommand):
    help = "Load demo content into a database that has no questions yet."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty", action="store_true", help="Skip quietly when questions exist."
        )
        parser.add_argument("--seed", type=int, default=7, help="Random seed for views.")
        parser.add_argument("--no-lessons", action="store_true", help="Leave the demo lessons out.")
        parser.add_argument(
            "--lesson",
            action="append",
            metavar="SLUG",
            choices=[script.slug for script in LESSONS],
            help="Make only this demo lesson (may be given more than once).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if Question.objects.exists():
            if options["if_empty"]:
                return
            raise CommandError("The database already has questions; demo content not loaded.")
        with transaction.atomic():
            created = load_demo_content(seed=options["seed"])
        demo_employers_verify()
        # The demo's likes, marks and outcomes were written in bulk, past the events that
        # keep reputation: compute it once from them, and the badges they earn.
        ledger.ledger_rebuild()
        ledger.weights_rebuild()
        for member in User.objects.filter(email__endswith=DEMO_EMAIL_DOMAIN):
            badges_check(member)
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {created['users']} members, {created['questions']} questions, "
                f"{created['answers']} answers and replies. Every demo member's password "
                f'is "{DEMO_PASSWORD}".'
            )
        )
        if options["no_lessons"] or not settings.RUNG_DEMO_LESSONS:
            return
        # The rows now, the videos by the task worker: start-up does not wait for them.
        lessons = demo_lessons_create(only=options["lesson"])
        for lesson in lessons:
            render_demo_lesson.enqueue(lesson.slug)
        self.stdout.write(f"Queued {len(lessons)} demo lessons; the task worker makes them.")


DEMO_EMAIL_DOMAIN = "@demo.rung.invalid"
# Demo members who confirmed a work address, so their bylines show "✓ Company".
DEMO_WORK_ADDRESSES = {
    "mei": "mei@meta.com",
    "wei": "wei@bytedance.com",
    "priya": "priya@google.com",
    "grace": "grace@stripe.com",
    "liyang": "liyang@meituan.com",
    "nadia": "nadia@microsoft.com",
    "zhou": "zhou@tencent.com",
}


def demo_employers_verify() -> int:
    """Give some demo members a confirmed work address, as if they had clicked its link.

    Their own address is recorded as confirmed too, so mail to them still goes out.
    """
    verified = 0
    for username, work in DEMO_WORK_ADDRESSES.items():
        member = User.objects.filter(username=username).first()
        if member is None:
            continue
        EmailAddress.objects.get_or_create(
            user=member, email=member.email, defaults={"verified": True, "primary": True}
        )
        EmailAddress.objects.get_or_create(user=member, email=work, defaults={"verified": True})
        verified += employer_verification_confirm(member=member, email=work) is not None
    return verified


def load_demo_content(*, seed: int = 7) -> dict[str, int]:
    """Create the demo members and their posts; return how many of each were made."""
    rng = random.Random(seed)
    now = timezone.now()
    levels = {level.slug: level for level in Level.objects.all()}
    tracks = {track.slug: track for track in Track.objects.all()}
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    axes = {axis.slug: axis for axis in Axis.objects.all()}
    scales = {scale.slug: scale for scale in RatingScale.objects.all()}
    choices = {(c.scale.slug, c.code): c for c in RatingChoice.objects.select_related("scale")}

    users: dict[str, User] = {}
    for data in cast(list[dict[str, Any]], USERS + MORE_USERS):
        user = User(
            username=data["username"],
            email=f"{data['username']}{DEMO_EMAIL_DOMAIN}",
            display_name=data["display_name"],
            headline=data["headline"],
            bio=data.get("bio", ""),
            level=levels[data["level"]],
            track=tracks[data["track"]],
            companies=data["companies"],
            years_experience=data["years"],
            languages=data["languages"],
            # Members of some standing: they joined well before their first demo post.
            date_joined=now - timedelta(days=DEMO_MEMBERS_JOINED_DAYS_AGO),
            is_staff=bool(data.get("moderator")),
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        if data.get("moderator"):
            user.groups.add(Group.objects.get_or_create(name=MODERATORS_GROUP)[0])
        users[user.username] = user
    for username, (company, code) in DEMO_COMPANY_LEVELS.items():
        if (member := users.get(username)) is not None:
            member.company_level = CompanyLevel.objects.filter(
                company__slug=company, code=code
            ).first()
            member.save(update_fields=["company_level"])

    answers_made = 0
    questions = cast(list[dict[str, Any]], QUESTIONS + MORE_QUESTIONS)
    for index, data in enumerate(sorted(questions, key=lambda q: -q["days_ago"])):
        asked_at = now - timedelta(days=data["days_ago"], minutes=rng.randint(0, 600) + index)
        card_data = data.get("context")
        card = services.ContextCard()
        if card_data:
            scale = scales.get(card_data["scale"]) if card_data.get("scale") else None
            card = services.ContextCard(
                level=levels.get(card_data.get("level") or ""),
                years=card_data.get("years"),
                company=card_data.get("company", ""),
                scale=scale,
                ratings={
                    axes[axis]: choices[(scale.slug, code)]
                    for axis, code in (card_data.get("ratings") or {}).items()
                }
                if scale
                else {},
                focus=card_data.get("focus", ""),
                feedback_wanted=card_data.get("feedback_wanted", ""),
            )
        question = services.question_create(
            author=users[data["author"]],
            title=data["title"],
            body=data["body"],
            topics=[topics[slug] for slug in data["topics"]],
            card=card,
            is_anonymous=data["anonymous"],
            language=data["language"],
            created_at=asked_at,
        )
        for liker in data.get("likers", []):
            services.like_toggle(user=users[liker], target=question)
        last_post_at = asked_at
        for answer_data in data.get("answers", []):
            answered_at = max(
                asked_at + timedelta(hours=rng.randint(1, 20)),
                now - timedelta(days=answer_data["days_ago"], hours=rng.randint(0, 12)),
            )
            answer = services.answer_create(
                question=question,
                author=users[answer_data["author"]],
                body=answer_data["body"],
                created_at=min(answered_at, now),
            )
            last_post_at = max(last_post_at, answer.created_at)
            answers_made += 1
            for liker in answer_data.get("likers", []):
                services.like_toggle(user=users[liker], target=answer)
            for reply_data in answer_data.get("replies", []):
                replied_at = max(
                    answered_at + timedelta(hours=1),
                    now - timedelta(days=reply_data["days_ago"], hours=rng.randint(0, 6)),
                )
                reply = services.answer_create(
                    question=question,
                    parent=answer,
                    author=users[reply_data["author"]],
                    body=reply_data["body"],
                    created_at=min(replied_at, now),
                )
                last_post_at = max(last_post_at, reply.created_at)
                answers_made += 1
            if answer_data.get("helpful"):
                services.answer_mark_helpful(
                    question=question, answer=answer, actor=users[data["author"]]
                )
                # Marked a day after the answer, in the demo's past, not at load time.
                Question.objects.filter(pk=question.pk).update(
                    accepted_at=min(answer.created_at + timedelta(days=1), now)
                )
        if outcome := data.get("outcome"):
            # Said after the answers that led to it.
            posted_at = max(
                now - timedelta(days=outcome["days_ago"]), last_post_at + timedelta(hours=2)
            )
            # The asker names the answers that helped: the one they marked, else the first.
            question.refresh_from_db(fields=["accepted_answer"])
            offered = outcome_answer_choices(question)
            helped = [a.pk for a in offered if a.pk == question.accepted_answer_id] or [
                a.pk for a in offered[:1]
            ]
            outcome_post(
                question=question,
                member=users[data["author"]],
                kind=outcome["kind"],
                note=outcome["note"],
                helped_answer_ids=helped,
                created_at=min(posted_at, now),
            )
        # Views before this install are history, not page loads: set them directly.
        views = rng.randint(20, 60) * (1 + len(data.get("answers", []))) + rng.randint(0, 40)
        Question.objects.filter(pk=question.pk).update(view_count=F("view_count") + views)
    _likes_dated(rng)
    _follows(users, levels, topics)
    return {"users": len(users), "questions": len(questions), "answers": answers_made}


def _likes_dated(rng: random.Random) -> None:
    """Date each like some hours after its post, as history rather than news of today."""
    for like in Like.objects.select_related("question", "answer"):
        post = like.question or like.answer
        assert post is not None
        like.created_at = min(post.created_at + timedelta(hours=rng.randint(1, 48)), timezone.now())
        like.save(update_fields=["created_at"])


def _follows(users: dict[str, User], levels: dict[str, Level], topics: dict[str, Topic]) -> None:
    """Every demo member watches the level they are at and tracks the next one up."""
    topic_of = {topic.level_id: topic for topic in topics.values() if topic.level_id}
    ladder = sorted(levels.values(), key=lambda level: (level.track_id, level.rank))
    pairs = itertools.pairwise(ladder)
    above = {low.pk: high for low, high in pairs if low.track_id == high.track_id}
    for user in users.values():
        if user.level_id is None:
            continue
        if user.level_id in topic_of:
            follow_set(user, level=WatchLevel.WATCHING, topic=topic_of[user.level_id])
        next_up = above.get(user.level_id)
        if next_up is not None and next_up.pk in topic_of:
            follow_set(user, level=WatchLevel.TRACKING, topic=topic_of[next_up.pk])
