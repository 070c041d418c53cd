"""Saving questions and answers: the toggles on cached question pages, and the Saved page."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rung.accounts.models import User
from rung.notifications import services
from rung.notifications.models import Bookmark
from rung.notifications.selectors_follow import BOOKMARKS_PAGE_SIZE
from rung.qa import moderation_services
from rung.qa import services as qa_services
from rung.qa.models import Answer, Question
from rung.testing import make_answer, make_member, make_question

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def _save_forms(html: str) -> dict[str, str]:
    """Return each toggle's action with its button's label: {"/notifications/saved/...": "Save"}."""
    found = re.findall(
        r'<form class="save-form inline" method="post" action="([^"]+)".*?'
        r"<button[^>]*>([^<]+)</button></form>",
        html,
    )
    return dict(found)


def _answer_url(answer: Answer) -> str:
    return reverse("notifications:bookmark_answer", args=[answer.pk])


def test_every_question_and_answer_has_a_save_toggle_but_replies_do_not(
    charlie_client: Client, question: Question, bob: User, alice: User
) -> None:
    answer = make_answer(question, bob)
    reply = make_answer(question, alice, parent=answer, body="Thanks!")
    forms = _save_forms(charlie_client.get(question.get_absolute_url()).content.decode())
    assert forms == {
        reverse("notifications:bookmark_question", args=[question.pk]): "Save",
        _answer_url(answer): "Save",
    }
    assert reverse("notifications:bookmark_answer", args=[reply.pk]) not in str(forms)


def test_saved_marks_are_each_readers_own_though_the_answers_are_cached(
    alice: User, bob: User, charlie: User, question: Question
) -> None:
    """The answers are one shared cached copy; each reader's Saved marks are filled per
    response, so one member's bookmarks never show on another's page."""
    answers = [make_answer(question, make_member()) for _ in range(3)]
    dana, erin = Client(), Client()
    dana.force_login(make_member("dana"))
    erin.force_login(make_member("erin"))
    url = question.get_absolute_url()
    # Fill the shared copy first, from a member who saved nothing.
    assert set(_save_forms(erin.get(url).content.decode()).values()) == {"Save"}
    services.bookmark_set(User.objects.get(username="dana"), saved=True, answer=answers[1])
    dana_forms = _save_forms(dana.get(url).content.decode())
    assert dana_forms[_answer_url(answers[1])] == "Saved"
    assert dana_forms[_answer_url(answers[0])] == "Save"
    erin_forms = _save_forms(erin.get(url).content.decode())
    assert erin_forms[_answer_url(answers[1])] == "Save"


def test_visitors_get_no_save_toggle(client: Client, question: Question, bob: User) -> None:
    make_answer(question, bob)
    assert _save_forms(client.get(question.get_absolute_url()).content.decode()) == {}


def test_saving_without_javascript_goes_back_to_the_post(
    charlie: User, charlie_client: Client, question: Question, bob: User
) -> None:
    answer = make_answer(question, bob)
    back = question.get_absolute_url() + f"#answer-{answer.pk}"
    response = charlie_client.post(_answer_url(answer), {"saved": "1", "next": back}, follow=True)
    assert response.redirect_chain[0] == (back, 302)
    html = response.content.decode()
    assert "Saved. Find it on your Saved page." in html
    assert _save_forms(html)[_answer_url(answer)] == "Saved"
    assert Bookmark.objects.filter(user=charlie, answer=answer).exists()
    charlie_client.post(_answer_url(answer), {"saved": "0"})
    assert not Bookmark.objects.filter(user=charlie).exists()


def test_saving_twice_keeps_one_bookmark(
    charlie: User, charlie_client: Client, question: Question
) -> None:
    url = reverse("notifications:bookmark_question", args=[question.pk])
    charlie_client.post(url, {"saved": "1"})
    charlie_client.post(url, {"saved": "1"})
    assert Bookmark.objects.filter(user=charlie).count() == 1


def test_with_htmx_the_toggle_comes_back_flipped(
    charlie_client: Client, question: Question
) -> None:
    url = reverse("notifications:bookmark_question", args=[question.pk])
    html = charlie_client.post(url, {"saved": "1"}, headers=HTMX).content.decode()
    assert html.startswith('<form class="save-form inline"')
    assert 'aria-pressed="true"' in html and ">Saved<" in html
    assert 'name="saved" value="0"' in html


def test_saving_a_reply_or_an_unreadable_post_is_404(
    charlie_client: Client, question: Question, bob: User, alice: User
) -> None:
    answer = make_answer(question, bob)
    reply = make_answer(question, alice, parent=answer, body="Thanks!")
    assert charlie_client.post(_answer_url(reply), {"saved": "1"}).status_code == 404
    qa_services.answer_delete(answer=answer, actor=bob)
    assert charlie_client.post(_answer_url(answer), {"saved": "1"}).status_code == 404
    assert not Bookmark.objects.exists()


def test_saved_page_lists_questions_and_answers_newest_first(
    alice: User, bob: User, alice_client: Client, question: Question
) -> None:
    answer = make_answer(question, bob, body="Write the **design doc** nobody asked for.")
    services.bookmark_set(alice, saved=True, question=question)
    services.bookmark_set(alice, saved=True, answer=answer)
    html = alice_client.get(reverse("notifications:bookmarks")).content.decode()
    assert html.index("An answer to") < html.index(f">{question.title}<")
    assert "Write the design doc nobody asked for." in html
    assert reverse("qa:answer", args=[answer.pk]) in html
    assert html.count(">Remove<") == 2


def test_a_saved_post_since_deleted_or_hidden_shows_as_gone_and_can_be_removed(
    alice: User, bob: User, mod: User, alice_client: Client, question: Question
) -> None:
    answer = make_answer(question, bob, body="A secret that was hidden later.")
    other = make_question(bob, title="A question that will be deleted")
    services.bookmark_set(alice, saved=True, answer=answer)
    services.bookmark_set(alice, saved=True, question=other)
    moderation_services.post_visibility_set(
        post=answer, visibility="hidden", actor=mod, reason="spam"
    )
    qa_services.question_delete(question=other, actor=bob)
    html = alice_client.get(reverse("notifications:bookmarks")).content.decode()
    assert "A secret that was hidden later." not in html
    assert "A question that will be deleted" not in html
    assert "A saved answer that was deleted or hidden." in html
    assert "A saved question that was deleted or hidden." in html
    bookmark = Bookmark.objects.get(user=alice, answer=answer)
    response = alice_client.post(reverse("notifications:bookmark_remove", args=[bookmark.pk]))
    assert response["Location"] == reverse("notifications:bookmarks")
    assert not Bookmark.objects.filter(pk=bookmark.pk).exists()


def test_nobody_sees_or_removes_anothers_bookmarks(
    alice: User, charlie_client: Client, question: Question
) -> None:
    services.bookmark_set(alice, saved=True, question=question)
    bookmark = Bookmark.objects.get(user=alice)
    html = charlie_client.get(reverse("notifications:bookmarks")).content.decode()
    assert question.title not in html
    assert "Nothing saved yet." in html
    url = reverse("notifications:bookmark_remove", args=[bookmark.pk])
    assert charlie_client.post(url).status_code == 404
    assert Bookmark.objects.filter(pk=bookmark.pk).exists()


def test_saved_page_pages_by_keyset_and_costs_the_same_at_any_size(
    alice: User, bob: User, alice_client: Client
) -> None:
    counts = []
    for size in (BOOKMARKS_PAGE_SIZE + 5, 3 * BOOKMARKS_PAGE_SIZE):
        Bookmark.objects.all().delete()
        for n in range(size):
            question = make_question(bob, title=f"Saved question {n:03d}")
            services.bookmark_set(alice, saved=True, question=question)
            if n % 2:
                services.bookmark_set(alice, saved=True, answer=make_answer(question, bob))
        with CaptureQueriesContext(connection) as ctx:
            html = alice_client.get(reverse("notifications:bookmarks")).content.decode()
        counts.append(len(ctx.captured_queries))
        assert html.count('class="saved-item"') == BOOKMARKS_PAGE_SIZE
    assert counts[0] == counts[1]
    # Walk every page: each bookmark once, newest first.
    seen: list[str] = []
    url = reverse("notifications:bookmarks")
    while url:
        html = alice_client.get(url).content.decode()
        seen += re.findall(r'id="saved-(\d+)"', html)
        match = re.search(r'href="(\?after=[^"]+)"', html)
        url = reverse("notifications:bookmarks") + match[1] if match else ""
    expected = [str(pk) for pk in Bookmark.objects.filter(user=alice).values_list("pk", flat=True)]
    assert seen == expected


def test_the_header_links_to_the_saved_page_for_members_only(alice_client: Client) -> None:
    saved = f'href="{reverse("notifications:bookmarks")}"'
    assert saved in alice_client.get(reverse("home")).content.decode()
    assert saved not in Client().get(reverse("home")).content.decode()


def test_question_page_costs_one_query_for_the_readers_follow_and_saved_state(
    alice: User, bob: User, charlie: User, charlie_client: Client, question: Question
) -> None:
    """Whatever the reader saved on the page, their follow and saved state is one query."""
    answers = [make_answer(question, make_member()) for _ in range(5)]
    url = question.get_absolute_url()
    charlie_client.get(url)

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            charlie_client.get(url, HTTP_USER_AGENT="Mozilla/5.0")
        return sum("notifications_" in q["sql"] for q in ctx.captured_queries)

    assert count() == 1 + 1  # the bell's count, and the page's state
    for answer in answers:
        services.bookmark_set(charlie, saved=True, answer=answer)
    services.bookmark_set(charlie, saved=True, question=question)
    services.watch_automatically(charlie.pk, question.pk)
    assert count() == 2
