"""`{% constant %}` renders what its contents would, kept per language and address settings."""

import pytest
from django.template import Context, Engine, Template, TemplateSyntaxError
from django.test import override_settings
from django.urls import set_script_prefix
from django.utils import translation

LOAD = "{% load i18n static rung constant %}"
BODY = (
    '<a href="{% fast_url "qa:ask" %}" data-short="{% translate "Ask" context "button" %}">'
    "{% translate 'Log in' %}</a>{% comment %}a note{% endcomment %}"
    '<link href="{% static "rung.css" %}"><a href="{% fast_url "qa:question_history" 7 %}">'
    '{% translate "Ask a question" %}</a> & <b>'
)


def _render(source: str, **context: object) -> str:
    return Template(LOAD + source).render(Context(context))


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_renders_what_its_contents_render(language: str) -> None:
    kept = Template(LOAD + "{% constant %}" + BODY + "{% endconstant %}")
    with translation.override(language):
        expected = _render(BODY)
        assert kept.render(Context()) == expected
        assert kept.render(Context()) == expected  # the kept copy
    assert ("提问" in expected) == (language == "zh-hans")


def test_each_language_and_script_prefix_gets_its_own_copy() -> None:
    kept = Template(LOAD + "{% constant %}" + BODY + "{% endconstant %}")
    with translation.override("en"):
        english = kept.render(Context())
    with translation.override("zh-hans"):
        chinese = kept.render(Context())
    assert english != chinese
    assert "Log in" in english and "登录" in chinese
    set_script_prefix("/forum/")
    try:
        with translation.override("en"):
            prefixed = kept.render(Context())
    finally:
        set_script_prefix("/")
    assert 'href="/forum/ask/"' in prefixed and 'href="/forum/questions/7/history/"' in prefixed
    assert prefixed != english


def test_a_changed_setting_forgets_the_kept_copies() -> None:
    kept = Template(LOAD + "{% constant %}<i>{% static 'rung.css' %}</i>{% endconstant %}")
    before = kept.render(Context())
    with override_settings(STATIC_URL="/elsewhere/"):
        assert kept.render(Context()) == "<i>/elsewhere/rung.css</i>"
    assert kept.render(Context()) == before


@pytest.mark.parametrize(
    "inside",
    [
        "{{ user.name }}",
        "{% translate name %}",
        "{% translate 'Log in' as words %}",
        "{% translate 'Log in'|upper %}",
        "{% csrf_token %}",
        "{% fast_url 'qa:question_history' pk %}",
        "{% fast_url 'home' as home %}",
        "{% static path %}",
        "{% if user %}x{% endif %}",
        "{% now 'Y' %}",
    ],
)
def test_anything_that_could_differ_between_readers_is_refused(inside: str) -> None:
    with pytest.raises(TemplateSyntaxError):
        Engine.get_default().from_string(LOAD + "{% constant %}" + inside + "{% endconstant %}")
