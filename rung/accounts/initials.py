"""The letters on a generated avatar.

Rules, whatever script or symbols a name holds:

- Only words that contain a letter count, so "Alex Kim 🚀" gives "AK", and emoji, symbols,
  digits and punctuation never reach the avatar.
- One initial is one letter with the combining marks after it, composed (NFC): a decomposed
  "Ǎ" stays one character. Marks that do not compose (stacked "Zalgo" marks) are dropped,
  so an initial never draws outside its circle.
- Latin, Cyrillic, Greek and other scripts written with spaces: the first letters of the
  first and last such words ("Mary Ann Lee" → "ML"); a single word gives its first two
  letters ("alice" → "AL"), uppercased where the script has case.
- Chinese, Japanese and Korean names (whose first letter is an East Asian wide character):
  the first character alone, which for a Chinese name is the surname ("李小龙" → "李",
  "山田 太郎" → "山", "김민준" → "김"). One wide character fills the circle as two Latin
  letters do, and a surname is what people there use for an initial.
- A name without any letter gets a neutral mark instead.
"""

import functools
import unicodedata

from rung.core.text_width import char_width

GENERIC_MARK = "•"


def _is_letter(char: str) -> bool:
    return unicodedata.category(char).startswith("L")


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


def _letters(word: str) -> list[str]:
    """Return up to two initials from a word: each a letter with its marks, composed."""
    found: list[str] = []
    index = 0
    while index < len(word) and len(found) < 2:
        if not _is_letter(word[index]):
            index += 1
            continue
        end = index + 1
        while end < len(word) and _is_mark(word[end]):
            end += 1
        cluster = unicodedata.normalize("NFC", word[index:end])
        # What did not compose into the letter is left out.
        letter = "".join(char for char in cluster if not _is_mark(char))
        if letter:
            found.append(letter)
        index = end
    return found


def _upper(letter: str) -> str:
    # "ß" and ligatures would turn into two letters; they stay as written.
    upper = letter.upper()
    return upper if len(upper) == len(letter) else letter


@functools.lru_cache(maxsize=4096)
def initials(name: str) -> str:
    """Return the one or two letters to show on a member's generated avatar.

    A page shows the same few names many times over, so each name's are kept.
    """
    words = [
        letters
        for word in unicodedata.normalize("NFC", name).split()
        if (letters := _letters(word))
    ]
    if not words:
        return GENERIC_MARK
    first, last = words[0], words[-1]
    if char_width(first[0][0]) == 2:
        return first[0]
    if len(words) == 1:
        chosen = first
    elif char_width(last[0][0]) == 2:
        chosen = first[:1]
    else:
        chosen = [first[0], last[0]]
    return "".join(_upper(letter) for letter in chosen)
