"""Answers most helpful first (the asker's mark, then likes weighed by the answerer's
standing) or newest first, paged by keyset in either order."""

import re

import pytest
from django.test import Client

from rung.accounts.models import User
from rung.qa import services, thread_selectors
from rung.qa.models import Answer, Question
from rung.qa.thread_selectors import ANSWERS_PER_PAGE
from rung.testing import bulk_answers, make_member

pytestmark = pytest.mark.django_db

_ANSWER_ID = re.compile(r'<article class="answer[^"]*" id="answer-(\d+)"')
_MORE_ANSWERS = re.compile(r'class="button more-answers" rel="next" href="([^"#]+)')


def _get(client: Client, url: str) -> str:
    response = client.get(url, HTTP_USER_AGENT="Mozilla/5.0")
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def _ids(html: str) -> list[int]:
    return [int(pk) for pk in _ANSWER_ID.findall(html)]


def _next(html: str) -> str | None:
    match = _MORE_ANSWERS.search(html)
    return match[1].replace("&amp;", "&") if match else None


def _every_page(client: Client, url: str) -> list[int]:
    seen: list[int] = []
    next_url: str | None = url
    while next_url:
        html = _get(client, next_url)
        seen += _ids(html)
        next_url = _next(html)
    return seen


@pytest.fixture
def thread(question: Question) -> tuple[Question, list[Answer]]:
    """45 answers, oldest first, with likes 0-4; the asker marked the oldest one."""
    answerers = [make_member(f"answerer{i}") for i in range(3)]
    answers = bulk_answers(question, answerers, 45, like_counts=[i % 5 for i in range(45)])
    services.answer_mark_helpful(question=question, answer=answers[0], actor=question.author)
    question.refresh_from_db()
    return question, answers


def test_most_helpful_first_is_the_default_mark_then_rank(
    thread: tuple[Question, list[Answer]],
) -> None:
    question, answers = thread
    seen = _every_page(Client(), question.get_absolute_url())
    others = sorted(answers[1:], key=lambda a: (-a.like_count, a.created_at, a.pk))
    assert seen == [answers[0].pk] + [a.pk for a in others]


def test_newest_first_pages_through_every_answer_and_keeps_the_order(
    thread: tuple[Question, list[Answer]],
) -> None:
    question, answers = thread
    html = _get(Client(), f"{question.get_absolute_url()}?sort=newest")
    assert _ids(html) == [a.pk for a in reversed(answers)][:ANSWERS_PER_PAGE]
    next_url = _next(html)
    assert next_url is not None and "sort=newest&answers_after=" in next_url
    seen = _every_page(Client(), f"{question.get_absolute_url()}?sort=newest")
    assert seen == [a.pk for a in reversed(answers)]


def test_the_sort_control_says_which_order_is_shown(
    thread: tuple[Question, list[Answer]],
) -> None:
    question, _answers = thread
    url = question.get_absolute_url()
    default = _get(Client(), url)
    newest = _get(Client(), f"{url}?sort=newest")
    current = re.compile(r'<a href="([^"]*)" aria-current="page">([^<]+)</a>')
    assert (f"{url}#answers-heading", "Most helpful") in current.findall(default)
    assert (f"{url}?sort=newest#answers-heading", "Newest") in current.findall(newest)
    # A later page of the newest answers leads back to the newest, not the top ones.
    later = _get(Client(), _next(newest) or "")
    assert f'href="{url}?sort=newest#answers-heading">Back to the newest answers' in later


def test_weights_change_the_helpful_order(thread: tuple[Question, list[Answer]]) -> None:
    question, answers = thread
    # A one-like answer by a trusted answerer outranks the four-like answers.
    trusted = answers[1]
    assert trusted.like_count == 1
    services.answers_weigh(question.pk, {trusted.pk: 500})
    ids = _ids(_get(Client(), question.get_absolute_url()))
    assert ids[:2] == [answers[0].pk, trusted.pk]
    # The permalink of an answer on a later page finds the page under the new order.
    last = sorted(
        answers[1:],
        key=lambda a: (-a.like_count * (500 if a == trusted else 100), a.created_at, a.pk),
    )[-1]
    location = Client().get(last.get_absolute_url())["Location"]
    assert last.pk in _ids(_get(Client(), location.split("#")[0]))


