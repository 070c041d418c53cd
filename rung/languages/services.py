"""Writes for the languages app."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from rung.core import ratelimit
from rung.core.markdown import render_markdown
from rung.languages import selectors
from rung.languages.models import Translation
from rung.languages.providers import Provider, TranslationUnavailable, get_provider
from rung.languages.providers.base import site_languages
from rung.qa.models import Answer, Post, Question, Revision

# --- translating posts ---------------------------------------------------------------------

# The longest pause a provider's Retry-After can impose on everyone.
MAX_COOLDOWN_SECONDS = 300
_RATE_WINDOW_SECONDS = 60


def post_source_language(post: Post, *, target: str) -> str:
    """Return the language to translate a post from, or refuse with a reason."""
    if target not in site_languages():
        raise ValidationError(_("Translations are offered into English and Chinese only."))
    source = post.language
    if source not in site_languages():
        raise ValidationError(
            _("The language of this post is not known, so it can't be translated.")
        )
    if source == target:
        raise ValidationError(_("This post is already in that language."))
    return source


def _cooldown_key(provider: Provider) -> str:
    return f"translation:cooldown:{provider.name}"


def translation_for_post(
    *, post: Post, target: str, provider: Provider | None = None
) -> Translation:
    """Return a post's translation into `target`, from the cache or the provider.

    Raise ValidationError for a translation that makes no sense, and TranslationUnavailable
    when the provider fails; nothing is stored then. The provider is called outside any
    transaction, so a slow service holds no database lock.
    """
    source = post_source_language(post, target=target)
    text = selectors.post_text(post)
    cached = selectors.translation_cached(text, source=source, target=target)
    if cached is not None:
        return cached
    provider = provider or get_provider()
    if not provider.is_enabled:
        raise TranslationUnavailable("no translation provider is configured")
    # After a 429 every reader would hit the same wall; wait as the service asked.
    if cache.get(_cooldown_key(provider)):
        raise TranslationUnavailable("provider asked us to wait")
    try:
        title = provider.translate(text.title, source=source, target=target) if text.title else ""
        body = provider.translate(text.body, source=source, target=target)
    except TranslationUnavailable as error:
        if error.retry_after:
            cache.set(_cooldown_key(provider), True, min(error.retry_after, MAX_COOLDOWN_SECONDS))
        raise
    values: dict[str, Any] = {
        "source_language": source,
        "provider": provider.name,
        "title": " ".join(title.split()),
        "body": body,
        "body_html": render_markdown(body),
        "created_at": timezone.now(),
    }
    key: dict[str, Any] = {"kind": text.kind, "object_id": post.pk, "target_language": target}
    if text.revision_id is None:
        return Translation(**key, **values)
    with transaction.atomic():
        translation, _created = Translation.objects.update_or_create(
            **key, revision_id=text.revision_id, defaults=values
        )
    return translation


def translation_quota_take(*, client: str) -> ratelimit.Verdict:
    """Count one provider call for a reader; refused once they used up the minute's.

    Counted in the store every worker shares (rung/core/ratelimit.py), so the limit is
    the same whichever worker answers.
    """
    limit = settings.RUNG_TRANSLATION_RATE_LIMIT
    if limit <= 0:
        return ratelimit.Verdict(True)
    return ratelimit.hit("translation", client, ratelimit.Rate(limit, _RATE_WINDOW_SECONDS))


@transaction.atomic
def translation_prune(*, older_than: timedelta | None = None) -> int:
    """Delete translations of edited or deleted posts (and any older than `older_than`)."""
    newest_question = (
        Revision.objects.filter(question_id=OuterRef("object_id"))
        .values("question_id")
        .annotate(newest=Max("pk"))
        .values("newest")[:1]
    )
    newest_answer = (
        Revision.objects.filter(answer_id=OuterRef("object_id"))
        .values("answer_id")
        .annotate(newest=Max("pk"))
        .values("newest")[:1]
    )
    stale = Q(kind=Translation.Kind.QUESTION) & ~Q(revision_id=Subquery(newest_question))
    stale |= ~Q(kind=Translation.Kind.QUESTION) & ~Q(revision_id=Subquery(newest_answer))
    deleted_posts = Q(
        kind=Translation.Kind.QUESTION,
        object_id__in=Question.objects.filter(is_deleted=True).values("pk"),
    ) | Q(
        ~Q(kind=Translation.Kind.QUESTION),
        object_id__in=Answer.objects.filter(
            Q(is_deleted=True) | Q(question__is_deleted=True)
        ).values("pk"),
    )
    condition = stale | deleted_posts
    if older_than is not None:
        condition |= Q(created_at__lt=timezone.now() - older_than)
    deleted, _by_model = Translation.objects.filter(condition).delete()
    return deleted
