"""`fast_reverse` gives exactly what `reverse` gives, in every language and script prefix."""

from typing import Any
from unittest import mock

import pytest
from django.http import HttpRequest, HttpResponse
from django.template import Context, Template
from django.urls import NoReverseMatch, path, reverse, set_script_prefix
from django.utils import translation

from rung.core.fast_urls import fast_reverse, fast_reverser

CASES = [
    ("qa:answer_edit", (7,)),
    ("qa:answer_like", (0,)),
    ("qa:reply_language", (123456789,)),
    ("qa:question_slug", (42, "how-to-ask-for-a-raise")),
    ("accounts:profile", ("mei_lin-2",)),
    ("accounts:profile", ("ava.chen.38",)),
    ("accounts:profile", (".",)),
    ("accounts:profile", ("..",)),
    ("accounts:profile", ("a..b.",)),
    ("moderation:penalty_lift", ("ava.chen.38", 4)),
    ("growth:plan_markdown", ("x.md",)),
    ("moderation:flag", ("answer", 9)),
    ("languages:glossary", ()),
    ("accounts:member_suggest", ()),
]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize(("name", "args"), CASES)
def test_same_address_as_reverse(name: str, args: tuple[int | str, ...], language: str) -> None:
    with translation.override(language):
        expected = reverse(name, args=list(args))
        assert fast_reverse(name, *args) == expected
        # The second call comes from the kept pattern.
        assert fast_reverse(name, *args) == expected


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("name", ["qa:answer_edit", "qa:reply_language", "qa:answer_replies"])
def test_a_reverser_gives_the_address_reverse_gives(name: str, language: str) -> None:
    with translation.override(language):
        address = fast_reverser(name)
        for pk in (0, 7, 123456789):
            assert address(pk) == reverse(name, args=[pk])
        with pytest.raises(NoReverseMatch):
            address(-1)


def test_script_prefix_is_part_of_the_key() -> None:
    plain = fast_reverse("qa:answer_edit", 5)
    set_script_prefix("/forum/")
    try:
        assert fast_reverse("qa:answer_edit", 5) == reverse("qa:answer_edit", args=[5])
        assert fast_reverse("qa:answer_edit", 5).startswith("/forum/")
    finally:
        set_script_prefix("/")
    assert fast_reverse("qa:answer_edit", 5) == plain


@pytest.mark.parametrize(
    "username", ["名字", "a b", "o'neil", "x%2F", "a.b", "Zoë", "UPPER_lower-9"]
)
def test_other_text_goes_through_reverse(username: str) -> None:
    assert fast_reverse("accounts:profile", username) == reverse(
        "accounts:profile", args=[username]
    )


def test_what_reverse_refuses_is_refused() -> None:
    with pytest.raises(NoReverseMatch):
        fast_reverse("qa:answer_edit", -1)
    with pytest.raises(NoReverseMatch):
        fast_reverse("qa:answer_edit", "seven")
    with pytest.raises(NoReverseMatch):
        fast_reverse("qa:answer_edit", True)
    with pytest.raises(NoReverseMatch):
        fast_reverse("accounts:profile", "a/b")
    # A slug takes no ".", so the kept pattern for a dotted argument is never made.
    assert fast_reverse("growth:scale_delete", "a-b") == reverse(
        "growth:scale_delete", args=["a-b"]
    )
    for _attempt in range(2):
        with pytest.raises(NoReverseMatch):
            fast_reverse("growth:scale_delete", "a.b")


def test_template_tag_matches_url_tag() -> None:
    template = Template(
        "{% load rung %}{% url 'qa:answer_delete' pk %}|{% fast_url 'qa:answer_delete' pk %}"
        "|{% fast_url 'qa:answer_delete' pk as kept %}{{ kept }}"
    )
    with translation.override("zh-hans"):
        url, fast, kept = template.render(Context({"pk": 31})).split("|")
    assert url == fast == kept


def _moved(request: HttpRequest, pk: int) -> HttpResponse:
    return HttpResponse()


urlpatterns = [path("elsewhere/answers/<int:pk>/edit/", _moved, name="moved")]


def test_a_changed_url_configuration_is_not_served_from_kept_patterns(settings: Any) -> None:
    settings.ROOT_URLCONF = "rung.core.tests.test_fast_urls"
    assert fast_reverse("moved", 3) == "/elsewhere/answers/3/edit/"
    with pytest.raises(NoReverseMatch):
        fast_reverse("qa:answer_edit", 3)


def test_member_names_with_dots_come_from_the_kept_pattern() -> None:
    fast_reverse("accounts:profile", "warm.up")
    with mock.patch("rung.core.fast_urls.reverse", side_effect=AssertionError):
        assert fast_reverse("accounts:profile", "ava.chen.38") == reverse(
            "accounts:profile", args=["ava.chen.38"]
        )
