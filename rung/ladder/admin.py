"""The ladder in the Django admin: levels, axes and the preset rating scales.

A member's custom rating scale names their employer's ratings and is private to them, so
only superusers see custom scales here; staff with model permissions see the presets.
"""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from rung.ladder.models import Axis, Expectation, Level, RatingChoice, RatingScale, Track


class ExpectationInline(admin.TabularInline):
    model = Expectation
    extra = 0


class RatingChoiceInline(admin.TabularInline):
    model = RatingChoice
    extra = 0


@admin.register(Level)
class LevelAdmin(admin.ModelAdmin):
    list_display = ["name", "track", "rank"]
    inlines = [ExpectationInline]


def _is_private_scale(request: HttpRequest, obj: Any) -> bool:
    return obj is not None and obj.owner_id is not None and not request.user.is_superuser


@admin.register(RatingScale)
class RatingScaleAdmin(admin.ModelAdmin):
    list_display = ["name", "is_preset"]
    inlines = [RatingChoiceInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[RatingScale]:
        scales = super().get_queryset(request)
        if request.user.is_superuser:
            return scales
        return scales.filter(owner__isnull=True)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _is_private_scale(request, obj) and super().has_view_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _is_private_scale(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _is_private_scale(request, obj) and super().has_delete_permission(request, obj)


admin.site.register(Track)
admin.site.register(Axis)
