"""The default: no translation service, so no translate button."""

from rung.languages.providers.base import Provider, TranslationUnavailable


class NoProvider(Provider):
    """Refuse every translation; pages hide the button when this is configured."""

    name = "none"
    label = "none"
    is_enabled = False

    def translate_protected(self, text: str, *, source: str, target: str) -> str:
        raise TranslationUnavailable("no translation provider is configured")
