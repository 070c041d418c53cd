"""The studio's pages: labelled fields, a delete that asks first, tabs, places in a course."""

from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.learn import services
from rung.learn.forms import LessonForm
from rung.learn.models import Course, Lesson
from rung.learn.templatetags.learn import clock
from rung.learn.tests.conftest import MakeVideo
from rung.learn.tests.lessons import make_lesson

pytestmark = pytest.mark.django_db


class _Page(HTMLParser):
    """Collect ids, label targets, legends, and what sits inside a danger zone's <details>."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.label_targets: list[str] = []
        self.legends: list[str] = []
        self.in_details: list[tuple[str, dict[str, str | None]]] = []
        self.summaries: list[str] = []
        self._open_details = 0
        self._text_into: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if "id" in found:
            self.ids.append(found["id"] or "")
        if tag == "label" and "for" in found:
            self.label_targets.append(found["for"] or "")
        if tag == "details" and (self._open_details or "danger-zone" in (found.get("class") or "")):
            self._open_details += 1
        elif self._open_details:
            self.in_details.append((tag, found))
        if tag == "legend":
            self.legends.append("")
            self._text_into = self.legends
        if tag == "summary":
            self.summaries.append("")
            self._text_into = self.summaries

    def handle_endtag(self, tag: str) -> None:
        if tag == "details" and self._open_details:
            self._open_details -= 1
        if tag in ("legend", "summary"):
            self._text_into = None

    def handle_data(self, data: str) -> None:
        if self._text_into is not None:
            self._text_into[-1] += data.strip()


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


@pytest.fixture
def lesson(alice: User) -> Lesson:
    return make_lesson(created_by=alice, seconds=3)


@pytest.fixture
def course() -> Course:
    return Course.objects.create(slug="leading", title="Leading a team")


def _edit(client: Client, lesson: Lesson) -> str:
    response = client.get(reverse("learn:studio_edit", args=[lesson.slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_every_id_on_the_edit_page_is_unique_and_every_label_names_a_field(
    alice_studio: Client, lesson: Lesson
) -> None:
    page = _parse(_edit(alice_studio, lesson))
    assert len(page.ids) == len(set(page.ids)), sorted(i for i in page.ids if page.ids.count(i) > 1)
    assert page.label_targets and all(page.label_targets)
    assert set(page.label_targets) <= set(page.ids)
    assert {"id_language", "id_captions_language", "id_captions_upload"} <= set(page.ids)


def test_the_topics_are_a_fieldset_with_a_legend(alice_studio: Client, lesson: Lesson) -> None:
    page = _parse(_edit(alice_studio, lesson))
    assert "Topics" in page.legends
    assert 'for=""' not in _edit(alice_studio, lesson)


def test_the_edit_page_shown_again_with_errors_keeps_its_ids_apart(
    alice_studio: Client, lesson: Lesson
) -> None:
    response = alice_studio.post(
        reverse("learn:studio_captions", args=[lesson.slug]),
        {"language": "en", "upload": SimpleUploadedFile("bad.vtt", b"not captions")},
    )
    assert response.status_code == 400
    page = _parse(response.content.decode())
    assert len(page.ids) == len(set(page.ids))
    assert set(page.label_targets) <= set(page.ids)


def test_deleting_is_asked_for_first_inside_a_closed_details(
    alice_studio: Client, lesson: Lesson
) -> None:
    page = _parse(_edit(alice_studio, lesson))
    assert "Delete this lesson" in page.summaries
    delete_url = reverse("learn:studio_delete", args=[lesson.slug])
    forms = [attrs for tag, attrs in page.in_details if tag == "form"]
    assert [form.get("action") for form in forms] == [delete_url]
    assert ("button", {"type": "submit", "class": "button danger"}) in page.in_details
    # The confirm button, once reached, deletes (no script is involved).
    assert alice_studio.post(delete_url).status_code == 302
    assert not Lesson.objects.filter(pk=lesson.pk).exists()


def test_the_studio_links_are_tabs_marking_the_current_page(
    alice_studio: Client, lesson: Lesson
) -> None:
    html = alice_studio.get(reverse("learn:studio")).content.decode()
    assert '<nav class="tabs studio-tabs"' in html
    assert f'<a href="{reverse("learn:studio")}" aria-current="page">' in html


def test_the_studio_shows_durations_as_the_lesson_pages_do(
    alice_studio: Client, lesson: Lesson
) -> None:
    # 65.9 s: the player and lesson pages show 1:05; rounding would say 1:06.
    Lesson.objects.filter(pk=lesson.pk).update(duration_ms=65_900)
    lesson.refresh_from_db()
    assert lesson.duration_label == clock(65_900) == "1:05"
    assert lesson.duration_label != "1:06"
    assert "· 1:05" in alice_studio.get(reverse("learn:studio")).content.decode()
    assert "1:05 long." in _edit(alice_studio, lesson)


def test_position_may_be_left_empty_and_no_course_is_named() -> None:
    form = LessonForm(data={"language": "en", "title_en": "Alone", "course": "", "position": ""})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["position"] is None
    assert '<option value="" selected>No course</option>' in str(form["course"])


def test_without_a_position_an_upload_goes_after_the_course_last_lesson(
    instructors: list[User], alice: User, course: Course, make_video: MakeVideo
) -> None:
    make_lesson("first", course=course, position=4)
    video = make_video().read_bytes()

    def upload(title: str, **place: object) -> Lesson:
        return services.lesson_upload(
            member=alice,
            title=title,
            language="en",
            topics=[],
            upload=SimpleUploadedFile("talk.mp4", video),
            **place,  # type: ignore[arg-type]
        )

    assert upload("Next", course=course).position == 5
    assert upload("Chosen", course=course, position=2).position == 2
    assert upload("Alone").position == 0
    assert upload("Alone too", position=None).position == 0


def test_an_empty_position_keeps_a_lesson_in_place_or_puts_it_last_in_a_new_course(
    instructors: list[User], alice: User, course: Course
) -> None:
    other = Course.objects.create(slug="hiring", title="Hiring")
    make_lesson("hiring-one", course=other, position=7)
    lesson = make_lesson("in-course", course=course, position=3, created_by=alice)

    def update(**place: object) -> Lesson:
        return services.lesson_update(
            member=alice,
            lesson=lesson,
            texts=services.lesson_texts(lesson),
            language="en",
            topics=[],
            **place,  # type: ignore[arg-type]
        )

    assert update(course=course, position=None).position == 3
    assert update(course=other, position=None).position == 8
    assert update(course=None, position=None).position == 0
    assert update(course=course, position=None).position == 1


def test_the_edit_form_saves_without_a_position(
    alice_studio: Client, lesson: Lesson, course: Course
) -> None:
    data = {
        "language": "en",
        "title_en": "Owning a project",
        "course": str(course.pk),
        "position": "",
    }
    response = alice_studio.post(reverse("learn:studio_edit", args=[lesson.slug]), data)
    assert response.status_code == 302
    lesson.refresh_from_db()
    assert (lesson.course, lesson.position) == (course, 1)
