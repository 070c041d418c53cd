"""Members and the profile they show on every post."""

import hashlib
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rung.accounts.initials import initials
from rung.core.fast_urls import fast_reverse
from rung.core.languages import CHINESE, ENGLISH
from rung.core.prepared_sql import PreparedModels

BIO_MAX_LENGTH = 1000
COMPANY_LEVEL_OTHER_MAX_LENGTH = 60

LANGUAGE_CHOICES = [(ENGLISH, _("English")), (CHINESE, _("Chinese (Simplified)"))]


class MemberManager(UserManager["User"]):
    """Django's user manager, with the read of one member by id compiled once.

    Authentication reads the member of every request with `get(pk=...)` (the backends'
    `get_user`); compiling that query cost a tenth of a member's cached question page.
    Any other `get` goes through the ORM as before.
    """

    def get(self, *args: Any, **kwargs: Any) -> "User":
        if not args and self._db is None and self.model is User and len(kwargs) == 1:
            ((name, value),) = kwargs.items()
            if name in ("pk", "id") and type(value) is int:
                rows = _member_by_id.get(value)
                if not rows:
                    raise User.DoesNotExist("User matching query does not exist.")
                return rows[0]
        return super().get(*args, **kwargs)


class User(AbstractUser):
    objects = MemberManager()  # type: ignore[misc]

    display_name = models.CharField(_("display name"), max_length=80, blank=True)
    headline = models.CharField(
        _("headline"),
        max_length=120,
        blank=True,
        help_text=_('For example "Tech Lead/Manager at Meta, Pinterest".'),
    )
    level = models.ForeignKey(
        "ladder.Level",
        verbose_name=_("current level"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    track = models.ForeignKey(
        "ladder.Track",
        verbose_name=_("track"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # A level in the member's company's own terms ("Meta E5"), shown with the Rung level it
    # matches; a company Rung does not list is typed as text instead ("Stripe L3").
    company_level = models.ForeignKey(
        "ladder.CompanyLevel",
        verbose_name=_("company level"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    company_level_other = models.CharField(
        _("other company level"), max_length=COMPANY_LEVEL_OTHER_MAX_LENGTH, blank=True
    )
    companies = models.CharField(
        _("companies"), max_length=200, blank=True, help_text=_("Comma separated.")
    )
    years_experience = models.PositiveSmallIntegerField(
        _("years of experience"), null=True, blank=True
    )
    # Shown on the profile as plain text with its line breaks: no links or formatting, so a
    # profile cannot be turned into a page of link spam, and it reads exactly as typed.
    bio = models.TextField(
        _("about you"),
        max_length=BIO_MAX_LENGTH,
        blank=True,
        help_text=_("A few lines about your work and what you can help with."),
    )
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    avatar = models.ImageField(_("avatar"), upload_to="avatars/", blank=True)
    # Blank means "not chosen": the interface then follows the browser's cookie or its
    # Accept-Language header. A chosen language follows the member to any browser.
    # The companies the member proved they work at, kept by rung/accounts/employers.py from
    # their EmployerVerification rows so a byline shows "✓ Meta" without a query.
    verified_companies = models.JSONField(default=list, blank=True, editable=False)
    # The member's public reputation, copied from the reputation app's ledger so a byline
    # shows it without a query; kept pages show it as of their rendering.
    reputation = models.IntegerField(_("reputation"), default=0, editable=False)
    ui_language = models.CharField(
        _("interface language"),
        max_length=10,
        blank=True,
        choices=settings.LANGUAGES,
        default="",
    )

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return fast_reverse("accounts:profile", self.username)

    @property
    def name(self) -> str:
        return self.display_name or self.username

    @property
    def avatar_hue(self) -> int:
        """Return a stable colour for the generated avatar."""
        return int(hashlib.blake2s(self.username.encode(), digest_size=2).hexdigest(), 16) % 360

    @property
    def initials(self) -> str:
        """Return the letters shown on the generated avatar (rules in rung.accounts.initials)."""
        return initials(self.name)


def user_display(user: User) -> str:
    """Return the name allauth shows for a member."""
    return user.name


class CompanyDomain(models.Model):
    """An e-mail domain that belongs to one employer, as the operator maps it in the admin.

    A member who confirms an address on the domain (or a subdomain of it) is shown as
    working there (rung/accounts/employers.py). Free-mail domains are refused here and never
    verify anything, whatever this table says.
    """

    domain = models.CharField(
        _("domain"), max_length=253, unique=True, help_text=_('For example "meta.com".')
    )
    company_name = models.CharField(
        _("company"), max_length=80, help_text=_('As shown beside a verified member: "Meta".')
    )
    company = models.ForeignKey(
        "ladder.Company",
        verbose_name=_("company in the ladder"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["company_name", "domain"]
        verbose_name = _("company domain")
        verbose_name_plural = _("company domains")

    def __str__(self) -> str:
        return f"{self.domain} → {self.company_name}"


class EmployerVerification(models.Model):
    """A member's proof of working at a company: a confirmed address on its domain.

    The address itself is private: pages show only the company's name. A verification
    lapses when the address is removed or unconfirmed, or `expires_at` passes without the
    member confirming the address again.
    """

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="employer_verifications"
    )
    email = models.EmailField(_("work address"))
    domain = models.ForeignKey(CompanyDomain, on_delete=models.CASCADE, related_name="+")
    company_name = models.CharField(_("company"), max_length=80)
    verified_at = models.DateTimeField(_("verified at"))
    expires_at = models.DateTimeField(_("expires at"))
    lapsed_at = models.DateTimeField(_("lapsed at"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "email"], name="employerverification_unique")
        ]
        indexes = [models.Index(fields=["lapsed_at", "expires_at"], name="employerverif_due_idx")]
        verbose_name = _("employer verification")

    def __str__(self) -> str:
        return f"{self.member_id}: {self.company_name}"


class SignupNetwork(models.Model):
    """Where an account was created from: a keyed hash of the network, never the address.

    IPv4 addresses count by their /24 and IPv6 by their /56, so accounts made from one home
    or office share a key; reputation counts likes from such accounts, made close together,
    once (rung/reputation/rules.py).
    """

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="signup_network",
    )
    network = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.member_id}: {self.network[:8]}"


# Through the queryset, not the manager's `get` above, so it compiles what `get` would.
_member_by_id = PreparedModels(lambda pk: User._default_manager.get_queryset().filter(pk=pk))
