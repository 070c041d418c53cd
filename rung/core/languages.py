"""The languages Rung is written in: their codes, their own names, and the Han range.

A leaf module (it imports nothing of Rung's), so every app, at any layer, takes these
from one place: the interface languages in settings, the post labels, search's analysis
and the language detector all agree on them.
"""

ENGLISH = "en"
CHINESE = "zh-hans"
# Post and interface languages, in the order they are offered.
SITE_LANGUAGES = (ENGLISH, CHINESE)

# Each language offered under its own name, never translated, so a reader who cannot read
# the current interface still finds theirs.
LANGUAGE_SELF_NAMES = {ENGLISH: "English", CHINESE: "中文"}

# The Han ideographs: CJK Unified Ideographs with Extension A and the compatibility block,
# as a character-class body for regular expressions ("[" + HAN + "]"). Only assigned code
# points: the compatibility block's gaps (U+FA6E-FA6F, U+FADA-FAFF) are no characters,
# and a search term made of one would be no word.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9"
HAN_FIRST, HAN_LAST = "\u3400", "\ufad9"
