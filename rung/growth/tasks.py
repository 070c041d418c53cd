"""Work the growth app leaves to the task worker: mailing plan invitations."""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from rung.accounts.models import User
from rung.accounts.selectors import member_with_email
from rung.core.mail import site_link


@task
def send_plan_invitation(share_id: int) -> bool:
    """Mail an email invitation its link; return whether one was sent.

    The link's secret is made here, when the mail is written, and only its hash is stored,
    so the secret exists nowhere but in the mail (not in the task queue either).
    """
    from rung.growth.models import Share
    from rung.growth.services.sharing import invitation_link_token_set

    share = (
        Share.objects.select_related("plan", "plan__owner")
        .filter(pk=share_id, grantee__isnull=True, revoked_at__isnull=True)
        .first()
    )
    if share is None:
        return False  # accepted, withdrawn or deleted before the mail went out
    token = invitation_link_token_set(share)
    owner: User = share.plan.owner
    path = reverse("growth:invite_link", args=[share.public_id, token])
    # Written in the language of a member with that address, if any, else the owner's.
    reader = member_with_email(share.invitee_email) or owner
    language = reader.ui_language or owner.ui_language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "owner": owner,
            "plan": share.plan,
            "share": share,
            "link": site_link(path),
            "site_url": site_link(),
        }
        subject = render_to_string("growth/email/plan_invitation_subject.txt", context)
        body = render_to_string("growth/email/plan_invitation_message.txt", context)
    send_mail(" ".join(subject.split()), body, None, [share.invitee_email])
    return True