def test_a_like_moves_an_answer_up_by_its_weight(question: Question, bob: User) -> None:
    charlie, dana = make_member("charlie"), make_member("dana")
    light, heavy = bulk_answers(question, [charlie, dana], 2)
    services.answers_weigh(question.pk, {heavy.pk: 300})
    services.like_toggle(user=bob, target=light)
    services.like_toggle(user=make_member("eve"), target=light)
    services.like_toggle(user=bob, target=heavy)
    # 2 likes x 100 against 1 like x 300.
    assert _ids(_get(Client(), question.get_absolute_url()))[:2] == [heavy.pk, light.pk]
    newest = _ids(_get(Client(), f"{question.get_absolute_url()}?sort=newest"))
    assert newest[:2] == [heavy.pk, light.pk]


@pytest.mark.parametrize(
    "query",
    ["answers_after=1.2.3", "answers_after=junk", "sort=junk", "sort=newest&answers_after=x.y"],
)
def test_bad_or_old_cursors_and_sorts_show_a_page(
    thread: tuple[Question, list[Answer]], query: str
) -> None:
    question, _answers = thread
    _get(Client(), f"{question.get_absolute_url()}?{query}")


def test_an_old_like_count_cursor_still_pages(thread: tuple[Question, list[Answer]]) -> None:
    question, answers = thread
    # Cursors once held the like count where they now hold the rank: such a link still
    # pages on, from the answers ranked below it.
    micros = str(thread_selectors.AnswerCursor.of(answers[3])).split(".")[1]
    old = thread_selectors.answer_cursor_parse(f"{answers[3].like_count}.{micros}.{answers[3].pk}")
    assert old is not None
    page = thread_selectors.question_thread_page(question, cursor=old)
    assert page.threads and answers[3].pk not in [t.answer.pk for t in page.threads]


def test_visitors_get_a_kept_copy_per_order(thread: tuple[Question, list[Answer]]) -> None:
    question, answers = thread
    url = question.get_absolute_url()
    newest_first = [a.pk for a in reversed(answers)][:ANSWERS_PER_PAGE]
    for _round in range(3):  # rendered, kept with headers, then served early
        assert _ids(_get(Client(), url))[0] == answers[0].pk
        assert _ids(_get(Client(), f"{url}?sort=newest")) == newest_first


def test_members_get_the_newest_order_too(
    thread: tuple[Question, list[Answer]], charlie: User
) -> None:
    question, answers = thread
    client = Client()
    client.force_login(charlie)
    for _round in range(2):
        ids = _ids(_get(client, f"{question.get_absolute_url()}?sort=newest"))
        assert ids == [a.pk for a in reversed(answers)][:ANSWERS_PER_PAGE]
        assert _ids(_get(client, question.get_absolute_url()))[0] == answers[0].pk


def test_weights_replace_kept_pages_only_when_the_order_moves(
    question: Question, bob: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    charlie, dana = make_member("charlie"), make_member("dana")
    first, second = bulk_answers(question, [charlie, dana], 2)
    services.like_toggle(user=bob, target=first)
    services.like_toggle(user=bob, target=second)
    heard: list[object] = []
    monkeypatch.setattr(services.events, "publish", heard.append)
    version = Question.objects.get(pk=question.pk).version
    # Both weigh more, neither passes the other: the kept page still shows the right order.
    services.answers_weigh(question.pk, {first.pk: 150, second.pk: 140})
    assert Question.objects.get(pk=question.pk).version == version and heard == []
    # The second now outranks the first: pages are rendered again, and the worker told.
    services.answers_weigh(question.pk, {second.pk: 200})
    assert Question.objects.get(pk=question.pk).version == version + 1
    assert [type(event).__name__ for event in heard] == ["AnswersReordered"]
