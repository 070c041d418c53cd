"""Caption files as instructors really make them, and machine-translated caption tracks."""

from collections.abc import Iterator
from typing import Any

import pytest

from rung.accounts.models import User
from rung.languages.tests.fake_services import FakeService, fake_service
from rung.learn import services
from rung.learn.captions import CaptionError, CueText, parse, to_vtt, track_save
from rung.learn.models import CaptionOrigin, CaptionTrack, Lesson, LessonStatus


def test_srt_with_bom_crlf_tags_and_ampersands() -> None:
    data = (
        "\ufeff1\r\n00:00:00,500 --> 00:00:01,000\r\n<i>Hello</i> &amp; {\\an8}welcome\r\n\r\n"
        "2\r\n00:00:01,000 --> 00:00:02,000\r\nR&D at AT&T\r\n\r\n"
    ).encode()
    assert parse(data) == [
        CueText(500, 1000, "Hello & welcome"),
        CueText(1000, 2000, "R&D at AT&T"),
    ]


def test_vtt_escapes_and_voice_tags_become_plain_text() -> None:
    data = (
        b"WEBVTT\n\nNOTE made by hand\n\n"
        b"00:00.500 --> 00:01.000 align:start\n<v Bob>1 &lt; 2 &amp; <b>3</b></v>\n"
    )
    assert parse(data) == [CueText(500, 1000, "1 < 2 & 3")]


def test_kept_vtt_escapes_what_was_typed() -> None:
    vtt = to_vtt([CueText(0, 1000, "a <b> & c --> d")])
    assert "a &lt;b&gt; &amp; c --&gt; d" in vtt
    assert parse(vtt.encode()) == [CueText(0, 1000, "a <b> & c --> d")]


def test_blank_lines_with_spaces_and_extra_blank_lines_are_read() -> None:
    data = (
        b"\n\n1\n00:00:00,500 --> 00:00:01,000\nHi\n  \n\n\n2\n00:00:01,500 --> 00:00:02,000\nYo\n"
    )
    assert [cue.text for cue in parse(data)] == ["Hi", "Yo"]


def test_utf16_with_byte_order_mark_is_read() -> None:
    data = "1\n00:00:00,500 --> 00:00:01,000\n你好\n".encode("utf-16")
    assert parse(data) == [CueText(500, 1000, "你好")]


def test_file_in_another_encoding_is_refused_as_not_utf8() -> None:
    data = "1\n00:00:00,500 --> 00:00:01,000\n你好世界\n".encode("gbk")
    with pytest.raises(CaptionError, match="not UTF-8"):
        parse(data)


def test_cue_running_past_the_end_is_cut_and_one_just_after_is_dropped() -> None:
    data = (
        b"1\n00:00:00,000 --> 00:00:01,000\nOne\n\n"
        b"2\n00:00:01,500 --> 00:00:03,000\nTwo\n\n"
        b"3\n00:00:02,100 --> 00:00:02,600\nThree\n"
    )
    assert parse(data, duration_ms=2000) == [CueText(0, 1000, "One"), CueText(1500, 2000, "Two")]


def test_cue_well_past_the_end_is_refused() -> None:
    data = b"1\n00:00:00,000 --> 00:00:01,000\nOne\n\n2\n00:01:00,000 --> 00:01:01,000\nTwo\n"
    with pytest.raises(CaptionError, match=r"Cue 2 starts at 00:01:00\.000, after the video ends"):
        parse(data, duration_ms=2000)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"1\n00:00:01,000 --> 00:00:00,500\nBack\n", "ends"),
        (b"WEBVTT\n\nnot a cue\n\x01 garbage --> junk\n", "has no cues"),
        (b"1\n00:00:00,500 -> 00:00:01,000\nHi\n", "not a WebVTT or SRT"),
        (b"just some words\n", "not a WebVTT or SRT"),
        (b"", "not a WebVTT or SRT"),
        (b"WEBVTT\n\n00:00.000 --> 00:01.000\n<b></b>\n", "no text"),
    ],
)
def test_bad_caption_files_say_why(data: bytes, words: str) -> None:
    with pytest.raises(CaptionError, match=words):
        parse(data)


@pytest.fixture
def libretranslate(settings: Any) -> Iterator[FakeService]:
    with fake_service() as service:
        settings.RUNG_TRANSLATION_PROVIDER = "libretranslate"
        settings.RUNG_LIBRETRANSLATE_URL = service.url
        settings.RUNG_TRANSLATION_TIMEOUT = 0.5
        yield service


@pytest.fixture
def captioned_lesson(instructors: list[User], alice: User) -> Lesson:
    lesson = Lesson.objects.create(
        slug="captioned",
        title="Captioned",
        created_by=alice,
        status=LessonStatus.READY,
        duration_ms=60_000,
    )
    cues = [CueText(i * 1000, i * 1000 + 900, f"line number {i}") for i in range(55)]
    track_save(lesson, "en", cues)
    return lesson


@pytest.mark.django_db
def test_translation_keeps_every_cue_and_its_time(
    libretranslate: FakeService, captioned_lesson: Lesson, alice: User, settings: Any
) -> None:
    track = services.lesson_captions_translate(
        member=alice, lesson=captioned_lesson, to_language="zh-hans"
    )
    assert track.origin == CaptionOrigin.TRANSLATED
    cues = list(track.cues.order_by("start_ms"))
    assert len(cues) == 55
    assert (cues[3].start_ms, cues[3].end_ms, cues[3].text) == (3000, 3900, "LINE NUMBER 3")
    # Sent in batches, not a request per cue.
    assert libretranslate.calls <= 3


@pytest.mark.django_db
def test_translation_failure_keeps_nothing(
    libretranslate: FakeService, captioned_lesson: Lesson, alice: User
) -> None:
    from django.core.exceptions import ValidationError

    libretranslate.mode = "bad_key"
    with pytest.raises(ValidationError, match="did not answer"):
        services.lesson_captions_translate(
            member=alice, lesson=captioned_lesson, to_language="zh-hans"
        )
    assert not CaptionTrack.objects.filter(language="zh-hans").exists()


@pytest.mark.django_db
def test_studio_offers_translation_when_a_provider_is_set(
    libretranslate: FakeService, captioned_lesson: Lesson, alice_client: Any
) -> None:
    from django.urls import reverse

    url = reverse("learn:studio_edit", args=[captioned_lesson.slug])
    assert (
        "Translate the captions into Simplified Chinese" in alice_client.get(url).content.decode()
    )
    response = alice_client.post(
        reverse("learn:studio_translate", args=[captioned_lesson.slug]),
        {"to_language": "zh-hans"},
    )
    assert response.status_code == 302
    assert CaptionTrack.objects.get(lesson=captioned_lesson, language="zh-hans").cues.count() == 55
