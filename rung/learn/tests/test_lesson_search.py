"""Search finds lessons by their words and by what is said in them, in either language."""

from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from rung.learn.models import Lesson
from rung.learn.selectors import lesson_search
from rung.learn.tests.lessons import make_lesson
from rung.search.analysis import parse_query

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def lesson() -> Lesson:
    return make_lesson()


def _search(client: Client, q: str, **headers: str) -> str:
    response = client.get(reverse("search:search"), {"q": q}, headers=headers)
    assert response.status_code == 200
    return response.content.decode()


def test_a_word_said_only_in_the_transcript_opens_the_lesson_at_that_moment(
    visitor: Client, lesson: Lesson
) -> None:
    page = _search(visitor, "backlog")
    assert 'id="lesson-hits-heading"' in page
    assert f"{lesson.get_absolute_url()}?t=4&amp;transcript=en" in page
    assert "Keep a short backlog of risks every week." in page


def test_a_chinese_search_finds_the_chinese_transcript(visitor: Client, lesson: Lesson) -> None:
    page = _search(visitor, "风险清单")
    assert f"{lesson.get_absolute_url()}?t=4&amp;transcript=zh-hans" in page


def test_words_said_in_different_lines_still_find_the_lesson(lesson: Lesson) -> None:
    hits = lesson_search(parse_query("decision backlog"))
    assert [hit.lesson.pk for hit in hits] == [lesson.pk]
    assert hits[0].cue is not None


def test_the_title_finds_the_lesson_without_a_moment(lesson: Lesson) -> None:
    hits = lesson_search(parse_query("owning project"))
    assert [(hit.lesson.pk, hit.cue) for hit in hits] == [(lesson.pk, None)]


def test_the_word_being_typed_matches_as_a_prefix(visitor: Client, lesson: Lesson) -> None:
    page = _search(visitor, "backl", HX_Request="true")
    assert lesson.get_absolute_url() in page


def test_no_match_and_hidden_lessons_show_no_videos(visitor: Client) -> None:
    make_lesson("draft", published=False)
    assert 'id="lesson-hits-heading"' not in _search(visitor, "backlog")
    assert not lesson_search(parse_query("quantum"))
    assert not lesson_search(parse_query(""))


def test_hostile_queries_are_only_words(visitor: Client, lesson: Lesson) -> None:
    for q in ["%", "_", "' OR 1=1 --", '"backlog', "-backlog", "\x00"]:
        _search(visitor, q)
    assert not lesson_search(parse_query("%"))
