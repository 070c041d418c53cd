"""Label posts with the language they are written in: as they are posted, and in bulk.

qa stores a post with the language its author chose, or none; this app listens to qa's
events and fills it in, inside the posting transaction, so a post is never seen without
its label. An edit that changes the words detects it again, unless someone chose the
language by hand.
"""

from django.db import transaction

from rung.languages.detection import detect_language
from rung.qa import events, services
from rung.qa.models import Answer, Question


def _question_text(question_id: int) -> tuple[str, bool] | None:
    row = (
        Question.objects.filter(pk=question_id)
        .values_list("title", "body", "language", "language_locked")
        .first()
    )
    if row is None:
        return None
    title, body, language, locked = row
    return f"{title}\n{body}", bool(language) or locked


def on_question_asked(event: events.QuestionAsked) -> None:
    found = _question_text(event.question_id)
    if found is not None and not found[1]:
        _store("question", event.question_id, detect_language(found[0]))


def on_question_edited(event: events.QuestionEdited) -> None:
    if not event.text_changed:
        return
    row = Question.objects.filter(pk=event.question_id).values_list("title", "body").first()
    if row is not None:
        _store("question", event.question_id, detect_language(f"{row[0]}\n{row[1]}"))


def on_answer_written(event: events.AnswerPosted | events.AnswerEdited) -> None:
    row = Answer.objects.filter(pk=event.answer_id).values_list("body", "language").first()
    if row is None:
        return
    body, language = row
    if isinstance(event, events.AnswerPosted) and language:
        return  # posted with a language the author chose
    kind: events.PostKind = "reply" if event.parent_id else "answer"
    _store(kind, event.answer_id, detect_language(body))


def _store(kind: events.PostKind, post_id: int, language: str) -> None:
    services.post_languages_store(kind=kind, languages={post_id: language})


def subscribe() -> None:
    """Detect posts' languages inside the transactions that write them."""
    events.subscribe(events.QuestionAsked, on_question_asked, in_transaction=True)
    events.subscribe(events.QuestionEdited, on_question_edited, in_transaction=True)
    events.subscribe(events.AnswerPosted, on_answer_written, in_transaction=True)
    events.subscribe(events.AnswerEdited, on_answer_written, in_transaction=True)


def post_languages_detect(*, redetect: bool = False, batch: int = 500) -> int:
    """Detect the language of posts that have none (or, with `redetect`, of every post).

    Languages chosen by hand are left alone. Each batch is its own transaction, so a long
    backfill holds no lock for long; return how many posts changed.
    """
    changed = 0
    for model in (Question, Answer):
        rows = model.objects.filter(language_locked=False)
        if not redetect:
            rows = rows.filter(language="")
        ids = rows.order_by("pk").values_list("pk", flat=True)
        last = 0
        while chunk := list(ids.filter(pk__gt=last)[:batch]):
            last = chunk[-1]
            changed += _detect_batch(model, chunk)
    return changed


@transaction.atomic
def _detect_batch(model: type[Question] | type[Answer], ids: list[int]) -> int:
    if model is Question:
        texts = {
            pk: f"{title}\n{body}"
            for pk, title, body in Question.objects.filter(pk__in=ids).values_list(
                "pk", "title", "body"
            )
        }
        return services.post_languages_store(
            kind="question", languages={pk: detect_language(text) for pk, text in texts.items()}
        )
    # Answers and replies are stored alike; "answer" names both to the store.
    bodies = dict(Answer.objects.filter(pk__in=ids).values_list("pk", "body"))
    return services.post_languages_store(
        kind="answer", languages={pk: detect_language(body) for pk, body in bodies.items()}
    )
