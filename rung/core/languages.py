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
# as a character-class body for regular expressions ("[" + HAN + "]").
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_FIRST, HAN_LAST = "\u3400", "\ufaff"
