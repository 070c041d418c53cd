"""Badge checks the task worker runs after posts, likes, marks and outcomes."""

from django.tasks import task

from rung.accounts.models import User
from rung.qa.models import Outcome, Question
from rung.reputation import badges


@task
def badges_check(member_id: int, question_id: int | None = None) -> list[str]:
    """Award one member the badges they newly earned (badges.badges_check).

    `question_id` names the question the write was about. When the member wrote it, or
    under it, anonymously, nothing is checked: a badge appearing right then would point
    at the anonymous post, even one earned by older public posts. The next check of a
    post under their name awards it.
    """
    if (
        question_id is not None
        and Question.objects.filter(pk=question_id, author_id=member_id, is_anonymous=True).exists()
    ):
        return []
    member = User.objects.filter(pk=member_id, is_active=True).first()
    if member is None:
        return []
    return badges.badges_check(member)


@task
def badges_check_outcome(question_id: int) -> list[str]:
    """Check the asker who shared an outcome and everyone whose answer it says helped."""
    outcome = Outcome.objects.filter(question_id=question_id).select_related("question").first()
    if outcome is None:
        return []
    member_ids = set(outcome.helped_answers.values_list("author_id", flat=True))
    if outcome.question.is_anonymous:
        # Not the asker: the outcome of an anonymous question is theirs only unnamed.
        member_ids.discard(outcome.question.author_id)
    else:
        member_ids.add(outcome.question.author_id)
    awarded = []
    for member in User.objects.filter(pk__in=member_ids, is_active=True).order_by("pk"):
        awarded += badges.badges_check(member)
    return awarded
