"""One-click unsubscribing from the links in Rung's notification mail (RFC 8058).

A link carries a signed token naming a member and what the mail was about: the kinds of
notice in it, or "digest". Anyone holding the mail may use it without logging in, so the
token is signed (with its own salt, so no other signed value of Rung's passes for one),
runs out after `RUNG_UNSUBSCRIBE_LINK_DAYS`, and the page it opens names the kinds only,
never the member, their address or anyone in the mail.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from rung.accounts.models import User
from rung.notifications import preferences
from rung.notifications.kinds import KINDS, Delivery
from rung.notifications.models import DigestFrequency

SALT = "rung.notifications.unsubscribe"
DIGEST = "digest"


class BadToken(Exception):
    """The link is not one Rung made, or it ran out."""

    def __init__(self, message: str | Promise) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Unsubscribe:
    user_id: int
    what: list[str]  # kind codes, or ["digest"]


def token_make(user_id: int, what: Sequence[str]) -> str:
    """Return the token for a link that stops this mail: some kinds, or ["digest"]."""
    return signing.dumps([user_id, list(what)], salt=SALT, compress=True)


def token_read(token: str) -> Unsubscribe:
    """Return what a token stops, or raise BadToken saying why it cannot be used."""
    max_age = settings.RUNG_UNSUBSCRIBE_LINK_DAYS * 86400
    try:
        value = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise BadToken(
            _(
                "This unsubscribe link is too old to use. Log in and change your "
                "notification settings instead."
            )
        ) from None
    except (signing.BadSignature, ValueError):
        raise BadToken(
            _(
                "This unsubscribe link is not valid: it may have been cut short or changed. "
                "Copy the whole link from the mail, or log in and change your notification "
                "settings."
            )
        ) from None
    bad = BadToken(_("This unsubscribe link is not valid."))
    if not (isinstance(value, list) and len(value) == 2):
        raise bad
    user_id, what = value
    if not isinstance(user_id, int) or not isinstance(what, list):
        raise bad
    if what != [DIGEST]:
        what = [code for code in what if isinstance(code, str) and code in KINDS]
    if not what:
        raise bad
    return Unsubscribe(user_id, what)


def labels(what: Sequence[str]) -> list[str]:
    """Name what a link stops, in the active language: kind labels, or the digest."""
    if list(what) == [DIGEST]:
        return [str(_("The digest mail"))]
    return [str(KINDS[code].label) for code in what if code in KINDS]


def unsubscribe_apply(subject: Unsubscribe) -> bool:
    """Stop the mail a link names; return False when its member is gone.

    Kinds that reached the member by mail (at once or in the digest) reach them in Rung
    only from now on; kinds they had turned off stay off. A digest link stops the digest.
    """
    user = User.objects.filter(pk=subject.user_id).first()
    if user is None:
        return False
    if subject.what == [DIGEST]:
        preferences.mail_choices_save(user, digest=DigestFrequency.NEVER)
        return True
    current = preferences.mail_choices(user).deliveries
    stopped = {
        code: Delivery.APP
        for code in subject.what
        if current[code] in (Delivery.EMAIL, Delivery.DIGEST)
    }
    preferences.mail_choices_save(user, deliveries=stopped)
    return True
