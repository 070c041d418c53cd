from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "rung.notifications"
    verbose_name = "Notifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from rung.accounts import employers
        from rung.notifications import due_work, fanout, sections, subscribers
        from rung.search import similar

        subscribers.subscribe()
        sections.register()
        # Some weeks after asking, the asker is asked what happened (rung/qa/outcomes.py).
        due_work.register(fanout.outcome_prompts)
        # Employer verifications whose time ran out stop showing (rung/accounts/employers.py).
        due_work.register(employers.employer_verifications_lapse)
        # Kept similar questions are worked out afresh daily (rung/search/similar.py).
        due_work.register(similar.similar_lists_refresh)
