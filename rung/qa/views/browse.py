"""Reading pages: the home page and topic feeds."""

import hashlib

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.safestring import SafeString
from django.views.decorators.http import require_safe

from rung.core.requests import HtmxRequest
from rung.qa import (
    fragments,
    selectors,
    visitor_pages,
)
from rung.qa.models import Topic
from rung.qa.selectors import FEED_SORTS
from rung.qa.slots import (
    home_page_sections,
    muted_topics_source,
    topic_page_actions,
    topic_page_sections,
)


def _home_topics(request: HttpRequest) -> tuple[list[Topic], list[Topic], int]:
    """Return the home page's topics and their versions' sum, read once per request: when
    the early lookup finds no stored page, the view reuses what it read."""
    found: tuple[list[Topic], list[Topic], int] | None = getattr(
        request, "visitor_home_topics", None
    )
    if found is None:
        found = selectors.home_topics()
        request.visitor_home_topics = found  # type: ignore[attr-defined]
    return found


def _home_early(request: HttpRequest) -> visitor_pages.Early:
    return visitor_pages.Early(("home", _home_topics(request)[2]))


@visitor_pages.early_lookup(_home_early)
@require_safe
def home(request: HtmxRequest) -> HttpResponse:
    levels, subjects, version = _home_topics(request)
    if visitor_pages.eligible(request):
        return visitor_pages.serve(
            request, ("home", version), lambda marks: _home(request, levels, subjects, version)
        )
    return _home(request, levels, subjects, version)


def _home(
    request: HtmxRequest, levels: list[Topic], subjects: list[Topic], version: int
) -> HttpResponse:
    # A cursor that is not one of ours reads as the first page, never an error.
    cursor = fragments.cursor_key(request.GET.get("after"))
    muted = _muted_topics(request)
    feed = fragments.render_cached(
        request,
        # Members who muted topics share copies with those who muted the same ones.
        fragments.fragment_key("homefeed", version, cursor, _muted_key(muted)),
        "qa/_home_feed.html",
        lambda: {
            "page": selectors.latest_questions(cursor=cursor or None, muted_topics=muted),
            "is_first_page": not cursor,
        },
    )
    if request.htmx:
        # "Load more": the next page of cards alone, put where the link was.
        response = HttpResponse(feed)
        patch_vary_headers(response, ["HX-Request"])
        return response

    def topics_context() -> dict[str, object]:
        return {"level_topics": levels, "subject_topics": subjects}

    response = render(
        request,
        "qa/home.html",
        {
            "is_first_page": not cursor,
            "ladder": fragments.render_cached(
                request,
                fragments.fragment_key("home", version),
                "qa/_home_main.html",
                topics_context,
            ),
            "topic_aside": fragments.render_cached(
                request,
                fragments.fragment_key("hometopics", version),
                "qa/_home_topics.html",
                topics_context,
            ),
            "feed": feed,
            "home_sections": home_page_sections.render(request, version) if not cursor else [],
        },
    )
    patch_vary_headers(response, ["HX-Request"])
    return response


def _muted_topics(request: HttpRequest) -> list[int]:
    """Return the topics the reader muted, sorted; none for visitors (and no query)."""
    source = muted_topics_source()
    if source is None or not request.user.is_authenticated:
        return []
    return sorted(set(source(request.user)))


def _muted_key(muted: list[int]) -> str:
    if not muted:
        return ""
    return "m" + hashlib.sha256(",".join(map(str, muted)).encode()).hexdigest()[:24]


def _topic_get(request: HttpRequest, slug: str) -> Topic:
    """Return the topic, read once per request as the home page's topics are."""
    topic: Topic | None = getattr(request, "visitor_topic", None)
    if topic is None or topic.slug != slug:
        topic = selectors.topic_get(slug)
        request.visitor_topic = topic  # type: ignore[attr-defined]
    return topic


def _topic_sections(request: HttpRequest, topic: Topic) -> str:
    # What apps add (videos, top contributors) is filled in for each response: a section
    # may change with what the feed version does not follow (likes move the experts), and
    # each keeps its own rendering in the cache, so a warm page reads nothing for it.
    return "".join(topic_page_sections.render(request, topic))


def _topic_early(request: HttpRequest, slug: str) -> visitor_pages.Early:
    topic = _topic_get(request, slug)
    request.user = AnonymousUser()
    return visitor_pages.Early(
        ("topic", topic.pk, topic.feed_version),
        slots={"sections": lambda: _topic_sections(request, topic)},
    )


@visitor_pages.early_lookup(_topic_early)
@require_safe
def topic(request: HtmxRequest, slug: str) -> HttpResponse:
    topic = _topic_get(request, slug)
    if visitor_pages.eligible(request):
        return visitor_pages.serve(
            request,
            ("topic", topic.pk, topic.feed_version),
            lambda marks: _topic(request, topic, sections=[SafeString(marks["sections"])]),
            slots={"sections": lambda: _topic_sections(request, topic)},
        )
    return _topic(request, topic)


def _topic(
    request: HtmxRequest, topic: Topic, sections: list[SafeString] | None = None
) -> HttpResponse:
    sort = request.GET.get("sort", "newest")
    if sort not in FEED_SORTS:
        sort = "newest"
    cursor = fragments.cursor_key(request.GET.get("after"))
    is_first_page = not cursor

    def feed_context() -> dict[str, object]:
        page = selectors.topic_feed(topic, sort=sort, cursor=cursor or None)  # type: ignore[arg-type]
        return {"page": page, "sort": sort, "is_first_page": is_first_page}

    feed = fragments.render_cached(
        request,
        fragments.fragment_key("feed", topic.pk, topic.feed_version, sort, cursor),
        "qa/_feed.html",
        feed_context,
    )
    if request.htmx:
        return HttpResponse(feed)
    guide = fragments.render_cached(
        request,
        fragments.fragment_key("guide", topic.pk, topic.level_id),
        "qa/_guide.html",
        lambda: {
            "topic": topic,
            "level": topic.level,
            "expectations": selectors.level_expectations(topic.level),
        },
    )
    return render(
        request,
        "qa/topic.html",
        {
            "topic": topic,
            "level": topic.level,
            "guide": guide,
            "feed": feed,
            "sort": sort,
            "topic_actions": topic_page_actions.render(request, topic),
            "topic_sections": (
                topic_page_sections.render(request, topic) if sections is None else sections
            ),
        },
    )
