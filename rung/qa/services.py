"""Writes for questions, answers, replies, likes and the most helpful answer.

Concurrent writes take row locks in one order, so they queue instead of deadlocking: the
question's row first (`_lock_question`), then the post being changed, then the question's
topics in key order (`_lock_topics`). Counters are computed while the question's row is
locked, so two answers posted at once cannot both write a count that misses the other.
"""

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.accounts.roles import is_moderator
from rung.core.languages import SITE_LANGUAGES
from rung.core.markdown import excerpt
from rung.core.submit_once import SubmitOnce
from rung.ladder.models import Axis, CompanyLevel, Level, RatingChoice, RatingScale
from rung.qa import events
from rung.qa.mentions import mentioned_ids, mentions_announce, post_body_render
from rung.qa.models import (
    Answer,
    ContextRating,
    Post,
    Question,
    QuestionTopic,
    Revision,
    Topic,
    Visibility,
)
from rung.qa.permissions import check_edit_permission, check_like_permission
from rung.qa.posts import post_kind, post_model, post_question, post_question_id

MAX_TOPICS = 5
_EDITABLE_QUESTION_FIELDS = [
    "title",
    "body",
    "body_html",
    "excerpt",
    "is_anonymous",
    "edited_at",
    "language",
    "ctx_level",
    "ctx_years",
    "ctx_company",
    "ctx_company_level",
    "ctx_scale",
    "ctx_focus",
    "ctx_feedback_wanted",
]


@dataclass(frozen=True)
class ContextCard:
    """The structured facts an asker gives about themselves."""

    level: Level | None = None
    years: int | None = None
    company: str = ""
    company_level: CompanyLevel | None = None
    scale: RatingScale | None = None
    ratings: Mapping[Axis, RatingChoice] = field(default_factory=dict)
    focus: str = ""
    feedback_wanted: str = ""


def _validate_topics(topics: Sequence[Topic]) -> list[Topic]:
    unique = list(dict.fromkeys(topics))
    if not 1 <= len(unique) <= MAX_TOPICS:
        raise ValidationError(_("Choose between 1 and %(max)d topics.") % {"max": MAX_TOPICS})
    return unique


def _card_with_level(card: ContextCard) -> ContextCard:
    """Return the card with the Rung level its company level matches, if it names no level.

    A level the asker chose is kept even when the company level maps elsewhere.
    """
    if card.level is None and card.company_level is not None:
        return replace(card, level=card.company_level.level)
    return card


def _validate_card(card: ContextCard) -> None:
    for axis, choice in card.ratings.items():
        if card.scale is None or choice.scale_id != card.scale.pk:
            raise ValidationError(
                _("The rating for %(axis)s is not on the chosen scale.") % {"axis": axis.name}
            )
    if card.years is not None and not 0 <= card.years <= 60:
        raise ValidationError(_("Years of experience must be between 0 and 60."))


def _apply_card(question: Question, card: ContextCard) -> None:
    question.ctx_level = card.level
    question.ctx_years = card.years
    question.ctx_company = card.company
    question.ctx_company_level = card.company_level
    question.ctx_scale = card.scale
    question.ctx_focus = card.focus
    question.ctx_feedback_wanted = card.feedback_wanted


def _save_ratings(question: Question, card: ContextCard) -> None:
    ContextRating.objects.filter(question=question).delete()
    ContextRating.objects.bulk_create(
        ContextRating(question=question, axis=axis, choice=choice)
        for axis, choice in card.ratings.items()
    )


def _is_listed(question: Question) -> bool:
    """Say whether a question appears in feeds and counts: published and not deleted."""
    return not question.is_deleted and question.visibility == Visibility.PUBLISHED


