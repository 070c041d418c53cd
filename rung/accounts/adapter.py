"""Rung's django-allauth adapter: account emails in the recipient's language."""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _

from rung.accounts import login_throttle
from rung.accounts.interface_language import language_of, supported_language
from rung.accounts.models import User
from rung.accounts.selectors import member_with_email, older_account_with_email


def _recipient(email: str, context: dict[str, Any]) -> User | None:
    """Return the member an account email goes to, if the address belongs to one."""
    if isinstance(context.get("user"), User):
        return context["user"]
    return member_with_email(email)


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

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """Leave failed log-ins to Rung's throttle, which the admin log-in shares."""

    def authentication_failed(self, request: HttpRequest, **credentials: Any) -> None:
        """Say why a refused log-in was refused, instead of blaming the password."""
        if wait := login_throttle.refusal_for(request):
            raise ValidationError(login_throttle.refusal_message(wait), code="too_many_attempts")

    def confirm_email(self, request: HttpRequest, email_address: EmailAddress) -> bool:
        """Confirm an address, unless an older account already has it.

        Sign-up lets a second account type an address that is taken (so its answer cannot
        tell whether it is), and the confirmation mail goes to that address's owner. A
        click there must not hand the address to the newcomer, so it is refused, and the
        one who clicked (the mailbox's owner, who may know) is told why.
        """
        if older_account_with_email(email_address.email, than=email_address.user_id):
            messages.error(
                request,
                _(
                    "This address already belongs to another Rung account, so it cannot be "
                    "confirmed for this one. Log in to the account you had before."
                ),
            )
            return False
        return super().confirm_email(request, email_address)
