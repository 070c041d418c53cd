"""Writes of the notifications app: follows, bookmarks, notices and marking them read."""

from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from itertools import islice
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from rung.accounts.models import User
from rung.notifications.kinds import KINDS, Delivery
from rung.notifications.models import (
    Bookmark,
    DigestFrequency,
    Follow,
    MailSettings,
    MailState,
    Notification,
    WatchLevel,
)
from rung.qa.models import Answer, Question, Topic

# A post dated further back than this was imported with its original date (the demo
# loader, a migration from another forum), not written now: its notices are dated as the
# post, never mailed, and those older than IMPORTED_READ arrive already read.
IMPORTED_AFTER = timedelta(minutes=5)
IMPORTED_READ = timedelta(days=1)

# Recipients are handled this many at a time: one query for who is still a member, one for
# their settings and one insert, so memory stays flat however many follow a level.
CHUNK = 2000


def _chunks(ids: Iterable[int], size: int = CHUNK) -> Iterator[list[int]]:
    it = iter(ids)
    while chunk := list(islice(it, size)):
        yield chunk


def deliveries_for(user_ids: list[int], code: str) -> dict[int, Delivery]:
    """Return each member's delivery of one kind (their choice, else the kind's default)."""
    default = KINDS[code].default
    chosen = {
        s.user_id: s.delivery(code)
        for s in MailSettings.objects.filter(user_id__in=user_ids, deliveries__has_key=code)
    }
    return {pk: chosen.get(pk, default) for pk in user_ids}


def notify(
    recipient_ids: Iterable[int],
    *,
    kind: str,
    event_key: str,
    exclude: Iterable[int] = (),
    actor_id: int | None = None,
    question_id: int | None = None,
    answer_id: int | None = None,
    share_id: int | None = None,
    topic_id: int | None = None,
    data: dict[str, Any] | None = None,
    when: datetime | None = None,
) -> list[int]:
    """Tell members that something happened, each as their settings say; return who.

    Members who left, the excluded (the one who acted, the muted) and those who turned
    the kind off get nothing. A recipient who already holds a notice with `event_key`
    gets no second one, so calling this again for the same event adds nothing.
    """
    skip = set(exclude)
    if actor_id is not None:
        skip.add(actor_id)
    notified: list[int] = []
    mail_now: list[int] = []
    now = timezone.now()
    when = min(when or now, now)
    imported = now - when > IMPORTED_AFTER
    read_at = when if now - when > IMPORTED_READ else None
    for chunk in _chunks(pk for pk in recipient_ids if pk not in skip):
        active = list(
            User.objects.filter(pk__in=chunk, is_active=True).values_list("pk", flat=True)
        )
        deliveries = deliveries_for(active, kind)
        digest_ids = [pk for pk in active if deliveries[pk] == Delivery.DIGEST]
        no_digest = (
            set(
                MailSettings.objects.filter(
                    user_id__in=digest_ids, digest=DigestFrequency.NEVER
                ).values_list("user_id", flat=True)
            )
            if digest_ids
            else set()
        )
        rows = []
        for pk in active:
            delivery = deliveries[pk]
            if delivery == Delivery.OFF:
                continue
            state = {Delivery.EMAIL: MailState.PENDING, Delivery.DIGEST: MailState.DIGEST}.get(
                delivery, MailState.NONE
            )
            if imported or pk in no_digest:
                state = MailState.NONE
            rows.append(
                Notification(
                    recipient_id=pk,
                    kind=kind,
                    actor_id=actor_id,
                    question_id=question_id,
                    answer_id=answer_id,
                    share_id=share_id,
                    topic_id=topic_id,
                    data=data or {},
                    event_key=event_key,
                    created_at=when,
                    read_at=read_at,
                    mail_state=state,
                )
            )
        # Unique on (recipient, event_key): a second run for one event inserts nothing.
        Notification.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
        notified.extend(row.recipient_id for row in rows)
        mail_now.extend(row.recipient_id for row in rows if row.mail_state == MailState.PENDING)
    if mail_now:
        from rung.notifications import mailing

        mailing.schedule(mail_now)
    return notified


