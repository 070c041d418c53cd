"""Career terms in English and Chinese that apps share without importing each other.

The glossary (languages) knows that 晋升 is a promotion; search wants to use that when
someone types 晋升. The two apps sit on one layer and may not import each other, so an
app that owns term pairs registers them here in its `AppConfig.ready()`, and an app that
uses them reads every registered source. An app that is not installed simply adds none.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class TermPair:
    """One idea with the words posts use for it in English and in Chinese."""

    en: tuple[str, ...]
    zh: tuple[str, ...]

    def forms(self) -> tuple[str, ...]:
        return (*self.en, *self.zh)


Source = Callable[[], Iterable[TermPair]]

_sources: dict[str, Source] = {}
_version = 0


def register(name: str, source: Source) -> None:
    """Add a source of term pairs; a second registration under one name replaces the first."""
    global _version
    _sources[name] = source
    _version += 1


def version() -> int:
    """Return a number that changes whenever a source is registered, for readers' caches."""
    return _version


def term_pairs() -> list[TermPair]:
    """Return the pairs of every registered source, in the order the sources registered."""
    return [pair for _name, source in sorted(_sources.items()) for pair in source()]
