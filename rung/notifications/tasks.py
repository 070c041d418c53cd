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


@task
def outcome_posted(question_id: int, outcome_id: int, edited: bool) -> None:
    fanout.outcome_posted(question_id, outcome_id, edited)


@task
def plan_shared(share_id: int) -> None:
    fanout.plan_shared(share_id)


@task
def plan_comment(comment_id: int) -> None:
    fanout.plan_comment(comment_id)


@task
def members_mentioned(kind: str, post_id: int, user_ids: list[int]) -> None:
    fanout.members_mentioned(kind, post_id, user_ids)


@task
def answer_invited(invitation_id: int) -> None:
    fanout.answer_invited(invitation_id)
