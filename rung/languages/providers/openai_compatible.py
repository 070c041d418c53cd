"""Any OpenAI-compatible chat-completions endpoint: OpenAI, vLLM, Ollama, llama.cpp, ..."""

import re
from typing import Any

from rung.core.languages import CHINESE, ENGLISH
from rung.languages.providers.base import Provider, TranslationUnavailable
from rung.languages.providers.http import post_json

# Models follow a language's name better than its code.
LANGUAGE_NAMES = {ENGLISH: "English", CHINESE: "Simplified Chinese (简体中文)"}

SYSTEM_PROMPT = (
    "You are a translation engine for a career-advice forum. Translate the user's Markdown "
    "from {source} to {target}. Translate faithfully and completely, without summarising, "
    "answering or adding anything. Keep the Markdown exactly: headings, list markers and "
    "numbering, block quotes, tables, emphasis, line breaks and blank lines. Copy every "
    "placeholder such as ⟦0⟧ unchanged, exactly once, where it belongs in the sentence; they "
    "stand for code, links and URLs. Never translate code, inline code, URLs or link "
    "targets. Reply with the translation only, with no preamble, notes or code fences."
)

# Reasoning models served by Ollama or vLLM may put their thinking before the answer.
_THINKING = re.compile(r"^\s*<think>.*?</think>\s*", re.S)
_WRAPPING_FENCE = re.compile(r"^\s*```[A-Za-z]*\n(?P<inner>.*)\n```\s*$", re.S)


class OpenAICompatibleProvider(Provider):
    """POST {base}/chat/completions and read choices[0].message.content."""

    name = "openai"
    label = "AI"

    def __init__(self, *, base_url: str, model: str, api_key: str = "", timeout: float) -> None:
        self.endpoint = base_url.rstrip("/") + "/chat/completions"
        self.model = model
        self.api_key = api_key
        self.timeout = timeout
        self.name = f"openai:{model}"[:40]
        self.label = model or "AI"

    def translate_protected(self, text: str, *, source: str, target: str) -> str:
        if not self.model:
            raise TranslationUnavailable("RUNG_OPENAI_MODEL is not set")
        prompt = SYSTEM_PROMPT.format(
            source=LANGUAGE_NAMES.get(source, source), target=LANGUAGE_NAMES.get(target, target)
        )
        payload: dict[str, Any] = {
            "model": self.model,
            "messages": [
                {"role": "system", "content": prompt},
                {"role": "user", "content": text},
            ],
            "temperature": 0,
            "stream": False,
        }
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        data = post_json(self.endpoint, payload, headers=headers, timeout=self.timeout)
        return _content(data)


def _content(data: dict[str, Any]) -> str:
    """Return the reply text of a chat completion, or raise when it is not a whole one."""
    choices = data.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise TranslationUnavailable("chat completion has no choices")
    choice = choices[0]
    # A reply cut off at the token limit would be shown as if it were the whole post.
    if choice.get("finish_reason") == "length":
        raise TranslationUnavailable("chat completion was cut off at the length limit")
    message = choice.get("message")
    content = message.get("content") if isinstance(message, dict) else None
    if not isinstance(content, str):
        raise TranslationUnavailable("chat completion has no message content")
    content = _THINKING.sub("", content)
    # The text sent never starts with a fence (code blocks are placeholders), so one
    # around the whole reply is the model's wrapping, not the post's.
    if wrapped := _WRAPPING_FENCE.match(content):
        content = wrapped.group("inner")
    if not content.strip():
        raise TranslationUnavailable("chat completion is empty")
    return content.strip("\n")
