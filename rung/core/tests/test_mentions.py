"""@mentions in Markdown: which names count, the links they become, and what never does."""

import re
from collections.abc import Mapping, Sequence

import pytest

from rung.core.markdown import mention_names, render_markdown
from rung.core.mentions import NAMES_MAX, find_mentions
from rung.core.tests.test_markdown import xss_problems
from rung.testing import assert_linear_time
from rung.testing.corpora import corpus_lines, hostile_files

POST_LIMIT = 30_000  # rung.qa.models.BODY_MAX_LENGTH
MEMBERS = {"bob", "alice", "张三", "o.brien", "ann-lee"}


def members(names: Sequence[str]) -> Mapping[str, str]:
    """Link the names of the test's members, whatever their case, as accounts does."""
    return {name: f"/members/{name.lower()}/" for name in names if name.lower() in MEMBERS}


def everyone(names: Sequence[str]) -> Mapping[str, str]:
    """Link every name found, to see exactly which ones the finder reports."""
    return {name: f"/members/{name}/" for name in names}


def linked(html: str) -> list[str]:
    """Return the text of every mention link in rendered HTML."""
    return re.findall(r'<a class="mention" href="[^"]*"[^>]*>([^<]*)</a>', html)


def names(text: str) -> list[str]:
    return [name for _start, _end, name in find_mentions(text)]


# Finding names in text ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@bob", ["bob"]),
        ("Hi @bob and @alice!", ["bob", "alice"]),
        ("Thanks, @bob.", ["bob"]),
        ("(@bob) @bob, @bob; @bob: @bob?", ["bob"] * 5),
        ("ask @o.brien or @ann-lee", ["o.brien", "ann-lee"]),
        ("@bob-- and @bob...", ["bob", "bob"]),
        ("谢谢@张三 的回答", ["张三"]),
        ("@Bob", ["Bob"]),
    ],
)
def test_names_after_an_at_sign_are_mentions(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "write to a@b.com",
        "bob@example.com",
        "me.too@host.example",
        "x+tag@example.org",
        "@bob@example.com",
        "@@bob",
        "@ bob",
        "@",
        "@...",
        "@" + "a" * 151,
    ],
)
def test_addresses_and_lone_signs_are_not_mentions(text: str) -> None:
    assert names(text) == []


def test_a_name_at_the_limit_is_a_mention() -> None:
    assert names("@" + "a" * 150) == ["a" * 150]


def test_the_character_before_a_text_decides_its_first_mention() -> None:
    assert names("@bob") == ["bob"]
    assert [name for *_, name in find_mentions("@bob", before="a")] == []
    assert [name for *_, name in find_mentions("@bob", before=" ")] == ["bob"]


# Rendering ----------------------------------------------------------------------------------


def test_a_member_mention_becomes_a_profile_link_and_others_stay_text() -> None:
    html = render_markdown("Thanks @bob and @carol.", mentions=members)
    assert (
        '<a class="mention" href="/members/bob/" rel="nofollow ugc noopener noreferrer">@bob</a>'
        in html
    )
    assert "@carol" in html
    assert linked(html) == ["@bob"]


def test_the_mention_shows_as_typed() -> None:
    assert linked(render_markdown("@BoB", mentions=members)) == ["@BoB"]


@pytest.mark.parametrize(
    "text",
    [
        "`@bob`",
        "``code with @bob inside``",
        "```\n@bob\n```",
        "~~~python\nprint('@bob')\n~~~",
        "    @bob indented",
        "<code>@bob</code>",
        "<pre>@bob</pre>",
        "<kbd>@bob</kbd>",
        "[@bob](https://example.com)",
        "[see @bob](https://example.com)",
        "<https://example.com/@bob>",
        '<a href="/elsewhere">@bob</a>',
        "![@bob](/picture.png)",
        "mail a@bob.com",
        "<div>\n@bob in a raw HTML block\n</div>",
        '<a href="/x">unclosed\n\nand later @bob',
    ],
)
def test_mentions_in_code_links_and_addresses_stay_text(text: str) -> None:
    html = render_markdown(text, mentions=members)
    assert linked(html) == []
    assert mention_names(text) == []


