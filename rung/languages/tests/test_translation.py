"""Translating a post: the view end to end against a local LibreTranslate, the cache, access."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache, caches
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.languages import services
from rung.languages.models import Translation
from rung.languages.providers import TranslationUnavailable
from rung.languages.tests.fake_services import FakeService, fake_service, refused_url
from rung.qa import services as qa_services
from rung.qa.models import Question
from rung.testing import make_answer, make_card, make_question

pytestmark = pytest.mark.django_db

ZH_TITLE = "如何从中级工程师成长为高级工程师？"
ZH_BODY = (
    "我负责一些小功能，比如 `make lint`。\n\n- 我应该先改变什么？\n- 怎样展示主人翁意识？\n\n"
    "```sh\nmake test\n```\n"
)
HTMX = {"HX-Request": "true"}
ZH_UI = {"Accept-Language": "zh-Hans"}


@pytest.fixture
def zh_question(alice: User) -> Question:
    return make_question(alice, title=ZH_TITLE, body=ZH_BODY, language="zh-hans")


def url(kind: str, pk: int, to: str | None = "en") -> str:
    address = reverse("languages:translate", args=[kind, pk])
    return f"{address}?to={to}" if to else address


def edit_question(question: Question, editor: User, body: str) -> None:
    qa_services.question_edit(
        question=question,
        editor=editor,
        title=question.title,
        body=body,
        topics=list(question.topics.all()),
        card=make_card(),
        is_anonymous=question.is_anonymous,
    )


# --- the button ----------------------------------------------------------------------------


def test_question_page_offers_translate_buttons_and_translates_nothing_on_load(
    libretranslate: FakeService, zh_question: Question, bob: User, client: Client
) -> None:
    answer = make_answer(zh_question, bob, body="Own one system end to end, then write it up.")
    zh_answer = make_answer(zh_question, bob, body="先负责一个系统，然后写设计文档。")
    page = client.get(zh_question.get_absolute_url()).content.decode()
    assert f'id="post-body-question-{zh_question.pk}"' in page
    assert f'hx-get="{url("question", zh_question.pk)}"' in page
    assert f'hx-target="#post-body-question-{zh_question.pk}"' in page
    assert f'id="translate-answer-{zh_answer.pk}"' in page
    # An English answer needs no translation for an English reader.
    assert f'id="translate-answer-{answer.pk}"' not in page
    assert libretranslate.calls == 0

    chinese_page = client.get(zh_question.get_absolute_url(), headers=ZH_UI).content.decode()
    assert f'id="translate-answer-{answer.pk}"' in chinese_page
    assert url("answer", answer.pk, "zh-hans") in chinese_page
    assert f'id="translate-question-{zh_question.pk}"' not in chinese_page
    assert libretranslate.calls == 0


def test_replies_get_their_own_button(
    libretranslate: FakeService, zh_question: Question, bob: User, charlie: User, client: Client
) -> None:
    answer = make_answer(zh_question, bob, body="Own one system end to end.")
    reply = make_answer(zh_question, charlie, body="谢谢，这很有帮助！", parent=answer)
    page = client.get(zh_question.get_absolute_url()).content.decode()
    assert f'id="post-body-reply-{reply.pk}"' in page
    assert url("reply", reply.pk) in page


def test_without_a_provider_no_button_and_the_address_is_404(
    settings: Any, zh_question: Question, client: Client
) -> None:
    settings.RUNG_TRANSLATION_PROVIDER = "none"
    page = client.get(zh_question.get_absolute_url()).content.decode()
    assert "translate-question" not in page and "/translate/" not in page
    assert client.get(url("question", zh_question.pk), headers=HTMX).status_code == 404


def test_the_button_is_the_same_for_every_viewer(
    libretranslate: FakeService, zh_question: Question, bob: User, alice_client: Client
) -> None:
    """Cached fragments are shared, so the button must not depend on who looks."""
    visitor = Client().get(zh_question.get_absolute_url()).content.decode()
    member = alice_client.get(zh_question.get_absolute_url()).content.decode()
    button = f'<span class="translate-control" id="translate-question-{zh_question.pk}">'
    assert button in visitor and button in member


# --- translating ---------------------------------------------------------------------------


def test_htmx_translation_returns_the_fragment_and_is_cached(
    libretranslate: FakeService, zh_question: Question, client: Client
) -> None:
    response = client.get(url("question", zh_question.pk), headers=HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<div class="prose body" id="post-body-question-{zh_question.pk}" lang="en">' in html
    assert '<p class="translated-title"><strong>TRANSLATED？</strong></p>' in html
    assert "<li>TRANSLATED？</li>" in html or "<li>TRANSLATED?</li>" in html
    # Code is never translated.
    assert "<code>make lint</code>" in html and "make test" in html and "MAKE" not in html
    assert 'hx-swap-oob="true"' in html and "Show original" in html
    assert "LibreTranslate" in html
    requests_made = libretranslate.calls
    assert requests_made == 2  # title and body

    again = client.get(url("question", zh_question.pk), headers=HTMX)
    assert again.content == response.content
    assert libretranslate.calls == requests_made  # served from the cache
    row = Translation.objects.get()
    assert (row.kind, row.object_id, row.source_language, row.target_language) == (
        "question",
        zh_question.pk,
        "zh-hans",
        "en",
    )
    assert row.provider == "libretranslate" and row.revision.question_id == zh_question.pk


def test_without_javascript_the_translation_is_a_page(
    libretranslate: FakeService, zh_question: Question, client: Client
) -> None:
    response = client.get(url("question", zh_question.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" in html and "TRANSLATED" in html
    assert f'href="{zh_question.get_absolute_url()}"' in html
    assert 'name="robots" content="noindex"' in html


def test_to_defaults_to_the_interface_language(
    libretranslate: FakeService, bob: User, question: Question, client: Client
) -> None:
    answer = make_answer(question, bob, body="Own one system end to end.")
    response = client.get(url("answer", answer.pk, to=None), headers={**HTMX, **ZH_UI})
    assert response.status_code == 200
    assert "OWN ONE SYSTEM END TO END." in response.content.decode()
    assert libretranslate.requests[0]["json"]["target"] == "zh"


def test_show_original_swaps_back_without_calling_the_provider(
    libretranslate: FakeService, zh_question: Question, client: Client
) -> None:
    client.get(url("question", zh_question.pk), headers=HTMX)
    calls = libretranslate.calls
    original = reverse("languages:translate", args=["question", zh_question.pk]) + "?show=original"
    response = client.get(original, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "我应该先改变什么" in html and 'lang="zh-hans"' in html
    assert "Translate" in html and "Show original" not in html
    assert libretranslate.calls == calls
    # Without JavaScript, "Show original" is the post's own page.
    plain = client.get(original)
    assert plain.status_code == 302 and plain["Location"] == zh_question.get_absolute_url()


def test_an_edit_makes_the_next_request_translate_the_new_text(
    libretranslate: FakeService, zh_question: Question, alice: User, client: Client
) -> None:
    client.get(url("question", zh_question.pk), headers=HTMX)
    calls = libretranslate.calls
    edit_question(zh_question, alice, "我改写了问题：现在只负责一个小模块。")
    response = client.get(url("question", zh_question.pk), headers=HTMX)
    assert libretranslate.calls == calls + 2
    assert "TRANSLATED：TRANSLATED。" in response.content.decode() or "TRANSLATED" in (
        response.content.decode()
    )
    assert Translation.objects.count() == 2
    assert services.translation_prune() == 1
    assert Translation.objects.get().revision.body.startswith("我改写了问题")


def test_an_answer_edit_invalidates_its_translation(
    libretranslate: FakeService, question: Question, bob: User, client: Client
) -> None:
    answer = make_answer(question, bob, body="先负责一个系统。")
    client.get(url("answer", answer.pk), headers=HTMX)
    qa_services.answer_edit(answer=answer, editor=bob, body="先写设计文档。")
    client.get(url("answer", answer.pk), headers=HTMX)
    assert libretranslate.calls == 2
    assert Translation.objects.filter(kind="answer", object_id=answer.pk).count() == 2


def test_a_corrected_language_is_translated_afresh(
    libretranslate: FakeService, zh_question: Question, alice: User, client: Client
) -> None:
    client.get(url("question", zh_question.pk, to="en"), headers=HTMX)
    calls = libretranslate.calls
    Question.objects.filter(pk=zh_question.pk).update(language="en")
    assert client.get(url("question", zh_question.pk, to="en"), headers=HTMX).status_code == 400
    Question.objects.filter(pk=zh_question.pk).update(language="zh-hans")
    client.get(url("question", zh_question.pk, to="en"), headers=HTMX)
    assert libretranslate.calls == calls  # same revision, same source: still cached


@pytest.mark.parametrize(
    "mode", ["slow", "server_error", "rate_limited", "malformed", "drop_placeholder"]
)
def test_provider_failure_is_a_polite_notice_and_nothing_is_cached(
    libretranslate: FakeService, zh_question: Question, client: Client, mode: str
) -> None:
    libretranslate.mode, libretranslate.retry_after = mode, "1"
    response = client.get(url("question", zh_question.pk), headers=HTMX)
    assert response.status_code == 200
    assert response["HX-Reswap"] == "none"
    html = response.content.decode()
    assert "Translation unavailable, try again later." in html
    assert 'hx-swap-oob="true"' in html and "Try again" in html
    assert not Translation.objects.exists()

    page = client.get(url("question", zh_question.pk))
    assert page.status_code == 503
    assert "Translation unavailable, try again later." in page.content.decode()
    assert not Translation.objects.exists()


def test_connection_refused_is_a_polite_notice(
    settings: Any, zh_question: Question, client: Client
) -> None:
    settings.RUNG_TRANSLATION_PROVIDER = "libretranslate"
    settings.RUNG_LIBRETRANSLATE_URL = refused_url()
    assert client.get(url("question", zh_question.pk)).status_code == 503


def test_after_a_429_readers_wait_as_the_service_asked(
    libretranslate: FakeService, zh_question: Question, client: Client
) -> None:
    libretranslate.mode, libretranslate.retry_after = "rate_limited", "120"
    client.get(url("question", zh_question.pk), headers=HTMX)
    assert libretranslate.calls == 1
    libretranslate.mode = "ok"
    response = client.get(url("question", zh_question.pk), headers=HTMX)
    assert "Translation unavailable" in response.content.decode()
    assert libretranslate.calls == 1  # the cooldown spared the service
    cache.clear()
    assert (
        "Show original"
        in client.get(url("question", zh_question.pk), headers=HTMX).content.decode()
    )


def test_a_reader_who_translates_too_much_is_slowed_down(
    libretranslate: FakeService, settings: Any, alice: User, bob: User, client: Client
) -> None:
    settings.RUNG_TRANSLATION_RATE_LIMIT = 2
    questions = [
        make_question(alice, title=f"问题{n}", body=f"内容{n}", language="zh-hans")
        for n in range(3)
    ]
    for question in questions[:2]:
        assert client.get(url("question", question.pk)).status_code == 200
        # The count is kept where every worker sees it, not in this process's memory.
        caches["default"].clear()
    refused = client.get(url("question", questions[2].pk))
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert "many posts" in refused.content.decode()
    # Cached translations stay free.
    assert client.get(url("question", questions[0].pk)).status_code == 200


def test_translated_html_is_sanitised_like_posts(
    libretranslate: FakeService, zh_question: Question, client: Client
) -> None:
    libretranslate.mode = "custom"
    libretranslate.custom = (
        b'{"translatedText": ["<script>alert(1)</script><img src=x onerror=alert(2)> '
        b'[x](javascript:alert(3))"]}'
    )
    question = make_question(
        zh_question.author, title="安全", body="安全第一。", language="zh-hans"
    )
    question_title_only = client.get(url("question", question.pk), headers=HTMX)
    html = question_title_only.content.decode()
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html


def test_the_fragment_is_in_the_interface_language(
    libretranslate: FakeService, bob: User, question: Question, client: Client
) -> None:
    answer = make_answer(question, bob, body="Own one system end to end.")
    html = client.get(
        url("answer", answer.pk, "zh-hans"), headers={**HTMX, **ZH_UI}
    ).content.decode()
    assert 'lang="zh-hans"' in html


# --- access and bad input ------------------------------------------------------------------


def test_hidden_posts_are_404_like_their_pages(
    libretranslate: FakeService, zh_question: Question, alice: User, bob: User, client: Client
) -> None:
    answer = make_answer(zh_question, bob, body="先负责一个系统。")
    reply = make_answer(zh_question, alice, body="谢谢！这很有帮助。", parent=answer)
    qa_services.answer_delete(answer=reply, actor=alice)
    assert client.get(url("reply", reply.pk)).status_code == 404
    qa_services.question_delete(question=zh_question, actor=alice)
    assert client.get(url("question", zh_question.pk)).status_code == 404
    # An answer on a deleted question is gone with it.
    assert client.get(url("answer", answer.pk)).status_code == 404
    assert client.get(url("question", 999_999)).status_code == 404
    assert libretranslate.calls == 0


def test_a_reply_under_a_deleted_answer_is_hidden_with_its_thread(
    libretranslate: FakeService, zh_question: Question, alice: User, bob: User, client: Client
) -> None:
    answer = make_answer(zh_question, bob, body="先负责一个系统。")
    reply = make_answer(zh_question, alice, body="谢谢！这很有帮助。", parent=answer)
    assert client.get(url("reply", reply.pk)).status_code == 200
    qa_services.answer_delete(answer=answer, actor=bob)
    assert client.get(url("reply", reply.pk)).status_code == 404
    assert client.get(url("reply", reply.pk) + "&show=original").status_code == 404


def test_kind_must_match_the_post(
    libretranslate: FakeService, zh_question: Question, bob: User, client: Client
) -> None:
    answer = make_answer(zh_question, bob, body="先负责一个系统。")
    reply = make_answer(zh_question, bob, body="还有，写下来。", parent=answer)
    assert client.get(url("reply", answer.pk)).status_code == 404
    assert client.get(url("answer", reply.pk)).status_code == 404


@pytest.mark.parametrize(
    ("kind", "to", "message"),
    [
        ("comment", "en", "Only questions, answers and replies can be translated."),
        ("question", "fr", "Choose English or Chinese to translate into."),
        ("question", "zh-hans", "This post is already in that language."),
        ("question", "<script>", "Choose English or Chinese"),
    ],
)
def test_bad_input_is_a_clear_400(
    libretranslate: FakeService,
    zh_question: Question,
    client: Client,
    kind: str,
    to: str,
    message: str,
) -> None:
    address = reverse("languages:translate", args=[kind, zh_question.pk]) + f"?to={to}"
    for extra in ({}, HTMX):
        response = client.get(address, headers=extra)
        assert response.status_code == 400
        assert message in response.content.decode()
        assert "<script>" not in response.content.decode()
    assert libretranslate.calls == 0


def test_a_post_of_unknown_language_cannot_be_translated(
    libretranslate: FakeService, zh_question: Question, client: Client
) -> None:
    Question.objects.filter(pk=zh_question.pk).update(language="")
    response = client.get(url("question", zh_question.pk))
    assert response.status_code == 400
    assert "The language of this post is not known" in response.content.decode()


def test_only_get_is_allowed(
    libretranslate: FakeService, zh_question: Question, alice_client: Client
) -> None:
    assert alice_client.post(url("question", zh_question.pk)).status_code == 405


def test_anonymous_questions_stay_anonymous(
    libretranslate: FakeService, alice: User, client: Client
) -> None:
    question = make_question(
        alice, title=ZH_TITLE, body=ZH_BODY, language="zh-hans", is_anonymous=True
    )
    for extra in ({}, HTMX):
        html = client.get(url("question", question.pk), headers=extra).content.decode()
        assert "Alice" not in html and "alice" not in html


# --- the service ---------------------------------------------------------------------------


def test_service_refuses_when_the_provider_fails_and_stores_nothing(
    settings: Any, zh_question: Question
) -> None:
    settings.RUNG_TRANSLATION_PROVIDER = "libretranslate"
    settings.RUNG_LIBRETRANSLATE_URL = refused_url()
    with pytest.raises(TranslationUnavailable):
        services.translation_for_post(post=zh_question, target="en")
    assert not Translation.objects.exists()


def test_posts_without_revisions_are_translated_but_not_cached(
    libretranslate: FakeService, zh_question: Question
) -> None:
    zh_question.revisions.all().delete()
    first = services.translation_for_post(post=zh_question, target="en")
    assert first.pk is None and "TRANSLATED" in first.body_html
    services.translation_for_post(post=zh_question, target="en")
    assert libretranslate.calls == 4 and not Translation.objects.exists()


def test_deleting_a_member_deletes_translations_of_their_posts(
    libretranslate: FakeService, zh_question: Question
) -> None:
    services.translation_for_post(post=zh_question, target="en")
    assert Translation.objects.count() == 1
    zh_question.author.delete()
    assert not Translation.objects.exists()


def test_prune_drops_translations_of_deleted_posts_and_old_ones(
    libretranslate: FakeService, zh_question: Question, bob: User
) -> None:
    answer = make_answer(zh_question, bob, body="先负责一个系统。")
    services.translation_for_post(post=zh_question, target="en")
    services.translation_for_post(post=answer, target="en")
    assert services.translation_prune() == 0
    qa_services.answer_delete(answer=answer, actor=bob)
    assert services.translation_prune() == 1
    Translation.objects.update(created_at=Translation.objects.get().created_at - timedelta(days=40))
    assert services.translation_prune(older_than=timedelta(days=30)) == 1
    assert not Translation.objects.exists()


def test_a_reader_who_missed_the_cache_during_a_race_gets_the_one_row(
    libretranslate: FakeService, zh_question: Question, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two readers translating at once store one row, and neither gets an error."""
    first = services.translation_for_post(post=zh_question, target="en")
    # The second reader looked before the first one stored its row.
    monkeypatch.setattr(services.selectors, "translation_cached", lambda *a, **k: None)
    second = services.translation_for_post(post=zh_question, target="en")
    assert second.pk == first.pk and Translation.objects.count() == 1


