"""Mail for notifications: a few minutes after a notice, one mail for all that wait.

`notify()` leaves a notice PENDING when its kind reaches the member by e-mail and calls
`schedule`, which enqueues `tasks_mail.mail_notices` to run after the collapse window
(`RUNG_MAIL_COLLAPSE_SECONDS`). The task claims the member's PENDING notices with one
conditional UPDATE (PENDING → SENDING), so of two workers only one gets each notice, and
mails them together: one notice says what happened in its subject, several are listed
under "3 new notifications on Rung". Sent notices become SENT. If the mail server fails,
the notices go back to PENDING and the task runs again later (`RUNG_MAIL_RETRY_MINUTES`);
after the last try they are given up. A notice is never mailed twice: only the worker that
moved it to SENDING mails it, and nothing moves it back once the server took the mail.

The digest (digest.py) builds its mail with the same `mail_message`.
"""

import email.policy
import logging
import smtplib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.policy import EmailPolicy
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import connection, transaction
from django.db.models import Q
from django.tasks import task_backends
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from rung.accounts.interface_language import member_language
from rung.accounts.models import User
from rung.accounts.selectors import members_to_mail
from rung.core.mail import site_link
from rung.notifications import unsubscribe
from rung.notifications.describe import describe, grouped, open_path
from rung.notifications.kinds import KINDS
from rung.notifications.models import MailState, Notification
from rung.qa.models import Visibility

logger = logging.getLogger(__name__)

# A notice left PENDING this long after it was made lost its task (a queue that forgot
# it, a worker stopped at the wrong moment): the periodic run schedules it again.
FORGOTTEN_AFTER = timedelta(hours=2)


def collapse_seconds() -> int:
    return max(0, int(settings.RUNG_MAIL_COLLAPSE_SECONDS))


def retry_delays() -> list[timedelta]:
    return [timedelta(minutes=max(0, int(m))) for m in settings.RUNG_MAIL_RETRY_MINUTES]


# --- scheduling --------------------------------------------------------------------------


def _scheduled_key(user_id: int) -> str:
    return f"notifications:mail-scheduled:{user_id}"


def schedule(user_ids: Iterable[int]) -> None:
    """Have the worker mail these members what waits for them, a few minutes from now.

    Enqueued in the caller's transaction, as every Rung task is: with the database queue the
    task commits with the notices or not at all. A member who already has a mail task due
    within the window gets no second one: that task will find the new notice too.
    """
    from rung.notifications import tasks_mail

    ids = sorted(set(user_ids))
    if not ids:
        return
    window = collapse_seconds()
    if window == 0 or not task_backends["default"].supports_defer:
        for user_id in ids:
            tasks_mail.mail_notices.enqueue(user_id)
        return
    run_after = timezone.now() + timedelta(seconds=window)
    deferred = tasks_mail.mail_notices.using(run_after=run_after)
    marks = cache.get_many([_scheduled_key(user_id) for user_id in ids])
    enqueued = [user_id for user_id in ids if _scheduled_key(user_id) not in marks]
    for user_id in enqueued:
        deferred.enqueue(user_id)

    def mark() -> None:
        # Marked once the task is surely queued (a rollback takes it away), and only until
        # a second before it runs: a notice that finds the mark is older than the task's
        # claim, so the task finds the notice.
        left = int((run_after - timezone.now()).total_seconds()) - 1
        if left >= 1:
            cache.set_many({_scheduled_key(user_id): 1 for user_id in enqueued}, timeout=left)

    transaction.on_commit(mark, robust=True)


def _retry(user_id: int, attempt: int) -> bool:
    """Enqueue the next try for a member; return False when no tries are left."""
    from rung.notifications import tasks_mail

    delays = retry_delays()
    if attempt >= len(delays):
        return False
    backend = task_backends["default"]
    delay = delays[attempt]
    if backend.supports_defer and delay:
        tasks_mail.mail_notices.using(run_after=timezone.now() + delay).enqueue(
            user_id, attempt + 1
        )
    else:
        tasks_mail.mail_notices.enqueue(user_id, attempt + 1)
    return True


# --- claiming ----------------------------------------------------------------------------


