"""The letters on a generated avatar: letters only, one or two, whole clusters."""

import unicodedata

import pytest
from django.template import Context, Template

from rung.accounts.initials import GENERIC_MARK, initials
from rung.accounts.models import User
from rung.testing.corpora import naughty_strings


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Alex Kim 🚀", "AK"),
        ("🚀 Alex Kim", "AK"),
        ("Mary Ann Lee", "ML"),
        ("alice", "AL"),
        ("j.doe", "JD"),
        ("Ana-María O'Neil, PhD.", "AP"),
        ("émile zola", "ÉZ"),
        ("Олег Петров", "ОП"),
        ("Straße ßand", "Sß"),  # "ß" would uppercase to two letters: kept as written
        ("李小龙", "李"),  # Chinese: the surname character
        ("山田 太郎", "山"),
        ("김민준", "김"),
        ("Alex 李", "A"),
        ("🚀🔥", GENERIC_MARK),
        ("12345 !!!", GENERIC_MARK),
        ("   ", GENERIC_MARK),
        ("", GENERIC_MARK),
    ],
)
def test_initials_come_from_letters_only(name: str, expected: str) -> None:
    assert initials(name) == expected


def test_a_decomposed_accent_stays_with_its_letter() -> None:
    """Ǎdam typed as A + combining caron gives the one composed letter, never a lone mark."""
    assert initials("A\u030cdam Smith") == "\u01cdS"
    assert initials("a\u030c") == "\u01cd"


def test_zalgo_marks_are_dropped() -> None:
    zalgo = "Z\u0334\u0321\u031b\u031ca\u0338l\u0337g\u0336o\u0335 t\u0336\u0300\u0301\u0302ext"
    assert initials(zalgo) == "ZT"


def _clusters(text: str) -> list[str]:
    """Split text into a letter with its marks; the test's own simple grapheme rule."""
    clusters: list[str] = []
    for char in text:
        if clusters and unicodedata.category(char).startswith("M"):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def test_initials_of_every_naughty_string_are_one_or_two_letters() -> None:
    """Never empty, at most two clusters, each starting with a letter: no control or format
    character, no emoji or symbol, no stray mark."""
    for name in naughty_strings():
        result = initials(name)
        assert result, name
        if result == GENERIC_MARK:
            continue
        clusters = _clusters(result)
        assert 1 <= len(clusters) <= 2, (name, result)
        for cluster in clusters:
            assert unicodedata.category(cluster[0]).startswith("L"), (name, result)
            assert all(unicodedata.category(char)[0] in "LM" for char in cluster), (name, result)


def test_avatar_shows_the_initials(alice: User) -> None:
    alice.display_name = "Alex Kim 🚀"
    html = Template("{% load rung %}{% avatar member 32 %}").render(Context({"member": alice}))
    assert ">AK</span>" in html and "🚀" not in html
