from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    name = "rung.languages"
    verbose_name = "Languages"

    def ready(self) -> None:
        from rung.core import term_pairs
        from rung.languages import post_links, post_parts
        from rung.languages.glossary.terms import glossary_term_pairs
        from rung.languages.post_languages import subscribe

        subscribe()
        # Glossary links are worked out as posts are written, not as pages are read.
        post_links.subscribe()
        # Question pages render their answers in Python and ask for these parts there.
        post_parts.register()
        # Search expands short queries with the glossary's names in both languages.
        term_pairs.register("glossary", glossary_term_pairs)
