from django.apps import AppConfig


class QaConfig(AppConfig):
    name = "rung.qa"
    verbose_name = "Questions and answers"

    def ready(self) -> None:
        from rung.qa import tasks
        from rung.qa.sections import register

        register()
        # The visitors' copies of a changed question's pages are rendered again by the worker.
        tasks.subscribe()