def notice_like(
    *, recipient_id: int, actor_id: int, kind: str, post_id: int, question_id: int
) -> None:
    """Count one more like in the unread notice about a post, or start a new notice.

    Likes come in batches: "5 people liked your answer" is one line that grows while it
    is unread; once read, the next like starts a new one.
    """
    target = {"answer_id": post_id} if kind != "question" else {"answer_id": None}
    unread = Notification.objects.filter(
        recipient_id=recipient_id, kind="like", question_id=question_id, read_at=None, **target
    )
    with transaction.atomic():
        notice = unread.select_for_update().first()
        if notice is not None:
            likers = [actor_id, *[pk for pk in notice.data.get("likers", []) if pk != actor_id]]
            notice.data = {**notice.data, "likers": likers[:20], "count": len(set(likers))}
            notice.actor_id = actor_id
            notice.created_at = timezone.now()
            notice.save(update_fields=["data", "actor", "created_at"])
            return
        notify(
            [recipient_id],
            kind="like",
            event_key=f"like:{kind}:{post_id}:{timezone.now().timestamp()}",
            actor_id=actor_id,
            question_id=question_id,
            answer_id=post_id if kind != "question" else None,
            data={"likers": [actor_id], "count": 1},
        )


def notices_forget(**about: int | str | list[str] | None) -> int:
    """Remove the notices about a post or share that went away; return how many."""
    other = about.pop("answer_id__ne", None)
    notices = Notification.objects.filter(**about)
    if isinstance(other, int):
        notices = notices.exclude(answer_id=other)
    removed, _ = notices.delete()
    return removed


def mark_read(user: User, ids: Iterable[int] | None = None) -> int:
    """Mark some of a member's notices read (all of them with `ids` None)."""
    unread = Notification.objects.filter(recipient=user, read_at=None)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    return unread.update(read_at=timezone.now())


# --- follows -----------------------------------------------------------------------------


def follow_set(
    user: User,
    *,
    level: WatchLevel | None,
    topic: Topic | None = None,
    question: Question | None = None,
    member: User | None = None,
) -> Follow | None:
    """Set a member's level for a topic, question or member; None takes it away."""
    target: dict[str, Any] = {"topic": topic, "question": question, "member": member}
    if sum(value is not None for value in target.values()) != 1:
        raise ValueError("follow one topic, question or member")
    if member is not None and member.pk == user.pk:
        raise ValueError("members do not follow themselves")
    ((name, value),) = [(k, v) for k, v in target.items() if v is not None]
    if level is None:
        Follow.objects.filter(user=user, **{name: value}).delete()
        return None
    follow, _created = Follow.objects.update_or_create(
        user=user, **{name: value}, defaults={"level": level, "automatic": False}
    )
    return follow


def watch_automatically(user_id: int, question_id: int) -> None:
    """Watch a question the member asked or answered, unless they chose otherwise before."""
    Follow.objects.bulk_create(
        [
            Follow(
                user_id=user_id,
                question_id=question_id,
                level=WatchLevel.WATCHING,
                automatic=True,
            )
        ],
        ignore_conflicts=True,
    )


# --- bookmarks ---------------------------------------------------------------------------


def bookmark_set(
    user: User, *, saved: bool, question: Question | None = None, answer: Answer | None = None
) -> bool:
    """Save a question or answer for later, or take it off the list; return whether saved."""
    if (question is None) == (answer is None):
        raise ValueError("bookmark one question or answer")
    target = Q(question=question) if question is not None else Q(answer=answer)
    if not saved:
        Bookmark.objects.filter(target, user=user).delete()
        return False
    Bookmark.objects.bulk_create(
        [Bookmark(user=user, question=question, answer=answer)], ignore_conflicts=True
    )
    return True


def bookmark_remove(user: User, bookmark_id: int) -> bool:
    """Take one of the member's bookmarks off their list by its id; say whether it was there.

    By id rather than by post, so a post deleted or hidden since it was saved can go too.
    """
    removed, _ = Bookmark.objects.filter(user=user, pk=bookmark_id).delete()
    return removed > 0
