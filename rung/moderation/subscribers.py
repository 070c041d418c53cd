"""Moderation's answers to qa's post events.

In the transaction (they may refuse the write or hold the post): penalties, posting
limits, spam holds and the queue's first posts and re-edits. After the commit: the
author's trust level is counted again and the outside spam check is enqueued.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.accounts.roles import is_moderator
from rung.core import ratelimit
from rung.moderation import levels, services, text
from rung.moderation.models import Review, SpamDomain, TrustLevel
from rung.qa import events
from rung.qa.models import Answer, Post, Question, Visibility

MINUTE, HOUR, DAY = 60, 3600, 86400
# A post dated further back than this was imported with its original date (the demo loader,
# a migration from another forum), not typed now: limits and holds are for live posting.
IMPORTED_AFTER = timedelta(minutes=5)
# How many of a new member's latest posts a new one is compared with.
REPEAT_WINDOW = 20


def _post(kind: str, post_id: int) -> Post:
    model = Question if kind == "question" else Answer
    return model.objects.select_related("author").get(pk=post_id)


def _check_penalty(member: User) -> None:
    penalty = services.penalty_active(member)
    if penalty is not None:
        raise ValidationError(services.penalty_message(penalty))
    if member.is_active is False:
        raise ValidationError(_("Your account is closed."))


def _hit(scope: str, member: User, amount: int, seconds: int, message: str) -> None:
    verdict = ratelimit.hit(scope, str(member.pk), ratelimit.Rate(amount, seconds))
    if not verdict.allowed:
        raise ratelimit.Limited(message, verdict.retry_after)


def _check_content_limits(post: Post, level: int) -> None:
    links = text.link_count(post.body)
    most_links = levels.limit("links_per_post", level)
    if links > most_links:
        raise ValidationError(
            _("At your trust level a post can hold %(n)d links; this one has %(has)d.")
            % {"n": most_links, "has": links}
        )
    images = text.image_count(post.body)
    most_images = levels.limit("images_per_post", level)
    if images > most_images:
        raise ValidationError(
            _("At your trust level a post can hold %(n)d images; this one has %(has)d.")
            % {"n": most_images, "has": images}
        )


def _check_posting_rate(kind: str, member: User, level: int) -> None:
    noun = "questions" if kind == "question" else "answers"
    per_burst = levels.limit(f"{noun}_per_10_minutes", level)
    per_hour = levels.limit(f"{noun}_per_hour", level)
    per_day = levels.limit(f"{noun}_per_day", level)
    if kind == "question":
        burst_text = _(
            "You can ask %(n)d questions in ten minutes; please wait a few minutes before "
            "asking another."
        )
        hour_text = _("You can ask %(n)d questions an hour; please wait before asking another.")
        day_text = _("You can ask %(n)d questions a day; please come back tomorrow.")
    else:
        burst_text = _(
            "You can post %(n)d answers in ten minutes; please wait a few minutes before "
            "posting another."
        )
        hour_text = _("You can post %(n)d answers an hour; please wait before posting another.")
        day_text = _("You can post %(n)d answers a day; please come back tomorrow.")
    _hit(f"mod-{noun}-10m", member, per_burst, 10 * MINUTE, burst_text % {"n": per_burst})
    _hit(f"mod-{noun}-h", member, per_hour, HOUR, hour_text % {"n": per_hour})
    _hit(f"mod-{noun}-d", member, per_day, DAY, day_text % {"n": per_day})


def _spam_reason(post: Post) -> str:
    """Say why a new member's post looks like spam, or return ""."""
    if text.link_count(post.body) >= settings.RUNG_SPAM_HOLD_LINKS:
        return _("many links from a new member")
    domains = set(text.link_domains(post.body))
    if domains:
        blocked = set(SpamDomain.objects.values_list("domain", flat=True))
        if any(text.domain_matches(host, blocked) for host in domains):
            return _("links to a domain removed as spam")
    mark = text.fingerprint(post.body)
    for model in (Question, Answer):
        earlier = (
            _others_by_author(post, model)
            .order_by("-created_at")
            .values_list("body", flat=True)[:REPEAT_WINDOW]
        )
        if any(text.fingerprint(body) == mark for body in earlier):
            return _("the same text as another of this member's posts")
    return ""


def _others_by_author(post: Post, model: type[Post]) -> QuerySet[Post]:
    """Return the author's posts in one table, leaving out the post itself."""
    rows = model._default_manager.filter(author_id=post.author_id)
    return rows.exclude(pk=post.pk) if isinstance(post, model) else rows


