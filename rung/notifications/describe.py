"""What a notice says and where it leads, written when shown, in the reader's language.

The page, the bell and the mails all read notices through `describe`, so a notice says
the same thing everywhere, and an anonymous asker is "the asker" in every one of them.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rung.notifications.kinds import KINDS
from rung.notifications.models import Notification
from rung.qa.models import OutcomeKind


@dataclass(frozen=True)
class Described:
    text: str
    url: str


def _actor(notice: Notification) -> str:
    if notice.actor is not None:
        return notice.actor.name
    return _("The asker") if notice.question_id else _("Someone")


def _title(notice: Notification) -> str:
    question = notice.question
    if question is None:
        return ""
    if question.is_deleted:
        return _("a deleted question")
    return f"“{question.title}”"


def _url(notice: Notification) -> str:
    if notice.kind == "outcome_prompt" and notice.question_id:
        return reverse("qa:outcome", args=[notice.question_id])
    if notice.answer_id:
        return reverse("qa:answer", args=[notice.answer_id])
    if notice.question is not None:
        return notice.question.get_absolute_url()
    if notice.kind == "plan_comment" and notice.data.get("plan"):
        anchor = f"#comments-{notice.data['goal']}" if notice.data.get("goal") else ""
        return reverse("growth:plan", args=[notice.data["plan"]]) + anchor
    if notice.kind == "plan_shared":
        return reverse("growth:home")
    return reverse("notifications:list")


def describe(notice: Notification, count: int = 1) -> Described:
    """Say what happened; `count` is how many notices of a group this line stands for."""
    actor, title = _actor(notice), _title(notice)
    values = {"actor": actor, "title": title, "n": count}
    kind = notice.kind
    if kind == "answer":
        text = (
            ngettext("%(n)d new answer on %(title)s", "%(n)d new answers on %(title)s", count)
            if count > 1
            else _("%(actor)s answered your question %(title)s")
        )
    elif kind == "watched_answer":
        text = (
            ngettext("%(n)d new answer on %(title)s", "%(n)d new answers on %(title)s", count)
            if count > 1
            else _("%(actor)s answered %(title)s")
        )
    elif kind == "reply":
        text = (
            ngettext(
                "%(n)d new reply to your answer on %(title)s",
                "%(n)d new replies to your answer on %(title)s",
                count,
            )
            if count > 1
            else _("%(actor)s replied to your answer on %(title)s")
        )
    elif kind == "mention":
        text = _("%(actor)s mentioned you in %(title)s")
    elif kind == "invitation":
        text = _("%(actor)s invited you to answer %(title)s")
    elif kind == "helpful":
        text = _("%(actor)s marked your answer on %(title)s most helpful")
    elif kind == "like":
        likes = int(notice.data.get("count", 1))
        values["others"] = likes - 1
        if notice.answer_id:
            text = (
                ngettext(
                    "%(actor)s and %(others)d other liked your answer on %(title)s",
                    "%(actor)s and %(others)d others liked your answer on %(title)s",
                    likes - 1,
                )
                if likes > 1
                else _("%(actor)s liked your answer on %(title)s")
            )
        else:
            text = (
                ngettext(
                    "%(actor)s and %(others)d other liked your question %(title)s",
                    "%(actor)s and %(others)d others liked your question %(title)s",
                    likes - 1,
                )
                if likes > 1
                else _("%(actor)s liked your question %(title)s")
            )
    elif kind == "watched_question":
        topic = notice.topic.name if notice.topic is not None else ""
        values["topic"] = topic
        text = _("New question in %(topic)s: %(title)s") if topic else _("New question: %(title)s")
    elif kind == "member_posted":
        text = (
            _("%(actor)s answered %(title)s")
            if notice.answer_id
            else _("%(actor)s asked %(title)s")
        )
    elif kind == "outcome":
        code = notice.data.get("outcome", "")
        values["outcome"] = OutcomeKind(code).label if code in OutcomeKind.values else code
        text = (
            _("%(actor)s says what happened after asking %(title)s: %(outcome)s")
            if notice.actor is not None
            else _("The asker of %(title)s says what happened: %(outcome)s")
        )
    elif kind == "outcome_prompt":
        text = _("You asked %(title)s a while ago. What happened? Tell the people who answered.")
    elif kind == "plan_shared":
        text = _("%(actor)s shared their growth plan with you")
    elif kind == "plan_comment":
        text = (
            _("%(actor)s commented on your growth plan")
            if notice.data.get("owner_id") == notice.recipient_id
            else _("%(actor)s commented on a growth plan shared with you")
        )
    else:
        text = _("Something happened on Rung")
    return Described(text % values, _url(notice))


def grouped(notices: Iterable[Notification], *, by_read: bool = True) -> list[list[Notification]]:
    """Group notices given newest first, as the page and the mails show them.

    Notices of a grouping kind about one question make one group ("3 new answers on …")
    where the newest of them stood; any other notice stands alone. On the page (`by_read`)
    read and unread notices stay apart; a mail tells them all as news.
    """
    groups: dict[tuple[str, int, bool], list[Notification]] = {}
    order: list[list[Notification]] = []
    for notice in notices:
        if KINDS[notice.kind].groups and notice.question_id:
            key = (notice.kind, notice.question_id, by_read and notice.read_at is None)
            if key in groups:
                groups[key].append(notice)
                continue
            groups[key] = [notice]
            order.append(groups[key])
        else:
            order.append([notice])
    return order


def open_path(group: list[Notification]) -> str:
    """The address that marks a group read and goes where its newest notice leads."""
    path = reverse("notifications:open", args=[group[0].pk])
    also = urlencode([("also", notice.pk) for notice in group[1:]])
    return f"{path}?{also}" if also else path
