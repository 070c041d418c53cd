"""The ladder in the Django admin: levels, axes and the preset rating scales.

Every content field shows one input per language, English and Chinese, one under the other
(modeltranslation's TranslationAdmin; its tabbed variant loads jQuery UI from a CDN, which
a self-hosted install and the content security policy both rule out).

A member's custom rating scale names their employer's ratings and is private to them, so
only superusers see custom scales here; staff with model permissions see the presets.
"""

from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.forms import Textarea
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from rung.ladder.models import (
    Axis,
    Company,
    CompanyLevel,
    Expectation,
    Level,
    RatingChoice,
    RatingScale,
    Track,
)


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


class CompanyLevelInline(TranslationTabularInline):
    """A company's levels with the Rung level each matches and where that comes from."""

    model = CompanyLevel
    extra = 1
    fields = ["order", "code", "title", "level", "source"]
    formfield_overrides = {models.TextField: {"widget": Textarea(attrs={"rows": 2, "cols": 50})}}

    def get_queryset(self, request: HttpRequest) -> QuerySet[CompanyLevel]:
        return super().get_queryset(request).select_related("level")


@admin.register(Company)
class CompanyAdmin(TranslationAdmin):
    """Operators edit the company-level mapping here; the compare page reads it as it is."""

    list_display = ["name", "slug", "order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "slug"]
    inlines = [CompanyLevelInline]


@admin.register(Track)
class TrackAdmin(TranslationAdmin):
    list_display = ["name", "order"]


@admin.register(Axis)
class AxisAdmin(TranslationAdmin):
    list_display = ["name", "order"]
