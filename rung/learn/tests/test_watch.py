"""Watching lessons: the player's files (with Range), the lesson and course pages, progress."""

from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.learn.models import Course, Lesson, LessonStatus, Progress
from rung.learn.tests.lessons import make_lesson, video_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    settings.RUNG_MEDIA_ACCEL_PREFIX = ""
    return tmp_path


@pytest.fixture
def lesson() -> Lesson:
    return make_lesson()


def _body(response: Any) -> bytes:
    return b"".join(response.streaming_content)


# --- the video file --------------------------------------------------------------------


def test_video_is_sent_whole_with_accept_ranges(visitor: Client, lesson: Lesson) -> None:
    response = visitor.get(reverse("learn:video", args=[lesson.slug]))
    data = video_bytes()
    assert response.status_code == 200
    assert response["Content-Type"] == "video/mp4"
    assert response["Accept-Ranges"] == "bytes"
    assert int(response["Content-Length"]) == len(data)
    assert _body(response) == data


def test_head_gives_the_length_without_the_bytes(visitor: Client, lesson: Lesson) -> None:
    response = visitor.head(reverse("learn:video", args=[lesson.slug]), HTTP_RANGE="bytes=0-9")
    assert response.status_code == 206
    assert response["Content-Length"] == "10"
    assert _body(response) == b""


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [("bytes=0-99", 0, 99), ("bytes=100-", 100, None), ("bytes=-50", -50, None)],
)
def test_a_range_is_answered_with_206_and_exactly_those_bytes(
    visitor: Client, lesson: Lesson, header: str, first: int, last: int | None
) -> None:
    data = video_bytes()
    size = len(data)
    response = visitor.get(reverse("learn:video", args=[lesson.slug]), HTTP_RANGE=header)
    assert response.status_code == 206
    start = first if first >= 0 else size + first
    end = last if last is not None else size - 1
    assert response["Content-Range"] == f"bytes {start}-{end}/{size}"
    assert int(response["Content-Length"]) == end - start + 1
    assert _body(response) == data[start : end + 1]


def test_a_range_past_the_end_is_416_with_the_size(visitor: Client, lesson: Lesson) -> None:
    size = len(video_bytes())
    response = visitor.get(
        reverse("learn:video", args=[lesson.slug]), HTTP_RANGE=f"bytes={size + 10}-"
    )
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{size}"


@pytest.mark.parametrize("header", ["bytes=0-1,5-9", "items=0-3", "bytes=9-3", "bytes=x-y"])
def test_ranges_it_does_not_serve_get_the_whole_file(
    visitor: Client, lesson: Lesson, header: str
) -> None:
    response = visitor.get(reverse("learn:video", args=[lesson.slug]), HTTP_RANGE=header)
    assert response.status_code == 200
    assert _body(response) == video_bytes()


