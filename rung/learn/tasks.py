"""Work the learn app leaves to the task worker: making uploaded videos playable.

A transcode keeps its ffmpeg busy for minutes and uses the threads media.py allows it
(RUNG_LEARN_TRANSCODE_THREADS). The database worker (`manage.py db_worker`) runs one task
at a time, so each worker process runs at most one transcode; run more workers to
transcode more videos at once, as the machine's cores allow.
"""

from django.tasks import task

from rung.learn.services import lesson_process


@task
def lesson_process_task(lesson_id: int) -> None:
    """Probe, transcode and put in place a waiting lesson's video (services.lesson_process)."""
    lesson_process(lesson_id)
