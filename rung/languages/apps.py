from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    name = "rung.languages"
    verbose_name = "Languages"
