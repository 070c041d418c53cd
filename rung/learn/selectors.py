"""Reads for lesson and course pages and the topic and home sections (search: lesson_search.py)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Count, Q

from rung.accounts.models import User
from rung.learn.access import courses_watchable, lessons_watchable
from rung.learn.models import CaptionTrack, Course, Cue, Lesson, Progress
from rung.qa.models import Question, QuestionTopic, Topic
from rung.search.selectors import question_suggestions

# A lesson counts as watched once this share of it has been seen, credits and all.
COMPLETE_SHARE = 0.9


def lessons_in_topic(topic: Topic, *, limit: int = 12) -> list[Lesson]:
    """Return the topic's watchable lessons, those of a course first, in course order."""
    return list(
        Lesson.objects.filter(lessons_watchable(), topics=topic)
        .select_related("course")
        .order_by("course__title", "position", "-created_at")[:limit]
    )


def courses_of(lessons: Sequence[Lesson]) -> list[Course]:
    """Return the published courses the lessons belong to, each with `lesson_total` of them."""
    courses: dict[int, Course] = {}
    for lesson in lessons:
        course = lesson.course
        if course is not None and course.is_published:
            kept = courses.setdefault(course.pk, course)
            kept.lesson_total = getattr(kept, "lesson_total", 0) + 1  # type: ignore[attr-defined]
    return sorted(courses.values(), key=lambda course: course.title)


def courses_watchable_list() -> list[Course]:
    return list(
        Course.objects.filter(courses_watchable())
        .annotate(
            lesson_total=Count(
                "lessons", filter=Q(lessons__is_published=True, lessons__status="ready")
            )
        )
        .filter(lesson_total__gt=0)
        .prefetch_related("topics")
        .order_by("title")
    )


@dataclass(frozen=True)
class LessonShelf:
    """The /learn/ page: lessons grouped by level (each lesson once), or one topic's."""

    groups: list[tuple[Topic | None, list[Lesson]]]
    topics: list[Topic]  # every topic with a lesson, for the filter
    chosen: Topic | None


def _topic_order(topic: Topic) -> tuple[bool, int, str]:
    return (topic.kind != "level", topic.order, topic.name)


def lesson_shelf(topic_slug: str | None = None) -> LessonShelf:
    """Return the watchable lessons by level, or only those of the topic chosen."""
    lessons = list(
        Lesson.objects.filter(lessons_watchable())
        .select_related("course")
        .prefetch_related("topics")
        .order_by("course__title", "position", "-created_at")
    )
    topics = {topic.pk: topic for lesson in lessons for topic in lesson.topics.all()}
    chosen = next((t for t in topics.values() if t.slug == topic_slug), None)
    if chosen is not None:
        shown = [lesson for lesson in lessons if chosen in lesson.topics.all()]
        return LessonShelf([(chosen, shown)], sorted(topics.values(), key=_topic_order), chosen)
    # Each lesson once: under its first level (in ladder order), or with the rest.
    grouped: dict[int | None, list[Lesson]] = {}
    for lesson in lessons:
        levels = sorted((t for t in lesson.topics.all() if t.kind == "level"), key=_topic_order)
        grouped.setdefault(levels[0].pk if levels else None, []).append(lesson)
    groups: list[tuple[Topic | None, list[Lesson]]] = [
        (topics[pk], grouped[pk])
        for pk in sorted(
            (pk for pk in grouped if pk is not None), key=lambda pk: _topic_order(topics[pk])
        )
    ]
    if None in grouped:
        groups.append((None, grouped[None]))
    return LessonShelf(groups, sorted(topics.values(), key=_topic_order), None)


def course_lessons(course: Course) -> list[Lesson]:
    return list(course.lessons.filter(lessons_watchable()).order_by("position", "pk"))


def lesson_tracks(lesson: Lesson) -> list[CaptionTrack]:
    """Return a lesson's caption tracks (without their text), English first."""
    return list(lesson.tracks.defer("vtt").order_by("language"))


def lesson_transcripts(lesson: Lesson) -> dict[str, list[Cue]]:
    """Return a lesson's cues in every language it has, in order, in one query."""
    by_language: dict[str, list[Cue]] = {}
    for cue in (
        Cue.objects.filter(lesson=lesson)
        .only("language", "start_ms", "end_ms", "text")
        .order_by("language", "start_ms", "pk")
    ):
        by_language.setdefault(cue.language, []).append(cue)
    return by_language


def _both_languages(lesson: Lesson, field: str) -> list[str]:
    """Return a translated field's English and Chinese text (modeltranslation's columns)."""
    return [getattr(lesson, f"{field}_{suffix}", "") or "" for suffix in ("en", "zh_hans")]


