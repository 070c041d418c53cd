from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "rung.search"
    verbose_name = "Search"

    def ready(self) -> None:
        from rung.search import sections
        from rung.search.indexing import subscribe

        subscribe()
        sections.register()