def test_an_openai_compatible_endpoint_works_end_to_end(
    settings: Any, zh_question: Question, client: Client
) -> None:
    with fake_service() as service:
        settings.RUNG_TRANSLATION_PROVIDER = "openai"
        settings.RUNG_OPENAI_BASE_URL = f"{service.url}/v1"
        settings.RUNG_OPENAI_MODEL = "qwen2.5:7b"
        response = client.get(url("question", zh_question.pk), headers=HTMX)
        assert service.calls == 2
    html = response.content.decode()
    assert response.status_code == 200 and "qwen2.5:7b" in html
    assert "<li>TRANSLATED？</li>" in html and "<code>make lint</code>" in html
    assert Translation.objects.get().provider == "openai:qwen2.5:7b"


def test_a_post_of_unknown_language_gets_no_button(
    libretranslate: FakeService, alice: User, client: Client
) -> None:
    question = make_question(alice, title="+1", body="+1", language="")
    assert Question.objects.get(pk=question.pk).language == ""
    page = client.get(question.get_absolute_url()).content.decode()
    assert f"translate-question-{question.pk}" not in page


def test_a_held_or_hidden_post_is_not_translated_for_those_who_may_not_read_it(
    libretranslate: FakeService,
    zh_question: Question,
    alice: User,
    bob: User,
    mod: User,
    alice_client: Client,
    bob_client: Client,
    mod_client: Client,
) -> None:
    from rung.qa.models import Visibility
    from rung.qa.moderation_services import post_visibility_set

    visitor = Client()  # alice_client is the `client` fixture, logged in
    answer = make_answer(zh_question, bob, body="先负责一个系统，然后写设计文档。")
    post_visibility_set(post=zh_question, visibility=Visibility.HELD, actor=alice)
    post_visibility_set(post=answer, visibility=Visibility.HIDDEN, actor=mod)
    for reader in (visitor, bob_client):
        assert reader.get(url("question", zh_question.pk), headers=HTMX).status_code == 404
    assert visitor.get(url("answer", answer.pk), headers=HTMX).status_code == 404
    assert libretranslate.calls == 0
    # Its author and the moderators read it, so they may translate it.
    assert alice_client.get(url("question", zh_question.pk), headers=HTMX).status_code == 200
    assert mod_client.get(url("answer", answer.pk), headers=HTMX).status_code == 200
