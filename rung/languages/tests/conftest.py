"""Fixtures for the language tests: a local LibreTranslate the site translates with."""

from collections.abc import Iterator
from typing import Any

import pytest

from rung.languages.tests.fake_services import FakeService, fake_service


@pytest.fixture
def libretranslate(settings: Any) -> Iterator[FakeService]:
    """Point Rung at a local LibreTranslate for the length of a test."""
    with fake_service() as service:
        settings.RUNG_TRANSLATION_PROVIDER = "libretranslate"
        settings.RUNG_LIBRETRANSLATE_URL = service.url
        settings.RUNG_TRANSLATION_TIMEOUT = 0.5
        yield service