def lesson_related_questions(lesson: Lesson, *, limit: int = 5) -> list[Question]:
    """Return the questions a lesson's reader may want next.

    Search's duplicate finder (rarest words and meaning) is asked with the lesson's titles
    and with its summary; of what it finds, questions in the lesson's own topics come first.
    """
    titles = " ".join(_both_languages(lesson, "title"))
    summary = " ".join(_both_languages(lesson, "summary"))
    found: dict[int, Question] = {}
    for text in (f"{titles} {summary}".strip(), titles):
        for hit in question_suggestions(text, limit=limit * 2):
            found.setdefault(hit.question.pk, hit.question)
    if not found:
        return []
    topic_ids = list(lesson.topics.values_list("pk", flat=True))
    in_topics = set(
        QuestionTopic.objects.filter(question_id__in=found, topic_id__in=topic_ids).values_list(
            "question_id", flat=True
        )
    )
    ranked = sorted(found.values(), key=lambda question: question.pk not in in_topics)
    return ranked[:limit]


def finished_ids(member: User | None) -> set[int]:
    """Return the lessons a member has watched to the end (none for visitors)."""
    if member is None or not member.is_authenticated:
        return set()
    return set(
        Progress.objects.filter(member=member, completed_at__isnull=False).values_list(
            "lesson_id", flat=True
        )
    )


def lesson_up_next(lesson: Lesson, *, watched: Iterable[int] = ()) -> Lesson | None:
    """Return a lesson to watch after a standalone one: in its topics, not yet watched."""
    skip = {lesson.pk, *watched}
    return (
        Lesson.objects.filter(lessons_watchable(), topics__in=lesson.topics.all())
        .exclude(pk__in=skip)
        .select_related("course")
        .distinct()
        .order_by("course_id", "position", "-created_at")
        .first()
    )


def progress_for(member: User | None, lessons: Iterable[Lesson]) -> dict[int, Progress]:
    """Return a member's progress on the given lessons, by lesson id (none for visitors)."""
    ids = [lesson.pk for lesson in lessons]
    if member is None or not member.is_authenticated or not ids:
        return {}
    return {p.lesson_id: p for p in Progress.objects.filter(member=member, lesson_id__in=ids)}


@dataclass(frozen=True)
class Watching:
    """What a member has watched: lessons started and not finished (latest first), and done."""

    started: list[tuple[Lesson, Progress]]
    finished: frozenset[int]


# A member's last this-many lesson rows are what pages read of their watching.
WATCHING_ROWS = 200


def member_watching(member: User) -> Watching:
    """Return a member's watching, read in one query."""
    rows = (
        Progress.objects.filter(member=member, lesson__is_published=True, lesson__status="ready")
        .select_related("lesson", "lesson__course")
        .order_by("-updated_at")[:WATCHING_ROWS]
    )
    started: list[tuple[Lesson, Progress]] = []
    finished: set[int] = set()
    for row in rows:
        if row.completed_at is not None:
            finished.add(row.lesson_id)
        elif row.position_ms > 0:
            started.append((row.lesson, row))
    return Watching(started, frozenset(finished))


def continue_watching(member: User, *, limit: int = 4) -> list[tuple[Lesson, Progress]]:
    """Return the lessons a member started and has not finished, latest first."""
    rows = (
        Progress.objects.filter(member=member, completed_at__isnull=True, position_ms__gt=0)
        .filter(lesson__is_published=True, lesson__status="ready")
        .select_related("lesson", "lesson__course")
        .order_by("-updated_at")[:limit]
    )
    return [(row.lesson, row) for row in rows]


def course_next(lessons: Sequence[Lesson], progress: dict[int, Progress]) -> Lesson | None:
    """Return the lesson to continue a course with: the first not yet watched to the end."""
    for lesson in lessons:
        done = progress.get(lesson.pk)
        if done is None or done.completed_at is None:
            return lesson
    return lessons[0] if lessons else None


def level_lessons(level_id: int | None, *, limit: int = 12) -> list[Lesson]:
    """Return lessons for a level's topic and the next one up, newest course lessons first."""
    if level_id is None:
        return list(
            Lesson.objects.filter(lessons_watchable())
            .select_related("course")
            .order_by("-processed_at", "-pk")[:limit]
        )
    return list(
        Lesson.objects.filter(lessons_watchable(), topics__level_id=level_id)
        .select_related("course")
        .distinct()
        .order_by("course__title", "position", "-created_at")[:limit]
    )