def test_mentions_outside_code_still_count_beside_it() -> None:
    text = "`@alice` is code, but @bob is not.\n\n```\n@alice\n```\n\nAnd **@alice** is bold."
    assert mention_names(text) == ["bob", "alice"]
    assert linked(render_markdown(text, mentions=members)) == ["@bob", "@alice"]


def test_mentions_in_headings_lists_quotes_and_tables() -> None:
    text = "# Hi @bob\n\n- @alice\n\n> @bob\n\n| a |\n|---|\n| @alice |\n"
    assert linked(render_markdown(text, mentions=members)) == ["@bob", "@alice", "@bob", "@alice"]


def test_names_are_listed_once_each_in_order_of_first_mention() -> None:
    assert mention_names("@carol @bob @carol @alice @bob") == ["carol", "bob", "alice"]


def test_at_most_names_max_names_are_looked_up() -> None:
    asked: list[Sequence[str]] = []

    def resolve(found: Sequence[str]) -> Mapping[str, str]:
        asked.append(found)
        return everyone(found)

    text = " ".join(f"@m{i}" for i in range(NAMES_MAX + 20))
    html = render_markdown(text, mentions=resolve)
    assert len(asked) == 1 and len(asked[0]) == NAMES_MAX
    assert len(linked(html)) == NAMES_MAX
    assert len(mention_names(text)) == NAMES_MAX


def test_without_a_resolver_nothing_is_linked() -> None:
    assert linked(render_markdown("@bob")) == []


def test_a_typed_mention_class_does_not_pass_for_a_mention() -> None:
    """Only the renderer marks mentions: a raw link with the class loses it."""
    text = '<a class="mention" href="/members/admin/">@admin</a> and @bob'
    for resolve in (None, members):
        html = render_markdown(text, mentions=resolve)
        [admin_link] = re.findall(r"<a [^>]*>@admin</a>", html)
        assert "class" not in admin_link
    assert linked(render_markdown(text, mentions=members)) == ["@bob"]


def test_a_guessed_mark_does_not_pass_either() -> None:
    html = render_markdown('<a class="rung-mention-0123" href="/x">x</a> @bob', mentions=members)
    assert html.count('class="mention"') == 1


def test_an_odd_address_from_the_resolver_is_escaped() -> None:
    html = render_markdown("@bob", mentions=lambda found: {"bob": '/members/"><script>x/'})
    assert "<script" not in html
    assert xss_problems(html.replace('class="mention" ', "")) == []


@pytest.mark.parametrize("relative", hostile_files())
def test_xss_corpus_with_mentions_renders_safely(relative: str) -> None:
    """Every payload, mentioned and beside a mention, renders as safely as without mentions."""
    failures = []
    for number, payload in enumerate(corpus_lines(relative), 1):
        for form in ("@{}", "{} @bob", "@bob{}", "[@bob]({})", "@{}@bob"):
            html = render_markdown(form.format(payload), mentions=everyone)
            for link in re.findall(r'<a class="mention" href="([^"]*)"', html):
                if not link.startswith("/members/"):
                    failures.append(f"line {number}: mention links to {link!r}")
            plain = html.replace('<a class="mention" ', "<a ")
            failures += [f"line {number} as {form}: {problem}" for problem in xss_problems(plain)]
    assert not failures, f"{len(failures)} unsafe renders, first ones:\n" + "\n".join(failures[:5])


# Cost ---------------------------------------------------------------------------------------

ADVERSARIAL = {
    "signs": "@",
    "short names": "@a ",
    "addresses": "a@b",
    "chained": "@a@",
    "dots": "@a.",
    "one long run": None,  # "@" then a name as long as the text
    "code spans": "`@a` ",
    "raw links": "<a>@b ",
}


def adversarial(kind: str, length: int) -> str:
    unit = ADVERSARIAL[kind]
    if unit is None:
        return "@" + "a" * length
    return unit * (length // len(unit))


@pytest.mark.parametrize("kind", ADVERSARIAL)
def test_finding_mentions_costs_linear_time(kind: str) -> None:
    assert_linear_time(
        lambda text: render_markdown(text, mentions=everyone),
        lambda length: adversarial(kind, length),
        POST_LIMIT // 8,
    )
    assert_linear_time(mention_names, lambda length: adversarial(kind, length), POST_LIMIT // 8)
