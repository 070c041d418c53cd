"""Create the demo lessons again and have their videos made."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from rung.demo.lessons.render import RenderError
from rung.demo.lessons.scripts import LESSONS, lesson_script
from rung.demo.lessons.services import build_demo_lesson, demo_lessons_create
from rung.demo.tasks import render_demo_lesson


class Command(BaseCommand):
    help = (
        "Create (or reset) the demo lessons and have the task worker make their videos; "
        "--now makes them here and waits."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", action="store_true", help="Render here, not in the worker.")
        parser.add_argument(
            "--only",
            action="append",
            metavar="SLUG",
            choices=[script.slug for script in LESSONS],
            help="Only this lesson (may be given more than once).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        lessons = demo_lessons_create(only=options["only"])
        if not options["now"]:
            for lesson in lessons:
                render_demo_lesson.enqueue(lesson.slug)
            self.stdout.write(f"Queued {len(lessons)} demo lessons for the task worker.")
            return
        started = time.monotonic()
        for lesson in lessons:
            began = time.monotonic()
            try:
                made = build_demo_lesson(lesson_script(lesson.slug))
            except RenderError as error:
                raise CommandError(f"{lesson.slug}: {error}") from error
            self.stdout.write(
                f"{made.slug}: {made.duration_ms / 1000:.1f} s of video "
                f"in {time.monotonic() - began:.1f} s"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Made {len(lessons)} demo lessons in {time.monotonic() - started:.1f} s."
            )
        )
