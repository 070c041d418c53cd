from django.apps import AppConfig


class ReputationConfig(AppConfig):
    name = "rung.reputation"
    verbose_name = "Reputation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from rung.reputation import subscribers

        subscribers.subscribe()
        from rung.reputation import expert_sections

        expert_sections.register()
