from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from rung.accounts.models import User


@admin.register(User)
class MemberAdmin(UserAdmin):
    list_display = ["username", "email", "display_name", "headline", "level", "is_staff"]
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (
            "Profile",
            {
                "fields": (
                    "display_name",
                    "headline",
                    "level",
                    "track",
                    "companies",
                    "years_experience",
                    "languages",
                    "ui_language",
                    "avatar",
                )
            },
        ),
    )
