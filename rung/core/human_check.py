"""Checks that a form was filled in by a person: a honeypot and a minimum fill time.

A form carries a field people never see (`website`, hidden by CSS and skipped by the
keyboard), which scripts that fill every field give away, and the signed time it was shown
(`started`), so a form sent back faster than a person could fill it is refused. Sign-up
uses both always; qa's ask, answer and reply forms use them for a member's first posts.
No outside service is involved.
"""

import time
from typing import Any

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

_STARTED_SALT = "rung.core.form-started"
# A form older than this is treated as not timed at all: it was left open, not scripted.
_STARTED_MAX_AGE = 24 * 3600


def started_token() -> str:
    """Return the signed time a form is shown, for its hidden `started` field."""
    return signing.dumps(time.time(), salt=_STARTED_SALT)


def check_honeypot(value: str) -> None:
    if value:
        raise ValidationError(_("Leave the last field empty: it is there to catch robots."))


def check_fill_time(token: str, least_seconds: float) -> None:
    """Refuse a form sent back sooner than `least_seconds` after it was shown."""
    if least_seconds <= 0:
        return
    try:
        shown = float(signing.loads(token, salt=_STARTED_SALT, max_age=_STARTED_MAX_AGE))
    except (signing.BadSignature, TypeError, ValueError):
        raise ValidationError(
            _("This form has expired or was not sent from this site; please send it again.")
        ) from None
    if time.time() - shown < least_seconds:
        raise ValidationError(
            _("That was quicker than a person types; wait a moment and send it again.")
        )


class HumanCheckMixin(forms.Form):
    """The honeypot and the fill time as form fields; `min_fill_seconds` says how long.

    A form sets `min_fill_seconds` (0 checks only the honeypot) before it is validated.
    """

    # Named like a field scripts love to fill; people never see it (the class hides it).
    website = forms.CharField(
        required=False,
        label=gettext_lazy("Leave this empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)
    min_fill_seconds: float = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["started"].initial = started_token()

    def clean_website(self) -> str:
        value: str = self.cleaned_data.get("website", "")
        check_honeypot(value)
        return value

    def clean_started(self) -> str:
        value: str = self.cleaned_data.get("started", "")
        check_fill_time(value, self.min_fill_seconds)
        return value
