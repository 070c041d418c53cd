"""The studio: instructors upload, edit, caption, publish and delete lessons; others cannot."""

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadhandler import StopUpload
from django.test import Client, RequestFactory
from django.urls import reverse

from rung.accounts.models import User
from rung.learn import media, services
from rung.learn.models import CaptionTrack, Lesson, LessonStatus
from rung.learn.tests.conftest import MakeVideo, stored_files
from rung.learn.uploads import LimitedUploadHandler
from rung.qa.models import Topic

pytestmark = pytest.mark.django_db

NEW = reverse("learn:studio_new")


def _form(upload: Any, topic: Topic | None = None, **fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "upload": upload,
        "title_en": "Writing a design doc",
        "summary_en": "How to start.",
        "key_points_en": "Say the problem\nList the options",
        "title_zh_hans": "写设计文档",
        "summary_zh_hans": "",
        "key_points_zh_hans": "",
        "language": "en",
        "position": "0",
        "course": "",
    }
    if topic is not None:
        data["topics"] = [topic.pk]
    data.update(fields)
    return data


def _upload(client: Client, path: Path, committed: Callable[[], Any], **fields: Any) -> Any:
    with committed(), path.open("rb") as file:
        return client.post(NEW, _form(file, **fields))


@pytest.fixture
def ready_lesson(
    alice_studio: Client, make_video: MakeVideo, committed: Callable[[], Any], topic: Topic
) -> Lesson:
    response = _upload(alice_studio, make_video(seconds=2), committed, topic=topic)
    assert response.status_code == 302
    lesson = Lesson.objects.get()
    assert lesson.status == LessonStatus.READY, lesson.error
    return lesson


def test_upload_is_processed_into_a_ready_lesson(
    ready_lesson: Lesson, alice: User, media_root: Path, topic: Topic
) -> None:
    lesson = ready_lesson
    assert lesson.created_by == alice
    assert services.lesson_texts(lesson)["en"].title == "Writing a design doc"
    assert services.lesson_texts(lesson)["zh-hans"].title == "写设计文档"
    assert lesson.key_point_list == ["Say the problem", "List the options"]
    assert list(lesson.topics.all()) == [topic]
    assert abs(lesson.duration_ms - 2000) <= 100
    assert (lesson.width, lesson.height) == (320, 240)
    assert lesson.processed_at is not None and lesson.error == ""
    assert not lesson.source and not lesson.is_published
    found = media.probe(lesson.video.path)
    assert found.codecs == ("h264", "aac")
    assert Path(lesson.poster.path).read_bytes().startswith(b"\xff\xd8\xff")
    # Only the playable copy and its poster are kept: the source and work files are gone.
    assert stored_files(media_root) == sorted([str(lesson.video.name), str(lesson.poster.name)])


def test_processing_twice_changes_nothing(ready_lesson: Lesson, media_root: Path) -> None:
    before = stored_files(media_root)
    services.lesson_process(ready_lesson.pk)
    ready_lesson.refresh_from_db()
    assert ready_lesson.status == LessonStatus.READY
    assert stored_files(media_root) == before


