"""The notifications app's background work, run by the task worker."""

from django.tasks import task

from rung.notifications import fanout


@task
def question_asked(question_id: int, released: bool = False) -> None:
    fanout.question_asked(question_id, released=released)


@task
def answer_posted(answer_id: int, released: bool = False) -> None:
    fanout.answer_posted(answer_id, released=released)


@task
def helpful_marked(answer_id: int, actor_id: int) -> None:
    fanout.helpful_marked(answer_id, actor_id)


@task
def post_liked(kind: str, post_id: int, actor_id: int) -> None:
    fanout.post_liked(kind, post_id, actor_id)
