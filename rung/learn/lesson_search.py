"""Lessons on the search page: found by their own words and by what is said in them."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from rung.learn.access import lessons_watchable
from rung.learn.models import Cue, Lesson
from rung.search.analysis import PREFIX, Query, index_terms
from rung.search.fulltext import Filters

# Bounds the cue rows one group of words may read; a site holds hundreds of lessons.
CUES_PER_GROUP = 2000


@dataclass(frozen=True)
class LessonHit:
    lesson: Lesson
    # Where the words were said, or None when they are in the title or key points.
    cue: Cue | None


def _both_languages(lesson: Lesson, field: str) -> list[str]:
    """Return a translated field's English and Chinese text (modeltranslation's columns)."""
    return [getattr(lesson, f"{field}_{suffix}", "") or "" for suffix in ("en", "zh_hans")]


def _needle(group: tuple[str, ...]) -> str:
    """Return the text a group's terms make in a space-framed list of terms."""
    if group[-1].endswith(PREFIX):
        return " " + " ".join((*group[:-1], group[-1].rstrip(PREFIX)))
    return f" {' '.join(group)} "


def _own_terms(lesson: Lesson) -> str:
    text = " ".join(
        text
        for field in ("title", "summary", "key_points")
        for text in _both_languages(lesson, field)
    )
    return f" {' '.join(index_terms(text))} "


def _filtered(lessons: QuerySet[Lesson], filters: Filters) -> QuerySet[Lesson]:
    """Narrow lessons as the question filters narrow questions: by topic and by level."""
    on_topics = Lesson.topics.through.objects
    if filters.topic_id is not None:
        lessons = lessons.filter(
            pk__in=on_topics.filter(topic_id=filters.topic_id).values("lesson_id")
        )
    if filters.level_id is not None:
        # A level's lessons are those on its topic (every level has one).
        lessons = lessons.filter(
            pk__in=on_topics.filter(topic__level_id=filters.level_id).values("lesson_id")
        )
    return lessons


def _spoken_in(lesson_ids: list[int], terms: tuple[str, ...]) -> set[int]:
    """Return which of the lessons have a cue holding any of the terms."""
    if not lesson_ids or not terms:
        return set()
    said = Q()
    for term in terms:
        said |= Q(terms__contains=f" {term} ")
    return set(
        Cue.objects.filter(said, lesson_id__in=lesson_ids)
        .values_list("lesson_id", flat=True)
        .distinct()
    )


def lesson_search(
    query: Query,
    *,
    filters: Filters = Filters(),  # noqa: B008 - frozen, so sharing it is safe
    limit: int = 5,
) -> list[LessonHit]:
    """Return watchable lessons whose title, key points or transcript hold every group.

    Lessons have their words in both languages (titles and captions in English and
    Chinese), so a query in either finds them. A transcript hit carries the cue where most
    of the query's words were said, so the result opens the lesson at that moment. The
    search page's filters apply as they do to questions; a lesson has no answers, so
    asking for questions with a most helpful answer leaves lessons out. A lesson whose
    own text or any line holds an excluded word is left out. Cues are scanned with LIKE:
    a site holds hundreds of lessons, not millions.
    """
    groups = query.required
    if not groups or filters.helpful:
        return []
    watchable = _filtered(Lesson.objects.filter(lessons_watchable()), filters)
    lessons = {lesson.pk: lesson for lesson in watchable.select_related("course")}
    own_terms = {pk: _own_terms(lesson) for pk, lesson in lessons.items()}
    if query.excluded:
        left_out = _spoken_in(list(lessons), query.excluded) | {
            pk
            for pk, terms in own_terms.items()
            if any(f" {term} " in terms for term in query.excluded)
        }
        lessons = {pk: lesson for pk, lesson in lessons.items() if pk not in left_out}
    if not lessons:
        return []
    cue_hits: dict[int, dict[int, tuple[Cue, set[int]]]] = {}
    for number, group in enumerate(groups):
        for cue in Cue.objects.filter(
            terms__contains=_needle(group), lesson_id__in=list(lessons)
        ).only("pk", "lesson_id", "start_ms", "end_ms", "text", "terms", "language")[
            :CUES_PER_GROUP
        ]:
            cue_hits.setdefault(cue.lesson_id, {}).setdefault(cue.pk, (cue, set()))[1].add(number)
    hits: list[tuple[tuple[int, int], LessonHit]] = []
    for pk, lesson in lessons.items():
        cues = cue_hits.get(pk, {})
        spoken = set().union(*(found for _cue, found in cues.values())) if cues else set()
        in_text = {n for n, group in enumerate(groups) if _needle(group) in own_terms[pk]}
        if len(spoken | in_text) < len(groups):
            continue
        best = None
        if cues:
            best = min(cues.values(), key=lambda entry: (-len(entry[1]), entry[0].start_ms))[0]
        # Lessons whose own text holds the words come first, then the transcript's best.
        rank = (-len(in_text), -len(cues))
        hits.append((rank, LessonHit(lesson, best)))
    hits.sort(key=lambda entry: entry[0])
    return [hit for _rank, hit in hits[:limit]]
