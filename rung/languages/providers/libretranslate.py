"""LibreTranslate (https://libretranslate.com, or self-hosted) over its HTTP API."""

from typing import Any

from rung.core.languages import CHINESE, ENGLISH
from rung.languages.providers.base import Provider, TranslationUnavailable
from rung.languages.providers.http import post_json
from rung.languages.providers.markdown import join_segments, split_segments

# Self-hosted LibreTranslate (Argos models) calls Simplified Chinese "zh"; newer releases
# and libretranslate.com call it "zh-Hans". RUNG_LIBRETRANSLATE_CODES overrides these.
DEFAULT_CODES = {ENGLISH: "en", CHINESE: "zh"}


def parse_codes(value: str) -> dict[str, str]:
    """Read "site=service" pairs such as "zh-hans=zh-Hans,en=en" over the defaults."""
    codes = dict(DEFAULT_CODES)
    for pair in value.split(","):
        site, _sep, service = pair.partition("=")
        if site.strip() and service.strip():
            codes[site.strip().lower()] = service.strip()
    return codes


class LibreTranslateProvider(Provider):
    """POST /translate with the lines of a post as one batch of plain-text strings."""

    name = "libretranslate"
    label = "LibreTranslate"

    def __init__(
        self, *, url: str, api_key: str = "", codes: dict[str, str] | None = None, timeout: float
    ) -> None:
        self.endpoint = url.rstrip("/") + "/translate"
        self.api_key = api_key
        self.codes = codes or dict(DEFAULT_CODES)
        self.timeout = timeout

    def translate_protected(self, text: str, *, source: str, target: str) -> str:
        # Line by line, so list markers, heading hashes and table pipes never reach the
        # service (see providers/markdown.py).
        return join_segments(
            split_segments(text),
            lambda segments: self._translate_batch(segments, source=source, target=target),
        )

    def _translate_batch(self, segments: list[str], *, source: str, target: str) -> list[str]:
        payload: dict[str, Any] = {
            "q": segments,
            "source": self.codes.get(source, source),
            "target": self.codes.get(target, target),
            "format": "text",
        }
        if self.api_key:
            payload["api_key"] = self.api_key
        data = post_json(self.endpoint, payload, timeout=self.timeout)
        if isinstance(data.get("error"), str):
            raise TranslationUnavailable(f"LibreTranslate error: {data['error'][:200]}")
        translated = data.get("translatedText")
        # A batch of one may come back as a bare string from older servers.
        if isinstance(translated, str) and len(segments) == 1:
            translated = [translated]
        if not isinstance(translated, list) or not all(isinstance(t, str) for t in translated):
            raise TranslationUnavailable("LibreTranslate reply has no translatedText list")
        if any(not t.strip() for t in translated):
            raise TranslationUnavailable("LibreTranslate returned an empty translation")
        return translated
