"""Reads about members that other apps need, without reaching into allauth themselves."""

import string
from collections.abc import Sequence
from typing import Any, Literal

from allauth.account.models import EmailAddress
from django.db import connection
from django.db.models import Exists, F, Func, OuterRef, Q, QuerySet
from django.db.models.functions import Collate, Lower

from rung.accounts.models import User
from rung.accounts.slots import answer_totals_source, directory_extension
from rung.ladder.models import Level
from rung.ladder.selectors import level_guide_deferred

# What a byline shows of a member: their level and company level, each with its names.
_BYLINE_RELATED = ("level", "company_level__company", "company_level__level")


def byline_related(path: str = "") -> tuple[str, ...]:
    """Return the select_related paths that load a byline's member, e.g. `path="author"`."""
    if not path:
        return _BYLINE_RELATED
    return (path, *(f"{path}__{name}" for name in _BYLINE_RELATED))


# What a byline never shows of the member: their account's own columns and the profile's
# longer parts. A thread reads them once per post, each converted (dates, JSON) on the way.
_BYLINE_UNUSED = (
    "password",
    "last_login",
    "is_superuser",
    "first_name",
    "last_name",
    "email",
    "is_staff",
    "is_active",
    "date_joined",
    "bio",
    "languages",
    "companies",
    "years_experience",
    "ui_language",
)


def byline_deferred(path: str) -> tuple[str, ...]:
    """Return what `defer()` leaves out of what `byline_related(path)` joins: the member's
    columns a byline never shows and their levels' guide texts. A thread reads its posts'
    authors with two levels each, and the guide's paragraphs in each language were most of
    what that read returned."""
    return (
        *(f"{path}__{name}" for name in _BYLINE_UNUSED),
        *level_guide_deferred(f"{path}__level", f"{path}__company_level__level"),
    )


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


DirectorySort = Literal["reputation", "answers", "newest"]
DIRECTORY_SORTS: tuple[DirectorySort, ...] = ("reputation", "answers", "newest")


def member_directory(
    *,
    query: str = "",
    level: Level | None = None,
    company: str = "",
    expertise: str = "",
    sort: DirectorySort = "reputation",
) -> QuerySet[User]:
    """Return the members the directory lists, unevaluated, for a paginator to slice.

    Only active accounts: a suspended member's account is inactive until the suspension
    ends, and a deactivated one is gone from the community. `company` matches, without
    regard to case, any part of a verified company's name, of the company of the member's
    company level, or of the companies they typed. Sorted by answers, each row carries
    `answer_total` when an app above counts answers (other orders fill it in for the page
    alone: `directory_answer_totals`), and `reputation` (and, filtered by `expertise`, a topic's
    slug, `expertise_points`) when one keeps reputation (accounts.slots).
    """
    members = User.objects.filter(is_active=True).select_related(
        "level", "company_level__company", "company_level__level"
    )
    if query:
        members = members.filter(
            Q(display_name__icontains=query)
            | Q(username__icontains=query)
            | Q(headline__icontains=query)
        )
    if level is not None:
        members = members.filter(level=level)
    if company:
        members = members.filter(
            Q(verified_companies__icontains=company)
            | Q(company_level__company__name__icontains=company)
            | Q(companies__icontains=company)
        )
    annotate = answer_totals_source()
    if annotate is not None and sort == "answers":
        # Only this order needs every member's count; the others count the page's rows
        # alone (directory_answer_totals), not every member's answers on every view.
        members = annotate(members)
    extension = directory_extension()
    if extension is not None:
        members = extension.annotate(members, expertise)
    order: list[Any] = []
    if expertise and extension is not None and sort == "reputation":
        order.append(F("expertise_points").desc())
    if sort == "reputation" and extension is not None:
        order.append(F("reputation").desc())
    elif sort == "answers" and annotate is not None:
        # The annotations come from above, so the type checker cannot know the fields.
        order.append(F("answer_total").desc())
    return members.order_by(*order, "-date_joined", "-pk")


def directory_answer_totals(rows: Sequence[User]) -> None:
    """Give a directory page's rows their `answer_total`, for the rows that lack it.

    One query for the page, whatever the number of members: the count is the same one
    `member_directory` orders by for "most answers".
    """
    annotate = answer_totals_source()
    missing = [row for row in rows if not hasattr(row, "answer_total")]
    if annotate is None or not missing:
        return
    counted = annotate(User.objects.filter(pk__in=[row.pk for row in missing]))
    totals = {member.pk: member.answer_total for member in counted.only("pk")}  # type: ignore[attr-defined]
    for row in missing:
        row.answer_total = totals.get(row.pk, 0)  # type: ignore[attr-defined]


# Names by prefix and by mention ----------------------------------------------------------
# Members are found by their username or display name without regard to case, through the
# expression indexes of migration 0004: lower(name) on SQLite, lower(name) COLLATE "C" on
# PostgreSQL. The "C" collation orders by code point, so every name that starts with a
# prefix lies in one range of the index, [prefix, prefix + U+10FFFF), read in order and
# cut at the limit: a look-up costs a few index pages however many members there are.
# SQLite's lower() folds only ASCII letters, so the text compared is folded the same way.
SUGGESTIONS_MAX = 8
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_PAST_EVERY_CHARACTER = "\U0010ffff"


def _fold(text: str) -> str:
    """Fold text the way the database folds the names it compares it with."""
    if connection.vendor == "postgresql":
        return text.lower()
    return text.translate(_ASCII_LOWER)


def _folded(field: str) -> Func:
    """Return the indexed expression of a name column: lower-cased, in code point order."""
    if connection.vendor == "postgresql":
        return Collate(Lower(field), "C")
    return Lower(field)


def _starting_with(field: str, prefix: str) -> QuerySet[User]:
    """Return active members whose folded `field` starts with the folded prefix, in its order."""
    return (
        User.objects.annotate(name_key=_folded(field))
        .filter(is_active=True, name_key__gte=prefix, name_key__lt=prefix + _PAST_EVERY_CHARACTER)
        .order_by("name_key", "pk")
    )


def member_suggestions(query: str, *, limit: int = SUGGESTIONS_MAX) -> list[User]:
    """Return up to `limit` active members whose username, then display name, starts with `query`.

    Case does not matter. Two index range scans, each stopped at the limit.
    """
    prefix = _fold(query)
    if not prefix:
        return []
    found = list(_starting_with("username", prefix)[:limit])
    if len(found) < limit:
        by_name = _starting_with("display_name", prefix).exclude(pk__in=[m.pk for m in found])
        found += list(by_name[: limit - len(found)])
    return found


def members_named(names: Sequence[str]) -> dict[str, User]:
    """Return the active member each username names, by name as given, in one query.

    Case does not matter (sign-up keeps usernames unique without regard to it); should two
    accounts differ only in case, the one spelt exactly as given wins, else the oldest.
    """
    keys = {name: _fold(name) for name in names}
    if not keys:
        return {}
    rows = (
        User.objects.annotate(name_key=_folded("username"))
        .filter(is_active=True, name_key__in=set(keys.values()))
        .order_by("pk")
    )
    by_key: dict[str, list[User]] = {}
    for member in rows:
        by_key.setdefault(member.name_key, []).append(member)
    named: dict[str, User] = {}
    for name, key in keys.items():
        if candidates := by_key.get(key):
            named[name] = next((m for m in candidates if m.username == name), candidates[0])
    return named


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
