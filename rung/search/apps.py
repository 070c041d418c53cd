from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "rung.search"
    verbose_name = "Search"