def test_studio_lists_the_lesson_with_its_state(
    ready_lesson: Lesson, alice_studio: Client, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(12):
        response = alice_studio.get(reverse("learn:studio"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Writing a design doc" in page and 'data-status="ready"' in page
    assert "Not published" in page


def _refused_upload(
    client: Client, path: Path, committed: Callable[[], Any], media_root: Path, words: str
) -> None:
    response = _upload(client, path, committed)
    assert response.status_code == 400
    assert words in response.content.decode()
    assert not Lesson.objects.exists()
    assert stored_files(media_root) == []


def test_text_renamed_mp4_is_refused_at_upload(
    alice_studio: Client, videos: Path, committed: Callable[[], Any], media_root: Path
) -> None:
    path = videos / "notes.mp4"
    path.write_text("not a video\n" * 100)
    _refused_upload(alice_studio, path, committed, media_root, "This is a text file, not a video.")


def test_empty_file_is_refused_at_upload(
    alice_studio: Client, videos: Path, committed: Callable[[], Any], media_root: Path
) -> None:
    path = videos / "empty.mp4"
    path.write_bytes(b"")
    response = _upload(alice_studio, path, committed)
    assert response.status_code == 400
    assert not Lesson.objects.exists() and stored_files(media_root) == []


def test_truncated_mp4_is_refused_at_upload(
    alice_studio: Client,
    make_video: MakeVideo,
    videos: Path,
    committed: Callable[[], Any],
    media_root: Path,
) -> None:
    whole = make_video().read_bytes()
    cut = videos / "cut.mp4"
    cut.write_bytes(whole[: len(whole) // 2])
    _refused_upload(alice_studio, cut, committed, media_root, "incomplete")


def test_zip_and_zip_bomb_are_refused_at_upload(
    alice_studio: Client,
    make_video: MakeVideo,
    videos: Path,
    committed: Callable[[], Any],
    media_root: Path,
) -> None:
    plain = videos / "lesson.zip"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.write(make_video(), "talk.mp4")
    _refused_upload(alice_studio, plain, committed, media_root, "archive")
    bomb = videos / "bomb.mp4"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("inner.mp4", b"\0" * (20 * 1024 * 1024))
    _refused_upload(alice_studio, bomb, committed, media_root, "archive")


def test_file_cut_short_fails_in_the_worker_with_the_reason(
    alice_studio: Client,
    make_video: MakeVideo,
    videos: Path,
    committed: Callable[[], Any],
    media_root: Path,
) -> None:
    """A cut file whose header is whole passes the upload; the worker finds the missing half."""
    whole = make_video("fast.mp4", seconds=3, extra=("-movflags", "+faststart")).read_bytes()
    cut = videos / "cut.mp4"
    cut.write_bytes(whole[: len(whole) // 2])
    assert _upload(alice_studio, cut, committed).status_code == 302
    lesson = Lesson.objects.get()
    assert lesson.status == LessonStatus.FAILED
    assert "incomplete" in lesson.error
    assert not lesson.source and not lesson.video and not lesson.poster
    assert stored_files(media_root) == []
    page = alice_studio.get(reverse("learn:studio_edit", args=[lesson.slug])).content.decode()
    assert "incomplete" in page


def test_transcode_timeout_fails_the_lesson_and_leaves_nothing(
    settings: Any,
    alice_studio: Client,
    make_video: MakeVideo,
    committed: Callable[[], Any],
    media_root: Path,
) -> None:
    settings.RUNG_LEARN_TRANSCODE_SECONDS = 0.01
    assert _upload(alice_studio, make_video(), committed).status_code == 302
    lesson = Lesson.objects.get()
    assert lesson.status == LessonStatus.FAILED and "stopped" in lesson.error
    assert stored_files(media_root) == []


def test_declared_length_over_the_limit_is_refused_before_reading(
    settings: Any, alice_studio: Client
) -> None:
    settings.RUNG_LEARN_MAX_UPLOAD_BYTES = 10 * 1024 * 1024

    class Unreadable:
        def read(self, *args: Any) -> bytes:
            raise AssertionError("the body was read")

        readline = read

    response = alice_studio.generic(
        "POST",
        NEW,
        content_type="multipart/form-data; boundary=xyz",
        **{"CONTENT_LENGTH": str(50 * 1024**3), "wsgi.input": Unreadable()},  # type: ignore[arg-type]
    )
    assert response.status_code == 413
    assert "at most 10.0 MB" in response.content.decode()
    assert not Lesson.objects.exists()


def test_upload_passing_the_limit_while_streaming_is_cut_off(settings: Any, alice: User) -> None:
    settings.RUNG_LEARN_MAX_UPLOAD_BYTES = 1000
    handler = LimitedUploadHandler(RequestFactory().post("/"))
    handler.new_file("upload", "big.mp4", "video/mp4", None)
    handler.receive_data_chunk(b"x" * 600, 0)
    with pytest.raises(StopUpload):
        handler.receive_data_chunk(b"x" * 600, 600)
    assert handler.too_large
    handler.upload_interrupted()


def test_upload_over_the_limit_is_413_with_the_message(
    settings: Any, alice_studio: Client, make_video: MakeVideo, committed: Callable[[], Any]
) -> None:
    path = make_video()
    settings.RUNG_LEARN_MAX_UPLOAD_BYTES = path.stat().st_size // 2
    response = _upload(alice_studio, path, committed)
    assert response.status_code == 413
    assert "The file is too large" in response.content.decode()


def test_title_in_the_spoken_language_is_required(
    alice_studio: Client, make_video: MakeVideo, committed: Callable[[], Any], media_root: Path
) -> None:
    response = _upload(alice_studio, make_video(), committed, language="zh-hans", title_zh_hans="")
    assert response.status_code == 400
    assert "Give the title in the language spoken in the video." in response.content.decode()
    assert stored_files(media_root) == []


@pytest.mark.parametrize("method", ["put", "delete"])
def test_wrong_method_is_405(alice_studio: Client, method: str) -> None:
    assert getattr(alice_studio, method)(NEW).status_code == 405


def test_visitor_is_sent_to_log_in(ready_lesson: Lesson) -> None:
    visitor = Client()
    for url in (
        reverse("learn:studio"),
        NEW,
        reverse("learn:studio_edit", args=[ready_lesson.slug]),
    ):
        response = visitor.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = visitor.post(reverse("learn:studio_publish", args=[ready_lesson.slug]))
    assert response.status_code == 302
    assert visitor.post(NEW, {"title_en": "x"}).status_code == 302


def test_member_who_is_not_an_instructor_gets_404(
    charlie_client: Client, ready_lesson: Lesson, make_video: MakeVideo
) -> None:
    slug = ready_lesson.slug
    for url in (reverse("learn:studio"), NEW, reverse("learn:studio_edit", args=[slug])):
        assert charlie_client.get(url).status_code == 404
    with make_video("c.mp4").open("rb") as file:
        assert charlie_client.post(NEW, _form(file)).status_code == 404
    for name in ("studio_publish", "studio_delete", "studio_captions", "studio_translate"):
        assert charlie_client.post(reverse(f"learn:{name}", args=[slug])).status_code == 404
    assert Lesson.objects.filter(pk=ready_lesson.pk, is_published=False).exists()


def test_other_instructor_cannot_touch_the_lesson(
    bob_client: Client, ready_lesson: Lesson, make_video: MakeVideo
) -> None:
    slug = ready_lesson.slug
    assert bob_client.get(reverse("learn:studio_edit", args=[slug])).status_code == 404
    for name in ("studio_publish", "studio_delete", "studio_edit"):
        response = bob_client.post(reverse(f"learn:{name}", args=[slug]), {"published": "on"})
        assert response.status_code == 404
    assert slug not in bob_client.get(reverse("learn:studio")).content.decode()
    ready_lesson.refresh_from_db()
    assert not ready_lesson.is_published


def test_staff_may_edit_every_lesson(mod_client: Client, ready_lesson: Lesson) -> None:
    assert mod_client.get(reverse("learn:studio_edit", args=[ready_lesson.slug])).status_code == 200


def test_publish_and_unpublish_bump_the_topic_feed(
    alice_studio: Client, ready_lesson: Lesson, topic: Topic
) -> None:
    url = reverse("learn:studio_publish", args=[ready_lesson.slug])
    version = Topic.objects.get(pk=topic.pk).feed_version
    assert alice_studio.post(url, {"published": "on"}).status_code == 302
    ready_lesson.refresh_from_db()
    assert ready_lesson.is_published
    assert Topic.objects.get(pk=topic.pk).feed_version == version + 1
    assert alice_studio.post(url, {}).status_code == 302
    ready_lesson.refresh_from_db()
    assert not ready_lesson.is_published
    assert Topic.objects.get(pk=topic.pk).feed_version == version + 2


def test_lesson_not_ready_cannot_be_published(
    alice_studio: Client, alice: User, topic: Topic
) -> None:
    lesson = Lesson.objects.create(slug="pending", title="Pending", created_by=alice)
    response = alice_studio.post(
        reverse("learn:studio_publish", args=[lesson.slug]), {"published": "on"}
    )
    assert response.status_code == 400
    assert "Only a lesson whose video is ready can be published." in response.content.decode()
    lesson.refresh_from_db()
    assert not lesson.is_published


def test_edit_saves_both_languages_and_moves_topics(
    alice_studio: Client, ready_lesson: Lesson, topic: Topic, alice: User
) -> None:
    services.lesson_publish(member=alice, lesson=ready_lesson, published=True)
    other = Topic.objects.create(slug="career", name="Career", kind="subject")
    before = Topic.objects.get(pk=topic.pk).feed_version
    data = _form(None, title_en="Design docs, again", title_zh_hans="再谈设计文档")
    del data["upload"]
    data["topics"] = [other.pk]
    response = alice_studio.post(reverse("learn:studio_edit", args=[ready_lesson.slug]), data)
    assert response.status_code == 302
    ready_lesson.refresh_from_db()
    texts = services.lesson_texts(ready_lesson)
    assert texts["en"].title == "Design docs, again"
    assert texts["zh-hans"].title == "再谈设计文档"
    assert list(ready_lesson.topics.all()) == [other]
    # Both the topic it left and the one it joined show the change.
    assert Topic.objects.get(pk=topic.pk).feed_version > before
    assert Topic.objects.get(pk=other.pk).feed_version > 0


def test_edit_with_bad_input_is_400(alice_studio: Client, ready_lesson: Lesson) -> None:
    response = alice_studio.post(
        reverse("learn:studio_edit", args=[ready_lesson.slug]),
        {"language": "fr", "position": "-1"},
    )
    assert response.status_code == 400


def test_delete_removes_the_lesson_and_its_files(
    alice_studio: Client, ready_lesson: Lesson, media_root: Path, committed: Callable[[], Any]
) -> None:
    with committed():
        response = alice_studio.post(reverse("learn:studio_delete", args=[ready_lesson.slug]))
    assert response.status_code == 302
    assert not Lesson.objects.exists()
    assert stored_files(media_root) == []


def test_delete_by_get_is_405(alice_studio: Client, ready_lesson: Lesson) -> None:
    url = reverse("learn:studio_delete", args=[ready_lesson.slug])
    assert alice_studio.get(url).status_code == 405
    assert Lesson.objects.exists()


def _captions(client: Client, lesson: Lesson, name: str, data: bytes, language: str = "en") -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("learn:studio_captions", args=[lesson.slug]),
        {"language": language, "upload": SimpleUploadedFile(name, data)},
    )


def test_caption_upload_keeps_the_track(alice_studio: Client, ready_lesson: Lesson) -> None:
    srt = b"1\r\n00:00:00,000 --> 00:00:01,000\r\nHello & welcome\r\n\r\n"
    response = _captions(alice_studio, ready_lesson, "talk.srt", srt)
    assert response.status_code == 302
    track = CaptionTrack.objects.get(lesson=ready_lesson, language="en")
    assert [cue.text for cue in track.cues.all()] == ["Hello & welcome"]
    assert "Hello &amp; welcome" in track.vtt


def test_srt_ending_before_it_starts_is_refused(alice_studio: Client, ready_lesson: Lesson) -> None:
    srt = b"1\n00:00:01,000 --> 00:00:00,500\nBackwards\n"
    response = _captions(alice_studio, ready_lesson, "bad.srt", srt)
    assert response.status_code == 400
    assert "ends" in response.content.decode() and "before it starts" in response.content.decode()
    assert not CaptionTrack.objects.exists()


def test_vtt_with_garbage_is_refused(alice_studio: Client, ready_lesson: Lesson) -> None:
    vtt = b"WEBVTT\n\nthis is not a cue\n\x01\x02 garbage --> more garbage\n"
    response = _captions(alice_studio, ready_lesson, "bad.vtt", vtt)
    assert response.status_code == 400
    assert "caption file" in response.content.decode()
    assert not CaptionTrack.objects.exists()


def test_cue_after_the_video_ends_is_refused(alice_studio: Client, ready_lesson: Lesson) -> None:
    vtt = (
        b"WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nIn time\n\n00:01:00.000 --> 00:01:02.000\nLate\n"
    )
    response = _captions(alice_studio, ready_lesson, "late.vtt", vtt)
    assert response.status_code == 400
    assert "after the video ends" in response.content.decode()


def test_caption_body_over_the_limit_is_413(alice_studio: Client, ready_lesson: Lesson) -> None:
    response = _captions(alice_studio, ready_lesson, "big.vtt", b"x" * (3 * 1024 * 1024))
    assert response.status_code == 413


def test_captions_bump_the_feed_of_a_published_lesson(
    alice_studio: Client, ready_lesson: Lesson, alice: User, topic: Topic
) -> None:
    services.lesson_publish(member=alice, lesson=ready_lesson, published=True)
    before = Topic.objects.get(pk=topic.pk).feed_version
    vtt = b"WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHi\n"
    assert _captions(alice_studio, ready_lesson, "a.vtt", vtt).status_code == 302
    assert Topic.objects.get(pk=topic.pk).feed_version == before + 1


def test_translate_button_only_with_a_provider(alice_studio: Client, ready_lesson: Lesson) -> None:
    vtt = b"WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHi\n"
    _captions(alice_studio, ready_lesson, "a.vtt", vtt)
    page = alice_studio.get(reverse("learn:studio_edit", args=[ready_lesson.slug]))
    assert "Translate the captions" not in page.content.decode()
    response = alice_studio.post(
        reverse("learn:studio_translate", args=[ready_lesson.slug]), {"to_language": "zh-hans"}
    )
    assert response.status_code == 400
    assert "No translation service is configured" in response.content.decode()


def test_video_uploads_go_to_a_temporary_file_on_disk(
    alice_studio: Client, alice: User, make_video: MakeVideo
) -> None:
    from django.core.files.uploadhandler import TemporaryFileUploadHandler

    from rung.learn.views.studio import studio_new

    with make_video().open("rb") as file:
        request = RequestFactory().post(NEW, _form(file, title_en=""))
    request.user = alice
    request._dont_enforce_csrf_checks = True  # type: ignore[attr-defined]
    response = studio_new(request)
    assert response.status_code == 400
    assert [type(handler) for handler in request.upload_handlers] == [LimitedUploadHandler]
    assert isinstance(request.upload_handlers[0], TemporaryFileUploadHandler)


def test_oversized_post_from_a_visitor_or_a_member_is_not_read(
    settings: Any, charlie: User
) -> None:
    settings.RUNG_LEARN_MAX_UPLOAD_BYTES = 1024

    class Unreadable:
        def read(self, *args: Any) -> bytes:
            raise AssertionError("the body was read")

        readline = read

    def post(client: Client) -> Any:
        return client.generic(
            "POST",
            NEW,
            content_type="multipart/form-data; boundary=xyz",
            **{"CONTENT_LENGTH": str(10**9), "wsgi.input": Unreadable()},  # type: ignore[arg-type]
        )

    assert post(Client()).status_code == 302
    member = Client()
    member.force_login(charlie)
    assert post(member).status_code == 404


def test_lesson_in_chinese_only_shows_its_title_to_english_readers(
    alice_studio: Client, make_video: MakeVideo, committed: Callable[[], Any]
) -> None:
    response = _upload(
        alice_studio,
        make_video(),
        committed,
        language="zh-hans",
        title_en="",
        title_zh_hans="如何写设计文档",
    )
    assert response.status_code == 302
    page = alice_studio.get(reverse("learn:studio")).content.decode()
    assert "如何写设计文档" in page


def test_publish_by_get_is_405(alice_studio: Client, ready_lesson: Lesson) -> None:
    assert (
        alice_studio.get(reverse("learn:studio_publish", args=[ready_lesson.slug])).status_code
        == 405
    )


def test_lesson_left_processing_by_a_stopped_worker_is_processed_again(
    settings: Any,
    alice: User,
    instructors: list[User],
    make_video: MakeVideo,
    committed: Callable[[], Any],
    media_root: Path,
) -> None:
    from datetime import timedelta

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.utils import timezone

    upload = SimpleUploadedFile("talk.mp4", make_video().read_bytes())
    lesson = services.lesson_upload(
        member=alice, title="Left behind", language="en", topics=[], upload=upload
    )
    hour_ago = timezone.now() - timedelta(hours=1)
    Lesson.objects.filter(pk=lesson.pk).update(status=LessonStatus.PROCESSING, updated_at=hour_ago)
    settings.RUNG_LEARN_TRANSCODE_SECONDS = 3600
    with committed():
        call_command("lessons_requeue")
    lesson.refresh_from_db()
    assert lesson.status == LessonStatus.PROCESSING  # another worker may still be on it
    settings.RUNG_LEARN_TRANSCODE_SECONDS = 60
    with committed():
        call_command("lessons_requeue")
    lesson.refresh_from_db()
    assert lesson.status == LessonStatus.READY, lesson.error
    assert stored_files(media_root) == sorted([str(lesson.video.name), str(lesson.poster.name)])
