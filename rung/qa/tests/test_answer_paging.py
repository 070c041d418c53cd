"""Big threads come in pages: the best answers first, every answer reachable, links land."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rung.accounts.models import User
from rung.qa import services, thread_selectors
from rung.qa.models import Answer, Question
from rung.qa.thread_selectors import ANSWERS_PER_PAGE, REPLIES_PER_PAGE, REPLIES_SHOWN
from rung.testing import bulk_answers, make_answer, make_member

pytestmark = pytest.mark.django_db

# A 2,000-answer thread shows one page of 20 answers, each with at most 3 replies. An
# answer of a few sentences, its byline, actions and reply form take about 2.5 kB for a
# member (1.5 kB for a visitor), and a reply about 1 kB, so the page with the question,
# header and footer comes to roughly 60 kB for a member; 150 kB leaves room for longer
# answers while failing loudly if paging stops (the unpaged page is several megabytes).
PAGE_BYTES_LIMIT = 150_000
_ANSWER_ID = re.compile(r'<article class="answer[^"]*" id="answer-(\d+)"')
_REPLY_ID = re.compile(r'<div class="reply" id="answer-(\d+)"')
_MORE_ANSWERS = re.compile(r'class="button more-answers" rel="next" href="([^"#]+)')
_MORE_REPLIES = re.compile(r'class="more-replies" href="([^"]+)"')


def _get(client: Client, url: str, **headers: str) -> str:
    response = client.get(url, headers=headers)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def _answer_ids(html: str) -> list[int]:
    return [int(pk) for pk in _ANSWER_ID.findall(html)]


def _next_answers(html: str) -> str | None:
    match = _MORE_ANSWERS.search(html)
    return match[1].replace("&amp;", "&") if match else None


def _member(username: str) -> Client:
    client = Client()
    client.force_login(make_member(username))
    return client


@pytest.fixture
def answerers(db: None) -> list[User]:
    return [make_member(f"answerer{i}") for i in range(5)]


@pytest.fixture
def big_thread(question: Question, answerers: list[User]) -> Question:
    """2,000 answers, every third with five replies, likes spread over 0-9."""
    answers = bulk_answers(
        question, answerers, 2000, like_counts=[(i * 7) % 10 for i in range(2000)]
    )
    for answer in answers[::3]:
        bulk_answers(
            question,
            answerers,
            5,
            parent=answer,
            body="Thanks, that helped me too.",
            start=answer.created_at + timedelta(minutes=1),
        )
    return question


def test_a_thread_of_2000_answers_is_a_small_page_for_visitors_and_members(
    big_thread: Question,
) -> None:
    """The first page stays under PAGE_BYTES_LIMIT and holds one page of answers."""
    url = big_thread.get_absolute_url()
    for client in (Client(), _member("reader")):
        html = _get(client, url)
        assert len(html.encode()) < PAGE_BYTES_LIMIT
        assert len(_answer_ids(html)) == ANSWERS_PER_PAGE
        assert "2,000 answers" in html or "2000 answers" in html
        assert _next_answers(html) is not None


def test_most_helpful_then_most_liked_then_oldest_lead_the_first_page(
    question: Question, alice: User, answerers: list[User]
) -> None:
    """Accepted first; then by likes; equal likes keep the order they were posted in."""
    likes = [0] * 50
    likes[40], likes[45], likes[10], likes[11] = 9, 7, 5, 5
    answers = bulk_answers(question, answerers, 50, like_counts=likes)
    services.answer_mark_helpful(question=question, answer=answers[49], actor=alice)
    html = _get(Client(), question.get_absolute_url())
    ids = _answer_ids(html)
    expected = [answers[i].pk for i in (49, 40, 45, 10, 11, 0, 1, 2)]
    assert ids[: len(expected)] == expected
    assert len(ids) == ANSWERS_PER_PAGE + 1  # the most helpful one comes on top of a page


@pytest.mark.parametrize("htmx", [False, True], ids=["plain-links", "htmx"])
def test_paging_reaches_every_answer_exactly_once_even_with_ties(
    question: Question, alice: User, answerers: list[User], htmx: bool
) -> None:
    """Equal likes and equal timestamps straddle page ends; no answer is lost or repeated."""
    moment = timezone.now() - timedelta(days=1)
    # Blocks of answers posted in the same microsecond, with only three like counts.
    answers = bulk_answers(
        question,
        answerers,
        137,
        like_counts=[i % 3 for i in range(137)],
        start=moment,
        step=timedelta(0),
    )
    answers[60].is_deleted = True
    answers[60].save(update_fields=["is_deleted"])
    services.answer_mark_helpful(question=question, answer=answers[7], actor=alice)
    expected = {a.pk for a in answers} - {answers[60].pk}
    client = _member("reader")
    url: str | None = question.get_absolute_url()
    seen: list[int] = []
    pages = 0
    while url is not None:
        html = _get(client, url, **({"HX-Request": "true"} if htmx and pages else {}))
        if htmx and pages:
            assert "<html" not in html and 'id="question"' not in html
        ids = _answer_ids(html)
        assert ids, url
        seen += ids
        url = _next_answers(html)
        pages += 1
    assert len(seen) == len(set(seen))
    assert set(seen) == expected
    assert seen[0] == answers[7].pk
    assert pages == 7  # 136 answers: the most helpful plus 20 on the first page, then 20 each


@pytest.mark.parametrize(
    "cursor",
    [
        "",
        "abc",
        "1.2",
        "1.2.3.4",
        "-1.5.7",
        "1.2.x",
        "9" * 30 + ".1.1",
        "1." + "9" * 18 + ".1",
        "1.1e5.1",
        "<script>",
        "١.٢.٣",
    ],
)
def test_a_cursor_that_is_not_ours_shows_the_first_page(
    question: Question, answerers: list[User], client: Client, cursor: str
) -> None:
    answers = bulk_answers(question, answerers, 30)
    first = _answer_ids(_get(client, question.get_absolute_url()))
    html = _get(client, f"{question.get_absolute_url()}?answers_after={cursor}")
    assert _answer_ids(html) == first == [a.pk for a in answers[:ANSWERS_PER_PAGE]]


def test_a_later_page_says_so_and_links_back_to_the_top_answers(
    question: Question, answerers: list[User], client: Client
) -> None:
    bulk_answers(question, answerers, 45)
    first = _get(client, question.get_absolute_url())
    later = _get(client, _next_answers(first) or "")
    assert "You are reading later answers." not in first
    assert "You are reading later answers." in later
    assert f'href="{question.get_absolute_url()}#answers-heading"' in later
    assert "45 answers" in later
    # Later pages repeat the question, so search engines index the first one only.
    assert 'name="robots" content="noindex, follow"' in later
    assert 'name="robots"' not in first


def test_a_link_to_an_answer_on_a_later_page_opens_a_page_showing_it(
    big_thread: Question, client: Client
) -> None:
    answer = Answer.objects.filter(question=big_thread, parent=None).order_by("created_at")[1500]
    assert answer.get_absolute_url() == f"/answers/{answer.pk}/"
    response = client.get(answer.get_absolute_url())
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(big_thread.get_absolute_url() + "?answers_after=")
    assert location.endswith(f"#answer-{answer.pk}")
    html = _get(client, location.split("#")[0])
    assert _answer_ids(html)[0] == answer.pk


def test_a_link_to_an_answer_on_the_first_page_opens_the_first_page(
    question: Question, alice: User, answerers: list[User], client: Client
) -> None:
    answers = bulk_answers(question, answerers, 40)
    services.answer_mark_helpful(question=question, answer=answers[39], actor=alice)
    for answer in (answers[0], answers[19], answers[39]):
        response = client.get(answer.get_absolute_url())
        assert response["Location"] == f"{question.get_absolute_url()}#answer-{answer.pk}"
    # The 21st of the others is the first answer of the second page.
    response = client.get(answers[20].get_absolute_url())
    assert "?answers_after=" in response["Location"]


def test_posting_to_a_big_thread_lands_the_author_on_their_answer(
    big_thread: Question, bob_client: Client
) -> None:
    response = bob_client.post(
        reverse("qa:answer_create", args=[big_thread.pk]), {"body": "Find a sponsor early."}
    )
    answer = Answer.objects.get(body="Find a sponsor early.")
    location = response["Location"]
    assert location.endswith(f"#answer-{answer.pk}") and "?answers_after=" in location
    html = _get(bob_client, location.split("#")[0])
    assert _answer_ids(html) == [answer.pk]
    # Their own answer carries their controls there.
    assert reverse("qa:answer_edit", args=[answer.pk]) in html


def test_replies_show_the_first_few_and_load_the_rest_with_or_without_htmx(
    question: Question, answerers: list[User], bob: User, client: Client
) -> None:
    answer = make_answer(question, bob)
    replies = bulk_answers(question, answerers, REPLIES_PER_PAGE + 10, parent=answer)
    html = _get(client, question.get_absolute_url())
    assert [int(pk) for pk in _REPLY_ID.findall(html)] == [r.pk for r in replies[:REPLIES_SHOWN]]
    total_more = len(replies) - REPLIES_SHOWN
    assert f"Show {total_more} more replies" in html
    more = _MORE_REPLIES.search(html)
    assert more is not None
    more_url = more[1].replace("&amp;", "&")

    fragment = _get(client, more_url, **{"HX-Request": "true"})
    assert "<html" not in fragment
    shown = [int(pk) for pk in _REPLY_ID.findall(fragment)]
    assert shown == [r.pk for r in replies[REPLIES_SHOWN : REPLIES_SHOWN + REPLIES_PER_PAGE]]
    assert f"Show {total_more - REPLIES_PER_PAGE} more replies" in fragment
    rest_link = _MORE_REPLIES.search(fragment)
    assert rest_link is not None
    rest = _get(client, rest_link[1].replace("&amp;", "&"), **{"HX-Request": "true"})
    assert [int(pk) for pk in _REPLY_ID.findall(rest)] == [
        r.pk for r in replies[REPLIES_SHOWN + REPLIES_PER_PAGE :]
    ]
    assert "more-replies" not in rest

    page = _get(client, more_url)
    assert "<html" in page and question.title in page
    assert [int(pk) for pk in _REPLY_ID.findall(page)] == shown
    assert "You are reading later replies." in page


def test_a_link_to_a_late_reply_opens_the_replies_page_that_shows_it(
    question: Question, answerers: list[User], bob: User, client: Client
) -> None:
    answer = make_answer(question, bob)
    replies = bulk_answers(question, answerers, 30, parent=answer)
    early = client.get(replies[2].get_absolute_url())["Location"]
    assert early == f"{question.get_absolute_url()}#answer-{replies[2].pk}"
    late = client.get(replies[25].get_absolute_url())["Location"]
    assert late.startswith(reverse("qa:answer_replies", args=[answer.pk]) + "?after=")
    assert late.endswith(f"#answer-{replies[25].pk}")
    html = _get(client, late.split("#")[0])
    assert _REPLY_ID.findall(html)[0] == str(replies[25].pk)


def test_replying_deep_in_a_thread_lands_on_the_new_reply(
    question: Question, answerers: list[User], bob: User, charlie_client: Client
) -> None:
    answer = make_answer(question, bob)
    bulk_answers(question, answerers, 10, parent=answer)
    response = charlie_client.post(
        reverse("qa:reply_create", args=[answer.pk]), {"body": "Same here, thanks."}
    )
    reply = Answer.objects.get(body="Same here, thanks.")
    html = _get(charlie_client, response["Location"].split("#")[0])
    assert f'id="answer-{reply.pk}"' in html
    assert reverse("qa:answer_edit", args=[reply.pk]) in html


def test_replies_address_refuses_replies_hidden_answers_and_writes(
    question: Question, bob: User, bob_client: Client, client: Client
) -> None:
    answer = make_answer(question, bob)
    reply = make_answer(question, bob, parent=answer)
    replies_url = reverse("qa:answer_replies", args=[answer.pk])
    assert client.get(reverse("qa:answer_replies", args=[reply.pk])).status_code == 404
    assert client.post(replies_url).status_code == 405
    assert client.get(replies_url + "?after=nonsense").status_code == 200
    services.answer_delete(answer=answer, actor=bob)
    assert client.get(replies_url).status_code == 404
    assert client.get(reply.get_absolute_url()).status_code == 404


def test_controls_of_the_viewer_work_on_a_later_page(
    question: Question, alice: User, answerers: list[User], bob: User, charlie: User
) -> None:
    """Own edit links, the asker's "mark most helpful" and likes all show on page two."""
    bulk_answers(question, answerers, 30, like_counts=[5] * 30)
    bobs = make_answer(question, bob, body="A late answer from Bob.")
    services.like_toggle(user=charlie, target=bobs)
    page_two = _next_answers(_get(Client(), question.get_absolute_url()))
    assert page_two is not None
    for user, expected in (
        (bob, reverse("qa:answer_edit", args=[bobs.pk])),
        (alice, reverse("qa:answer_helpful", args=[bobs.pk])),
        (charlie, 'aria-pressed="true"'),
    ):
        client = Client()
        client.force_login(user)
        html = _get(client, page_two, **{"HX-Request": "true"})
        assert bobs.pk in _answer_ids(html)
        assert expected in html, user.username
    visitor = _get(Client(), page_two)
    assert reverse("qa:answer_edit", args=[bobs.pk]) not in visitor


