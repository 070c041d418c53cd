"""Rewrite the project's catalogues from the source, then compile them."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from rung.languages import catalogue


class Command(BaseCommand):
    help = (
        "Collect every translatable string under rung/ into the Simplified Chinese catalogue "
        "(makemessages with Rung's options) and build the .mo files Django reads."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--compile-only",
            action="store_true",
            help="Only build the .mo files from the committed .po files.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["compile_only"]:
            catalogue.catalogue_compile()
        else:
            catalogue.catalogue_update()
        for path in catalogue.catalogue_paths():
            done = "compiled" if options["compile_only"] else "updated and compiled"
            self.stdout.write(f"{path.relative_to(catalogue.PROJECT_DIR)}: {done}")
