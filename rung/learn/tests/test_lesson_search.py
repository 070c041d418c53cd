"""Search finds lessons by their words and by what is said in them, in either language."""

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from rung.ladder.models import Level
from rung.learn.lesson_search import lesson_search
from rung.learn.models import Lesson
from rung.learn.tests.lessons import make_lesson
from rung.qa.models import Topic
from rung.search.analysis import parse_query
from rung.search.fulltext import Filters

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


def _video_links(page: str) -> list[str]:
    section = page.split('id="lesson-hits-heading"', 1)
    if len(section) == 1:
        return []
    return sorted(set(re.findall(r'href="(/learn/[^"?]+)', section[1].split("</section>", 1)[0])))


def test_the_topic_filter_keeps_only_lessons_on_that_topic(visitor: Client, lesson: Lesson) -> None:
    on_staff = visitor.get(reverse("search:search"), {"q": "backlog", "topic": "staff"})
    assert on_staff.status_code == 200
    assert _video_links(on_staff.content.decode()) == []
    on_mid = visitor.get(reverse("search:search"), {"q": "backlog", "topic": "mid-level"})
    assert _video_links(on_mid.content.decode()) == [lesson.get_absolute_url()]


def test_the_level_filter_keeps_only_lessons_on_that_levels_topic(lesson: Lesson) -> None:
    staff = Level.objects.get(slug="staff")
    mid = Level.objects.get(slug="mid-level")
    query = parse_query("backlog")
    assert lesson_search(query, filters=Filters(level_id=staff.pk)) == []
    assert [hit.lesson for hit in lesson_search(query, filters=Filters(level_id=mid.pk))] == [
        lesson
    ]
    topic = Topic.objects.get(slug="mid-level")
    both = Filters(topic_id=topic.pk, level_id=staff.pk)
    assert lesson_search(query, filters=both) == []


def test_asking_for_a_most_helpful_answer_leaves_videos_out(
    visitor: Client, lesson: Lesson
) -> None:
    response = visitor.get(reverse("search:search"), {"q": "backlog", "helpful": "on"})
    assert response.status_code == 200
    assert 'id="lesson-hits-heading"' not in response.content.decode()
    assert lesson_search(parse_query("backlog"), filters=Filters(helpful=True)) == []


def test_an_excluded_word_leaves_out_lessons_that_hold_it(visitor: Client) -> None:
    ranking = make_lesson(
        "ranking-a-feed",
        title="Ranking a news feed",
        title_zh="新闻信息流的排序",
        lines=(("A feed needs fresh posts.", "信息流需要新的帖子。"),),
    )
    spoken = make_lesson(
        "feed-spoken",
        title="Building a feed",
        title_zh="搭建信息流",
        lines=(("This feed puts ranking last.", "这个信息流把排序放在最后。"),),
    )
    plain = make_lesson(
        "feed-plain",
        title="Caching a feed",
        title_zh="缓存信息流",
        lines=(("Cache the feed for each reader.", "为每位读者缓存信息流。"),),
    )
    assert {hit.lesson for hit in lesson_search(parse_query("feed"))} == {ranking, spoken, plain}
    hits = lesson_search(parse_query("feed -ranking"))
    assert [hit.lesson for hit in hits] == [plain]
    page = visitor.get(reverse("search:search"), {"q": "feed -ranking"}).content.decode()
    assert _video_links(page) == [plain.get_absolute_url()]
    # Chinese exclusions work the same way: 排序 is said in two of the lessons.
    hits = lesson_search(parse_query("信息流 -排序"))
    assert [hit.lesson for hit in hits] == [plain]


def test_videos_without_questions_say_so_and_the_help_mentions_videos(
    visitor: Client, lesson: Lesson
) -> None:
    page = _search(visitor, "backlog")
    assert "Finds questions and videos in English and Chinese." in page
    assert "Only the videos above match “backlog”" in page
    assert "No questions match “quantum”" in _search(visitor, "quantum")
