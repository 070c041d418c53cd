from django.apps import AppConfig


class QaConfig(AppConfig):
    name = "rung.qa"
    verbose_name = "Questions and answers"
