from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "rung.notifications"
    verbose_name = "Notifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from rung.notifications import due_work, fanout, sections, subscribers

        subscribers.subscribe()
        sections.register()
        # Some weeks after asking, the asker is asked what happened (rung/qa/outcomes.py).
        due_work.register(fanout.outcome_prompts)
