"""What the learn app adds to pages of apps below it: topic and home videos, search results.

The topic and home sections are the same for every reader of a language, so they are kept
rendered under the versions those pages already hold (a topic's feed version, the home
page's sum of them); publishing or changing a lesson moves its topics' versions
(rung/learn/services.py), which also replaces visitors' kept copies of those pages.
"""

from collections.abc import Callable

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from rung.learn import selectors
from rung.learn.lesson_search import lesson_search
from rung.qa import fragments
from rung.qa.models import Topic
from rung.qa.slots import home_page_sections, topic_page_sections
from rung.search.slots import SearchSubject, results_sections


def topic_videos(request: HttpRequest, topic: Topic) -> SafeString:
    """Return the topic's courses and lessons, or nothing when it has none."""

    def context() -> dict[str, object]:
        lessons = selectors.lessons_in_topic(topic)
        return {"lessons": lessons, "courses": selectors.courses_of(lessons)}

    html = fragments.render_cached(
        request,
        fragments.fragment_key("learn-topic", topic.pk, topic.feed_version),
        _only_with_lessons("learn/_topic_videos.html"),
        context,
    )
    return html


def home_videos(request: HttpRequest, version: int) -> SafeString:
    """Return what to watch next: lessons of the member's level, or the newest for visitors."""
    level = getattr(request.user, "level", None) if request.user.is_authenticated else None
    level_id = getattr(request.user, "level_id", None) if request.user.is_authenticated else None
    return fragments.render_cached(
        request,
        fragments.fragment_key("learn-home", version, level_id or 0),
        _only_with_lessons("learn/_home_videos.html"),
        lambda: {"lessons": selectors.level_lessons(level_id), "level": level},
    )


def _only_with_lessons(template_name: str) -> Callable[[dict[str, object]], str]:
    def render(context: dict[str, object]) -> str:
        if not context["lessons"] and not context.get("courses"):
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
