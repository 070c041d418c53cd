"""The "no language barrier" story in a real headless Chromium, against a live server.

A member switches the interface to Chinese and asks in Chinese; another member, reading in
English, finds the question by an English search, translates it through a local
LibreTranslate-protocol server and answers in English; the asker, still in Chinese, sees
the answer with its language badge and a Translate button. Everything happens through the
UI; the database is only read to confirm the outcome.
"""

import re
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation
from django.utils.translation import gettext

from rung.accounts.models import User
from rung.languages.models import Translation
from rung.languages.tests import fake_services
from rung.qa.models import Answer, Question, Topic
from rung.testing.browser import Watch, sign_up

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VIEWPORT = {"width": 1280, "height": 900}

TITLE_ZH = "我想从中级工程师晋升到高级，应该先提升哪方面？"
BODY_ZH_LINES = [
    "我做了四年后端开发，能按时交付功能，但很少负责整个系统。",
    "经理说我需要展示更多的主人翁意识和影响力。我应该先从哪里开始？",
]
BODY_ZH = "\n\n".join(BODY_ZH_LINES)
# What the stand-in translator answers for each line it knows; anything else gets the
# shared fake's deterministic treatment.
ENGLISH_FOR = {
    TITLE_ZH: (
        "I want to be promoted from mid-level engineer to senior: what should I improve first?"
    ),
    BODY_ZH_LINES[0]: (
        "I have done backend development for four years and ship features on time, "
        "but I rarely own a whole system."
    ),
    BODY_ZH_LINES[1]: (
        "My manager says I need to show more ownership and impact. Where should I start?"
    ),
}
# Found by meaning alone (no word is shared). The vectors put this about 0.48 from the
# question, well over the search's 0.35 floor; "promotion from mid-level to senior" lands
# at 0.34, just under it.
SEARCH_EN = "how to get promoted to senior engineer"
ANSWER_EN = (
    "Pick one system that nobody owns and make it yours: write its runbook, join its "
    "on-call rotation and publish a short roadmap. After two quarters your manager will "
    "see the ownership they asked for."
)


INTERFACE = (
    "Ask a question",
    "Log out",
    "My growth",
    "Levels",
    "Search questions and videos",
    "Post your question",
    "Your answer",
    "Translate",
)


def chinese_interface() -> dict[str, str]:
    """Return the catalogue's Chinese for the story's interface strings, all of them translated."""
    with translation.override("zh-hans"):
        chinese = {message: gettext(message) for message in INTERFACE}
    missing = [message for message, text in chinese.items() if text == message]
    assert missing == [], f"no Chinese in the catalogue for {missing}"
    return chinese


# Kept before the test swaps the module's function for _known_translation below.
_generic_translation = fake_services.fake_translate


def _known_translation(text: str) -> str:
    """Translate the story's lines to fixed English, as a real service would."""
    stripped = text.strip()
    if stripped in ENGLISH_FOR:
        return text.replace(stripped, ENGLISH_FOR[stripped])
    return _generic_translation(text)


