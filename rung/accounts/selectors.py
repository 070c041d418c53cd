"""Reads about members that other apps need, without reaching into allauth themselves."""

from typing import Literal

from allauth.account.models import EmailAddress
from django.db.models import Exists, F, OuterRef, Q, QuerySet

from rung.accounts.models import User
from rung.accounts.slots import answer_totals_source
from rung.ladder.models import Level


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


DirectorySort = Literal["answers", "newest"]
DIRECTORY_SORTS: tuple[DirectorySort, ...] = ("answers", "newest")


def member_directory(
    *, query: str = "", level: Level | None = None, sort: DirectorySort = "answers"
) -> QuerySet[User]:
    """Return the members the directory lists, unevaluated, for a paginator to slice.

    Only active accounts: a suspended member's account is inactive until the suspension
    ends, and a deactivated one is gone from the community. Each row carries
    `answer_total` when an app above counts answers (accounts.slots).
    """
    members = User.objects.filter(is_active=True).select_related("level")
    if query:
        members = members.filter(
            Q(display_name__icontains=query)
            | Q(username__icontains=query)
            | Q(headline__icontains=query)
        )
    if level is not None:
        members = members.filter(level=level)
    annotate = answer_totals_source()
    if annotate is not None:
        members = annotate(members)
    if sort == "answers" and annotate is not None:
        # The annotation comes from above, so the type checker cannot know the field.
        return members.order_by(F("answer_total").desc(), "-date_joined", "-pk")
    return members.order_by("-date_joined", "-pk")


def members_to_mail() -> QuerySet[User]:
    """Return the active members Rung may send mail of its own to, at `User.email`.

    An address someone signed up with is mailed once its owner confirmed it: until then it
    may belong to somebody else, who never asked for mail. An account with no address rows
    at all was made by the operator (the admin, an import, the demo), who typed the address.
    """
    confirmed = EmailAddress.objects.filter(
        user=OuterRef("pk"), email__iexact=OuterRef("email"), verified=True
    )
    known = EmailAddress.objects.filter(user=OuterRef("pk"))
    return (
        User.objects.filter(is_active=True)
        .exclude(email="")
        .filter(Exists(confirmed) | ~Exists(known))
    )
