"""What moderation reads in a post's Markdown: its links, images, their domains, a fingerprint.

Every pattern here takes time in proportion to the text: each repeated part stops at the
first character that cannot belong to it, and nothing scans back.
"""

import hashlib
import re

# A web address: a scheme, then a host of letters, digits, dots and hyphens. The host run
# ends at the first character outside its class, so no position is tried twice.
_LINK = re.compile(r"(?i)\bhttps?://([a-z0-9.-]{1,253})")
# Markdown images `![alt](` and HTML `<img`.
_IMAGE = re.compile(r"(?i)!\[|<img\b")
_SPACE = re.compile(r"\s+")


def link_domains(text: str) -> list[str]:
    """Return the host of every web address in the text, lower-cased, in order."""
    return [match.group(1).lower().strip(".") for match in _LINK.finditer(text)]


def link_count(text: str) -> int:
    """Count the web addresses in the text."""
    return sum(1 for _ in _LINK.finditer(text))


def image_count(text: str) -> int:
    """Count the images in the text, Markdown or HTML."""
    return sum(1 for _ in _IMAGE.finditer(text))


def fingerprint(text: str) -> str:
    """Return a digest that is the same for texts differing only in case and spacing."""
    normal = _SPACE.sub(" ", text.casefold()).strip()
    return hashlib.sha256(normal.encode()).hexdigest()


def domain_matches(host: str, domains: set[str]) -> bool:
    """Say whether a host is one of the domains or under one (`www.spam.example`)."""
    parts = host.split(".")
    return any(".".join(parts[i:]) in domains for i in range(len(parts)))
