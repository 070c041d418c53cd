from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from rung.accounts import employers, login_throttle
from rung.accounts.avatars import avatar_file_discard, avatar_file_name
from rung.accounts.models import CompanyDomain, EmployerVerification, User


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


class CompanyDomainForm(forms.ModelForm):
    class Meta:
        model = CompanyDomain
        fields = ["domain", "company_name", "company"]

    def clean_domain(self) -> str:
        value = self.cleaned_data["domain"]
        try:
            domain = employers.normalize_domain(value.removeprefix("@"))
        except ValueError:
            raise ValidationError(
                _('Enter a domain such as "meta.com", without "@" or "https://".'),
                code="invalid",
            ) from None
        if employers.is_free_mail(domain):
            raise ValidationError(
                _(
                    "%(domain)s is a free-mail domain: anyone can get an address there, so it "
                    "cannot verify an employer."
                )
                % {"domain": domain},
                code="free_mail",
            )
        clash = CompanyDomain.objects.filter(domain=domain).exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError(_("This domain is already mapped."), code="unique")
        return domain


@admin.register(CompanyDomain)
class CompanyDomainAdmin(admin.ModelAdmin):
    """Which e-mail domains verify which employer; a subdomain counts as its parent."""

    form = CompanyDomainForm
    list_display = ["domain", "company_name", "company", "created_at"]
    list_select_related = ["company"]
    search_fields = ["domain", "company_name"]
    raw_id_fields = ["company"]

    def save_model(self, request: HttpRequest, obj: CompanyDomain, form: Any, change: bool) -> None:
        employers.company_domain_save(mapping=obj)

    def delete_model(self, request: HttpRequest, obj: CompanyDomain) -> None:
        employers.company_domains_delete(mappings=[obj])

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[CompanyDomain]) -> None:
        employers.company_domains_delete(mappings=list(queryset))


@admin.register(EmployerVerification)
class EmployerVerificationAdmin(admin.ModelAdmin):
    """Who verified which employer with which address: for operators only, read-only."""

    list_display = ["member", "company_name", "email", "verified_at", "expires_at", "lapsed_at"]
    list_filter = [("lapsed_at", admin.EmptyFieldListFilter), "company_name"]
    list_select_related = ["member"]
    search_fields = ["company_name", "member__username", "email"]
    ordering = ["-verified_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
