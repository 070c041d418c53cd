"""A member's mail settings: how each kind of notice reaches them, and the digest's rhythm.

Only choices that differ from a kind's default are stored, so a default changed later
reaches everyone who never chose. A notice already waiting for a mail or the digest that
the member no longer wants by that road stays on the notifications page only.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction

from rung.accounts.models import User
from rung.notifications.kinds import KINDS, Delivery
from rung.notifications.models import DigestFrequency, MailSettings, MailState, Notification


@dataclass(frozen=True)
class MailChoices:
    deliveries: dict[str, Delivery]  # every kind, chosen or default
    digest: DigestFrequency


def mail_choices(user: User) -> MailChoices:
    """Return how every kind reaches a member, and how often their digest comes."""
    row = MailSettings.objects.filter(user=user).first() or MailSettings(user=user)
    return MailChoices(
        deliveries={code: row.delivery(code) for code in KINDS},
        digest=DigestFrequency(row.digest),
    )


def mail_choices_save(
    user: User,
    *,
    deliveries: Mapping[str, Delivery] | None = None,
    digest: DigestFrequency | None = None,
) -> MailChoices:
    """Change some of a member's mail choices (kinds left out keep theirs); return them all."""
    unknown = set(deliveries or {}) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kinds {sorted(unknown)}")
    with transaction.atomic():
        MailSettings.objects.get_or_create(user=user)
        row = MailSettings.objects.select_for_update().get(user=user)
        chosen = {code: row.delivery(code) for code in KINDS}
        chosen.update(deliveries or {})
        row.deliveries = {
            code: str(value) for code, value in chosen.items() if value != KINDS[code].default
        }
        if digest is not None:
            row.digest = digest
        row.save(update_fields=["deliveries", "digest"])
        _release_waiting(user, chosen, DigestFrequency(row.digest))
    return MailChoices(deliveries=chosen, digest=DigestFrequency(row.digest))


def _release_waiting(
    user: User, deliveries: Mapping[str, Delivery], digest: DigestFrequency
) -> None:
    """Take notices out of the mail queue and the digest when the member stopped those."""
    not_mailed = [code for code, value in deliveries.items() if value != Delivery.EMAIL]
    Notification.objects.filter(
        recipient=user, mail_state=MailState.PENDING, kind__in=not_mailed
    ).update(mail_state=MailState.NONE)
    waiting = Notification.objects.filter(recipient=user, mail_state=MailState.DIGEST)
    if digest != DigestFrequency.NEVER:
        waiting = waiting.filter(
            kind__in=[code for code, value in deliveries.items() if value != Delivery.DIGEST]
        )
    waiting.update(mail_state=MailState.NONE)
