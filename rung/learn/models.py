"""Video lessons and courses, attached to levels and topics (docs/learn.md).

A lesson is a video made ready by the task worker (probed, transcoded to H.264/AAC MP4, a
poster drawn from it), with caption tracks in English and Chinese whose cues are also its
transcript and what search reads. A course is an ordered list of lessons. A member's
progress is kept per lesson; a course's progress is read from its lessons'.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rung.learn.templatetags.learn import clock
from rung.qa.models import Topic


class Course(models.Model):
    slug = models.SlugField(unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    topics = models.ManyToManyField(Topic, related_name="courses", blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learn:course", args=[self.slug])


class LessonStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting to be processed")
    PROCESSING = "processing", _("Processing")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class Lesson(models.Model):
    slug = models.SlugField(unique=True, max_length=80)
    course = models.ForeignKey(
        Course, on_delete=models.SET_NULL, null=True, blank=True, related_name="lessons"
    )
    position = models.PositiveSmallIntegerField(_("position in the course"), default=0)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    # One point per line.
    key_points = models.TextField(_("key points"), blank=True)
    topics = models.ManyToManyField(Topic, related_name="lessons", blank=True)
    # The language spoken in the video.
    language = models.CharField(
        _("spoken language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    status = models.CharField(max_length=12, choices=LessonStatus.choices, default="waiting")
    # Why processing failed, in words for the instructor.
    error = models.TextField(blank=True)
    # The file as uploaded; removed once the playable copy is made.
    source = models.FileField(upload_to="learn/uploads/", blank=True)
    video = models.FileField(upload_to="learn/video/", blank=True)
    poster = models.FileField(upload_to="learn/posters/", blank=True)
    duration_ms = models.PositiveIntegerField(default=0)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["course_id", "position", "pk"]
        indexes = [models.Index(fields=["is_published", "status", "-created_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learn:lesson", args=[self.slug])

    @property
    def is_playable(self) -> bool:
        return self.status == LessonStatus.READY and bool(self.video)

    @property
    def duration_label(self) -> str:
        """Return the length as the player and lesson pages show it: "4:05", or "1:02:03"."""
        return clock(self.duration_ms)

    @property
    def key_point_list(self) -> list[str]:
        return [line.strip() for line in self.key_points.splitlines() if line.strip()]


class CaptionOrigin(models.TextChoices):
    UPLOADED = "uploaded", _("Uploaded")
    SCRIPT = "script", _("From the lesson's script")
    TRANSLATED = "translated", _("Machine translated")


class CaptionTrack(models.Model):
    """One language's captions of a lesson, kept as checked WebVTT."""

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="tracks")
    language = models.CharField(max_length=10, choices=settings.LANGUAGES)
    origin = models.CharField(max_length=12, choices=CaptionOrigin.choices, default="uploaded")
    vtt = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["lesson", "language"], name="one_track_per_language")
        ]
        ordering = ["language"]

    def __str__(self) -> str:
        return f"{self.lesson} ({self.language})"


class Cue(models.Model):
    """One caption line: a line of the transcript, and what search matches."""

    track = models.ForeignKey(CaptionTrack, on_delete=models.CASCADE, related_name="cues")
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="cues")
    language = models.CharField(max_length=10)
    start_ms = models.PositiveIntegerField()
    end_ms = models.PositiveIntegerField()
    text = models.TextField()
    # The cue's search terms (rung/search/analysis.py), space-separated with a space at
    # each end, so a whole term is matched as " term ".
    terms = models.TextField(blank=True)

    class Meta:
        ordering = ["track_id", "start_ms", "pk"]
        indexes = [models.Index(fields=["track", "start_ms"])]

    def __str__(self) -> str:
        return self.text


class Progress(models.Model):
    """How far a member has watched a lesson."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="progress")
    position_ms = models.PositiveIntegerField(default=0)
    furthest_ms = models.PositiveIntegerField(default=0)
    completed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "lesson"], name="one_progress_per_lesson")
        ]
        indexes = [models.Index(fields=["member", "-updated_at"])]

    def __str__(self) -> str:
        return f"{self.member} · {self.lesson}"
