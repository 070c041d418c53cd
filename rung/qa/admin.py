"""Questions, answers, replies and topics in the Django admin, for moderators.

The admin finds posts (by visibility, deletion, topic, text or author) and acts on them
through the same services as the site, so counts, feeds, caches and search follow and
every action publishes its event. Rows are read-only here: a post edited in a form would
skip its rendering, its revision and the events. Anonymous authors are shown only to
administrators, and a moderator's search by name does not find anonymous questions.
"""

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from rung.accounts.models import User
from rung.accounts.roles import can_reveal_anonymous, is_moderator
from rung.qa import moderation_services, services
from rung.qa.models import Answer, Post, Question, Topic, Visibility


def _member(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


class PostAdmin(admin.ModelAdmin):
    list_filter = ["visibility", "is_deleted", "created_at"]
    date_hierarchy = "created_at"
    list_per_page = 50
    actions = ["publish", "hold", "hide", "delete_posts"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_moderator(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_moderator(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # The change list's actions need it; the form itself has no editable field.
        return is_moderator(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Posts are soft-deleted by the "Delete" action, never removed as rows here.
        return False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [field.name for field in self.model._meta.fields if field.name != "id"]

    def _set_visibility(self, request: HttpRequest, posts: QuerySet[Any], visibility: str) -> None:
        done = 0
        for post in posts:
            try:
                moderation_services.post_visibility_set(
                    post=post, visibility=visibility, actor=_member(request)
                )
            except ValidationError as error:
                self.message_user(
                    request, f"{post.pk}: {' '.join(error.messages)}", messages.WARNING
                )
            else:
                done += 1
        self.message_user(
            request,
            ngettext("%(count)d post changed.", "%(count)d posts changed.", done) % {"count": done},
        )

    @admin.action(description=_("Publish the selected posts"))
    def publish(self, request: HttpRequest, posts: QuerySet[Any]) -> None:
        self._set_visibility(request, posts, Visibility.PUBLISHED)

    @admin.action(description=_("Hold the selected posts for review"))
    def hold(self, request: HttpRequest, posts: QuerySet[Any]) -> None:
        self._set_visibility(request, posts, Visibility.HELD)

    @admin.action(description=_("Hide the selected posts"))
    def hide(self, request: HttpRequest, posts: QuerySet[Any]) -> None:
        self._set_visibility(request, posts, Visibility.HIDDEN)

    @admin.action(description=_("Delete the selected posts"))
    def delete_posts(self, request: HttpRequest, posts: QuerySet[Any]) -> None:
        done = 0
        for post in posts.filter(is_deleted=False):
            try:
                self._delete(post, _member(request))
            except (ValidationError, PermissionDenied) as error:
                self.message_user(request, f"{post.pk}: {error}", messages.WARNING)
            else:
                done += 1
        self.message_user(
            request,
            ngettext("%(count)d post deleted.", "%(count)d posts deleted.", done) % {"count": done},
        )

    def _delete(self, post: Post, actor: User) -> None:
        raise NotImplementedError

    def _anonymous(self, post: Any) -> bool:
        raise NotImplementedError

    def get_list_display(self, request: HttpRequest) -> Any:
        # The author column depends on who looks (anonymous authors for administrators
        # only); the admin object is shared between requests, so the column is made per request.
        @admin.display(description=_("author"))
        def author(post: Any) -> str:
            if self._anonymous(post) and not can_reveal_anonymous(request.user):
                return str(_("Anonymous"))
            return f"{post.author.username} ({post.author.name})"

        return [author if name == "author" else name for name in self.list_display]


@admin.register(Question)
class QuestionAdmin(PostAdmin):
    list_display = [
        "id",
        "title",
        "author",
        "visibility",
        "is_deleted",
        "answer_count",
        "like_count",
        "locked_at",
        "closed_at",
        "created_at",
    ]
    list_filter = [*PostAdmin.list_filter, "is_anonymous", "topics"]
    search_fields = ["title", "body", "author__username", "author__display_name"]
    raw_id_fields = ["author", "duplicate_of", "accepted_answer"]
    list_select_related = ["author"]

    def _anonymous(self, post: Any) -> bool:
        return bool(post.is_anonymous)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Question], search_term: str
    ) -> tuple[QuerySet[Question], bool]:
        found, may_repeat = super().get_search_results(request, queryset, search_term)
        if search_term and not can_reveal_anonymous(request.user):
            # Found by the author's name alone, an anonymous question would name them.
            by_text = Q()
            for word in search_term.split():
                by_text &= Q(title__icontains=word) | Q(body__icontains=word)
            found = found.filter(Q(is_anonymous=False) | by_text)
        return found, may_repeat

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        fields = super().get_readonly_fields(request, obj)
        if obj is not None and obj.is_anonymous and not can_reveal_anonymous(request.user):
            return [name for name in fields if name != "author"]
        return fields

    def get_exclude(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is not None and obj.is_anonymous and not can_reveal_anonymous(request.user):
            return ["author"]
        return []

    def _delete(self, post: Post, actor: User) -> None:
        assert isinstance(post, Question)
        services.question_delete(question=post, actor=actor)


@admin.register(Answer)
class AnswerAdmin(PostAdmin):
    list_display = [
        "id",
        "excerpt",
        "question",
        "parent",
        "author",
        "visibility",
        "is_deleted",
        "like_count",
        "created_at",
    ]
    list_filter = [*PostAdmin.list_filter, ("parent", admin.EmptyFieldListFilter)]
    search_fields = ["body", "author__username", "author__display_name"]
    raw_id_fields = ["author", "question", "parent"]
    list_select_related = ["author", "question"]

    @admin.display(description=_("text"))
    def excerpt(self, answer: Answer) -> str:
        return answer.body[:80]

    def _anonymous(self, post: Any) -> bool:
        # The asker's own replies on an anonymous question are anonymous too.
        return bool(post.question.is_anonymous and post.author_id == post.question.author_id)

    def _delete(self, post: Post, actor: User) -> None:
        assert isinstance(post, Answer)
        services.answer_delete(answer=post, actor=actor)


@admin.register(Topic)
class TopicAdmin(TranslationAdmin):
    """Topics' names, taglines and descriptions, in English and Chinese side by side."""

    list_display = ["name", "slug", "kind", "order", "question_count"]
    list_filter = ["kind"]
    search_fields = ["name", "slug"]
    readonly_fields = ["question_count", "feed_version"]