def _is_first_post(post: Post) -> bool:
    return not any(_others_by_author(post, model).exists() for model in (Question, Answer))


def on_post_written(kind: str, post_id: int) -> None:
    """Refuse, hold or queue a new post (in the writing transaction)."""
    post = _post(kind, post_id)
    author = post.author
    if is_moderator(author) or post.created_at < timezone.now() - IMPORTED_AFTER:
        return
    _check_penalty(author)
    standing = services.standing_of(author)
    level = standing.trust_level
    if settings.RUNG_RATE_LIMITS:
        _check_content_limits(post, level)
        _check_posting_rate(kind, author, level)
    if level > TrustLevel.NEW:
        return
    if reason := _spam_reason(post):
        services.post_hold(post=post, reason=reason, actor=author)
    elif _is_first_post(post):
        services.review_open(post=post, why=Review.Why.FIRST_POST)


def on_post_edited(kind: str, post_id: int, actor_id: int) -> None:
    """Limit edits and put a hidden post its author edited back in the queue."""
    post = _post(kind, post_id)
    editor = User.objects.get(pk=actor_id)
    if is_moderator(editor):
        return
    _check_penalty(editor)
    if settings.RUNG_RATE_LIMITS:
        level = services.standing_of(editor).trust_level
        _check_content_limits(post, level)
        per_hour = levels.limit("edits_per_hour", level)
        _hit(
            "mod-edits-h",
            editor,
            per_hour,
            HOUR,
            _("You can make %(n)d edits an hour; please wait before editing again.")
            % {"n": per_hour},
        )
    if post.visibility == Visibility.HIDDEN and post.author_id == editor.pk:
        services.review_open(post=post, why=Review.Why.EDITED)


def _answer_kind(event: events.AnswerPosted | events.AnswerEdited) -> str:
    return "reply" if event.parent_id else "answer"


def _asked(event: events.QuestionAsked) -> None:
    on_post_written("question", event.question_id)


def _answered(event: events.AnswerPosted) -> None:
    on_post_written(_answer_kind(event), event.answer_id)


def _question_edited(event: events.QuestionEdited) -> None:
    if event.text_changed:
        on_post_edited("question", event.question_id, event.actor_id)


def _answer_edited(event: events.AnswerEdited) -> None:
    on_post_edited(_answer_kind(event), event.answer_id, event.actor_id)


def _recount(member_id: int) -> None:
    member = User.objects.filter(pk=member_id).first()
    if member is not None:
        services.standing_recompute(member=member)


def _recount_author(event: events.QuestionAsked | events.AnswerPosted) -> None:
    # A day the member wrote something is a day they visited.
    member = User.objects.filter(pk=event.actor_id).first()
    if member is not None:
        services.visit_record(member=member)
        services.standing_recompute(member=member)


def _recount_liked(event: events.PostLiked) -> None:
    model = Question if event.kind == "question" else Answer
    author_id = model.objects.filter(pk=event.post_id).values_list("author_id", flat=True).first()
    if author_id is not None:
        _recount(author_id)


def _logged_in(sender: object, request: object, user: User, **kwargs: object) -> None:
    services.visit_record(member=user)


def _check_spam_outside(event: events.QuestionAsked | events.AnswerPosted) -> None:
    if settings.RUNG_SPAM_CHECK == "off":
        return
    from rung.moderation import tasks

    if isinstance(event, events.AnswerPosted):
        tasks.spam_check_task.enqueue(_answer_kind(event), event.answer_id)
    else:
        tasks.spam_check_task.enqueue("question", event.question_id)


def subscribe() -> None:
    """Register moderation's handlers with qa's events (from `AppConfig.ready`)."""
    events.subscribe(events.QuestionAsked, _asked, in_transaction=True)
    events.subscribe(events.AnswerPosted, _answered, in_transaction=True)
    events.subscribe(events.QuestionEdited, _question_edited, in_transaction=True)
    events.subscribe(events.AnswerEdited, _answer_edited, in_transaction=True)
    events.subscribe(events.QuestionAsked, _recount_author)
    events.subscribe(events.AnswerPosted, _recount_author)
    events.subscribe(events.PostLiked, _recount_liked)
    events.subscribe(events.QuestionAsked, _check_spam_outside)
    events.subscribe(events.AnswerPosted, _check_spam_outside)
    # Days visited: days the member logged in or wrote something (page views write nothing).
    user_logged_in.connect(_logged_in, dispatch_uid="moderation.visit")
