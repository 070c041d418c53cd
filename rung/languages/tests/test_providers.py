"""The LibreTranslate and OpenAI-compatible adapters, each against a real local server."""

import time
from collections.abc import Iterator
from typing import Any

import pytest

from rung.languages.providers import TranslationUnavailable, get_provider
from rung.languages.providers.http import retry_after_seconds
from rung.languages.providers.libretranslate import LibreTranslateProvider, parse_codes
from rung.languages.providers.none import NoProvider
from rung.languages.providers.openai_compatible import OpenAICompatibleProvider
from rung.languages.tests.fake_services import FakeService, fake_service, refused_url

POST = """## Ownership

I lead `small` features. See [the guide](https://example.com/guide) first.

- Pick one system
- Write the design doc

```python
print("keep me")
```
"""


@pytest.fixture
def service() -> Iterator[FakeService]:
    with fake_service() as running:
        yield running


def libre(service: FakeService, **kwargs: Any) -> LibreTranslateProvider:
    return LibreTranslateProvider(url=service.url, timeout=kwargs.pop("timeout", 2), **kwargs)


def openai(service: FakeService, **kwargs: Any) -> OpenAICompatibleProvider:
    return OpenAICompatibleProvider(
        base_url=f"{service.url}/v1",
        model=kwargs.pop("model", "qwen2.5:7b"),
        timeout=kwargs.pop("timeout", 2),
        **kwargs,
    )


# --- LibreTranslate ---------------------------------------------------------------------


def test_libretranslate_translates_lines_and_keeps_code_links_and_markers(
    service: FakeService,
) -> None:
    result = libre(service).translate(POST, source="en", target="zh-hans")
    assert result == (
        "## OWNERSHIP\n\nI LEAD `small` FEATURES. SEE [THE GUIDE](https://example.com/guide)"
        ' FIRST.\n\n- PICK ONE SYSTEM\n- WRITE THE DESIGN DOC\n\n```python\nprint("keep me")\n```\n'
    )
    assert service.calls == 1


def test_libretranslate_request_speaks_the_protocol(service: FakeService) -> None:
    libre(service, api_key="s3cret").translate(POST, source="en", target="zh-hans")
    request = service.requests[0]
    assert request["path"] == "/translate"
    body = request["json"]
    assert body["source"] == "en" and body["target"] == "zh"
    assert body["format"] == "text" and body["api_key"] == "s3cret"
    # Markers and code never leave the server: only the words of each line do.
    assert body["q"] == [
        "Ownership",
        "I lead ⟦1⟧ features. See ⟦2⟧the guide⟦3⟧ first.",
        "Pick one system",
        "Write the design doc",
    ]


def test_libretranslate_language_codes_follow_the_setting(service: FakeService) -> None:
    provider = libre(service, codes=parse_codes("zh-hans=zh-Hans"))
    provider.translate("你好，世界。这是一个问题。", source="zh-hans", target="en")
    assert service.requests[0]["json"]["source"] == "zh-Hans"
    assert service.requests[0]["json"]["target"] == "en"
    assert "api_key" not in service.requests[0]["json"]


def test_parse_codes_keeps_defaults_and_ignores_junk() -> None:
    assert parse_codes("") == {"en": "en", "zh-hans": "zh"}
    assert parse_codes(" ZH-Hans = zh-Hans , junk, =x") == {"en": "en", "zh-hans": "zh-Hans"}


def test_text_without_words_is_not_sent(service: FakeService) -> None:
    assert libre(service).translate("```\ncode\n```\n", source="en", target="zh-hans") == (
        "```\ncode\n```\n"
    )
    assert libre(service).translate("   ", source="en", target="zh-hans") == "   "
    assert service.calls == 0


