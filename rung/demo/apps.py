from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "rung.demo"
    verbose_name = "Demo content"
