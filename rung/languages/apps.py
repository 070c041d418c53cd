from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    name = "rung.languages"
    verbose_name = "Languages"

    def ready(self) -> None:
        from rung.languages.post_languages import subscribe

        subscribe()
