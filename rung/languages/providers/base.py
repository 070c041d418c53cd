"""The interface every translation provider implements, and the one error they raise."""

from abc import ABC, abstractmethod

from django.conf import settings

from rung.languages.providers.markdown import MarkdownChanged, check_structure, protect, restore


class TranslationUnavailable(Exception):
    """The provider could not give a usable translation; readers see a polite notice."""

    def __init__(self, reason: str, *, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        # Seconds the provider asked us to wait (HTTP 429 Retry-After), when it said so.
        self.retry_after = retry_after


def site_languages() -> tuple[str, ...]:
    """Return the language codes posts and the interface use ("en", "zh-hans")."""
    return tuple(code for code, _name in settings.LANGUAGES)


class Provider(ABC):
    """Translate a post's Markdown from one site language to another."""

    # Stored with each cached translation; changes when the service behind it changes.
    name = "provider"
    # Shown to readers under a translation ("Translated by LibreTranslate").
    label = "Provider"
    is_enabled = True

    def translate(self, text_markdown: str, *, source: str, target: str) -> str:
        """Return the Markdown translated, with code, links and structure kept."""
        languages = site_languages()
        if source not in languages or target not in languages:
            raise TranslationUnavailable(f"unsupported languages {source!r} → {target!r}")
        if not text_markdown.strip() or source == target:
            return text_markdown
        protected = protect(text_markdown)
        try:
            reply = self.translate_protected(protected.text, source=source, target=target)
            translated = restore(reply, protected)
            check_structure(text_markdown, translated)
        except MarkdownChanged as error:
            raise TranslationUnavailable(str(error)) from error
        return translated

    @abstractmethod
    def translate_protected(self, text: str, *, source: str, target: str) -> str:
        """Return text with placeholders translated by the service; raise TranslationUnavailable."""
