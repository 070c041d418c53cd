from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from rung.search import indexing, similar, vectors


class Command(BaseCommand):
    help = (
        "Rebuild the search index: full-text rows, question vectors, the ANN file and each "
        "question's similar questions."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--missing",
            action="store_true",
            help="Only index questions that have no index row or an outdated vector.",
        )
        parser.add_argument(
            "--no-vectors", action="store_true", help="Rewrite the full-text rows only."
        )

    def handle(self, *args: Any, missing: bool, no_vectors: bool, **options: Any) -> None:
        rows = indexing.index_rebuild(missing_only=missing)
        self.stdout.write(f"Full-text index: {rows} questions written.")
        if no_vectors:
            return
        stored = indexing.embeddings_rebuild()
        self.stdout.write(f"Vectors: {stored} computed.")
        if indexing.embeddings_since(None) >= settings.RUNG_SEARCH_ANN_THRESHOLD:
            meta = vectors.ann_build()
            self.stdout.write(f"ANN index: {meta.count} vectors.")
        vectors.vector_index_reset()
        lists = similar.similar_lists_fill(every=not missing)
        self.stdout.write(f"Similar questions: {lists} lists worked out.")
