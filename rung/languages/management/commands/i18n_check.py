"""Report how much of the interface is translated and what escapes translation."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from rung.languages import catalogue


class Command(BaseCommand):
    help = (
        "Print the Simplified Chinese catalogue's coverage, then list untranslated entries, "
        "placeholder mismatches, strings missing from the catalogue and unmarked template text. "
        "Exits with an error when any is found."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--coverage-only",
            action="store_true",
            help="Print the coverage and exit without judging it.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        paths = catalogue.catalogue_paths()
        if not paths:
            raise CommandError(f"No {catalogue.LOCALE} catalogue: run `make messages`.")
        translated = total = 0
        for path in paths:
            cover = catalogue.coverage(path)
            translated, total = translated + cover.translated, total + cover.total
            self.stdout.write(
                f"{path.relative_to(catalogue.PROJECT_DIR)}: "
                f"{cover.translated}/{cover.total} translated ({cover.percent:.1f}%)"
            )
        overall = 100.0 * translated / total if total else 100.0
        self.stdout.write(f"overall: {translated}/{total} translated ({overall:.1f}%)")
        if options["coverage_only"]:
            return

        problems = [problem for path in paths for problem in catalogue.catalogue_problems(path)]
        if catalogue.gettext_available():
            problems += [
                f"not in the catalogue (run `make messages`): {msgid}"
                for msgid in catalogue.missing_msgids()
            ]
        else:
            self.stderr.write("GNU gettext is not installed: skipped the freshness check.")
        problems += [f"not marked for translation: {s}" for s in catalogue.unmarked_strings()]
        for problem in problems:
            self.stdout.write(problem)
        if problems:
            raise CommandError(f"{len(problems)} problem(s) found.")
        self.stdout.write(self.style.SUCCESS("The interface is fully translatable and translated."))
