from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "rung.core"
    verbose_name = "Core"
