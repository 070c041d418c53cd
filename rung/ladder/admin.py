from django.contrib import admin

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


@admin.register(RatingScale)
class RatingScaleAdmin(admin.ModelAdmin):
    list_display = ["name", "is_preset"]
    inlines = [RatingChoiceInline]


admin.site.register(Track)
admin.site.register(Axis)
