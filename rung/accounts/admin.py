from typing import Any

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from rung.accounts import login_throttle
from rung.accounts.avatars import avatar_file_discard, avatar_file_name
from rung.accounts.models import User


class ThrottledAdminLoginForm(AdminAuthenticationForm):
    """The admin log-in, saying so when failed attempts have closed it for a while."""

    def get_invalid_login_error(self) -> ValidationError:
        if wait := login_throttle.refusal_for(self.request):
            return ValidationError(login_throttle.refusal_message(wait), code="too_many_attempts")
        return super().get_invalid_login_error()


# The admin's log-in goes through the same throttle as the members' (LoginThrottleBackend).
admin.site.login_form = ThrottledAdminLoginForm


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

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        # The change view runs in a transaction: a replaced avatar's file goes once it commits.
        previous = avatar_file_name(obj.pk) if change else ""
        super().save_model(request, obj, form, change)
        if previous != obj.avatar.name:
            avatar_file_discard(previous)
