from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ValidationError

from rung.accounts import login_throttle
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
