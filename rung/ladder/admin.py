"""The ladder in the Django admin: levels, axes and the preset rating scales.

Every content field shows one input per language, English and Chinese, one under the other
(modeltranslation's TranslationAdmin; its tabbed variant loads jQuery UI from a CDN, which
a self-hosted install and the content security policy both rule out).

A member's custom rating scale names their employer's ratings and is private to them, so
only superusers see custom scales here; staff with model permissions see the presets.
"""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from rung.ladder.models import Axis, Expectation, Level, RatingChoice, RatingScale, Track


class ExpectationInline(TranslationTabularInline):
    model = Expectation
    extra = 0


class RatingChoiceInline(TranslationTabularInline):
    model = RatingChoice
    extra = 0


@admin.register(Level)
class LevelAdmin(TranslationAdmin):
    list_display = ["name", "track", "rank"]
    inlines = [ExpectationInline]


def _is_private_scale(request: HttpRequest, obj: Any) -> bool:
    return obj is not None and obj.owner_id is not None and not request.user.is_superuser


@admin.register(RatingScale)
class RatingScaleAdmin(TranslationAdmin):
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


@admin.register(Track)
class TrackAdmin(TranslationAdmin):
    list_display = ["name", "order"]


@admin.register(Axis)
class AxisAdmin(TranslationAdmin):
    list_display = ["name", "order"]
