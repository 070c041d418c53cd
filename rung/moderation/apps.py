from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "rung.moderation"
    verbose_name = "Moderation"

    def ready(self) -> None:
        from rung.accounts.roles import trust_level_source_set
        from rung.moderation import sections, services, subscribers

        subscribers.subscribe()
        sections.register()
        trust_level_source_set(lambda member: services.standing_of(member).trust_level)
