"""Time the transcode a lesson upload goes through, on a 10-minute 1080p30 video with sound.

    .venv/bin/python bench/transcode.py [--seconds 600] [--threads 0]

The source (ffmpeg's testsrc2 picture and a sine tone, H.264 and AAC in MP4) is made once
and kept under /tmp; each run transcodes it with rung.learn.media.transcode, exactly as the
task worker does, and prints the wall and CPU time (ffmpeg's, the child processes'), the
output's size and the speed ratio: seconds of video made per second of wall time. The
moving test pattern is harder to compress than most lecture video, so real lessons tend
to go a little faster.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rung.settings")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def source_video(seconds: int, ffmpeg: str) -> Path:
    """Return the cached test video, making it first if needed."""
    path = Path(tempfile.gettempdir()) / f"rung-bench-transcode-{seconds}s-1080p30.mp4"
    if path.exists() and path.stat().st_size > 0:
        return path
    partial = path.with_suffix(".part.mp4")
    print(f"making {path} ({seconds} s of 1080p30 with sound), once…", flush=True)
    subprocess.run(
        [
            ffmpeg,
            "-hide_banner",
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            f"testsrc2=size=1920x1080:rate=30:duration={seconds}",
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency=330:sample_rate=48000:duration={seconds}",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-crf",
            "20",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
            "-b:a",
            "160k",
            "-shortest",
            str(partial),
        ],
        check=True,
    )
    partial.rename(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=600, help="length of the test video")
    parser.add_argument("--threads", type=int, default=0, help="RUNG_LEARN_TRANSCODE_THREADS")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings

    from rung.learn import media

    settings.RUNG_LEARN_TRANSCODE_THREADS = args.threads
    source = source_video(args.seconds, media.ffmpeg_exe())
    with tempfile.TemporaryDirectory(prefix="rung-bench-transcode-") as out:
        cpu_before, wall_before = _children_cpu(), time.perf_counter()
        found = media.probe(source)
        probed = time.perf_counter()
        made = media.transcode(source, out, found=found)
        wall = time.perf_counter() - wall_before
        cpu = _children_cpu() - cpu_before
        size = made.video_path.stat().st_size
        print(f"source        {source.name}, {source.stat().st_size / 2**20:.1f} MiB")
        print(f"video         {found.duration_ms / 1000:.1f} s, {found.width}x{found.height}")
        print(f"threads       {media.transcode_threads()} (of {os.cpu_count()} cores)")
        print(f"full probe    {probed - wall_before:.1f} s wall")
        print(f"wall          {wall:.1f} s (probe, transcode and poster)")
        print(f"cpu           {cpu:.1f} s")
        print(f"output        {made.width}x{made.height}, {size / 2**20:.1f} MiB")
        speed = found.duration_ms / 1000 / wall
        print(f"speed         {speed:.2f}x (video seconds per wall second)")


if __name__ == "__main__":
    main()