def _claim(user_id: int) -> list[int]:
    """Move the member's PENDING notices to SENDING and return the ones this call moved.

    One conditional UPDATE with RETURNING (PostgreSQL, and SQLite since 3.35): a notice
    another worker moved first no longer matches `mail_state = pending` when this UPDATE
    reaches it, so each notice is claimed once.
    """
    table = connection.ops.quote_name(Notification._meta.db_table)
    sql = (
        f"UPDATE {table} SET mail_state = %s "
        "WHERE recipient_id = %s AND mail_state = %s RETURNING id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [MailState.SENDING, user_id, MailState.PENDING])
        return [row[0] for row in cursor.fetchall()]


def _unmailable(notices: Sequence[Notification]) -> list[Notification]:
    """Notices whose post went away (deleted, held or hidden) since they were made."""
    gone = []
    for notice in notices:
        posts = [p for p in (notice.question, notice.answer) if p is not None]
        if any(p.is_deleted or p.visibility != Visibility.PUBLISHED for p in posts):
            gone.append(notice)
    return gone


# --- composing ---------------------------------------------------------------------------


class _ListHeadersPolicy(EmailPolicy):
    """A mail policy that writes the List-* headers on one line, as mail programs read them.

    The standard policy folds a header longer than 78 characters, and a link has no space
    to fold at, so it would come out as RFC 2047 encoded words: no mail program reads those
    as the link RFC 2369 asks for. A line may be 998 characters long (RFC 5322).
    """

    def _whole(self, name: str, value: Any) -> str | None:
        text = str(value)
        if name.lower().startswith("list-") and text.isascii() and len(text) < 900:
            return f"{name}: {text}{self.linesep}"
        return None

    def fold(self, name: str, value: Any) -> str:
        return self._whole(name, value) or super().fold(name, value)

    def fold_binary(self, name: str, value: Any) -> bytes:
        whole = self._whole(name, value)
        return whole.encode("ascii") if whole else super().fold_binary(name, value)


class NotificationMail(EmailMultiAlternatives):
    def message(self, *, policy: Any = email.policy.default) -> Any:
        return super().message(policy=_ListHeadersPolicy(**policy.__dict__))


@dataclass(frozen=True)
class MailLine:
    """One line of a mail: what happened, and the link that opens it (and marks it read)."""

    text: str
    url: str


def notice_lines(notices: Sequence[Notification]) -> list[MailLine]:
    """Group notices as the notifications page does, newest first, as lines for a mail."""
    newest_first = sorted(notices, key=lambda n: (n.created_at, n.pk), reverse=True)
    lines = [
        MailLine(describe(group[0], len(group)).text, site_link(open_path(group)))
        for group in grouped(newest_first, by_read=False)
    ]
    return lines


def mail_language(member: User) -> str:
    """The language a member's mail is written in: their interface language, else the site's."""
    return member_language(member) or settings.LANGUAGE_CODE


def mail_message(
    member: User,
    *,
    subject: str,
    template: str,
    context: dict[str, Any],
    unsubscribe_what: Sequence[str],
) -> EmailMultiAlternatives:
    """Render one mail to a member, in plain text and HTML, with one-click unsubscribing.

    Call inside the member's language. `unsubscribe_what` is the kinds the mail is about,
    or ["digest"]; its List-Unsubscribe link (RFC 8058) stops exactly those.
    """
    token = unsubscribe.token_make(member.pk, unsubscribe_what)
    stop_url = site_link(reverse("notifications:unsubscribe", args=[token]))
    context = {
        **context,
        "member": member,
        "unsubscribe_url": stop_url,
        "preferences_url": site_link(reverse("notifications:preferences")),
        "site_url": site_link("/"),
        "subject": subject,
        "unsubscribe_text": pgettext("list separator", ", ").join(
            unsubscribe.labels(unsubscribe_what)
        ),
    }
    text = render_to_string(f"notifications/mail/{template}.txt", context)
    html = render_to_string(f"notifications/mail/{template}.html", context)
    message = NotificationMail(
        subject=" ".join(subject.split()),
        body=text,
        to=[member.email],
        headers={
            "List-Unsubscribe": f"<{stop_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            # RFC 3834: no out-of-office replies to a notification.
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def notices_message(member: User, notices: Sequence[Notification]) -> EmailMultiAlternatives:
    """Write the one mail that tells a member of these notices, in their language."""
    with translation.override(mail_language(member)):
        lines = notice_lines(notices)
        if len(notices) == 1:
            subject = lines[0].text
        else:
            subject = ngettext(
                "%(n)d new notification on Rung", "%(n)d new notifications on Rung", len(notices)
            ) % {"n": len(notices)}
        kinds = sorted({n.kind for n in notices}, key=list(KINDS).index)
        return mail_message(
            member,
            subject=subject,
            template="notices",
            context={
                "lines": lines,
                "count": len(notices),
                "all_url": site_link(reverse("notifications:list")),
            },
            unsubscribe_what=kinds,
        )


# --- sending -----------------------------------------------------------------------------


def send(messages: Sequence[EmailMultiAlternatives]) -> None:
    """Send messages over one connection to the mail server; raise if it fails."""
    backend = mailers.default
    backend.send_messages(list(messages))


def permanent(error: Exception) -> bool:
    """Whether the mail server refused for good (5xx), so trying again would not help."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return bool(codes) and all(code >= 500 for code in codes)
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    return False


def _set_state(ids: Iterable[int], to: str, **extra: Any) -> int:
    return Notification.objects.filter(pk__in=list(ids), mail_state=MailState.SENDING).update(
        mail_state=to, **extra
    )


def mail_pending(user_id: int, attempt: int = 0) -> int:
    """Mail a member every notice PENDING for them, in one mail; return how many it told.

    Members who left or whom Rung may not mail (no address, or one not confirmed) get
    nothing, and their waiting notices stay on the notifications page only.
    """
    member = members_to_mail().filter(pk=user_id).first()
    if member is None:
        Notification.objects.filter(recipient_id=user_id, mail_state=MailState.PENDING).update(
            mail_state=MailState.NONE
        )
        return 0
    claimed = _claim(user_id)
    if not claimed:
        return 0
    notices = list(
        Notification.objects.filter(pk__in=claimed).select_related(
            "actor", "question", "answer", "topic"
        )
    )
    gone = _unmailable(notices)
    if gone:
        _set_state((n.pk for n in gone), MailState.NONE)
        notices = [n for n in notices if n not in gone]
    ids = [n.pk for n in notices]
    if not notices:
        return 0
    try:
        message = notices_message(member, notices)
    except Exception:
        # A notice this code cannot write would fail every try: give it up, and say so.
        _set_state(ids, MailState.NONE)
        raise
    try:
        send([message])
    except (smtplib.SMTPException, OSError) as error:
        if permanent(error) or not _back_to_pending(ids, user_id, attempt):
            _set_state(ids, MailState.NONE)
            logger.error(
                "Gave up mailing %d notices to member %d after %d tries: %s",
                len(ids),
                user_id,
                attempt + 1,
                error,
            )
        else:
            logger.warning("Mailing member %d failed (try %d): %s", user_id, attempt + 1, error)
        return 0
    _set_state(ids, MailState.SENT, mailed_at=timezone.now())
    return len(ids)


def _back_to_pending(ids: list[int], user_id: int, attempt: int) -> bool:
    """Put notices back for another try later; False when no tries are left."""
    if attempt >= len(retry_delays()):
        return False
    _set_state(ids, MailState.PENDING)
    return _retry(user_id, attempt)


# --- the periodic sweep ------------------------------------------------------------------


def schedule_forgotten(now: datetime | None = None) -> int:
    """Schedule members whose PENDING notices lost their task; return how many members."""
    now = now or timezone.now()
    waited = collapse_seconds() + sum(d.total_seconds() for d in retry_delays())
    cutoff = now - FORGOTTEN_AFTER - timedelta(seconds=waited)
    ids = list(
        Notification.objects.filter(Q(mail_state=MailState.PENDING), created_at__lt=cutoff)
        .order_by()
        .values_list("recipient_id", flat=True)
        .distinct()[:10_000]
    )
    if ids:
        cache.delete_many([_scheduled_key(user_id) for user_id in ids])
        schedule(ids)
    return len(ids)


def why_no_mail(member: User) -> str:
    """Say why Rung does not mail a member, or "" when it does."""
    if not member.email:
        return _("Your account has no e-mail address, so Rung sends you no mail.")
    if not members_to_mail().filter(pk=member.pk).exists():
        return _("Rung mails you once you confirm your e-mail address.")
    return ""
