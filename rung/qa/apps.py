from django.apps import AppConfig


class QaConfig(AppConfig):
    name = "rung.qa"
    verbose_name = "Questions and answers"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from rung.qa import tasks
        from rung.qa.invitation_selectors import invitation_saved
        from rung.qa.models import AnswerInvitation, Topic
        from rung.qa.sections import register
        from rung.qa.topics import topic_text_changed

        register()
        # The visitors' copies of a changed question's pages are rendered again by the worker.
        tasks.subscribe()
        # Topic names and guides are on cached pages: an operator's edit renders them again.
        post_save.connect(topic_text_changed, sender=Topic, dispatch_uid="qa-topic-text")
        # A member's pages skip the invitation read for questions they were never invited to.
        post_save.connect(
            invitation_saved, sender=AnswerInvitation, dispatch_uid="qa-invitation-created"
        )
