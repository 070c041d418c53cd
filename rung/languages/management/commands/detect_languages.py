"""Label existing posts with the language they are written in."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from rung.languages.post_languages import post_languages_detect


class Command(BaseCommand):
    help = (
        "Detect the language of questions, answers and replies that have none. With --all, "
        "detect it again for every post whose language nobody chose by hand."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--all", action="store_true", help="Re-detect posts that already have a language."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        changed = post_languages_detect(redetect=options["all"])
        self.stdout.write(f"Set the language of {changed} posts.")