@pytest.mark.parametrize(
    "mode",
    [
        "server_error",
        "rate_limited",
        "malformed",
        "wrong_shape",
        "drop_placeholder",
        "duplicate_placeholder",
        "short_batch",
        "empty",
        "bad_key",
        "error_json",
        "redirect",
    ],
)
def test_libretranslate_failures_raise_translation_unavailable(
    service: FakeService, mode: str
) -> None:
    service.mode = mode
    with pytest.raises(TranslationUnavailable):
        libre(service).translate(POST, source="en", target="zh-hans")


def test_libretranslate_timeout_is_unavailable_and_bounded(service: FakeService) -> None:
    service.mode, service.delay = "slow", 3
    started = time.monotonic()
    with pytest.raises(TranslationUnavailable, match="timed out"):
        libre(service, timeout=0.3).translate(POST, source="en", target="zh-hans")
    assert time.monotonic() - started < 2


def test_connection_refused_is_unavailable() -> None:
    provider = LibreTranslateProvider(url=refused_url(), timeout=2)
    with pytest.raises(TranslationUnavailable, match="unreachable"):
        provider.translate(POST, source="en", target="zh-hans")


def test_rate_limit_reports_retry_after(service: FakeService) -> None:
    service.mode, service.retry_after = "rate_limited", "42"
    with pytest.raises(TranslationUnavailable) as caught:
        libre(service).translate(POST, source="en", target="zh-hans")
    assert caught.value.retry_after == 42
    assert "Slowdown" in caught.value.reason


def test_retry_after_reads_seconds_and_dates() -> None:
    assert retry_after_seconds("7") == 7
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("soon") is None
    # Digits that are not ASCII ("²") are no number of seconds, and must not raise.
    assert retry_after_seconds("²") is None
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0  # in the past
    future = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 120))
    assert 100 < (retry_after_seconds(future) or 0) <= 120


def test_a_huge_reply_is_refused(service: FakeService) -> None:
    service.mode = "custom"
    service.custom = b'{"translatedText": ["' + b"x" * (5 * 1024 * 1024) + b'"]}'
    with pytest.raises(TranslationUnavailable, match="too large"):
        libre(service).translate("Hello there", source="en", target="zh-hans")


def test_a_list_marker_lost_by_the_service_is_refused(service: FakeService) -> None:
    """The structure check backs up the line-by-line sending."""
    service.mode = "custom"
    service.custom = b'{"translatedText": ["ONE", "- TWO"]}'
    with pytest.raises(TranslationUnavailable):
        libre(service).translate("- one\n- two\n", source="en", target="zh-hans")


# --- OpenAI-compatible --------------------------------------------------------------------


def test_openai_translates_whole_text_and_restores_protected_parts(
    service: FakeService,
) -> None:
    result = openai(service).translate(POST, source="en", target="zh-hans")
    assert result.startswith("## OWNERSHIP\n\nI LEAD `small` FEATURES.")
    assert "[THE GUIDE](https://example.com/guide)" in result
    assert '```python\nprint("keep me")\n```' in result
    assert service.calls == 1


def test_openai_request_speaks_the_protocol(service: FakeService) -> None:
    openai(service, api_key="sk-test").translate(POST, source="zh-hans", target="en")
    request = service.requests[0]
    assert request["path"] == "/v1/chat/completions"
    assert request["headers"]["Authorization"] == "Bearer sk-test"
    body = request["json"]
    assert body["model"] == "qwen2.5:7b" and body["stream"] is False
    system, user = body["messages"]
    assert system["role"] == "system" and user["role"] == "user"
    assert "from Simplified Chinese (简体中文) to English" in system["content"]
    assert "code" in system["content"] and "⟦0⟧" in system["content"]
    assert "print(" not in user["content"] and "https://" not in user["content"]
    assert user["content"].startswith("## Ownership")


def test_openai_without_key_sends_no_authorization(service: FakeService) -> None:
    openai(service).translate("Hello there", source="en", target="zh-hans")
    assert "Authorization" not in service.requests[0]["headers"]


