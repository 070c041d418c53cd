"""Growth rows in the Django admin, for superusers only.

Growth data is private: staff moderators act on public posts and must not read anyone's
reviews or plans, whatever model permissions they were given.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from rung.growth.models import (
    Action,
    AxisRating,
    CheckIn,
    Comment,
    Goal,
    GrowthPlan,
    LogEntry,
    ReviewCycle,
    SelfAssessment,
    SelfReview,
    Share,
    ShareView,
)


class SuperuserOnly:
    """Allow every admin action to superusers only, ignoring model permissions."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_superuser

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_superuser

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_superuser


class SuperuserOnlyAdmin(SuperuserOnly, admin.ModelAdmin):
    """Show a model to superusers only."""


class SuperuserOnlyInline(SuperuserOnly, admin.TabularInline):
    extra = 0


class AxisRatingInline(SuperuserOnlyInline):
    model = AxisRating


@admin.register(ReviewCycle)
class ReviewCycleAdmin(SuperuserOnlyAdmin):
    list_display = ["name", "owner", "date", "company"]
    list_select_related = ["owner"]
    raw_id_fields = ["owner"]
    search_fields = ["owner__username"]
    inlines = [AxisRatingInline]


@admin.register(SelfAssessment)
class SelfAssessmentAdmin(SuperuserOnlyAdmin):
    list_display = ["owner", "expectation", "mark", "updated_at"]
    list_select_related = ["owner", "expectation__level", "expectation__axis"]
    raw_id_fields = ["owner"]


@admin.register(GrowthPlan)
class GrowthPlanAdmin(SuperuserOnlyAdmin):
    list_display = ["title", "owner", "created_at"]
    list_select_related = ["owner"]
    raw_id_fields = ["owner"]
    search_fields = ["owner__username"]


@admin.register(Goal)
class GoalAdmin(SuperuserOnlyAdmin):
    list_display = ["title", "plan", "axis", "status"]
    list_select_related = ["plan", "axis"]
    raw_id_fields = ["plan"]


@admin.register(Action)
class ActionAdmin(SuperuserOnlyAdmin):
    list_display = ["text", "goal", "done"]
    list_select_related = ["goal"]
    raw_id_fields = ["goal"]


@admin.register(CheckIn)
class CheckInAdmin(SuperuserOnlyAdmin):
    list_display = ["goal", "date"]
    list_select_related = ["goal"]
    raw_id_fields = ["goal"]


@admin.register(LogEntry)
class LogEntryAdmin(SuperuserOnlyAdmin):
    list_display = ["owner", "date", "axis"]
    list_select_related = ["owner", "axis"]
    raw_id_fields = ["owner", "goal"]


@admin.register(SelfReview)
class SelfReviewAdmin(SuperuserOnlyAdmin):
    list_display = ["title", "owner", "period_start", "period_end"]
    list_select_related = ["owner"]
    raw_id_fields = ["owner"]


@admin.register(Share)
class ShareAdmin(SuperuserOnlyAdmin):
    list_display = ["plan", "grantee", "role", "include_reviews", "accepted_at", "revoked_at"]
    list_select_related = ["plan", "grantee"]
    raw_id_fields = ["plan", "grantee"]


@admin.register(Comment)
class CommentAdmin(SuperuserOnlyAdmin):
    list_display = ["author", "goal", "created_at"]
    list_select_related = ["author", "goal"]
    raw_id_fields = ["goal", "author", "parent"]


@admin.register(ShareView)
class ShareViewAdmin(SuperuserOnlyAdmin):
    list_display = ["share", "what", "viewed_at"]
    list_select_related = ["share__plan", "share__grantee"]
    raw_id_fields = ["share"]