def test_chinese_question_english_answer_story(
    live_server: Any,
    chromium: Any,
    settings: Any,
    monkeypatch: pytest.MonkeyPatch,
    test_output: Path,
) -> None:
    from playwright.sync_api import expect

    base = live_server.url
    watch = Watch()
    # Read up front so a missing translation fails before the browser starts.
    ui = chinese_interface()
    # Read before the browser starts: on SQLite the test and the server share a connection.
    mid_level = Topic.objects.get(slug="mid-level")
    monkeypatch.setattr(fake_services, "fake_translate", _known_translation)

    with fake_services.fake_service() as service:
        settings.RUNG_TRANSLATION_PROVIDER = "libretranslate"
        settings.RUNG_LIBRETRANSLATE_URL = service.url

        # 1. Wei signs up in an English browser and switches the interface to Chinese.
        wei_context = watch.attach(chromium.new_context(locale="en-US", viewport=VIEWPORT))
        wei = wei_context.new_page()
        sign_up(wei, base, "wei")
        html = wei.locator("html")
        expect(html).to_have_attribute("lang", "en")
        header = wei.locator("header.site-header")
        switcher = header.locator("form.lang-switch")
        switcher.locator("button[value='zh-hans']").click()
        wei.wait_for_url(f"{base}/members/me/edit/")
        expect(html).to_have_attribute("lang", "zh-hans")
        expect(switcher.locator("button[value='zh-hans']")).to_have_attribute(
            "aria-current", "true"
        )
        expect(header.locator("a[href='/ask/']")).to_have_text(ui["Ask a question"])
        expect(header.locator("a[href='/levels/']")).to_have_text(ui["Levels"])
        expect(header.locator("a[href='/growth/']")).to_have_text(ui["My growth"])
        expect(header.get_by_role("button", name=ui["Log out"])).to_be_visible()
        expect(header.locator("#nav-q")).to_have_attribute(
            "placeholder", ui["Search questions and videos"]
        )

        # 2. She asks in Chinese; the form's ids do not depend on the interface language.
        wei.goto(f"{base}/ask/")
        expect(html).to_have_attribute("lang", "zh-hans")
        expect(wei.locator("main h1")).to_have_text(ui["Ask a question"])
        form = wei.locator("form.ask-form")
        form.locator("#id_title").fill(TITLE_ZH)
        form.locator("#id_body").fill(BODY_ZH)
        form.locator(f"input[name='topics'][value='{mid_level.pk}']").check()
        submit = form.locator("button[type=submit]")
        expect(submit).to_have_text(ui["Post your question"])
        submit.click()
        wei.wait_for_url(re.compile(r"/questions/\d+/$"))
        question_url = wei.url
        question_id = int(question_url.rstrip("/").rsplit("/", 1)[1])
        expect(wei.locator("#question h1")).to_have_text(TITLE_ZH)
        # The asker reads her own language: no language badge, nothing to translate.
        expect(wei.locator("#question .post-meta .lang-badge")).to_have_count(0)
        expect(wei.locator(f"#translate-question-{question_id}")).to_have_count(0)

        # 3. Bob reads in English and finds the question with an English search.
        bob_context = watch.attach(chromium.new_context(locale="en-US", viewport=VIEWPORT))
        bob = bob_context.new_page()
        sign_up(bob, base, "bob")
        expect(bob.locator("html")).to_have_attribute("lang", "en")
        bob.goto(f"{base}/")
        bob.locator("#nav-q").fill(SEARCH_EN)
        bob.locator("#nav-q").press("Enter")
        bob.wait_for_url(re.compile(r"/search/\?q="))
        hit = bob.locator(f"#search-results #hit-{question_id}")
        expect(hit).to_be_visible()
        expect(hit.locator(".card-title")).to_contain_text(TITLE_ZH)
        badge = hit.locator(".lang-badge")
        expect(badge).to_have_attribute("data-lang", "zh-hans")
        expect(badge.locator("[aria-hidden='true']")).to_have_text("中文")

        # 4. He opens it and translates it through the local LibreTranslate.
        hit.get_by_role("link", name=TITLE_ZH).click()
        bob.wait_for_url(question_url)
        body = bob.locator(f"#post-body-question-{question_id}")
        expect(body).to_contain_text(BODY_ZH_LINES[0])
        assert service.calls == 0  # nothing is translated until a reader asks
        control = bob.locator(f"#translate-question-{question_id}")
        control.get_by_role("link", name="Translate").click()
        expect(body).to_have_attribute("lang", "en")
        expect(body.locator(".translated-title")).to_have_text(ENGLISH_FOR[TITLE_ZH])
        expect(body).to_contain_text(ENGLISH_FOR[BODY_ZH_LINES[0]])
        expect(body).to_contain_text(ENGLISH_FOR[BODY_ZH_LINES[1]])
        expect(body).not_to_contain_text(BODY_ZH_LINES[0])
        expect(control).to_contain_text("Machine translation from")
        expect(control).to_contain_text("LibreTranslate")
        sent = [request["json"] for request in service.requests]
        assert sent, "the translation server was never asked"
        assert all(request["path"] == "/translate" for request in service.requests)
        assert {(item["source"], item["target"]) for item in sent} == {("zh", "en")}
        asked = [text for item in sent for text in item["q"]]
        assert TITLE_ZH in asked
        assert all(line in "\n".join(asked) for line in BODY_ZH_LINES)

        control.get_by_role("link", name="Show original").click()
        expect(body).to_contain_text(BODY_ZH_LINES[0])
        expect(body).not_to_contain_text(ENGLISH_FOR[BODY_ZH_LINES[0]])
        expect(control.get_by_role("link", name="Translate")).to_be_visible()

        # 5. He answers in English.
        answer_form = bob.locator("section.answer-form form")
        answer_form.locator("#id_body").fill(ANSWER_EN)
        answer_form.locator("button[type=submit]").click()
        bob.wait_for_url(re.compile(r"#answer-\d+$"))
        answer_id = int(bob.url.rsplit("#answer-", 1)[1])
        expect(bob.locator(f"#answer-{answer_id}")).to_contain_text("runbook")
        watch.assert_clean()
        bob_context.close()

        # 6. Wei, still in Chinese, sees the English answer with a badge and a Translate button.
        wei.reload()
        expect(html).to_have_attribute("lang", "zh-hans")
        expect(wei.locator("section.answer-form h2")).to_have_text(ui["Your answer"])
        answer = wei.locator(f"#answer-{answer_id}")
        expect(answer.locator(f"#post-body-answer-{answer_id}")).to_contain_text(
            "Pick one system that nobody owns"
        )
        answer_badge = answer.locator(".post-meta .lang-badge")
        expect(answer_badge).to_have_attribute("data-lang", "en")
        expect(answer_badge.locator("[aria-hidden='true']")).to_have_text("EN")
        answer_control = answer.locator(f"#translate-answer-{answer_id}")
        translate_link = answer_control.get_by_role("link", name=ui["Translate"], exact=True)
        expect(translate_link).to_be_visible()
        expect(translate_link).to_have_attribute("href", re.compile(r"\?to=zh-hans$"))
        screenshot = test_output / "language-story.png"
        screenshot.unlink(missing_ok=True)
        wei.screenshot(path=str(screenshot), full_page=True)
        assert screenshot.stat().st_size > 10_000
        watch.assert_clean()
        wei_context.close()

    question = Question.objects.get(pk=question_id)
    assert question.title == TITLE_ZH
    assert question.language == "zh-hans"
    assert question.author == User.objects.get(username="wei")
    assert User.objects.get(username="wei").ui_language == "zh-hans"
    answer_row = Answer.objects.get(pk=answer_id)
    assert answer_row.author.username == "bob"
    assert answer_row.language == "en"
    stored = Translation.objects.get(
        kind=Translation.Kind.QUESTION, object_id=question_id, target_language="en"
    )
    assert stored.source_language == "zh-hans"
    assert stored.title == ENGLISH_FOR[TITLE_ZH]
