"""Pages run a fixed number of queries whatever the data size."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rung.accounts.models import User
from rung.qa import services
from rung.qa.models import Question
from rung.qa.thread_selectors import ANSWERS_PER_PAGE
from rung.testing import bulk_answers, make_answer, make_card, make_member, make_question

pytestmark = pytest.mark.django_db

# Counted once by hand from the captured SQL, then pinned: any change must be deliberate.
# Pinned counts per (page, visitor kind) for a cold cache and a warm one. Members add their
# user row (and, cold, their session); on a question page they add their likes with
# whether they wrote on the thread (one statement, so their own copy is chosen without
# the thread's author ids), and whether they are in the Moderators group (moderators see
# held and hidden posts). Views are buffered, so they add none. A question page also lists
# similar questions: warm, they are kept rendered under the question's version and the
# feeds version, which comes in the question's row, so a hidden one drops out at once;
# cold, one query reads the question's vector with the list the worker kept for it
# (rung/search/similar.py) and one loads the listed questions; no vector search runs.
# Cold, a page of answers is two queries: the answers, then the first replies of each.
# Members also read their unread count for the bell, and their own follow state: the topic's
# watch level on a topic page, the topics they muted on the home page, and on a question
# page whether they watch it and which of its posts they saved, in one query
# (notifications fills those parts per reader, outside the cached fragments).
# A member also asks whether the asker invited them to answer (one seek on the invitation's
# unique key): it is theirs alone, so it is never in a cached part. Warm, that is asked only
# for questions they were ever invited to (the list is kept per member), so not here.
# A visitor's page is first looked up before the session is read (rung/qa/middleware.py):
# a question's version with the feeds version (one query with no joins), the topic kept
# with its level and its counters read afresh, or the home page's kept topics and their
# counters (one query each). Warm, that is all (the similar questions are kept rendered
# under the feeds version). Cold, the view runs as before and reuses what the lookup read.
# Topic and home pages show videos (rung/learn/sections.py): cold, one query for the
# topic's lessons or the level's, and on a member's home one for what they have watched;
# warm, they are kept under the versions the page holds (and until the member's progress).
# Topic pages also show their top contributors (rung/reputation/expert_sections.py): cold,
# the all-time list (one query) and the recent one (answers and credits in the window
# summed per member, then those members: three); warm, they are kept rendered for a few
# minutes, and a visitor's kept page fills them in per response from that copy.
EXPECTED = {
    ("topic", "visitor"): (8, 1),
    ("topic", "member"): (12, 4),
    ("question", "visitor"): (8, 1),
    ("question", "member"): (14, 6),
    ("home", "visitor"): (3, 1),
    ("home", "member"): (8, 4),
}


def _grow(asker: User, answerers: list[User], *, questions: int, answers: int) -> Question:
    """Add questions to mid-level and one question with `answers` answers, each with a reply."""
    for _ in range(questions):
        make_question(
            answerers[0], topics=["mid-level", "promotions"], card=make_card(), is_anonymous=False
        )
    target = make_question(asker, topics=["mid-level"], card=make_card())
    for i in range(answers):
        answer = make_answer(target, answerers[i % len(answerers)])
        make_answer(target, asker, parent=answer, body="Thanks")
        services.like_toggle(user=asker, target=answer)
    services.like_toggle(user=answerers[0], target=target)
    return target


def _count(client: Client, url: str, *, cold: bool, htmx: bool = False) -> int:
    if cold:
        cache.clear()
    headers = {"HX-Request": "true"} if htmx else {}
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, HTTP_USER_AGENT="Mozilla/5.0", headers=headers)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("visitor", ["visitor", "member"])
def test_pages_run_constant_queries_at_two_sizes(
    alice: User, bob: User, charlie: User, visitor: str, buffered_views: None
) -> None:
    client = Client()
    if visitor == "member":
        client.force_login(charlie)
    answerers = [bob, make_member("dana"), make_member("eve")]
    target = _grow(alice, answerers, questions=3, answers=30)
    measured = []
    for _size in range(2):
        pages = {
            "topic": reverse("qa:topic", args=["mid-level"]),
            "question": target.get_absolute_url(),
            "home": reverse("home"),
        }
        counts = {}
        for page, url in pages.items():
            cold = _count(client, url, cold=True)
            warm = _count(client, url, cold=False)
            counts[page] = (cold, warm)
            assert (cold, warm) == EXPECTED[(page, visitor)], page
        top = reverse("qa:topic", args=["mid-level"]) + "?sort=top"
        assert _count(client, top, cold=True) == EXPECTED[("topic", visitor)][0]
        newest = target.get_absolute_url() + "?sort=newest"
        assert (
            _count(client, newest, cold=True),
            _count(client, newest, cold=False),
        ) == EXPECTED[("question", visitor)]
        measured.append(counts)
        target = _grow(alice, answerers, questions=40, answers=30)
    assert measured[0] == measured[1]


def test_question_page_with_30_answers_and_replies_renders_the_first_page(
    alice: User, bob: User, client: Client
) -> None:
    target = _grow(alice, [bob, make_member("dana")], questions=0, answers=30)
    html = client.get(target.get_absolute_url()).content.decode()
    assert html.count('<article class="answer') == ANSWERS_PER_PAGE
    assert html.count('class="reply"') == ANSWERS_PER_PAGE


def _thread(asker: User, answerers: list[User], size: int) -> Question:
    """Return a question with `size` answers, every tenth with replies, and one accepted."""
    target = make_question(asker, topics=["mid-level"], card=make_card())
    answers = bulk_answers(target, answerers, size, like_counts=[i % 7 for i in range(size)])
    for answer in answers[::10]:
        bulk_answers(target, answerers, 6, parent=answer, start=answer.created_at)
    services.answer_mark_helpful(question=target, answer=answers[-1], actor=asker)
    make_answer(target, answerers[0])  # through the services, so it is indexed
    target.refresh_from_db()
    return target


@pytest.mark.parametrize("visitor", ["visitor", "member", "asker"])
def test_question_page_costs_the_same_with_10_answers_as_with_2000(
    alice: User, bob: User, charlie: User, visitor: str, buffered_views: None
) -> None:
    """Every page of answers, first or later, full page or htmx, runs the same queries."""
    client = Client()
    if visitor != "visitor":
        client.force_login(alice if visitor == "asker" else charlie)
    answerers = [bob, make_member("dana"), make_member("eve")]
    # With no other question to point to, similar questions fall back to a word search.
    make_question(bob, topics=["mid-level"])
    counts = []
    for size in (10, 2000):
        target = _thread(alice, answerers, size)
        url = target.get_absolute_url()
        first = client.get(url, HTTP_USER_AGENT="Mozilla/5.0").content.decode()
        later = url
        if size > ANSWERS_PER_PAGE:
            match = re.search(r'href="([^"#]*answers_after=[^"#]+)', first)
            assert match is not None
            later = match[1]
        replies = reverse("qa:answer_replies", args=[target.accepted_answer_id])
        newest = f"{url}?sort=newest"
        newest_later = newest
        if size > ANSWERS_PER_PAGE:
            page = client.get(newest, HTTP_USER_AGENT="Mozilla/5.0").content.decode()
            match = re.search(r'href="([^"#]*sort=newest&amp;answers_after=[^"#]+)', page)
            assert match is not None
            newest_later = match[1].replace("&amp;", "&")
        counts.append(
            [
                _count(client, url, cold=True),
                _count(client, url, cold=False),
                _count(client, later, cold=True),
                _count(client, later, cold=True, htmx=True),
                _count(client, newest, cold=True),
                _count(client, newest, cold=False),
                _count(client, newest_later, cold=True),
                _count(client, newest_later, cold=True, htmx=True),
                _count(client, replies, cold=True),
                _count(client, replies, cold=True, htmx=True),
            ]
        )
    assert counts[0] == counts[1]
