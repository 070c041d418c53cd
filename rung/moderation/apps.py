from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "rung.moderation"
    verbose_name = "Moderation"

    def ready(self) -> None:
        from rung.moderation import sections, subscribers

        subscribers.subscribe()
        sections.register()
