"""Moderation's forms: sign-up and log-in checks, flags, and the moderators' actions."""

from typing import Any

from allauth.account import forms as allauth_forms
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rung.accounts.models import User
from rung.core.human_check import HumanCheckMixin
from rung.moderation import services
from rung.moderation.models import Flag, Penalty, TrustLevel
from rung.qa.models import Question, Topic

REASON_MAX = 500


class SignupForm(HumanCheckMixin, allauth_forms.SignupForm):
    """allauth's sign-up, with a honeypot and a minimum fill time against scripts."""

    field_order = ["email", "username", "password1", "password2", "website", "started"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.min_fill_seconds = settings.RUNG_SIGNUP_MIN_SECONDS


class LoginForm(allauth_forms.LoginForm):
    """allauth's log-in, telling a suspended member (with the right password) why and until when."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Labels that say what to type; allauth's are "Login" and "Remember Me".
        self.fields["login"].label = _("Username or email")
        if "remember" in self.fields:
            self.fields["remember"].label = _("Keep me logged in on this device")

    def clean(self) -> dict[str, Any]:
        try:
            data = super().clean()
        except ValidationError:
            # Some backends refuse an inactive account as if the password were wrong.
            member = self._member_with_right_password()
            if member is None:
                raise
            return self._suspended(member, retry=True)
        member = getattr(self, "user", None)
        if member is None or member.is_active:
            return data
        return self._suspended(member, retry=False) or data

    def _suspended(self, member: User, *, retry: bool) -> dict[str, Any]:
        """Refuse a suspended member with the reason, or let one whose suspension ran out in."""
        penalty = services.penalty_active(member, Penalty.Kind.SUSPEND)
        if penalty is not None:
            raise ValidationError(services.penalty_message(penalty))
        if services.penalties_expire_for(member=member):
            member.refresh_from_db(fields=["is_active"])
            return super().clean() if retry else self.cleaned_data
        raise ValidationError(_("This account is closed."))

    def _member_with_right_password(self) -> User | None:
        login = (self.cleaned_data.get("login") or "").strip()
        password = self.cleaned_data.get("password") or ""
        if not login or not password:
            return None
        matches = list(User.objects.filter(Q(username__iexact=login) | Q(email__iexact=login))[:2])
        if len(matches) != 1 or matches[0].is_active:
            return None
        return matches[0] if matches[0].check_password(password) else None


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=gettext_lazy("What is wrong with it?"),
        choices=Flag.Reason.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=gettext_lazy("Note for the moderators"),
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason"), max_length=REASON_MAX)


class PostActionForm(ReasonForm):
    ACTIONS = [
        ("approve", gettext_lazy("Approve")),
        ("not_spam", gettext_lazy("Not spam")),
        ("hide", gettext_lazy("Hide")),
        ("delete", gettext_lazy("Delete")),
    ]
    action = forms.ChoiceField(choices=ACTIONS)


class LockForm(ReasonForm):
    locked = forms.BooleanField(required=False)


class DuplicateForm(forms.Form):
    original = forms.CharField(
        label=gettext_lazy("Original question (its number or address)"), max_length=500
    )
    reason = forms.CharField(label=gettext_lazy("Reason"), max_length=REASON_MAX, required=False)

    def clean_original(self) -> Question:
        value = self.cleaned_data["original"].strip()
        digits = ""
        # The number after /questions/ in an address, or the number typed on its own.
        marker = "/questions/"
        if marker in value:
            rest = value.split(marker, 1)[1]
            for char in rest:
                if not char.isascii() or not char.isdigit():
                    break
                digits += char
        elif value.isascii() and value.isdigit():
            digits = value
        question = (
            Question.objects.filter(pk=int(digits[:18]), is_deleted=False).first()
            if digits
            else None
        )
        if question is None:
            raise ValidationError(_("No question has that number or address."))
        return question


class MoveForm(ReasonForm):
    topics: forms.ModelMultipleChoiceField[Topic] = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Topics"),
        queryset=Topic.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )


class PenaltyForm(ReasonForm):
    field_order = ["kind", "days", "reason"]

    kind = forms.ChoiceField(
        label=gettext_lazy("Penalty"), choices=Penalty.Kind.choices, widget=forms.RadioSelect
    )
    days = forms.IntegerField(
        label=gettext_lazy("Days"), min_value=1, max_value=services.MAX_PENALTY_DAYS
    )


class SpammerForm(ReasonForm):
    block_domains = forms.BooleanField(
        label=gettext_lazy("Block the domains their posts link to"), required=False, initial=True
    )


class TrustLevelForm(ReasonForm):
    field_order = ["level", "reason"]

    level = forms.TypedChoiceField(
        label=gettext_lazy("Trust level"), choices=TrustLevel.choices, coerce=int
    )


class SpamDomainForm(ReasonForm):
    domain = forms.CharField(label=gettext_lazy("Domain"), max_length=253)
