"""Verified employers: a confirmed work address on a company's domain shows "✓ Company".

The address stays private; pages show only the company's name, kept on the member's row
(`User.verified_companies`) so a byline needs no query. A verification lasts
`RUNG_EMPLOYER_VERIFICATION_DAYS` from the last confirmation and lapses earlier when the
address is removed or stops being confirmed. Free-mail domains never verify anything,
whatever the operator maps.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from rung.accounts.models import CompanyDomain, EmployerVerification, User

# Addresses anyone can get: they prove nothing about where someone works.
FREE_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "live.com",
        "msn.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "proton.me",
        "protonmail.com",
        "protonmail.ch",
        "pm.me",
        "tutanota.com",
        "tuta.io",
        "fastmail.com",
        "hey.com",
        "qq.com",
        "vip.qq.com",
        "163.com",
        "126.com",
        "yeah.net",
        "sina.com",
        "sina.cn",
        "sohu.com",
        "foxmail.com",
        "aliyun.com",
        "139.com",
        "mail.com",
        "email.com",
        "aol.com",
        "zoho.com",
        "zohomail.com",
        "mail.ru",
        "inbox.ru",
        "list.ru",
        "bk.ru",
        "rambler.ru",
        "naver.com",
        "daum.net",
        "hanmail.net",
        "rediffmail.com",
        "web.de",
        "t-online.de",
        "libero.it",
        "laposte.net",
        "orange.fr",
        "free.fr",
        "comcast.net",
        "verizon.net",
        "att.net",
        "mailinator.com",
        "guerrillamail.com",
        "10minutemail.com",
        "temp-mail.org",
        "yopmail.com",
        "sharklasers.com",
        "example.com",
        "example.org",
        "example.net",
    }
)
# Providers with a domain in many countries: hotmail.co.uk, yahoo.co.jp, gmx.de, yandex.ru.
FREE_MAIL_FAMILIES = frozenset(
    {"hotmail", "outlook", "live", "yahoo", "ymail", "yandex", "gmx", "aol", "gmail"}
)

RECONFIRM_SALT = "rung.accounts.employer-again"
RECONFIRM_LINK_DAYS = 3
# How long before a verification ends its page asks the member to confirm again.
RENEW_NOTICE_DAYS = 30


def normalize_domain(value: str) -> str:
    """Return a domain lower-cased and in its ASCII (IDNA) form; ValueError if it is not one."""
    text = value.strip().rstrip(".").lower()
    if not text or len(text) > 253 or "@" in text:
        raise ValueError(value)
    try:
        ascii_form = text.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise ValueError(value) from error
    labels = ascii_form.split(".")
    if len(labels) < 2 or any(
        not label
        or len(label) > 63
        or label.startswith("-")
        or label.endswith("-")
        or not all(c.isalnum() or c == "-" for c in label)
        for label in labels
    ):
        raise ValueError(value)
    return ascii_form


def domain_of(email: str) -> str | None:
    """Return the normalized domain of an address, or None when it has none."""
    _, at, domain = (email or "").rpartition("@")
    if not at:
        return None
    try:
        return normalize_domain(domain)
    except ValueError:
        return None


def _parents(domain: str) -> list[str]:
    """eng.meta.com → ["eng.meta.com", "meta.com"]: the domain and its parents of 2+ labels."""
    labels = domain.split(".")
    return [".".join(labels[i:]) for i in range(len(labels) - 1)]


def is_free_mail(domain: str) -> bool:
    """Whether a (normalized) domain or a parent of it is a free-mail provider's."""
    if any(parent in FREE_MAIL_DOMAINS for parent in _parents(domain)):
        return True
    labels = domain.split(".")
    for i, label in enumerate(labels):
        tail = labels[i + 1 :]
        if label in FREE_MAIL_FAMILIES and len(tail) in (1, 2) and all(len(t) <= 4 for t in tail):
            return True
    return False


