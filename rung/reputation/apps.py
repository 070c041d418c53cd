from django.apps import AppConfig


class ReputationConfig(AppConfig):
    name = "rung.reputation"
    verbose_name = "Reputation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from rung.reputation import badge_subscribers, expert_sections, sections, subscribers

        subscribers.subscribe()
        badge_subscribers.subscribe()
        sections.register()
        expert_sections.register()
