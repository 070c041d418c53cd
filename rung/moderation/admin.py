from django.contrib import admin

from rung.moderation.models import AuditEntry, Flag, Notice, Penalty, Review, SpamDomain, Standing


@admin.register(Standing)
class StandingAdmin(admin.ModelAdmin):
    list_display = ["member", "trust_level", "level_locked", "posts_written", "likes_received"]
    list_filter = ["trust_level", "level_locked"]
    search_fields = ["member__username", "member__email"]
    raw_id_fields = ["member"]


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    list_display = ["post_kind", "post_id", "flagger", "reason", "weight", "created_at", "outcome"]
    list_filter = ["reason", "outcome", "post_kind"]
    raw_id_fields = ["flagger"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["post_kind", "post_id", "why", "created_at", "resolved_at", "outcome"]
    list_filter = ["why", "outcome", "post_kind"]
    raw_id_fields = ["author", "resolved_by"]


@admin.register(Penalty)
class PenaltyAdmin(admin.ModelAdmin):
    list_display = ["member", "kind", "until", "reason", "by", "lifted_at"]
    list_filter = ["kind"]
    search_fields = ["member__username", "reason"]
    raw_id_fields = ["member", "by"]


@admin.register(SpamDomain)
class SpamDomainAdmin(admin.ModelAdmin):
    list_display = ["domain", "added_by", "created_at"]
    search_fields = ["domain"]
    raw_id_fields = ["added_by"]


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["member", "text", "created_at", "shown_at"]
    raw_id_fields = ["member"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log reads only: an entry changed after the fact would prove nothing."""

    list_display = ["created_at", "actor_name", "action", "target_kind", "target_id", "reason"]
    list_filter = ["action", "target_kind"]
    search_fields = ["actor_name", "target_label", "reason"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
