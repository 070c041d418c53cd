"""Data migrations re-render stored post HTML so old off-site images become links."""

import importlib
from typing import Any

import pytest
from django.apps import apps

from rung.accounts.models import User
from rung.languages.models import Translation
from rung.qa.models import Answer, Question
from rung.testing import make_answer, make_question

pytestmark = pytest.mark.django_db

OLD_HTML = '<p><img src="https://evil.example/x.png" alt="x"></p>\n'
BODY = "![x](https://evil.example/x.png)"


def _migration(app: str, name: str) -> Any:
    return importlib.import_module(f"rung.{app}.migrations.{name}")


def test_migration_rerenders_questions_and_answers_with_images(alice: User, bob: User) -> None:
    """Rows stored before the change lose their off-site <img>; rows without images stay."""
    question = make_question(alice, body=BODY)
    answer = make_answer(question, bob, body=BODY)
    plain = make_question(alice, body="No pictures here.")
    Question.objects.filter(pk=question.pk).update(body_html=OLD_HTML)
    Answer.objects.filter(pk=answer.pk).update(body_html=OLD_HTML)
    Question.objects.filter(pk=plain.pk).update(body_html="<p>as stored</p>")

    _migration("qa", "0006_offsite_images_as_links").rerender_posts(apps, None)

    for post in (Question.objects.get(pk=question.pk), Answer.objects.get(pk=answer.pk)):
        assert "<img" not in post.body_html
        assert 'class="external-image" href="https://evil.example/x.png"' in post.body_html
    assert Question.objects.get(pk=plain.pk).body_html == "<p>as stored</p>"


def test_migration_rerenders_stored_translations(alice: User) -> None:
    question = make_question(alice, body="Original")
    translation = Translation.objects.create(
        kind=Translation.Kind.QUESTION,
        object_id=question.pk,
        revision=question.revisions.get(),
        source_language="en",
        target_language="zh-hans",
        provider="fake",
        body=BODY,
        body_html=OLD_HTML,
    )

    _migration("languages", "0002_offsite_images_as_links").rerender_translations(apps, None)

    translation.refresh_from_db()
    assert "<img" not in translation.body_html
    assert 'href="https://evil.example/x.png"' in translation.body_html


def test_rerendering_works_in_batches(alice: User) -> None:
    """More rows than one batch are all rewritten, and the count says how many changed."""
    from rung.core.stored_html import stored_html_rerender

    questions = [make_question(alice, body=BODY) for _ in range(5)]
    Question.objects.filter(pk__in=[q.pk for q in questions]).update(body_html=OLD_HTML)
    assert stored_html_rerender(Question, containing="<img", batch_size=2) == 5
    assert not Question.objects.filter(body_html__contains="<img").exists()
    assert stored_html_rerender(Question, containing="<img", batch_size=2) == 0


def test_rerendering_empties_what_was_worked_out_from_the_old_html(alice: User) -> None:
    """Glossary links made for the old HTML are dropped, and the command stores new ones."""
    from django.core.management import call_command

    from rung.core.stored_html import stored_html_rerender
    from rung.languages.glossary.linking import glossary_links

    question = make_question(alice, body=f"My promotion. {BODY}")
    Question.objects.filter(pk=question.pk).update(
        body_html=OLD_HTML, body_links=glossary_links(OLD_HTML)
    )
    stored_html_rerender(Question, containing="<img")
    question.refresh_from_db()
    assert question.body_links == {}
    call_command("glossary_links", verbosity=0)
    question.refresh_from_db()
    assert question.body_links == glossary_links(question.body_html)


def test_rerendering_keeps_mentions_with_the_accounts_resolver(alice: User, bob: User) -> None:
    from rung.accounts.mentions import MentionLinks
    from rung.core.stored_html import stored_html_rerender

    question = make_question(alice, body=f"@bob {BODY}")
    assert 'class="mention"' in question.body_html
    Question.objects.filter(pk=question.pk).update(body_html=OLD_HTML)
    stored_html_rerender(Question, containing="<img", mentions=lambda names: MentionLinks()(names))
    question.refresh_from_db()
    assert f'<a class="mention" href="{bob.get_absolute_url()}"' in question.body_html
