from django.apps import AppConfig


class QaConfig(AppConfig):
    name = "rung.qa"
    verbose_name = "Questions and answers"

    def ready(self) -> None:
        from rung.qa.sections import register

        register()
