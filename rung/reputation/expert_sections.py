"""The top contributors of a topic (every level is one), on its page.

The section is the same for every reader of a language, so it is kept rendered in the
shared cache. Likes and marks move the lists without moving the topic's feed version, so
the key carries a time bucket instead (rung/reputation/experts.py): a list is at most
EXPERTS_CACHE_SECONDS behind, and a warm topic page reads nothing for it. Visitors' kept
copies of the page fill the section in per response (qa's topic page), so they follow it.
"""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString

from rung.qa import fragments
from rung.qa.models import Topic
from rung.qa.slots import topic_page_sections
from rung.reputation import experts
from rung.reputation.rules import EXPERTS_RECENT, EXPERTS_SHOWN


def topic_experts(request: HttpRequest, topic: Topic) -> SafeString:
    """Return the topic's top contributors, recent and all time; nothing when there are none."""

    def context() -> dict[str, object]:
        now = timezone.now()
        return {
            "topic": topic,
            "recent": experts.topic_experts_recent(topic, now, EXPERTS_SHOWN),
            "all_time": experts.topic_experts_all_time(topic, EXPERTS_SHOWN),
            "recent_days": EXPERTS_RECENT.days,
        }

    return fragments.render_cached(
        request,
        fragments.fragment_key("experts-topic", topic.pk, experts.experts_bucket()),
        _only_with_experts,
        context,
    )


def _only_with_experts(context: dict[str, object]) -> str:
    if not context["recent"] and not context["all_time"]:
        return ""
    return render_to_string("reputation/_topic_experts.html", context)


def register() -> None:
    """Add the section to topic pages, after the videos."""
    topic_page_sections.register("experts", topic_experts, order=200)
