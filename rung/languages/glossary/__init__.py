"""The bilingual glossary of career terms: its content, its page, and linking in posts."""

from rung.languages.glossary.linking import GlossaryMatcher, link_glossary_terms
from rung.languages.glossary.page import (
    GlossaryEntry,
    GlossaryGroup,
    glossary_groups,
    glossary_query,
)
from rung.languages.glossary.terms import (
    HTML_LANG,
    QUERY_MAX_CHARS,
    TERMS,
    THEMES,
    Lang,
    Term,
    Theme,
    content_language,
    other_language,
)

__all__ = [
    "HTML_LANG",
    "QUERY_MAX_CHARS",
    "TERMS",
    "THEMES",
    "GlossaryEntry",
    "GlossaryGroup",
    "GlossaryMatcher",
    "Lang",
    "Term",
    "Theme",
    "content_language",
    "glossary_groups",
    "glossary_query",
    "link_glossary_terms",
    "other_language",
]
