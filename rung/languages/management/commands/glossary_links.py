"""Work out the glossary links of existing posts and store them beside their HTML."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from rung.languages.post_links import post_links_fill


class Command(BaseCommand):
    help = (
        "Store the glossary links of questions, answers and replies whose stored links were "
        "made for another glossary, or none. Run it after the glossary changes; pages link "
        "such posts as they are read until then. With --all, store them for every post."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="Store every post's links again.")

    def handle(self, *args: Any, **options: Any) -> None:
        stored = post_links_fill(every=options["all"])
        if options["verbosity"]:
            self.stdout.write(f"Stored the glossary links of {stored} posts.")
