"""What the learn app's tests share: media in a temporary folder, instructors, real videos.

alice and bob are instructors (the Instructors group); charlie is a member who is not.
Videos are made by ffmpeg's test sources, a few seconds long and small.
"""

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from rung.accounts.models import User
from rung.learn.access import INSTRUCTORS_GROUP
from rung.learn.media import ffmpeg_exe
from rung.qa.models import Topic

MakeVideo = Callable[..., Path]


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Path) -> Path:
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = root
    return root


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Callable[[], Any]:
    """Run what follows as if its transaction committed (the test's own never does)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def instructors(alice: User, bob: User) -> list[User]:
    group, _created = Group.objects.get_or_create(name=INSTRUCTORS_GROUP)
    group.user_set.add(alice, bob)
    return [alice, bob]


@pytest.fixture
def topic(db: None) -> Topic:
    return Topic.objects.create(slug="system-design", name="System design", kind="subject")


@pytest.fixture
def videos(tmp_path: Path) -> Path:
    folder = tmp_path / "videos"
    folder.mkdir()
    return folder


@pytest.fixture
def make_video(videos: Path) -> MakeVideo:
    """Return a function that writes a test video (picture and tone) and returns its path."""

    def make(
        name: str = "talk.mp4",
        *,
        seconds: float = 2,
        size: str = "320x240",
        audio: bool = True,
        extra: tuple[str, ...] = (),
    ) -> Path:
        path = videos / name
        sound = ["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}"] if audio else []
        subprocess.run(
            [
                ffmpeg_exe(),
                "-hide_banner",
                "-v",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                f"testsrc2=size={size}:rate=25:duration={seconds}",
                *sound,
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-pix_fmt",
                "yuv420p",
                *(["-c:a", "aac"] if audio else []),
                *extra,
                str(path),
            ],
            check=True,
            timeout=60,
        )
        return path

    return make


@pytest.fixture
def alice_studio(instructors: list[User], alice_client: Client) -> Client:
    return alice_client


def stored_files(media: Path) -> list[str]:
    """Return the files under MEDIA_ROOT, relative to it."""
    return sorted(str(path.relative_to(media)) for path in media.rglob("*") if path.is_file())
