from django.apps import AppConfig


class LadderConfig(AppConfig):
    name = "rung.ladder"
    verbose_name = "Career ladder"

    def ready(self) -> None:
        from rung.ladder import signals

        signals.connect()
