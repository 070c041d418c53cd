"""Background work for the demo, run by the task worker (`manage.py db_worker`)."""

from django.tasks import task

from rung.demo.lessons.scripts import lesson_script
from rung.demo.lessons.services import build_demo_lesson


@task
def render_demo_lesson(slug: str) -> int:
    """Make a demo lesson's video and captions; return its length in milliseconds."""
    return build_demo_lesson(lesson_script(slug)).duration_ms
