"""The question page members with nothing of their own on it share.

Such a member reads a copy kept under the question's version, with their own parts filled
in for each response. It must be the page they would get rendered for them alone, and
never carry another member's state.
"""

import difflib
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import translation
from django.utils.safestring import SafeString

from rung.accounts.models import User
from rung.notifications import services as follows
from rung.notifications.models import WatchLevel
from rung.qa import moderation_services, outcomes, services
from rung.qa.models import OutcomeKind, Question
from rung.qa.views import question as question_views
from rung.testing import make_answer, make_member, make_question

pytestmark = pytest.mark.django_db


def login(client: Client, member: User) -> Client:
    client.force_login(member)
    return client


# What differs between two responses of the same page: tokens, the nonce, the signed time.
_PER_RESPONSE = [
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"'), 'name="csrfmiddlewaretoken"'),
    (re.compile(r'"X-CSRFToken": "[^"]+"'), '"X-CSRFToken"'),
    (re.compile(r'name="submit_token" value="[0-9a-f]{32}"'), 'name="submit_token"'),
    (re.compile(r'name="started" value="[^"]+"'), 'name="started"'),
    (re.compile(r'nonce="[^"]+"'), "nonce"),
]


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for pattern, fixed in _PER_RESPONSE:
        html = pattern.sub(fixed, html)
    return html


def _thread(question: Question, bob: User, charlie: User) -> None:
    first = make_answer(question, bob, body="Write the design doc **before** the code.")
    make_answer(question, charlie, body="Ask your manager what *senior* means here.")
    for n in range(4):
        make_answer(question, bob, parent=first, body=f"Reply {n}: agreed <3 & more")
    outcomes.outcome_post(
        question=question,
        member=question.author,
        kind=OutcomeKind.PROMOTED,
        note="It worked: promoted in the spring cycle.",
        helped_answer_ids=[first.pk],
    )


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("query", ["", "?sort=newest"])
def test_the_shared_copy_is_the_page_rendered_for_the_reader_alone(
    question: Question,
    bob: User,
    charlie: User,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    query: str,
) -> None:
    _thread(question, bob, charlie)
    url = question.get_absolute_url() + query
    dana, erin = make_member("dana"), make_member("erin")
    follows.follow_set(erin, level=WatchLevel.WATCHING, question=question)
    readers = {member: login(Client(), member) for member in (dana, erin)}
    for client in readers.values():
        client.cookies["django_language"] = language
    served: list[object] = []
    shared_main = question_views._question_shared_main

    def counted(*args: Any) -> SafeString:
        served.append(args)
        return shared_main(*args)

    monkeypatch.setattr(question_views, "_question_shared_main", counted)
    # Dana's read keeps the copy; Erin's, and Dana's again, are served from it.
    shared = {member.username: _page(readers[member], url) for member in (dana, erin, dana)}
    assert len(served) == 3
    monkeypatch.setattr(question_views, "_reads_shared_copy", lambda *args: False)
    alone = {member.username: _page(client, url) for member, client in readers.items()}
    assert shared == alone, _debug_diff(shared["dana"], alone["dana"])
    with translation.override(language):
        assert f'<html lang="{translation.get_language()}">' in shared["dana"]
    # Each page is its reader's own: their name, their watch control.
    assert ">Erin</a>" in shared["erin"] and ">Erin</a>" not in shared["dana"]
    assert 'value="muted" aria-pressed="true"' in shared["erin"]
    assert 'value="muted" aria-pressed="true"' not in shared["dana"]
    assert "promoted in the spring cycle" in shared["dana"]


def test_what_the_question_version_does_not_cover_is_read_for_each_response(
    question: Question, bob: User, alice: User
) -> None:
    """The view count and the closed notice are not under the question's version."""
    original = make_question(alice, title="How do I show ownership of a system?")
    make_answer(question, bob)
    moderation_services.question_close_as_duplicate(
        question=question, duplicate_of=original, actor=make_member("mo", is_staff=True)
    )
    reader = login(Client(), make_member("dana"))
    url = question.get_absolute_url()
    page = _page(reader, url)
    assert "How do I show ownership of a system?" in page
    Question.objects.filter(pk=question.pk).update(view_count=4321)
    Question.objects.filter(pk=original.pk).update(title="Owning a system, step by step")
    page = _page(reader, url)
    assert "4,321 views" in page
    assert "Owning a system, step by step" in page


def test_members_with_their_own_state_on_the_question_get_pages_of_their_own(
    question: Question, alice: User, bob: User
) -> None:
    answer = make_answer(question, bob)
    plain, liker = make_member("plain"), make_member("liker")
    services.like_toggle(user=liker, target=question)
    url = question.get_absolute_url()
    # The shared copy is kept first, then each member with state of their own reads.
    plain_page = _page(login(Client(), plain), url)
    liker_page = _page(login(Client(), liker), url)
    asker_page = _page(login(Client(), alice), url)
    answerer_page = _page(login(Client(), bob), url)
    edit_question = f"/questions/{question.pk}/edit/"
    edit_answer = f"/answers/{answer.pk}/edit/"
    assert 'aria-pressed="true"' in liker_page
    assert 'aria-pressed="true"' not in plain_page
    assert edit_question in asker_page and edit_question not in plain_page
    assert edit_answer in answerer_page and edit_answer not in plain_page
    assert 'aria-pressed="true"' not in _page(login(Client(), plain), url)


def _debug_diff(a: str, b: str) -> str:
    return "\n".join(difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=1))
