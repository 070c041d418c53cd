"""Translation providers behind one interface, chosen by RUNG_TRANSLATION_PROVIDER."""

import logging

from django.conf import settings

from rung.languages.providers.base import Provider, TranslationUnavailable, site_languages
from rung.languages.providers.libretranslate import LibreTranslateProvider, parse_codes
from rung.languages.providers.none import NoProvider
from rung.languages.providers.openai_compatible import OpenAICompatibleProvider

__all__ = [
    "Provider",
    "TranslationUnavailable",
    "get_provider",
    "provider_label",
    "site_languages",
]

logger = logging.getLogger(__name__)


def get_provider() -> Provider:
    """Return the provider the settings name; an unknown name means none, with a warning."""
    name = (getattr(settings, "RUNG_TRANSLATION_PROVIDER", "none") or "none").strip().lower()
    timeout = float(getattr(settings, "RUNG_TRANSLATION_TIMEOUT", 10))
    if name == "libretranslate":
        return LibreTranslateProvider(
            url=settings.RUNG_LIBRETRANSLATE_URL,
            api_key=settings.RUNG_LIBRETRANSLATE_API_KEY,
            codes=parse_codes(settings.RUNG_LIBRETRANSLATE_CODES),
            timeout=timeout,
        )
    if name == "openai":
        return OpenAICompatibleProvider(
            base_url=settings.RUNG_OPENAI_BASE_URL,
            model=settings.RUNG_OPENAI_MODEL,
            api_key=settings.RUNG_OPENAI_API_KEY,
            timeout=timeout,
        )
    if name != "none":
        # Failing every page over a typo would be worse than a missing button.
        logger.warning("Unknown RUNG_TRANSLATION_PROVIDER %r; translation is off", name)
    return NoProvider()


def provider_label(name: str) -> str:
    """Return how readers see a stored provider name: "LibreTranslate", or the model's name."""
    if name == LibreTranslateProvider.name:
        return LibreTranslateProvider.label
    return name.removeprefix("openai:")
