"""The career ladder: tracks, levels, rubric axes, expectations and rating scales."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Track(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=120)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


class Level(models.Model):
    track = models.ForeignKey(Track, on_delete=models.PROTECT, related_name="levels")
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=120)
    short_name = models.CharField(_("short name"), max_length=60)
    person_noun = models.CharField(_("person noun"), max_length=80)
    rank = models.PositiveSmallIntegerField(default=0)
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    summary = models.TextField(_("what the level means"), blank=True)
    next_level = models.TextField(_("how to reach the next level"), blank=True)
    common_gaps = models.TextField(_("common gaps"), blank=True)

    class Meta:
        ordering = ["rank"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("qa:topic", args=[self.slug])


class Axis(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=80)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        verbose_name_plural = "axes"

    def __str__(self) -> str:
        return self.name


class Expectation(models.Model):
    level = models.ForeignKey(Level, on_delete=models.CASCADE, related_name="expectations")
    axis = models.ForeignKey(Axis, on_delete=models.CASCADE, related_name="expectations")
    text = models.TextField()

    class Meta:
        ordering = ["axis__order"]
        constraints = [
            models.UniqueConstraint(fields=["level", "axis"], name="expectation_level_axis_unique")
        ]

    def __str__(self) -> str:
        return f"{self.level} / {self.axis}"


class RatingScaleQuerySet(models.QuerySet["RatingScale"]):
    def visible_to(self, user: AbstractBaseUser | AnonymousUser) -> "RatingScaleQuerySet":
        """Return the shared scales plus the custom scales this member defined."""
        shared = models.Q(owner__isnull=True)
        if user.is_authenticated:
            return self.filter(shared | models.Q(owner=user))
        return self.filter(shared)


class RatingScale(models.Model):
    """A company's rating scale: a shared preset, or a member's private custom scale."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=120)
    is_preset = models.BooleanField(default=True)
    order = models.PositiveSmallIntegerField(default=0)
    # Custom scales belong to one member and are shown to nobody else.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rating_scales",
    )

    objects = RatingScaleQuerySet.as_manager()

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


class RatingChoice(models.Model):
    """One rating on a scale, mapped onto a common 1-5 value so scales compare."""

    scale = models.ForeignKey(RatingScale, on_delete=models.CASCADE, related_name="choices")
    code = models.CharField(max_length=20)
    label = models.CharField(max_length=80)
    common_value = models.PositiveSmallIntegerField()
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["scale", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["scale", "code"], name="ratingchoice_scale_code_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(common_value__gte=1, common_value__lte=5),
                name="ratingchoice_common_value_1_5",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def display_name(self) -> str:
        """Return the code and meaning once: "M+ — Meets most", or "4 — strong" as it is."""
        code, label = self.code.strip(), self.label.strip()
        if not label or label.casefold() == code.casefold():
            return code
        if self._code_is_untranslated_word():
            return label
        head = label[: len(code)]
        rest = label[len(code) :]
        # A meaning that already starts with the code ("4 — strong") is shown as written.
        if head.casefold() == code.casefold() and (not rest or not rest[0].isalnum()):
            return label
        return f"{code} — {label}"

    @property
    def mark(self) -> str:
        """Return the short form shown beside an axis: the code ("M+"), or the translated
        label where the code is an English word ("Exceeds" reads 超出预期 in Chinese)."""
        return self.label.strip() if self._code_is_untranslated_word() else self.code.strip()

    def _code_is_untranslated_word(self) -> bool:
        """Return whether the code is an English word ("Exceeds") and the label is shown in
        another language: the word would only repeat the label in English."""
        english = (getattr(self, "label_en", None) or self.label).strip()
        code = self.code.strip()
        return self.label.strip() != english and code.isalpha() and len(code) > 2


class Company(models.Model):
    """An employer whose own level names members may give ("Meta", "阿里巴巴")."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=80)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("company")
        verbose_name_plural = _("companies")

    def __str__(self) -> str:
        return self.name


class CompanyLevel(models.Model):
    """One of a company's own levels ("E5", "P6") and the Rung level it roughly matches."""

    company = models.ForeignKey(
        Company, verbose_name=_("company"), on_delete=models.CASCADE, related_name="levels"
    )
    code = models.CharField(
        _("code"), max_length=20, help_text=_('As people say it: "E5", "P6", "L4", "2-1".')
    )
    title = models.CharField(_("title"), max_length=120, blank=True)
    level = models.ForeignKey(
        Level,
        verbose_name=_("matching Rung level"),
        on_delete=models.PROTECT,
        related_name="company_levels",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    source = models.TextField(
        _("source"), help_text=_("Where the mapping comes from and how sure it is.")
    )

    class Meta:
        ordering = ["company__order", "company__slug", "order", "code"]
        verbose_name = _("company level")
        verbose_name_plural = _("company levels")
        constraints = [
            models.UniqueConstraint(
                fields=["company", "code"], name="companylevel_company_code_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.company.name} {self.code}"
