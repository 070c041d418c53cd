"""`{% mail_delivery_note as note %}` and `{% kept_mail_url as url %}` for pages about mail sent."""

from django import template
from django.urls import reverse

from rung.core import mail

register = template.Library()


@register.simple_tag
def mail_delivery_note() -> str:
    """Return where a message went when no mail server sends it on, else ""."""
    return mail.delivery_note()


@register.simple_tag
def kept_mail_url() -> str:
    """Return the address of the recent-mail page when it is open (DEBUG), else ""."""
    return reverse("kept_mail") if mail.mailbox_open() else ""