def test_marking_a_late_answer_most_helpful_brings_it_to_the_top(
    question: Question, alice: User, answerers: list[User], alice_client: Client
) -> None:
    answers = bulk_answers(question, answerers, 60)
    response = alice_client.post(reverse("qa:answer_helpful", args=[answers[55].pk]))
    assert response["Location"] == f"{question.get_absolute_url()}#answer-{answers[55].pk}"
    assert _answer_ids(_get(Client(), question.get_absolute_url()))[0] == answers[55].pk


def test_thread_page_selector_pages_by_keyset_in_fixed_queries(
    big_thread: Question, django_assert_num_queries: object
) -> None:
    """Any page, first or deep, is two queries: the answers, then their first replies."""
    cursor = None
    for _ in range(3):
        with django_assert_num_queries(2):  # type: ignore[operator]
            page = thread_selectors.question_thread_page(big_thread, cursor=cursor)
        assert len(page.threads) == ANSWERS_PER_PAGE
        cursor = thread_selectors.answer_cursor_parse(page.next_cursor)
    in_order = Answer.objects.filter(question=big_thread, parent=None).order_by(
        "-helpful_rank", "created_at", "id"
    )
    deep_cursor = thread_selectors.AnswerCursor.of(in_order[1959])
    with django_assert_num_queries(2):  # type: ignore[operator]
        deep = thread_selectors.question_thread_page(big_thread, cursor=deep_cursor)
    assert [t.answer.pk for t in deep.threads] == [a.pk for a in in_order[1960:1980]]
    assert any(t.replies for t in deep.threads)