def test_a_range_for_a_changed_file_gets_the_whole_new_file(
    visitor: Client, lesson: Lesson
) -> None:
    url = reverse("learn:video", args=[lesson.slug])
    etag = visitor.get(url)["ETag"]
    same = visitor.get(url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE=etag)
    assert same.status_code == 206
    other = visitor.get(url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"old"')
    assert other.status_code == 200
    assert visitor.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_behind_nginx_the_file_is_handed_over_by_header(
    visitor: Client, lesson: Lesson, settings: Any
) -> None:
    settings.RUNG_MEDIA_ACCEL_PREFIX = "/protected/"
    response = visitor.get(reverse("learn:video", args=[lesson.slug]))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected/{lesson.video.name}"
    assert response.content == b""


def test_an_unpublished_lesson_and_its_files_are_404_except_for_staff(
    alice: User, mod: User
) -> None:
    visitor, alice_client, mod_client = Client(), Client(), Client()
    alice_client.force_login(alice)
    mod_client.force_login(mod)
    hidden = make_lesson("draft", published=False)
    for name in ("lesson", "video", "poster"):
        url = reverse(f"learn:{name}", args=[hidden.slug])
        assert visitor.get(url).status_code == 404
        assert alice_client.get(url).status_code == 404
        assert mod_client.get(url).status_code == 200, name
    url = reverse("learn:captions", args=[hidden.slug, "en"])
    assert visitor.get(url).status_code == 404


def test_a_lesson_still_processing_is_shown_as_being_prepared_to_its_editor(
    mod_client: Client,
) -> None:
    visitor = Client()
    waiting = make_lesson("waiting", status=LessonStatus.WAITING, published=True)
    assert visitor.get(waiting.get_absolute_url()).status_code == 404
    page = mod_client.get(waiting.get_absolute_url()).content.decode()
    assert "being prepared" in page
    assert "<video" not in page
    assert mod_client.get(reverse("learn:video", args=[waiting.slug])).status_code == 404


# --- captions and the lesson page ---------------------------------------------------------


def test_captions_are_webvtt_and_an_unknown_language_is_404(
    visitor: Client, lesson: Lesson
) -> None:
    response = visitor.get(reverse("learn:captions", args=[lesson.slug, "zh-hans"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vtt; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("WEBVTT")
    assert "每周维护一份简短的风险清单。" in text
    assert visitor.get(reverse("learn:captions", args=[lesson.slug, "fr"])).status_code == 404


def test_the_lesson_page_has_the_player_tracks_transcript_and_key_points(
    visitor: Client,
) -> None:
    shown = make_lesson(key_points_en="Name the owner\nWrite the decision down")
    page = visitor.get(shown.get_absolute_url()).content.decode()
    assert '<video id="lesson-video"' in page
    assert reverse("learn:video", args=[shown.slug]) in page
    assert f'src="{reverse("learn:captions", args=[shown.slug, "en"])}"' in page
    assert f'src="{reverse("learn:captions", args=[shown.slug, "zh-hans"])}"' in page
    assert 'data-cue-start="4000"' in page
    assert "Keep a short backlog of risks every week." in page
    assert "<li>Write the decision down</li>" in page
    # Visitors are not asked for their progress.
    assert "data-progress-url" not in page


def test_the_transcript_follows_the_interface_language_or_the_choice(
    visitor: Client, lesson: Lesson
) -> None:
    zh = visitor.get(lesson.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "每周维护一份简短的风险清单。" in zh
    chosen = visitor.get(lesson.get_absolute_url() + "?transcript=en").content.decode()
    # Both transcripts are on the page, for switching without a reload; one is shown.
    assert '<ol class="transcript-lines" lang="en" data-transcript="en">' in chosen
    assert 'lang="zh-hans" data-transcript="zh-hans" hidden>' in chosen
    assert "每周维护一份简短的风险清单。" in chosen


@pytest.mark.parametrize(
    ("t", "start"),
    [("3", "3.000"), ("0m4s", "4.000"), ("83", "6.000"), ("nan", None), ("-4", None)],
)
def test_a_link_opens_the_lesson_at_its_time(
    visitor: Client, lesson: Lesson, t: str, start: str | None
) -> None:
    response = visitor.get(lesson.get_absolute_url(), {"t": t})
    assert response.status_code == 200
    page = response.content.decode()
    if start is None:
        assert "data-start=" not in page
    else:
        assert f'data-start="{start}"' in page


def test_markup_in_cue_text_reaches_readers_as_text(visitor: Client) -> None:
    shown = make_lesson(
        "markup", lines=(("<script>alert(1)</script> & <b>bold</b>", "<i>斜体</i>"),)
    )
    page = visitor.get(shown.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in page


# --- progress ---------------------------------------------------------------------------


def test_a_members_position_is_kept_and_the_page_resumes_there(
    alice: User, alice_client: Client, lesson: Lesson
) -> None:
    url = reverse("learn:progress", args=[lesson.slug])
    assert alice_client.post(url, {"position": "3.5"}).status_code == 204
    row = Progress.objects.get(member=alice, lesson=lesson)
    assert (row.position_ms, row.furthest_ms, row.completed_at) == (3500, 3500, None)
    page = alice_client.get(lesson.get_absolute_url()).content.decode()
    assert 'data-start="3.500"' in page
    assert f'data-progress-url="{url}"' in page


def test_watching_past_nine_tenths_or_to_the_end_marks_the_lesson_watched(
    alice: User, alice_client: Client, lesson: Lesson
) -> None:
    url = reverse("learn:progress", args=[lesson.slug])
    alice_client.post(url, {"position": "5.5"})
    row = Progress.objects.get(member=alice, lesson=lesson)
    assert row.completed_at is not None
    # Going back keeps what was watched.
    alice_client.post(url, {"position": "1"})
    row.refresh_from_db()
    assert (row.position_ms, row.furthest_ms) == (1000, 5500)
    assert row.completed_at is not None


def test_a_position_past_the_end_is_refused_and_a_little_past_is_cut(
    alice: User, alice_client: Client, lesson: Lesson
) -> None:
    url = reverse("learn:progress", args=[lesson.slug])
    assert alice_client.post(url, {"position": "9999"}).status_code == 400
    assert not Progress.objects.exists()
    assert alice_client.post(url, {"position": "7.5"}).status_code == 204
    assert Progress.objects.get(member=alice).position_ms == lesson.duration_ms


def test_the_end_reached_means_the_next_visit_starts_again(
    alice: User, alice_client: Client, lesson: Lesson
) -> None:
    alice_client.post(
        reverse("learn:progress", args=[lesson.slug]), {"position": "2", "ended": "1"}
    )
    row = Progress.objects.get(member=alice)
    assert (row.position_ms, row.completed_at is not None) == (lesson.duration_ms, True)
    assert "data-start=" not in alice_client.get(lesson.get_absolute_url()).content.decode()


def test_a_draft_says_it_is_one_to_its_editor(mod_client: Client) -> None:
    draft = make_lesson("draft", published=False)
    assert "Draft: not published" in mod_client.get(draft.get_absolute_url()).content.decode()


def test_captions_start_on_for_a_reader_whose_language_the_video_does_not_speak(
    visitor: Client, lesson: Lesson
) -> None:
    zh = visitor.get(lesson.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert 'data-default-captions="zh-hans"' in zh
    en = visitor.get(lesson.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "data-default-captions" not in en


@pytest.mark.parametrize("position", ["", "abc", "-1", "inf", "nan", "1e400"])
def test_junk_positions_are_400_and_save_nothing(
    alice_client: Client, lesson: Lesson, position: str
) -> None:
    response = alice_client.post(
        reverse("learn:progress", args=[lesson.slug]), {"position": position}
    )
    assert response.status_code == 400
    assert not Progress.objects.exists()


def test_progress_is_for_members_by_post_on_lessons_they_can_see(
    alice_client: Client, lesson: Lesson
) -> None:
    url = reverse("learn:progress", args=[lesson.slug])
    assert Client().post(url, {"position": "2"}).status_code == 302
    assert alice_client.get(url).status_code == 405
    hidden = make_lesson("draft", published=False)
    url = reverse("learn:progress", args=[hidden.slug])
    assert alice_client.post(url, {"position": "2"}).status_code == 404
    assert not Progress.objects.exists()


# --- courses, index, topic and home -------------------------------------------------------


def _course() -> tuple[Course, list[Lesson]]:
    course = Course.objects.create(
        slug="ml-design", title_en="Senior ML system design", is_published=True
    )
    lessons = [
        make_lesson(f"ml-{n}", title=f"Part {n}", course=course, position=n, topics=("senior",))
        for n in (1, 2, 3)
    ]
    return course, lessons


def test_the_course_page_continues_with_the_first_lesson_not_watched(
    alice_client: Client,
) -> None:
    course, lessons = _course()
    page = alice_client.get(course.get_absolute_url()).content.decode()
    assert "Start the course" in page
    assert page.index("Part 1") < page.index("Part 2") < page.index("Part 3")
    alice_client.post(reverse("learn:progress", args=["ml-1"]), {"position": "6", "ended": "1"})
    alice_client.post(reverse("learn:progress", args=["ml-2"]), {"position": "2"})
    page = alice_client.get(course.get_absolute_url()).content.decode()
    assert "Continue where you left off" in page
    assert f'class="button primary" href="{lessons[1].get_absolute_url()}"' in page
    assert "1 of 3 lessons watched · 1 under way" in page
    assert "Stopped at 0:02" in page
    for slug in ("ml-2", "ml-3"):
        alice_client.post(reverse("learn:progress", args=[slug]), {"position": "6", "ended": "1"})
    page = alice_client.get(course.get_absolute_url()).content.decode()
    assert "Course completed" in page
    assert "Continue where you left off" not in page
    assert f'<a class="button" href="{lessons[0].get_absolute_url()}">Watch again</a>' in page


def test_a_lesson_in_a_course_links_its_neighbours(visitor: Client) -> None:
    _course_row, lessons = _course()
    page = visitor.get(lessons[1].get_absolute_url()).content.decode()
    assert f'href="{lessons[0].get_absolute_url()}" rel="prev"' in page
    assert f'href="{lessons[2].get_absolute_url()}" rel="next"' in page
    assert "Lesson 2 of 3" in page


def test_the_index_shows_each_lesson_once_and_filters_by_topic(visitor: Client) -> None:
    make_lesson("both", title="On two levels", topics=("mid-level", "senior", "promotions"))
    make_lesson("subject-only", title="Only a subject", topics=("promotions",))
    page = visitor.get(reverse("learn:index")).content.decode()
    assert page.count('href="/learn/both/"') == 1
    assert page.count('href="/learn/subject-only/"') == 1
    assert page.index("On two levels") < page.index("More videos") < page.index("Only a subject")
    promotions = visitor.get(reverse("learn:index"), {"topic": "promotions"}).content.decode()
    assert "On two levels" in promotions and "Only a subject" in promotions
    senior = visitor.get(reverse("learn:index"), {"topic": "senior"}).content.decode()
    assert "On two levels" in senior and "Only a subject" not in senior
    assert visitor.get(reverse("learn:index"), {"topic": "no-such"}).status_code == 200


def test_the_index_lists_courses_topics_and_what_a_member_started(
    alice: User, alice_client: Client
) -> None:
    _course()
    make_lesson("solo")
    alice_client.post(reverse("learn:progress", args=["solo"]), {"position": "2"})
    page = alice_client.get(reverse("learn:index")).content.decode()
    assert "Continue watching" in page
    assert "/learn/solo/?t=2" in page
    assert "Senior ML system design" in page


def test_the_topic_page_shows_its_videos_and_drops_an_unpublished_one(
    alice_client: Client,
) -> None:
    visitor = Client()
    from rung.qa.models import Topic

    shown = make_lesson()
    Topic.objects.filter(slug="mid-level").update(feed_version=1)
    url = reverse("qa:topic", args=["mid-level"])
    for client in (visitor, alice_client):
        page = client.get(url).content.decode()
        assert 'id="videos"' in page
        assert shown.get_absolute_url() in page
    Lesson.objects.filter(pk=shown.pk).update(is_published=False)
    # What changes a lesson moves its topics' versions (rung/learn/services.py).
    Topic.objects.filter(slug="mid-level").update(feed_version=2)
    for client in (visitor, alice_client):
        assert shown.get_absolute_url() not in client.get(url).content.decode()


def test_home_suggests_lessons_of_the_members_level(alice: User, alice_client: Client) -> None:
    from rung.ladder.models import Level

    make_lesson("mid", topics=("mid-level",))
    make_lesson("senior-one", title="Senior only", topics=("senior",))
    alice.level = Level.objects.get(slug="mid-level")
    alice.save(update_fields=["level"])
    page = alice_client.get(reverse("home")).content.decode()
    assert "What to watch next as a" in page
    assert "/learn/mid/" in page
    assert "/learn/senior-one/" not in page


def test_home_puts_lessons_under_way_first_and_leaves_out_watched_ones(
    alice: User, alice_client: Client
) -> None:
    from rung.ladder.models import Level

    for n in (1, 2, 3):
        make_lesson(f"mid-{n}", title=f"Mid {n}", topics=("mid-level",))
    alice.level = Level.objects.get(slug="mid-level")
    alice.save(update_fields=["level"])
    page = alice_client.get(reverse("home")).content.decode()
    assert all(f"/learn/mid-{n}/" in page for n in (1, 2, 3))
    alice_client.post(reverse("learn:progress", args=["mid-1"]), {"position": "6", "ended": "1"})
    alice_client.post(reverse("learn:progress", args=["mid-3"]), {"position": "2"})
    page = alice_client.get(reverse("home")).content.decode()
    assert "/learn/mid-1/" not in page
    assert "/learn/mid-3/?t=2" in page and "Continue from 0:02" in page
    assert page.index("/learn/mid-3/") < page.index("/learn/mid-2/")


@pytest.mark.parametrize(
    ("ms", "text"), [(0, "0"), (4000, "4"), (33_100, "33.1"), (33_128, "33.2"), (59_999, "60")]
)
def test_a_link_to_a_line_lands_inside_it(ms: int, text: str) -> None:
    from rung.learn.templatetags.learn import seconds

    assert seconds(ms) == text


def test_lesson_files_are_not_served_by_their_storage_address(visitor: Client) -> None:
    hidden = make_lesson("draft", published=False)
    for name in (hidden.video.name, hidden.poster.name):
        assert visitor.get(f"/media/{name}").status_code == 404
    shown = make_lesson("shown")
    assert visitor.get(f"/media/{shown.video.name}").status_code == 404


def test_a_standalone_lesson_suggests_the_next_one_not_yet_watched(
    alice: User, alice_client: Client
) -> None:
    first = make_lesson("first", title="First one")
    make_lesson("second", title="Second one")
    make_lesson("elsewhere", title="Elsewhere", topics=("staff",))
    page = alice_client.get(first.get_absolute_url()).content.decode()
    assert 'id="next-heading"' in page and "/learn/second/" in page
    assert "/learn/elsewhere/" not in page
    alice_client.post(reverse("learn:progress", args=["second"]), {"position": "6", "ended": "1"})
    page = alice_client.get(first.get_absolute_url()).content.decode()
    assert 'id="next-heading"' not in page


def test_related_questions_put_those_in_the_lessons_topics_first(alice: User) -> None:
    from rung.learn.selectors import lesson_related_questions
    from rung.testing import make_question

    elsewhere = make_question(
        alice, title="How do I keep a backlog of risks on my project?", topics=["staff"]
    )
    here = make_question(
        alice, title="Keeping a backlog of risks as a mid-level owner", topics=["mid-level"]
    )
    lesson = make_lesson(title="A backlog of risks", summary_en="Keep a backlog of risks.")
    related = lesson_related_questions(lesson)
    assert related[:2] == [here, elsewhere]


def test_an_unpublished_course_and_draft_lessons_are_nowhere_for_outsiders(
    alice: User, mod: User
) -> None:
    course = Course.objects.create(slug="hidden-course", title_en="Hidden course")
    make_lesson("draft-in-course", title="Draft lesson", course=course, published=False)
    outsider, visitor, staff = Client(), Client(), Client()
    outsider.force_login(alice)
    staff.force_login(mod)
    for client in (visitor, outsider):
        assert client.get(course.get_absolute_url()).status_code == 404
        index = client.get(reverse("learn:index")).content.decode()
        assert "Hidden course" not in index and "Draft lesson" not in index
        topic = client.get(reverse("qa:topic", args=["mid-level"])).content.decode()
        assert "Draft lesson" not in topic
    assert staff.get(course.get_absolute_url()).status_code == 200
