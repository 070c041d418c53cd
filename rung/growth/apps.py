from django.apps import AppConfig


class GrowthConfig(AppConfig):
    name = "rung.growth"
    verbose_name = "Growth workspace"

    def ready(self) -> None:
        from rung.growth import sections

        sections.register()
