"""Rung's django-allauth adapter: account emails in the recipient's language."""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.contrib.auth.base_user import AbstractBaseUser
from django.forms import BaseForm
from django.http import HttpRequest
from django.utils import translation

from rung.accounts.models import User
from rung.languages.preferences import language_of, supported_language


def _recipient(email: str, context: dict[str, Any]) -> User | None:
    """Return the member an account email goes to, if the address belongs to one."""
    if isinstance(context.get("user"), User):
        return context["user"]
    address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
    if address is not None and isinstance(address.user, User):
        return address.user
    return User.objects.filter(email__iexact=email, is_active=True).order_by("pk").first()


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """Render and send an account email in the language its recipient reads."""
        # A password reset asked for from an English browser still reaches a member who
        # reads Chinese in Chinese; only addresses of no member fall back to the request's.
        with language_of(_recipient(email, context)):
            super().send_mail(template_prefix, email, context)

    def save_user(
        self, request: HttpRequest, user: AbstractBaseUser, form: BaseForm, commit: bool = True
    ) -> AbstractBaseUser:
        """Create the member with the interface language they signed up in."""
        # Keeping it on the profile makes the confirmation email, later emails and other
        # browsers use the language the member was reading; the profile form changes it.
        if isinstance(user, User) and not user.ui_language:
            user.ui_language = supported_language(translation.get_language())
        return super().save_user(request, user, form, commit)