def company_domain_for(email: str) -> CompanyDomain | None:
    """Return the mapping an address verifies, the most specific one; never for free mail."""
    domain = domain_of(email)
    if domain is None or is_free_mail(domain):
        return None
    candidates = _parents(domain)
    found = {row.domain: row for row in CompanyDomain.objects.filter(domain__in=candidates)}
    return next((found[name] for name in candidates if name in found), None)


@dataclass(frozen=True)
class AddressStatus:
    """What an address means for employer verification, as its owner's pages say it."""

    kind: str  # "free", "unmapped", "company" or "invalid"
    company_name: str = ""


def address_status(email: str) -> AddressStatus:
    domain = domain_of(email)
    if domain is None:
        return AddressStatus("invalid")
    if is_free_mail(domain):
        return AddressStatus("free")
    mapping = company_domain_for(email)
    if mapping is None:
        return AddressStatus("unmapped")
    return AddressStatus("company", mapping.company_name)


def verification_days() -> int:
    return max(1, int(getattr(settings, "RUNG_EMPLOYER_VERIFICATION_DAYS", 365)))


def _live(now: dt.datetime) -> Q:
    return Q(lapsed_at__isnull=True, expires_at__gt=now)


# --- selectors -----------------------------------------------------------------------------


def member_verifications(member: User) -> list[EmployerVerification]:
    """Return a member's verifications, live ones first, newest first (one query)."""
    return list(
        EmployerVerification.objects.filter(member=member).order_by(
            "lapsed_at", "-expires_at", "company_name"
        )
    )


def verification_is_live(verification: EmployerVerification, now: dt.datetime) -> bool:
    return verification.lapsed_at is None and verification.expires_at > now


def verification_renew_soon(verification: EmployerVerification, now: dt.datetime) -> bool:
    return verification_is_live(
        verification, now
    ) and verification.expires_at <= now + dt.timedelta(days=RENEW_NOTICE_DAYS)


# --- services ------------------------------------------------------------------------------


def verified_companies_refresh(*, member: User, now: dt.datetime | None = None) -> list[str]:
    """Recompute `member.verified_companies` from their live verifications and save it if it
    changed (which raises the people version, so cached bylines render again)."""
    now = now or timezone.now()
    names = EmployerVerification.objects.filter(_live(now), member_id=member.pk).values_list(
        "company_name", flat=True
    )
    companies = sorted(set(names), key=lambda name: (name.casefold(), name))
    if companies != list(member.verified_companies or []):
        member.verified_companies = companies
        member.save(update_fields=["verified_companies"])
    return companies


@transaction.atomic
def employer_verification_confirm(
    *, member: User, email: str, now: dt.datetime | None = None
) -> EmployerVerification | None:
    """A member confirmed `email`: verify its company for another period, or lapse what the
    address verified if its domain no longer maps to one. Returns the live verification."""
    now = now or timezone.now()
    email = email.strip().lower()
    mapping = company_domain_for(email)
    if mapping is None:
        employer_verification_lapse(member=member, email=email, now=now)
        return None
    verification, _ = EmployerVerification.objects.update_or_create(
        member=member,
        email=email,
        defaults={
            "domain": mapping,
            "company_name": mapping.company_name,
            "verified_at": now,
            "expires_at": now + dt.timedelta(days=verification_days()),
            "lapsed_at": None,
        },
    )
    verified_companies_refresh(member=member, now=now)
    return verification


@transaction.atomic
def employer_verification_lapse(*, member: User, email: str, now: dt.datetime | None = None) -> int:
    """End what `email` verifies for the member (the address was removed or unconfirmed)."""
    now = now or timezone.now()
    lapsed = EmployerVerification.objects.filter(
        member_id=member.pk, email__iexact=email.strip(), lapsed_at__isnull=True
    ).update(lapsed_at=now)
    if lapsed or member.verified_companies:
        verified_companies_refresh(member=member, now=now)
    return lapsed