def test_openai_strips_thinking_and_a_wrapping_fence(service: FakeService) -> None:
    service.mode = "thinking_fenced"
    result = openai(service).translate(POST, source="en", target="zh-hans")
    assert result.startswith("## OWNERSHIP") and "<think>" not in result


@pytest.mark.parametrize(
    "mode",
    [
        "server_error",
        "rate_limited",
        "malformed",
        "wrong_shape",
        "no_choices",
        "drop_placeholder",
        "flatten_lists",
        "length",
        "empty",
        "bad_key",
        "redirect",
    ],
)
def test_openai_failures_raise_translation_unavailable(service: FakeService, mode: str) -> None:
    service.mode = mode
    with pytest.raises(TranslationUnavailable):
        openai(service).translate(POST, source="en", target="zh-hans")


def test_openai_redirect_does_not_carry_the_key_elsewhere(service: FakeService) -> None:
    service.mode = "redirect"
    with pytest.raises(TranslationUnavailable):
        openai(service, api_key="sk-test").translate(POST, source="en", target="zh-hans")
    assert [request["path"] for request in service.requests] == ["/v1/chat/completions"]


def test_openai_timeout_is_unavailable(service: FakeService) -> None:
    service.mode, service.delay = "slow", 3
    with pytest.raises(TranslationUnavailable, match="timed out"):
        openai(service, timeout=0.3).translate(POST, source="en", target="zh-hans")


def test_openai_without_a_model_is_unavailable(service: FakeService) -> None:
    with pytest.raises(TranslationUnavailable, match="RUNG_OPENAI_MODEL"):
        openai(service, model="").translate(POST, source="en", target="zh-hans")
    assert service.calls == 0


# --- choosing a provider ------------------------------------------------------------------


def test_default_provider_is_none_and_disabled(settings: Any) -> None:
    settings.RUNG_TRANSLATION_PROVIDER = "none"
    provider = get_provider()
    assert isinstance(provider, NoProvider) and not provider.is_enabled
    with pytest.raises(TranslationUnavailable):
        provider.translate("Hello there", source="en", target="zh-hans")


def test_unknown_provider_name_means_none(settings: Any, caplog: pytest.LogCaptureFixture) -> None:
    settings.RUNG_TRANSLATION_PROVIDER = "deepl"
    assert not get_provider().is_enabled
    assert "deepl" in caplog.text


def test_settings_choose_and_configure_each_provider(settings: Any) -> None:
    settings.RUNG_TRANSLATION_PROVIDER = "libretranslate"
    settings.RUNG_LIBRETRANSLATE_URL = "http://lt.internal:5000/"
    settings.RUNG_LIBRETRANSLATE_API_KEY = "k"
    settings.RUNG_LIBRETRANSLATE_CODES = "zh-hans=zh-Hans"
    settings.RUNG_TRANSLATION_TIMEOUT = 4
    provider = get_provider()
    assert isinstance(provider, LibreTranslateProvider) and provider.is_enabled
    assert provider.endpoint == "http://lt.internal:5000/translate"
    assert provider.codes["zh-hans"] == "zh-Hans" and provider.timeout == 4

    settings.RUNG_TRANSLATION_PROVIDER = "OpenAI"
    settings.RUNG_OPENAI_BASE_URL = "http://localhost:11434/v1"
    settings.RUNG_OPENAI_MODEL = "llama3.1"
    provider = get_provider()
    assert isinstance(provider, OpenAICompatibleProvider)
    assert provider.endpoint == "http://localhost:11434/v1/chat/completions"
    assert provider.name == "openai:llama3.1" and provider.label == "llama3.1"


def test_unsupported_languages_are_refused_without_a_call(service: FakeService) -> None:
    with pytest.raises(TranslationUnavailable):
        libre(service).translate("Hello there", source="en", target="fr")
    assert libre(service).translate("Hello", source="en", target="en") == "Hello"
    assert service.calls == 0
