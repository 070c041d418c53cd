"""What the learn app adds to pages of apps below it: topic and home videos, search results.

The topic and home sections are the same for every reader of a language, so they are kept
rendered under the versions those pages already hold (a topic's feed version, the home
page's sum of them); publishing or changing a lesson moves its topics' versions
(rung/learn/services.py), which also replaces visitors' kept copies of those pages.
"""

from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from rung.accounts.models import User
from rung.learn import selectors
from rung.learn.lesson_search import lesson_search
from rung.learn.models import Lesson
from rung.learn.progress import watching_key
from rung.qa import fragments
from rung.qa.models import Topic
from rung.qa.slots import home_page_sections, topic_page_sections
from rung.search.slots import SearchSubject, results_sections


def topic_videos(request: HttpRequest, topic: Topic) -> SafeString:
    """Return the topic's courses and lessons, or nothing when it has none."""

    def context() -> dict[str, object]:
        lessons = selectors.lessons_in_topic(topic)
        return {"lessons": lessons, "courses": selectors.courses_of(lessons), "topic": topic}

    html = fragments.render_cached(
        request,
        fragments.fragment_key("learn-topic", topic.pk, topic.feed_version),
        _only_with_lessons("learn/_topic_videos.html"),
        context,
    )
    return html


HOME_LESSONS = 4


def home_videos(request: HttpRequest, version: int) -> SafeString:
    """Return what to watch next: a member's lessons under way, then their level's not yet
    watched; the newest lessons for visitors.

    The level's lessons are kept under the home page's version; a member's watching is
    kept per member until they report progress (rung/learn/progress.py), so a warm home
    page reads nothing more.
    """
    member = request.user if isinstance(request.user, User) else None
    level_id = getattr(member, "level_id", None)
    lessons_key = fragments.fragment_key("learn-home-lessons", version, level_id or 0)
    lessons: list[Lesson] | None = cache.get(lessons_key)
    if lessons is None:
        lessons = selectors.level_lessons(level_id)
        cache.set(lessons_key, lessons, None)
    watching = _watching(member, version) if member is not None else None
    if watching is None or not (watching.started or watching.finished):
        # The same for every reader of the level: kept rendered.
        return fragments.render_cached(
            request,
            fragments.fragment_key("learn-home", version, level_id or 0),
            _only_with_lessons("learn/_home_videos.html"),
            lambda: {
                "lessons": lessons[:HOME_LESSONS],
                "level": getattr(member, "level", None),
                "started": [],
            },
        )
    started = watching.started[:HOME_LESSONS]
    under_way = {lesson.pk for lesson, _progress in started}
    fresh = [
        lesson
        for lesson in lessons
        if lesson.pk not in watching.finished and lesson.pk not in under_way
    ]
    context = {
        "started": started,
        "lessons": fresh[: max(HOME_LESSONS - len(started), 0)],
        "level": getattr(member, "level", None),
    }
    if not context["lessons"] and not started:
        return SafeString("")
    return SafeString(render_to_string("learn/_home_videos.html", context, request))


def _watching(member: User, version: int) -> selectors.Watching:
    key = watching_key(member.pk)
    kept = cache.get(key)
    if kept is not None and kept[0] == version:
        watched: selectors.Watching = kept[1]
        return watched
    watching = selectors.member_watching(member)
    cache.set(key, (version, watching), None)
    return watching


def _only_with_lessons(template_name: str) -> Callable[[dict[str, object]], str]:
    def render(context: dict[str, object]) -> str:
        if not context["lessons"] and not context.get("courses") and not context.get("started"):
            return ""
        return render_to_string(template_name, context)

    return render


def search_lessons(request: HttpRequest, subject: SearchSubject) -> SafeString:
    """Return the lessons matching a search and its filters, or nothing when none do."""
    hits = lesson_search(subject.query, filters=subject.filters)
    if not hits:
        return SafeString("")
    return SafeString(render_to_string("learn/_search_lessons.html", {"hits": hits}, request))


def register() -> None:
    """Fill the slots of topic, home and search pages."""
    topic_page_sections.register("videos", topic_videos, order=10)
    home_page_sections.register("watch-next", home_videos, order=10)
    results_sections.register("lessons", search_lessons, order=10)
