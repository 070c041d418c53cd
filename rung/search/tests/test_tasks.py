"""Vectors are computed by the task worker, from tasks enqueued with the write itself."""

from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from rung.accounts.models import User
from rung.search.models import Embedding
from rung.testing import make_question

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def database_tasks(settings: Any) -> None:
    """Use the production backend: tasks are rows until a worker runs them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_worker_computes_the_vector_of_a_new_question(alice: User, database_tasks: None) -> None:
    question = make_question(alice, title="How do I ask for a raise?", body="After a good year.")
    assert not Embedding.objects.filter(question=question).exists()
    # Search's task, the notifications app's fan-out of the new question, and the
    # reputation app's badge check for its asker.
    paths = sorted(DBTaskResult.objects.values_list("task_path", flat=True))
    assert paths == [
        "rung.notifications.tasks.question_asked",
        "rung.reputation.badge_tasks.badges_check",
        "rung.search.tasks.embed_questions",
    ]
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert Embedding.objects.filter(question=question).exists()


def test_rolled_back_write_leaves_no_task(alice: User, database_tasks: None) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        make_question(alice, title="Never posted", body="The request failed afterwards.")
        raise RuntimeError("the rest of the request failed")
    assert DBTaskResult.objects.count() == 0
