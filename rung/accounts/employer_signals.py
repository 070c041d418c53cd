"""allauth's address events, turned into employer verifications (rung/accounts/employers.py)."""

from typing import Any

from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed, email_removed
from django.contrib import messages
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.translation import gettext as _

from rung.accounts import employers
from rung.accounts.models import User


def _member(address: EmailAddress) -> User | None:
    user = address.user if address.user_id else None
    return user if isinstance(user, User) else None


@receiver(email_confirmed, dispatch_uid="rung.accounts.employer_on_email_confirmed")
def employer_on_email_confirmed(
    sender: Any, request: HttpRequest | None = None, email_address: Any = None, **kwargs: Any
) -> None:
    """A confirmed address on a mapped domain verifies its company for another period."""
    if not isinstance(email_address, EmailAddress) or (member := _member(email_address)) is None:
        return
    verification = employers.employer_verification_confirm(member=member, email=email_address.email)
    if request is None or not hasattr(request, "_messages"):
        return
    if verification is not None:
        messages.success(
            request,
            _("Your profile and answers now show ✓ %(company)s. The address itself is never shown.")
            % {"company": verification.company_name},
        )
    elif EmailAddress.objects.filter(user_id=member.pk).count() > 1:
        # Said of an address added on the e-mail page, not of the one a member signed up with.
        status = employers.address_status(email_address.email)
        if status.kind == "free":
            messages.info(request, _("This is a free-mail address, so it verifies no employer."))
        elif status.kind == "unmapped":
            messages.info(
                request,
                _(
                    "No employer was verified: this address's domain is not one Rung knows "
                    "as a company's. Ask the site's operator to add it."
                ),
            )


@receiver(email_removed, dispatch_uid="rung.accounts.employer_on_email_removed")
def employer_on_email_removed(
    sender: Any, request: Any = None, user: Any = None, email_address: Any = None, **kwargs: Any
) -> None:
    if isinstance(user, User) and isinstance(email_address, EmailAddress):
        employers.employer_verification_lapse(member=user, email=email_address.email)


# allauth has no event for an address unconfirmed or edited in the admin, removed by a
# change of address or deleted with a cascade; the rows themselves say so.
@receiver(post_save, sender=EmailAddress, dispatch_uid="rung.accounts.employer_on_address_save")
def employer_on_address_save(sender: Any, instance: EmailAddress, **kwargs: Any) -> None:
    if (member := _member(instance)) is not None:
        employers.employer_verifications_reconcile(member=member)


@receiver(post_delete, sender=EmailAddress, dispatch_uid="rung.accounts.employer_on_address_delete")
def employer_on_address_delete(sender: Any, instance: EmailAddress, **kwargs: Any) -> None:
    if instance.user_id is None:
        return
    member = User.objects.filter(pk=instance.user_id).first()
    if member is not None:
        employers.employer_verifications_reconcile(member=member)
