"""Work reputation leaves to the task worker: recounting a question's credits after a write."""

from django.tasks import task

from rung.reputation import ledger


@task
def question_recount_task(question_id: int, extra_topic_ids: list[int]) -> None:
    ledger.question_recount(question_id, extra_topic_ids=extra_topic_ids)