def _place_in_topics(question: Question, topics: Sequence[Topic]) -> None:
    current = set(question.placements.values_list("topic_id", flat=True))
    wanted = {topic.pk for topic in topics}
    removed = current - wanted
    added = wanted - current
    # A topic counts the questions its feed lists.
    counted = 1 if _is_listed(question) else 0
    if removed:
        QuestionTopic.objects.filter(question=question, topic_id__in=removed).delete()
        Topic.objects.filter(pk__in=removed).update(question_count=F("question_count") - counted)
    if added:
        QuestionTopic.objects.bulk_create(
            QuestionTopic(
                question=question,
                topic_id=topic_id,
                created_at=question.created_at,
                like_count=question.like_count,
                answer_count=question.answer_count,
                is_visible=_is_listed(question),
            )
            for topic_id in added
        )
        Topic.objects.filter(pk__in=added).update(question_count=F("question_count") + counted)


def _validate_language(language: str) -> None:
    if language and language not in SITE_LANGUAGES:
        raise ValidationError(_("Choose English or Chinese as the post's language."))


def _lock_question(question_id: int) -> Question:
    """Return the question's row, locked until the transaction ends: every write takes it first."""
    return Question.objects.select_for_update().get(pk=question_id)


def _lock_topics(topic_ids: Iterable[int]) -> list[int]:
    """Lock topic rows in key order, so writes that share topics queue instead of deadlocking."""
    return list(
        Topic.objects.select_for_update()
        .filter(pk__in=set(topic_ids))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _touch(question: Question) -> None:
    """Mark a question and its topic feeds as changed so cached renderings are replaced."""
    Question.objects.filter(pk=question.pk).update(version=F("version") + 1)
    topics_touch(
        QuestionTopic.objects.filter(question_id=question.pk).values_list("topic_id", flat=True)
    )


def topics_touch(topic_ids: Iterable[int]) -> None:
    """Mark topics' feeds as changed, so cached topic and home pages are replaced."""
    locked = _lock_topics(topic_ids)
    if locked:
        Topic.objects.filter(pk__in=locked).update(feed_version=F("feed_version") + 1)


def _sync_placements(question: Question) -> None:
    """Copy a question's saved sort keys onto its topic placements."""
    # Read the row, not the instance: a caller's copy may predate a concurrent like.
    saved = Question.objects.values("like_count", "answer_count", "is_deleted", "visibility").get(
        pk=question.pk
    )
    QuestionTopic.objects.filter(question_id=question.pk).update(
        like_count=saved["like_count"],
        answer_count=saved["answer_count"],
        is_visible=not saved["is_deleted"] and saved["visibility"] == Visibility.PUBLISHED,
    )


@transaction.atomic
def question_create(
    *,
    author: User,
    title: str,
    body: str,
    topics: Sequence[Topic],
    card: ContextCard | None = None,
    is_anonymous: bool = False,
    language: str = "",
    submit_token: uuid.UUID | None = None,
    created_at: object = None,
) -> Question:
    """Post a question; a repeated submit of the same question returns the one posted.

    A submit with a token gets the question its form already posted, or an identical one
    posted a few minutes before from another rendering of the form (rung/core/submit_once.py).
    """
    card = _card_with_level(card or ContextCard())
    submit = SubmitOnce(
        Question.objects.filter(author=author), submit_token, current=Q(is_deleted=False)
    )
    if earlier := submit.earlier(
        title=title.strip(),
        body=body,
        is_anonymous=is_anonymous,
        ctx_level_id=card.level.pk if card.level else None,
        ctx_years=card.years,
        ctx_company=card.company,
        ctx_company_level_id=card.company_level.pk if card.company_level else None,
        ctx_scale_id=card.scale.pk if card.scale else None,
        ctx_focus=card.focus,
        ctx_feedback_wanted=card.feedback_wanted,
    ):
        return earlier
    topics = _validate_topics(topics)
    _validate_card(card)
    _validate_language(language)
    rendered = post_body_render(body)
    question = Question(
        author=author,
        title=title.strip(),
        body=body,
        body_html=rendered.html,
        excerpt=excerpt(body, 240),
        is_anonymous=is_anonymous,
        # Left empty, the languages app detects it (events.QuestionAsked).
        language=language,
        submit_token=submit.token,
    )
    if created_at is not None:
        question.created_at = created_at  # type: ignore[assignment]
    _apply_card(question, card)
    # The database checks the submit token; a check here could see a racing twin's row.
    question.full_clean(exclude=["body_html", "excerpt"], validate_constraints=False)
    saved = submit.save(question)
    if saved is not question:
        return saved
    _lock_topics(topic.pk for topic in topics)
    _save_ratings(question, card)
    _place_in_topics(question, topics)
    _touch(question)
    Revision.objects.create(
        question=question,
        editor=author,
        title=question.title,
        body=body,
        created_at=question.created_at,
    )
    events.publish(
        events.QuestionAsked(question_id=question.pk, actor_id=author.pk, author_id=author.pk)
    )
    mentions_announce(post=question, actor=author, mentioned=rendered.mentioned_ids)
    # Subscribers inside the transaction may have labelled its language, or held it.
    question.refresh_from_db(fields=["language", "visibility", "visibility_reason"])
    return question


@transaction.atomic
def question_edit(
    *,
    question: Question,
    editor: User,
    title: str,
    body: str,
    topics: Sequence[Topic],
    card: ContextCard,
    is_anonymous: bool,
) -> Question:
    """Save a new revision of a question; the earlier ones stay viewable."""
    check_edit_permission(editor, question)
    topics = _validate_topics(topics)
    card = _card_with_level(card)
    _validate_card(card)
    question = _lock_question(question.pk)
    if question.is_deleted:
        raise ValidationError(_("This question was deleted."))
    _lock_topics([*question.placements.values_list("topic_id", flat=True), *(t.pk for t in topics)])
    changed = question.title != title.strip() or question.body != body
    body_changed = question.body != body
    # Only members the text did not mention before are told; the rest already were.
    mentioned_before = mentioned_ids(question.body) if body_changed else set()
    rendered = post_body_render(body)
    question.title = title.strip()
    question.body = body
    question.body_html = rendered.html
    question.excerpt = excerpt(body, 240)
    question.is_anonymous = is_anonymous
    _apply_card(question, card)
    if changed:
        question.edited_at = timezone.now()
    question.full_clean(exclude=["body_html", "excerpt"])
    _touch(question)  # the topics it leaves
    question.save(update_fields=_EDITABLE_QUESTION_FIELDS)
    _save_ratings(question, card)
    _place_in_topics(question, topics)
    _touch(question)  # the topics it joins
    if changed:
        Revision.objects.create(question=question, editor=editor, title=question.title, body=body)
    events.publish(
        events.QuestionEdited(
            question_id=question.pk,
            actor_id=editor.pk,
            author_id=question.author_id,
            text_changed=changed,
        )
    )
    if body_changed:
        mentions_announce(
            post=question, actor=editor, mentioned=rendered.mentioned_ids, before=mentioned_before
        )
    question.refresh_from_db(fields=["language"])
    return question


@transaction.atomic
def question_delete(*, question: Question, actor: User) -> None:
    """Hide a question from every page; its rows stay for moderation."""
    check_edit_permission(actor, question)
    # Read under the lock: a second delete sent at the same time must not count twice.
    question = _lock_question(question.pk)
    if question.is_deleted:
        return
    _question_soft_delete(question, actor)


def _question_soft_delete(question: Question, actor: User) -> None:
    """Delete a question whose row the caller holds locked, and say so."""
    was_listed = _is_listed(question)
    question.is_deleted = True
    question.deleted_at = timezone.now()
    question.save(update_fields=["is_deleted", "deleted_at"])
    _sync_placements(question)
    _touch(question)
    if was_listed:
        Topic.objects.filter(placements__question=question).update(
            question_count=F("question_count") - 1
        )
    events.publish(
        events.QuestionDeleted(
            question_id=question.pk, actor_id=actor.pk, author_id=question.author_id
        )
    )


def _check_takes_answers(question: Question) -> None:
    """Refuse a new answer or reply on a question that is gone, unpublished, locked or closed."""
    if question.is_deleted:
        raise ValidationError(_("This question was deleted."))
    if question.visibility != Visibility.PUBLISHED:
        raise ValidationError(_("This question is not published, so it takes no answers."))
    if question.closed_at is not None:
        raise ValidationError(
            _("This question was closed as a duplicate: answer the original question instead.")
        )
    if question.locked_at is not None:
        raise ValidationError(_("This question is locked: it takes no new answers."))


def _check_takes_replies(question: Question, parent: Answer) -> None:
    if (
        parent.question_id != question.pk
        or parent.is_deleted
        or parent.visibility != Visibility.PUBLISHED
    ):
        raise ValidationError(_("That answer is not available for replies."))


def _recount_answers(question: Question) -> None:
    """Count the published answers again; the caller holds the question's row lock."""
    count = Answer.objects.filter(
        question=question, parent=None, is_deleted=False, visibility=Visibility.PUBLISHED
    ).count()
    Question.objects.filter(pk=question.pk).update(answer_count=count)
    question.answer_count = count
    _sync_placements(question)


@transaction.atomic
def answer_create(
    *,
    question: Question,
    author: User,
    body: str,
    parent: Answer | None = None,
    language: str = "",
    submit_token: uuid.UUID | None = None,
    created_at: object = None,
) -> Answer:
    """Answer a question, or reply to one of its answers (replies nest one level)."""
    # Answers to one question are written one at a time, so the count below sees them all.
    question = _lock_question(question.pk)
    _check_takes_answers(question)
    if parent is not None:
        parent = Answer.objects.get(pk=parent.pk)
        _check_takes_replies(question, parent)
        if parent.parent_id is not None:
            # Replies stay one level deep: a reply to a reply joins its thread.
            parent = Answer.objects.get(pk=parent.parent_id)
            _check_takes_replies(question, parent)
    _validate_language(language)
    parent_id = parent.pk if parent else None
    submit = SubmitOnce(
        Answer.objects.filter(author=author), submit_token, current=Q(is_deleted=False)
    )
    if earlier := submit.earlier(question_id=question.pk, parent_id=parent_id, body=body):
        return earlier
    rendered = post_body_render(body)
    answer = Answer(
        question=question,
        parent=parent,
        author=author,
        body=body,
        body_html=rendered.html,
        # Left empty, the languages app detects it (events.AnswerPosted).
        language=language,
        submit_token=submit.token,
    )
    if created_at is not None:
        answer.created_at = created_at  # type: ignore[assignment]
    answer.full_clean(exclude=["body_html"], validate_constraints=False)
    saved = submit.save(answer)
    if saved is not answer:
        return saved
    Revision.objects.create(answer=answer, editor=author, body=body, created_at=answer.created_at)
    if parent is None:
        _recount_answers(question)
    _touch(question)
    events.publish(
        events.AnswerPosted(
            question_id=question.pk,
            actor_id=author.pk,
            author_id=author.pk,
            answer_id=answer.pk,
            parent_id=parent_id,
        )
    )
    mentions_announce(post=answer, actor=author, mentioned=rendered.mentioned_ids)
    # Subscribers inside the transaction may have labelled its language, or held it.
    answer.refresh_from_db(fields=["language", "visibility", "visibility_reason"])
    return answer


@transaction.atomic
def answer_edit(*, answer: Answer, editor: User, body: str) -> Answer:
    """Save a new revision of an answer or reply."""
    check_edit_permission(editor, answer)
    _lock_question(answer.question_id)
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    if answer.is_deleted:
        raise ValidationError(_("This post was deleted."))
    if answer.body == body:
        return answer
    # Only members the text did not mention before are told; the rest already were.
    mentioned_before = mentioned_ids(answer.body)
    rendered = post_body_render(body)
    answer.body = body
    answer.body_html = rendered.html
    answer.edited_at = timezone.now()
    answer.full_clean(exclude=["body_html"])
    answer.save(update_fields=["body", "body_html", "edited_at"])
    Revision.objects.create(answer=answer, editor=editor, body=body)
    _touch(answer.question)
    events.publish(
        events.AnswerEdited(
            question_id=answer.question_id,
            actor_id=editor.pk,
            author_id=answer.author_id,
            answer_id=answer.pk,
            parent_id=answer.parent_id,
        )
    )
    mentions_announce(
        post=answer, actor=editor, mentioned=rendered.mentioned_ids, before=mentioned_before
    )
    answer.refresh_from_db(fields=["language"])
    return answer


@transaction.atomic
def answer_delete(*, answer: Answer, actor: User) -> None:
    """Hide an answer or reply; a deleted answer stops being the most helpful one."""
    check_edit_permission(actor, answer)
    question = _lock_question(answer.question_id)
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    if answer.is_deleted:
        return
    _answer_soft_delete(question, answer, actor)


def _answer_soft_delete(question: Question, answer: Answer, actor: User) -> None:
    """Delete an answer or reply; the caller holds the question's and the answer's rows."""
    answer.is_deleted = True
    answer.deleted_at = timezone.now()
    answer.save(update_fields=["is_deleted", "deleted_at"])
    if question.accepted_answer_id == answer.pk:
        question.accepted_answer = None
        question.accepted_at = None
        question.save(update_fields=["accepted_answer", "accepted_at"])
    if answer.parent_id is None:
        _recount_answers(question)
    _touch(question)
    events.publish(
        events.AnswerDeleted(
            question_id=question.pk,
            actor_id=actor.pk,
            author_id=answer.author_id,
            answer_id=answer.pk,
            parent_id=answer.parent_id,
        )
    )


@transaction.atomic
def like_toggle(*, user: User, target: Post) -> tuple[bool, int]:
    """Like or unlike a post; return whether it is now liked and its like count."""
    check_like_permission(user, target)
    _lock_question(post_question_id(target))
    posts = type(target)._default_manager
    deleted, _count = target.likes.filter(user=user).delete()
    if deleted:
        delta = -1
    else:
        try:
            with transaction.atomic():
                target.likes.create(user=user)
        except IntegrityError:
            # A concurrent click already liked it; the like stands.
            return True, posts.get(pk=target.pk).like_count
        delta = 1
    if isinstance(target, Answer):
        Answer.objects.filter(pk=target.pk).update(
            like_count=F("like_count") + delta,
            helpful_rank=(F("like_count") + delta) * F("author_weight"),
        )
    else:
        posts.filter(pk=target.pk).update(like_count=F("like_count") + delta)
    fresh = posts.get(pk=target.pk)
    question = post_question(fresh)
    kind = post_kind(fresh)
    if kind == "question":
        _sync_placements(question)
    _touch(question)
    events.publish(
        events.PostLiked(
            question_id=question.pk,
            actor_id=user.pk,
            author_id=fresh.author_id,
            kind=kind,
            post_id=fresh.pk,
            liked=delta > 0,
            like_count=fresh.like_count,
        )
    )
    return delta > 0, fresh.like_count


def answers_weigh(question_id: int, weights: dict[int, int]) -> None:
    """Set how much a like weighs on each of a question's answers (hundredths; the reputation
    app gives the answerer's standing), and order "most helpful first" by it."""
    from rung.qa.thread_selectors import ANSWERS_PER_PAGE

    def order() -> list[int]:
        answers = Answer.objects.filter(question_id=question_id, parent=None)
        return list(
            answers.order_by("-helpful_rank", "created_at", "id").values_list("pk", flat=True)
        )

    changed = 0
    with transaction.atomic():
        asker = Question.objects.select_for_update().filter(pk=question_id)
        author_id = asker.values_list("author_id", flat=True).first()
        if author_id is None:
            return
        before = order()
        for answer_id, weight in weights.items():
            changed += (
                Answer.objects.filter(pk=answer_id, question_id=question_id)
                .exclude(author_weight=weight)
                .update(author_weight=weight, helpful_rank=F("like_count") * weight)
            )
        after = order() if changed else before
        # A page shows the order, and past one page its "show more" links carry the ranks:
        # then the question's kept renderings are replaced (not the feeds').
        if after != before or (changed and len(after) > ANSWERS_PER_PAGE):
            Question.objects.filter(pk=question_id).update(version=F("version") + 1)
            events.publish(
                events.AnswersReordered(
                    question_id=question_id, actor_id=author_id, author_id=author_id
                )
            )


@transaction.atomic
def answer_mark_helpful(*, question: Question, answer: Answer, actor: User) -> bool:
    """Mark (or unmark) the most helpful answer; only the asker may; return the new state."""
    if actor.pk != question.author_id:
        raise PermissionDenied(_("Only the person who asked can mark the most helpful answer."))
    if answer.question_id != question.pk or answer.parent_id is not None:
        raise ValidationError(_("Only a visible answer to this question can be marked."))
    question = _lock_question(question.pk)
    answer = Answer.objects.get(pk=answer.pk)
    if answer.is_deleted or answer.visibility != Visibility.PUBLISHED:
        raise ValidationError(_("Only a visible answer to this question can be marked."))
    marked = question.accepted_answer_id != answer.pk
    question.accepted_answer = answer if marked else None
    question.accepted_at = timezone.now() if marked else None
    question.save(update_fields=["accepted_answer", "accepted_at"])
    _touch(question)
    events.publish(
        events.HelpfulMarked(
            question_id=question.pk,
            actor_id=actor.pk,
            author_id=answer.author_id,
            answer_id=answer.pk,
            marked=marked,
        )
    )
    return marked


def check_language_permission(user: User, post: Post) -> None:
    """Allow the author and moderators to set the language of a post that still exists."""
    if post.author_id != user.pk and not is_moderator(user):
        raise PermissionDenied(_("Only the author or a moderator can change a post's language."))
    if post.is_deleted:
        raise ValidationError(_("This post was deleted."))


@transaction.atomic
def post_language_set[P: Post](*, post: P, actor: User, language: str) -> P:
    """Set a post's language by hand; later edits keep it instead of detecting it again."""
    check_language_permission(actor, post)
    if language not in SITE_LANGUAGES:
        raise ValidationError(_("Choose English or Chinese as the post's language."))
    _lock_question(post_question_id(post))
    fresh = type(post)._default_manager.select_for_update().get(pk=post.pk)
    fresh.language = language
    fresh.language_locked = True
    fresh.save(update_fields=["language", "language_locked"])
    # The badge is part of every cached rendering of the question, its answers and cards.
    question = post_question(fresh)
    _touch(question)
    events.publish(
        events.LanguageCorrected(
            question_id=question.pk,
            actor_id=actor.pk,
            author_id=fresh.author_id,
            kind=post_kind(fresh),
            post_id=fresh.pk,
            language=language,
        )
    )
    return fresh


def post_links_store(*, kind: events.PostKind, links: Mapping[int, dict[str, Any]]) -> None:
    """Store what an app above qa worked out from posts' HTML (post id → record).

    Pages show the same with or without it (the record only spares working it out as they
    are read), so nothing cached changes and no version moves.
    """
    model = post_model(kind)
    rows = []
    for pk, record in links.items():
        row = model(body_links=record)
        row.pk = pk
        rows.append(row)
    model._default_manager.bulk_update(rows, ["body_links"], batch_size=500)


def post_languages_store(*, kind: events.PostKind, languages: Mapping[int, str]) -> int:
    """Store detected languages on posts of one kind (post id → language); return how many.

    For the languages app, which detects them: posts whose language was chosen by hand are
    left alone, and the questions they belong to are marked changed, since cached cards
    and threads show the badge. Call inside a transaction.
    """
    model = post_model(kind)
    posts: list[Post] = list(
        model._default_manager.select_for_update().filter(pk__in=languages, language_locked=False)
    )
    changed = [post for post in posts if post.language != languages[post.pk]]
    for post in changed:
        post.language = languages[post.pk]
    if not changed:
        return 0
    model._default_manager.bulk_update(changed, ["language"])
    question_ids = {post_question_id(post) for post in changed}
    Question.objects.filter(pk__in=question_ids).update(version=F("version") + 1)
    topic_ids = _lock_topics(
        QuestionTopic.objects.filter(question_id__in=question_ids).values_list(
            "topic_id", flat=True
        )
    )
    Topic.objects.filter(pk__in=topic_ids).update(feed_version=F("feed_version") + 1)
    return len(changed)
