"""What media.py makes of real files: good videos are probed and transcoded, bad ones refused."""

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from rung.learn import media
from rung.learn.tests.conftest import MakeVideo


def _moov_before_mdat(path: Path) -> bool:
    data = path.read_bytes()
    return 0 <= data.find(b"moov") < data.find(b"mdat")


def test_probe_reads_length_size_and_streams(make_video: MakeVideo) -> None:
    found = media.probe(make_video(seconds=2))
    assert abs(found.duration_ms - 2000) <= 100
    assert (found.width, found.height) == (320, 240)
    assert found.has_video and found.has_audio
    assert found.codecs == ("h264", "aac")


def test_transcode_makes_faststart_h264_aac_and_a_poster(
    make_video: MakeVideo, tmp_path: Path
) -> None:
    source = make_video("talk.mkv", seconds=3, size="400x300")
    out = tmp_path / "out"
    made = media.transcode(source, out)
    assert made.video_path.parent == out and made.poster_path.parent == out
    assert sorted(path.name for path in out.iterdir()) == sorted(
        [made.video_path.name, made.poster_path.name]
    )
    again = media.probe(made.video_path)
    assert again.codecs == ("h264", "aac")
    assert abs(made.duration_ms - 3000) <= 150
    assert (made.width, made.height) == (400, 300)
    # The index comes first, so a player can seek before the download has finished.
    assert _moov_before_mdat(made.video_path)
    assert made.poster_path.read_bytes().startswith(b"\xff\xd8\xff")


def test_transcode_of_silent_video_has_no_audio(make_video: MakeVideo, tmp_path: Path) -> None:
    made = media.transcode(make_video(audio=False), tmp_path / "out")
    assert media.probe(made.video_path).codecs == ("h264",)


def test_transcode_scales_down_to_1080p_keeping_aspect_and_even_sizes(
    make_video: MakeVideo, tmp_path: Path
) -> None:
    made = media.transcode(make_video(seconds=1, size="2562x1442"), tmp_path / "out")
    assert made.height <= 1080 and made.width <= 1920
    assert made.width % 2 == 0 and made.height % 2 == 0
    assert abs(made.width / made.height - 2562 / 1442) < 0.01


def test_upright_video_fits_the_box_on_its_side(make_video: MakeVideo, tmp_path: Path) -> None:
    made = media.transcode(make_video(seconds=1, size="1200x2000"), tmp_path / "out")
    assert made.height <= 1920 and made.width <= 1080
    assert made.height > made.width


def _refused(path: Path, *, full: bool = True) -> str:
    with pytest.raises(media.MediaError) as caught:
        media.probe(path, full=full)
    assert caught.value.message
    return caught.value.message


def test_text_named_mp4_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.mp4"
    path.write_text("These are my notes, not a video.\n" * 50)
    assert "text file" in _refused(path, full=False)


def test_playlist_is_refused_before_ffmpeg_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "list.mp4"
    path.write_text("#EXTM3U\n#EXTINF:10,\nfile:///etc/passwd\n")
    assert "text file" in _refused(path)


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.mp4"
    path.write_bytes(b"")
    assert "empty" in _refused(path)


def test_first_half_of_an_mp4_is_refused(make_video: MakeVideo, tmp_path: Path) -> None:
    whole = make_video("whole.mp4").read_bytes()
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(whole[: len(whole) // 2])
    assert "incomplete" in _refused(cut, full=False)


def test_first_half_of_a_faststart_mp4_is_refused(make_video: MakeVideo, tmp_path: Path) -> None:
    whole = make_video("fast.mp4", seconds=3, extra=("-movflags", "+faststart")).read_bytes()
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(whole[: len(whole) // 2])
    # The header is whole, so only reading the packets finds the missing half.
    media.probe(cut, full=False)
    assert "incomplete" in _refused(cut)


def test_cut_mkv_is_refused(make_video: MakeVideo, tmp_path: Path) -> None:
    whole = make_video("whole.mkv", seconds=3).read_bytes()
    cut = tmp_path / "cut.mkv"
    cut.write_bytes(whole[: len(whole) // 2])
    assert "incomplete" in _refused(cut)


def test_zip_is_refused(make_video: MakeVideo, tmp_path: Path) -> None:
    path = tmp_path / "video.mp4"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(make_video(), "talk.mp4")
    assert "archive" in _refused(path)


def test_zip_bomb_is_refused_without_unpacking(tmp_path: Path) -> None:
    path = tmp_path / "bomb.mp4"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.mp4", b"\0" * (50 * 1024 * 1024))
    assert path.stat().st_size < 200_000
    assert "archive" in _refused(path)


def test_picture_is_refused(tmp_path: Path) -> None:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 64), (10, 20, 30)).save(out, format="PNG")
    path = tmp_path / "photo.mp4"
    path.write_bytes(out.getvalue())
    assert "picture" in _refused(path)


def test_sound_only_is_refused(tmp_path: Path) -> None:
    import subprocess

    path = tmp_path / "voice.m4a"
    subprocess.run(
        [media.ffmpeg_exe(), "-v", "error", "-f", "lavfi", "-i", "sine=duration=1", str(path)],
        check=True,
    )
    assert "no picture" in _refused(path)


def test_random_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "noise.mp4"
    path.write_bytes(bytes(range(256)) * 64)
    assert "not a video" in _refused(path)


def test_picture_larger_than_8k_is_refused(make_video: MakeVideo) -> None:
    # A tiny file that declares a huge picture: the header is enough to refuse it.
    path = make_video("huge.mkv", seconds=0.04, size="8000x4400", audio=False)
    assert "8K" in _refused(path, full=False)


def test_video_longer_than_the_limit_is_refused(settings: Any, make_video: MakeVideo) -> None:
    settings.RUNG_LEARN_MAX_DURATION_SECONDS = 1
    assert "longer than" in _refused(make_video(seconds=2), full=False)


def test_transcode_past_its_time_is_stopped_and_leaves_nothing(
    settings: Any, make_video: MakeVideo, tmp_path: Path
) -> None:
    source = make_video(seconds=2)
    found = media.probe(source)
    settings.RUNG_LEARN_TRANSCODE_SECONDS = 0.01
    out = tmp_path / "out"
    with pytest.raises(media.MediaError, match="longer than"):
        media.transcode(source, out, found=found)
    assert list(out.iterdir()) == []


def test_transcode_threads_are_bounded(settings: Any) -> None:
    settings.RUNG_LEARN_TRANSCODE_THREADS = 0
    assert 1 <= media.transcode_threads() <= 2
    settings.RUNG_LEARN_TRANSCODE_THREADS = 3
    assert media.transcode_threads() == 3
