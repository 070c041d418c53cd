"""The glossary page: terms by theme, in the reader's language first, filtered by a query."""

import re
from dataclasses import dataclass, field

from django.utils.functional import Promise

from rung.languages.glossary.terms import (
    HTML_LANG,
    QUERY_MAX_CHARS,
    TERMS,
    THEMES,
    Term,
    content_language,
    other_language,
)

# The page --------------------------------------------------------------------------------


@dataclass(frozen=True)
class GlossaryEntry:
    """A term as the page shows it: the reader's language first, the other below."""

    slug: str
    name: str
    other_name: str
    definition: str
    other_definition: str
    # Other names, each with its HTML lang: an English alias on a Chinese page is English.
    also: tuple[tuple[str, str], ...]
    lang: str
    other_lang: str


@dataclass(frozen=True)
class GlossaryGroup:
    slug: str
    label: str | Promise
    entries: list[GlossaryEntry] = field(default_factory=list)


def _shown_also(term: Term) -> tuple[tuple[str, str], ...]:
    """Return the other names worth showing, without plain plurals or spacing variants,
    each with its HTML lang."""
    seen = {term.en.casefold(), term.zh.casefold()}
    shown = []
    tagged = [(v, HTML_LANG["en"]) for v in term.en_also]
    tagged += [(v, HTML_LANG["zh"]) for v in term.zh_also]
    for variant, lang in tagged:
        key = variant.casefold().replace(" ", "")
        if key in seen or key.removesuffix("s") in seen or key.removesuffix("es") in seen:
            continue
        seen.add(key)
        shown.append((variant, lang))
    return tuple(shown)


def _haystack(term: Term) -> str:
    return "\n".join((*term.variants(), term.en_definition, term.zh_definition)).casefold()


_HAYSTACKS = {term.slug: _haystack(term) for term in TERMS}
_SPACES = re.compile(r"\s+")


def glossary_query(raw: str) -> str:
    """Return a filter query fit to use: trimmed, one space between words, bounded."""
    return _SPACES.sub(" ", raw.replace("\x00", "")).strip()[:QUERY_MAX_CHARS]


def glossary_groups(*, language: str | None, query: str = "") -> list[GlossaryGroup]:
    """Return the terms matching `query` by theme, in the reader's language first."""
    lang = content_language(language)
    other = other_language(lang)
    needle = query.casefold()
    groups = {theme.slug: GlossaryGroup(theme.slug, theme.label) for theme in THEMES}
    for term in TERMS:
        if needle and needle not in _HAYSTACKS[term.slug]:
            continue
        groups[term.theme].entries.append(
            GlossaryEntry(
                slug=term.slug,
                name=term.name(lang),
                other_name=term.name(other),
                definition=term.definition(lang),
                other_definition=term.definition(other),
                also=_shown_also(term),
                lang=HTML_LANG[lang],
                other_lang=HTML_LANG[other],
            )
        )
    return [group for group in groups.values() if group.entries]
