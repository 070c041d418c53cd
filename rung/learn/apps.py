from django.apps import AppConfig


class LearnConfig(AppConfig):
    name = "rung.learn"
    verbose_name = "Lessons and courses"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from rung.learn import sections

        sections.register()
