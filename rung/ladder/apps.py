from django.apps import AppConfig


class LadderConfig(AppConfig):
    name = "rung.ladder"
    verbose_name = "Career ladder"
