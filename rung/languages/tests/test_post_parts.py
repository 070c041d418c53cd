"""What the languages app adds to each post in Python is the HTML its template tags render."""

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from rung.accounts.models import User
from rung.core.languages import CHINESE, ENGLISH
from rung.languages.post_parts import post_badge_html, post_translate_html
from rung.languages.templatetags.languages import lang_attr
from rung.qa.models import Answer, Post
from rung.testing.factories import make_answer, make_member, make_question

pytestmark = pytest.mark.django_db

INTERFACE_LANGUAGES = ("en", "zh-hans")
POST_LANGUAGES = (ENGLISH, CHINESE, "")
TAGS = Template(
    "{% load languages post_translation %}"
    "{% language_badge post %}|{% lang_attr post %}|{% translate_button post %}"
)


def _posts(language: str) -> list[Post]:
    """A question, an answer and a reply, all written in `language`."""
    member = make_member(f"writer{language.replace('-', '')}")
    question = make_question(member)
    answer = make_answer(question, member, body="An answer.")
    reply = make_answer(question, member, body="A reply.", parent=answer)
    question.language = language
    Answer.objects.filter(pk__in=[answer.pk, reply.pk]).update(language=language)
    answer.refresh_from_db()
    reply.refresh_from_db()
    return [question, answer, reply]


def _tags(post: Post, viewer: User | AnonymousUser) -> str:
    request = RequestFactory().get("/")
    request.user = viewer
    return TAGS.render(Context({"post": post, "request": request, "user": viewer}))


def _parts(post: Post) -> str:
    return f"{post_badge_html(post)}|{lang_attr(post)}|{post_translate_html(post)}"


@pytest.mark.parametrize("provider", ["none", "libretranslate"])
def test_post_parts_are_what_the_template_tags_render(settings: Any, provider: str) -> None:
    """Every post kind and language, in each interface language, for a visitor and a member,
    with translation off (no offer) and on (an offer wherever the languages differ)."""
    settings.RUNG_TRANSLATION_PROVIDER = provider
    settings.RUNG_LIBRETRANSLATE_URL = "http://translate.invalid"
    posts = [post for language in POST_LANGUAGES for post in _posts(language)]
    viewers: list[User | AnonymousUser] = [AnonymousUser(), make_member("reader")]
    offers = 0
    for interface in INTERFACE_LANGUAGES:
        with translation.override(interface):
            for post in posts:
                for viewer in viewers:
                    assert _parts(post) == _tags(post, viewer), (interface, post.language, post)
                offers += "translate-control" in _parts(post)
    # Each of the three kinds is offered in the other language, in both directions.
    assert offers == (6 if provider == "libretranslate" else 0)


def test_the_offer_is_in_the_interface_language_like_the_template(settings: Any) -> None:
    settings.RUNG_TRANSLATION_PROVIDER = "libretranslate"
    settings.RUNG_LIBRETRANSLATE_URL = "http://translate.invalid"
    [question, *_] = _posts(ENGLISH)
    with translation.override("zh-hans"):
        html = post_translate_html(question)
        assert html == _tags(question, AnonymousUser()).split("|")[2]
    assert f'id="translate-question-{question.pk}"' in html and "?to=zh-hans" in html
    assert "Translate<" not in html
