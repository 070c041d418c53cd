"""The notification settings form: one delivery per kind, and the digest's rhythm."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from rung.notifications.kinds import KINDS, Delivery
from rung.notifications.models import DigestFrequency
from rung.notifications.preferences import MailChoices

# The page's sections, each a list of kind codes; a kind in none of them goes under "Other".
GROUPS: list[tuple[Promise, list[str]]] = [
    (
        _("About my questions and answers"),
        ["answer", "reply", "mention", "helpful", "like", "outcome_prompt"],
    ),
    (
        _("What I follow"),
        ["watched_question", "watched_answer", "member_posted", "outcome"],
    ),
    (_("Invitations and growth plans"), ["invitation", "plan_shared", "plan_comment"]),
]


def _field_name(code: str) -> str:
    return f"kind_{code}"


@dataclass(frozen=True)
class Group:
    label: str | Promise
    fields: list[forms.BoundField]


class PreferencesForm(forms.Form):
    digest = forms.ChoiceField(
        label=_("Digest"),
        choices=DigestFrequency.choices,
        help_text=_(
            "New questions in the levels and topics you follow, what waited for the digest, "
            "and questions you could answer."
        ),
        error_messages={
            "invalid_choice": _("Choose daily, weekly or never for the digest."),
            "required": _("Choose how often the digest comes."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, kind in KINDS.items():
            self.fields[_field_name(code)] = forms.ChoiceField(
                label=str(kind.label),
                choices=Delivery.choices,
                error_messages={
                    "invalid_choice": _(
                        "Choose one of Off, In Rung only, In Rung and the digest, or In Rung "
                        "and by e-mail at once."
                    ),
                    "required": _("Choose how this reaches you."),
                },
            )

    @classmethod
    def initial_from(cls, choices: MailChoices) -> dict[str, str]:
        initial = {_field_name(code): str(value) for code, value in choices.deliveries.items()}
        initial["digest"] = str(choices.digest)
        return initial

    def groups(self) -> Iterator[Group]:
        placed: set[str] = set()
        for label, codes in GROUPS:
            present = [code for code in codes if code in KINDS]
            placed.update(present)
            if present:
                yield Group(label, [self[_field_name(code)] for code in present])
        others = [code for code in KINDS if code not in placed]
        if others:
            yield Group(_("Other"), [self[_field_name(code)] for code in others])

    def deliveries(self) -> dict[str, Delivery]:
        return {code: Delivery(self.cleaned_data[_field_name(code)]) for code in KINDS}

    def digest_frequency(self) -> DigestFrequency:
        return DigestFrequency(self.cleaned_data["digest"])
