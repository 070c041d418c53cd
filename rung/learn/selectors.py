"""Reads for lesson and course pages, the topic and home sections, and search."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Count, Q

from rung.accounts.models import User
from rung.learn.access import courses_watchable, lessons_watchable
from rung.learn.models import CaptionTrack, Course, Cue, Lesson, Progress
from rung.qa.models import Question, Topic
from rung.search.analysis import PREFIX, Query, index_terms
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
    """Return the questions a lesson's reader may want next: by meaning and words of its title."""
    text = " ".join(_both_languages(lesson, "title"))
    return [hit.question for hit in question_suggestions(text, limit=limit)]


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


@dataclass(frozen=True)
class LessonHit:
    lesson: Lesson
    # Where the words were said, or None when they are in the title or key points.
    cue: Cue | None


def _matches(terms: str, group: tuple[str, ...]) -> bool:
    if group[-1].endswith(PREFIX):
        needle = " " + " ".join((*group[:-1], group[-1].rstrip(PREFIX)))
    else:
        needle = f" {' '.join(group)} "
    return needle in terms


def _cue_condition(group: tuple[str, ...]) -> Q:
    if group[-1].endswith(PREFIX):
        return Q(terms__contains=" " + " ".join((*group[:-1], group[-1].rstrip(PREFIX))))
    return Q(terms__contains=f" {' '.join(group)} ")


def lesson_search(query: Query, *, limit: int = 5) -> list[LessonHit]:
    """Return watchable lessons whose title, key points or transcript hold every group.

    Lessons have their words in both languages (titles and captions in English and
    Chinese), so a query in either finds them. A transcript hit carries the cue where most
    of the query's words were said, so the result opens the lesson at that moment. The
    lessons' cues are scanned with LIKE: a site holds hundreds of lessons, not millions.
    """
    groups = query.required
    if not groups:
        return []
    lessons = {
        lesson.pk: lesson
        for lesson in Lesson.objects.filter(lessons_watchable()).select_related("course")
    }
    if not lessons:
        return []
    own_terms = {
        pk: " "
        + " ".join(
            index_terms(
                " ".join(
                    text
                    for field in ("title", "summary", "key_points")
                    for text in _both_languages(lesson, field)
                )
            )
        )
        + " "
        for pk, lesson in lessons.items()
    }
    cue_hits: dict[int, dict[int, tuple[Cue, set[int]]]] = {}
    for number, group in enumerate(groups):
        for cue in Cue.objects.filter(_cue_condition(group), lesson_id__in=lessons).only(
            "pk", "lesson_id", "start_ms", "end_ms", "text", "terms", "language"
        )[:2000]:
            cue_hits.setdefault(cue.lesson_id, {}).setdefault(cue.pk, (cue, set()))[1].add(number)
    hits: list[tuple[tuple[int, int], LessonHit]] = []
    for pk, lesson in lessons.items():
        cues = cue_hits.get(pk, {})
        spoken = set().union(*(found for _cue, found in cues.values())) if cues else set()
        in_text = {n for n, group in enumerate(groups) if _matches(own_terms[pk], group)}
        if len(spoken | in_text) < len(groups):
            continue
        best = None
        if cues:
            best = min(cues.values(), key=lambda entry: (-len(entry[1]), entry[0].start_ms))[0]
        # Lessons whose own text holds the words come first, then the transcript's best.
        rank = (-len(in_text), -(len(cue_hits.get(pk, {}))))
        hits.append((rank, LessonHit(lesson, best)))
    hits.sort(key=lambda entry: entry[0])
    return [hit for _rank, hit in hits[:limit]]
