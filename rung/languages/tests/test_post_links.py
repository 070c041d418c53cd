"""Glossary links worked out as posts are written and applied from what was stored."""

import json
import re
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from rung.accounts.models import User
from rung.core.markdown import render_markdown
from rung.languages.glossary import TERMS, linking
from rung.languages.glossary.linking import (
    glossary_links,
    glossary_links_key,
    link_glossary_terms,
    link_glossary_terms_stored,
)
from rung.qa import services
from rung.qa.models import Answer, Question
from rung.testing import make_answer, make_question
from rung.testing.corpora import commonmark_examples, naughty_strings

ANSWER = (
    "Before your **promotion** packet goes in, ask for a calibration preview. "
    "Tie each OKR to impact, and say what you did as tech lead.\n\n"
    "晋升之前，先和经理对齐绩效评估的标准。`promotion` in code stays plain."
)
READER_LANGUAGES = ("en", "zh-hans")


def _bodies() -> list[str]:
    """Post HTML as the sanitizer writes it, from hostile and ordinary Markdown alike."""
    # Every term, in both languages, in text, emphasis, a list, a link and code.
    mentions = [
        f"Our *{term.en}* talk ({term.zh}) went well.\n\n- {term.en.upper()} again, "
        f"[{term.en}](/x) and `{term.en}`: {term.zh}!"
        for term in TERMS
    ]
    texts = [ANSWER, *mentions, *commonmark_examples(), *naughty_strings()[:300]]
    return [render_markdown(text) for text in texts]


def test_stored_links_give_exactly_what_linking_as_read_gives() -> None:
    linked_somewhere = 0
    for html in _bodies():
        record = glossary_links(html)
        # Where the terms are, not the links: a few dozen bytes a term, in both languages.
        mentions = sum(len(run[2]) for run in record["runs"] or ())
        assert len(json.dumps(record)) < 120 + 40 * mentions
        for language in READER_LANGUAGES:
            expected = link_glossary_terms(html, language=language)
            assert link_glossary_terms_stored(html, record, language=language) == expected
            linked_somewhere += expected != html
    # The comparison means something only if many bodies gained links.
    assert linked_somewhere > 2 * len(TERMS)


def test_a_record_made_for_other_html_or_another_glossary_is_not_applied() -> None:
    html = render_markdown(ANSWER)
    record = glossary_links(html)
    edited = render_markdown(ANSWER.replace("Before your", "Long before your"))
    assert link_glossary_terms_stored(edited, record, language="en") == link_glossary_terms(
        edited, language="en"
    )
    stale = {**record, "key": "another glossary"}
    assert link_glossary_terms_stored(html, stale, language="en") == link_glossary_terms(
        html, language="en"
    )
    unreadable = {**record, "runs": None}
    assert link_glossary_terms_stored(html, unreadable, language="zh-hans") == (
        link_glossary_terms(html, language="zh-hans")
    )
    nothings: tuple[object, ...] = ({}, None, "text")
    for nothing in nothings:
        assert link_glossary_terms_stored(html, nothing, language="en") == link_glossary_terms(
            html, language="en"
        )


def _no_nonce(page: str) -> str:
    return re.sub(r'nonce="[^"]*"', "", page)


def _matcher_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: Any, **kwargs: Any) -> str:
        raise AssertionError("the page linked a post as it was read")

    monkeypatch.setattr(linking._MATCHER, "link", fail)


@pytest.mark.django_db
def test_posts_are_linked_as_they_are_written_and_pages_apply_it(
    alice: User, bob: User, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = make_question(alice, body=ANSWER)
    answer = make_answer(question, bob, body=ANSWER)
    reply = make_answer(question, alice, body="My calibration went well.", parent=answer)
    for post in (question, answer, reply):
        post.refresh_from_db()
        assert post.body_links["key"] == glossary_links_key()
    pages = {}
    for language in READER_LANGUAGES:
        with translation.override(language):
            pages[language] = client.get(
                question.get_absolute_url(), headers={"accept-language": language}
            )
    _matcher_fails(monkeypatch)
    for language in READER_LANGUAGES:
        cache.clear()
        with translation.override(language):
            page = client.get(question.get_absolute_url(), headers={"accept-language": language})
        assert page.status_code == 200
        text = page.content.decode()
        assert _no_nonce(text) == _no_nonce(pages[language].content.decode())
        for post_id in (f"question-{question.pk}", f"answer-{answer.pk}", f"reply-{reply.pk}"):
            body = text.split(f'id="post-body-{post_id}"', 1)[1].split("</div>", 1)[0]
            assert 'class="glossary-term"' in body, (language, post_id)


@pytest.mark.django_db
def test_an_edit_stores_links_for_the_new_words(alice: User, bob: User) -> None:
    question = make_question(alice)
    answer = make_answer(question, bob, body="Nothing to link here.")
    answer.refresh_from_db()
    assert answer.body_links["runs"] == []
    services.answer_edit(answer=answer, editor=bob, body="My promotion came after calibration.")
    answer.refresh_from_db()
    assert answer.body_links["body"] == glossary_links(answer.body_html)["body"]
    slugs = [
        slug for _start, _end, mentions in answer.body_links["runs"] for *_at, slug in mentions
    ]
    assert slugs == ["promotion", "calibration"]


@pytest.mark.django_db
def test_the_command_stores_links_that_are_missing_or_stale(alice: User, bob: User) -> None:
    question = make_question(alice, body=ANSWER)
    fresh = make_answer(question, bob, body=ANSWER)
    stale = make_answer(question, bob, body="A calibration story.")
    missing = make_answer(question, bob, body="A promotion story.")
    Answer.objects.filter(pk=stale.pk).update(body_links={"key": "an older glossary"})
    Answer.objects.filter(pk=missing.pk).update(body_links={})
    before = Answer.objects.get(pk=fresh.pk).body_links
    call_command("glossary_links", verbosity=0)
    for post in (fresh, stale, missing):
        post.refresh_from_db()
        assert post.body_links == glossary_links(post.body_html)
    assert Answer.objects.get(pk=fresh.pk).body_links == before
    # With --all, every post's record is written again, questions too.
    Question.objects.filter(pk=question.pk).update(body_links={})
    call_command("glossary_links", "--all", verbosity=0)
    question.refresh_from_db()
    assert question.body_links == glossary_links(question.body_html)
