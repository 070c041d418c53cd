from django.apps import AppConfig


class QaConfig(AppConfig):
    name = "rung.qa"
    verbose_name = "Questions and answers"

    def ready(self) -> None:
        from rung.qa import tasks
        from rung.qa.sections import register

        register()
        # The visitors' copies of a changed question's pages are rendered again by the worker.
        tasks.subscribe()
        # Topic names and guides are on cached pages: an operator's edit renders them again.
        from django.db.models.signals import post_save

        from rung.core.people_version import shared_text_changed
        from rung.qa.models import Topic

        def topic_text_changed(
            update_fields: frozenset[str] | None = None, **kwargs: object
        ) -> None:
            if update_fields is None or not update_fields <= {"question_count", "feed_version"}:
                shared_text_changed()

        post_save.connect(
            topic_text_changed, sender=Topic, dispatch_uid="qa-topic-text", weak=False
        )
