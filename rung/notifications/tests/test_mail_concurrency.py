"""Workers that run at once never mail one notice, or one member's digest, twice.

The threads below hold their own connections. On PostgreSQL they really overlap; on
SQLite writers take turns. Each claims with one conditional UPDATE, and only the claimed
rows are mailed.
"""

import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from rung.accounts.models import User
from rung.notifications import digest, mailing, services
from rung.notifications.kinds import Delivery
from rung.notifications.models import MailState, Notification
from rung.notifications.preferences import mail_choices_save
from rung.testing import make_member
from rung.testing.smtp import LoopbackSMTP, loopback_smtp
from rung.testing.turns import turn

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WORKERS = 4
ROUNDS = 5


@pytest.fixture
def smtp(settings: Any) -> Iterator[LoopbackSMTP]:
    with loopback_smtp(settings) as server:
        yield server


def _together(work: Callable[[], Any], workers: int = WORKERS) -> list[Any]:
    """Run `work` in several threads released at the same moment; return what each gave."""
    start = threading.Barrier(workers)
    results: list[Any] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def run() -> None:
        from django.db import connection as own

        try:
            start.wait()
            with turn():
                value = work()
            with lock:
                results.append(value)
        except BaseException as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            own.close()

    threads = [threading.Thread(target=run) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return results


def test_workers_mailing_one_member_at_once_send_each_notice_once(
    smtp: LoopbackSMTP, no_mail: list[list[int]]
) -> None:
    reader, actor = make_member("reader"), make_member("actor")
    for round_ in range(ROUNDS):
        for i in range(3):
            services.notify(
                [reader.pk], kind="mention", event_key=f"m:{round_}:{i}", actor_id=actor.pk
            )
        told = _together(lambda: mailing.mail_pending(reader.pk))
        assert sorted(told) == [0] * (WORKERS - 1) + [3]
        assert len(smtp.messages) == round_ + 1
    assert set(Notification.objects.values_list("mail_state", flat=True)) == {MailState.SENT}


def test_claims_of_overlapping_workers_never_share_a_notice(no_mail: list[list[int]]) -> None:
    reader, actor = make_member("reader"), make_member("actor")
    services.notify([reader.pk], kind="mention", event_key="m:0", actor_id=actor.pk)
    for i in range(1, 200):
        services.notify([reader.pk], kind="mention", event_key=f"m:{i}", actor_id=actor.pk)
    claims = _together(lambda: mailing._claim(reader.pk), workers=6)
    every = [pk for claim in claims for pk in claim]
    assert len(every) == len(set(every)) == 200


def test_overlapping_digest_runs_send_each_digest_once(smtp: LoopbackSMTP) -> None:
    actor = make_member("actor")
    members = []
    for i in range(12):
        member = make_member(f"reader{i}")
        User.objects.filter(pk=member.pk).update(date_joined=timezone.now() - timedelta(days=30))
        mail_choices_save(member, deliveries={"mention": Delivery.DIGEST})
        services.notify([member.pk], kind="mention", event_key=f"m:{i}", actor_id=actor.pk)
        members.append(member)
    now = timezone.now()
    reports = _together(lambda: digest.digests_send(now))
    assert sum(r["sent"] for r in reports) == 12
    assert sorted(r.recipients[0] for r in smtp.received) == sorted(m.email for m in members)
    assert set(Notification.objects.values_list("mail_state", flat=True)) == {MailState.DIGESTED}
