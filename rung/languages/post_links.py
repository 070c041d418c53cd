"""Glossary links worked out when a post is written, and stored beside its HTML.

Linking terms is the costliest thing a question page does per post when nothing is
cached, and its result depends only on the post's HTML, the language and the glossary.
So this app works out the links in both languages as a post is posted or edited (inside
the writing transaction, as it detects the post's language) and qa stores the record in
`Post.body_links`; pages apply it (rung/languages/post_parts.py). A record names the HTML
and the glossary it was made for, so a post whose HTML changed by another path, or a
glossary that changed since, is linked as it is read until `manage.py glossary_links`
writes the records afresh.
"""

from typing import Any

from django.db import transaction
from django.db.models import Q

from rung.languages.glossary.linking import glossary_links, glossary_links_key
from rung.qa import events, services
from rung.qa.models import Answer, Question


def on_question_written(event: events.QuestionAsked | events.QuestionEdited) -> None:
    if isinstance(event, events.QuestionEdited) and not event.text_changed:
        return
    _store("question", Question, event.question_id)


def on_answer_written(event: events.AnswerPosted | events.AnswerEdited) -> None:
    # Answers and replies are stored alike; "answer" names both to the store.
    _store("answer", Answer, event.answer_id)


def _store(kind: events.PostKind, model: type[Question] | type[Answer], pk: int) -> None:
    body_html = model.objects.filter(pk=pk).values_list("body_html", flat=True).first()
    if body_html is not None:
        services.post_links_store(kind=kind, links={pk: glossary_links(body_html)})


def subscribe() -> None:
    """Work out a post's links inside the transaction that writes it."""
    events.subscribe(events.QuestionAsked, on_question_written, in_transaction=True)
    events.subscribe(events.QuestionEdited, on_question_written, in_transaction=True)
    events.subscribe(events.AnswerPosted, on_answer_written, in_transaction=True)
    events.subscribe(events.AnswerEdited, on_answer_written, in_transaction=True)


def post_links_fill(*, every: bool = False, batch: int = 500) -> int:
    """Store the links of posts whose record was made for another glossary (or, with
    `every`, of every post); return how many were stored.

    Each batch is its own transaction, so a long fill holds no lock for long.
    """
    key = glossary_links_key()
    stored = 0
    kinds: tuple[tuple[events.PostKind, type[Question] | type[Answer]], ...] = (
        ("question", Question),
        ("answer", Answer),
    )
    for kind, model in kinds:
        rows = model.objects.all()
        if not every:
            # A record with no key at all (none stored yet) is not "another key" to SQL.
            rows = rows.filter(Q(body_links__key__isnull=True) | ~Q(body_links__key=key))
        ids = rows.order_by("pk").values_list("pk", flat=True)
        last = 0
        while chunk := list(ids.filter(pk__gt=last)[:batch]):
            last = chunk[-1]
            stored += _fill_batch(kind, model, chunk)
    return stored


@transaction.atomic
def _fill_batch(kind: events.PostKind, model: type[Question] | type[Answer], ids: list[int]) -> int:
    links: dict[int, dict[str, Any]] = {
        pk: glossary_links(html)
        for pk, html in model.objects.filter(pk__in=ids).values_list("pk", "body_html")
    }
    services.post_links_store(kind=kind, links=links)
    return len(links)
