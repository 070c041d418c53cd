"""Reads about members that other apps need, without reaching into allauth themselves."""

from allauth.account.models import EmailAddress

from rung.accounts.models import User


def member_own_emails(member: User) -> set[str]:
    """Return every address on a member's account, confirmed or not, lower-cased."""
    addresses = {member.email.lower()} if member.email else set()
    addresses.update(
        address.lower()
        for address in EmailAddress.objects.filter(user=member).values_list("email", flat=True)
    )
    return addresses


def member_with_email(email: str) -> User | None:
    """Return a member who has this address, for choosing the language of mail sent to it."""
    address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
    if address is not None and isinstance(address.user, User):
        return address.user
    return User.objects.filter(email__iexact=email, is_active=True).order_by("pk").first()


def older_account_with_email(email: str, *, than: int) -> bool:
    """Say whether an account created before account `than` has this address."""
    older = User.objects.filter(pk__lt=than)
    return (
        older.filter(email__iexact=email).exists()
        or EmailAddress.objects.filter(email__iexact=email, user__in=older).exists()
    )
