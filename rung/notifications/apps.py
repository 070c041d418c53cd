from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "rung.notifications"
    verbose_name = "Notifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from rung.notifications import subscribers

        subscribers.subscribe()
        from rung.notifications import sections

        sections.register()
