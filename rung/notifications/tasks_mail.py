"""The notifications app's mail work, run by the task worker."""

from typing import Any

from django.tasks import task

from rung.notifications import due_work, mailing


@task
def mail_notices(user_id: int, attempt: int = 0) -> int:
    """Mail one member what waits for them (mailing.mail_pending)."""
    return mailing.mail_pending(user_id, attempt)


@task
def run_due() -> dict[str, Any]:
    """Do the periodic work that is due: digests, forgotten mail, and registered work."""
    return due_work.run_due()