def employer_verifications_reconcile(*, member: User, now: dt.datetime | None = None) -> int:
    """Lapse the member's verifications whose address is no longer theirs and confirmed."""
    from allauth.account.models import EmailAddress

    now = now or timezone.now()
    live = list(
        EmployerVerification.objects.filter(
            member_id=member.pk, lapsed_at__isnull=True
        ).values_list("email", flat=True)
    )
    if not live:
        return 0
    confirmed = {
        address.lower()
        for address in EmailAddress.objects.filter(user_id=member.pk, verified=True).values_list(
            "email", flat=True
        )
    }
    gone = [email for email in live if email.lower() not in confirmed]
    return sum(employer_verification_lapse(member=member, email=email, now=now) for email in gone)


@transaction.atomic
def employer_verification_withdraw(*, member: User, verification_id: int) -> bool:
    """The member takes a mark off their profile, keeping the address."""
    now = timezone.now()
    lapsed = EmployerVerification.objects.filter(
        pk=verification_id, member_id=member.pk, lapsed_at__isnull=True
    ).update(lapsed_at=now)
    verified_companies_refresh(member=member, now=now)
    return bool(lapsed)


def employer_verifications_lapse(now: dt.datetime) -> int:
    """Lapse every verification whose time ran out; return how many (periodic work)."""
    due = EmployerVerification.objects.filter(lapsed_at__isnull=True, expires_at__lte=now)
    member_ids = set(due.values_list("member_id", flat=True))
    lapsed = 0
    for member in User.objects.filter(pk__in=member_ids):
        with transaction.atomic():
            lapsed += EmployerVerification.objects.filter(
                member_id=member.pk, lapsed_at__isnull=True, expires_at__lte=now
            ).update(lapsed_at=now)
            verified_companies_refresh(member=member, now=now)
    return lapsed


def company_domain_members_refresh(*, member_ids: set[int]) -> None:
    """After an operator renamed or removed a mapping: its members' marks follow."""
    for member in User.objects.filter(pk__in=member_ids):
        with transaction.atomic():
            verified_companies_refresh(member=member)


@transaction.atomic
def company_domain_save(*, mapping: CompanyDomain) -> CompanyDomain:
    """Save an operator's mapping; a renamed company is renamed on its members' marks."""
    mapping.domain = normalize_domain(mapping.domain)
    mapping.save()
    renamed = EmployerVerification.objects.filter(domain=mapping).exclude(
        company_name=mapping.company_name
    )
    member_ids = set(renamed.values_list("member_id", flat=True))
    renamed.update(company_name=mapping.company_name)
    company_domain_members_refresh(member_ids=member_ids)
    return mapping


@transaction.atomic
def company_domains_delete(*, mappings: list[CompanyDomain]) -> None:
    """Remove mappings; what they verified goes with them."""
    ids = [mapping.pk for mapping in mappings]
    member_ids = set(
        EmployerVerification.objects.filter(domain_id__in=ids).values_list("member_id", flat=True)
    )
    CompanyDomain.objects.filter(pk__in=ids).delete()
    company_domain_members_refresh(member_ids=member_ids)


# --- confirming again ----------------------------------------------------------------------


def reconfirm_key(*, member: User, email: str) -> str:
    return signing.dumps({"m": member.pk, "e": email.lower()}, salt=RECONFIRM_SALT, compress=True)


def reconfirm_target(key: str) -> tuple[User, str] | None:
    """Return the member and address a confirm-again link is for, if it is good and current."""
    from allauth.account.models import EmailAddress

    try:
        data = signing.loads(key, salt=RECONFIRM_SALT, max_age=RECONFIRM_LINK_DAYS * 86400)
        member_id, email = int(data["m"]), str(data["e"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    address = (
        EmailAddress.objects.filter(user_id=member_id, email__iexact=email, verified=True)
        .select_related("user")
        .first()
    )
    if address is None or not isinstance(address.user, User):
        return None
    return address.user, address.email
