"""The kinds of notification, and how each reaches a member unless they choose otherwise.

A member picks one delivery per kind on the preferences page:

- `off`: nothing at all;
- `app`: the bell and the notifications page only;
- `digest`: the bell, and the daily or weekly digest mail;
- `email`: the bell, and a mail a few minutes later (several arriving close together
  go in one mail).

Direct kinds (someone did something to or for this member) mail at once by default; the
rest wait for the bell or the digest, so a busy level does not fill an inbox.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    OFF = "off", _("Off")
    APP = "app", _("In Rung only")
    DIGEST = "digest", _("In Rung and the digest")
    EMAIL = "email", _("In Rung and by e-mail at once")


@dataclass(frozen=True)
class Kind:
    code: str
    label: str | Promise
    default: Delivery
    # Whether several of this kind about the same thing show as one line ("3 new answers").
    groups: bool = False


KINDS: dict[str, Kind] = {
    kind.code: kind
    for kind in [
        Kind("answer", _("Answers to my questions"), Delivery.EMAIL, groups=True),
        Kind("reply", _("Replies to my answers"), Delivery.EMAIL, groups=True),
        Kind("mention", _("Mentions of me"), Delivery.EMAIL),
        Kind("invitation", _("Invitations to answer"), Delivery.EMAIL),
        Kind("helpful", _("My answer marked most helpful"), Delivery.APP),
        Kind("like", _("Likes on my posts"), Delivery.APP),
        Kind("watched_question", _("New questions in levels and topics I watch"), Delivery.APP),
        Kind("watched_answer", _("New answers on questions I watch"), Delivery.APP, groups=True),
        Kind("member_posted", _("New posts by members I follow"), Delivery.APP),
        Kind("outcome", _("Outcomes on questions I answered"), Delivery.EMAIL),
        Kind("outcome_prompt", _("Asking what happened after my question"), Delivery.EMAIL),
        Kind("plan_shared", _("Growth plans shared with me"), Delivery.EMAIL),
        Kind("plan_comment", _("Comments on growth plans"), Delivery.EMAIL, groups=True),
    ]
}


def kind(code: str) -> Kind:
    return KINDS[code]
