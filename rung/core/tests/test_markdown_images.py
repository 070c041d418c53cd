"""Images from other hosts never load in readers' browsers: they become links to follow.

The check resolves every rendered <img src> the way a browser would, against a page of this
site, and requires that the image comes from this site. It is written independently of the
renderer, so a form the renderer forgets shows up here.
"""

import time
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rung.core.markdown import render_markdown, sanitize_html

PAGE = "https://rung.test/questions/1/"


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sources: list[str | None] = []
        self.links: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.sources.append(dict(attrs).get("src"))
        elif tag == "a":
            self.links.append(dict(attrs))


def _browser_url(src: str) -> str:
    """Resolve an attribute value as a browser does: trimmed, tabs and newlines dropped."""
    cleaned = src.strip("".join(map(chr, range(0x21))))
    cleaned = cleaned.replace("\t", "").replace("\n", "").replace("\r", "").replace("\\", "/")
    return urljoin(PAGE, cleaned)


def parse(html: str) -> _Images:
    images = _Images()
    images.feed(html)
    images.close()
    return images


def off_site_images(html: str) -> list[str]:
    """Return the src of every <img> that a browser would fetch from another host."""
    return [
        src
        for src in parse(html).sources
        if src is not None and urlsplit(_browser_url(src)).netloc != "rung.test"
    ]


@pytest.fixture(autouse=True)
def _this_site(settings: object) -> None:
    settings.ALLOWED_HOSTS = ["rung.test", ".wildcard.test", "*"]  # type: ignore[attr-defined]


HOSTILE = {
    "inline": "![x](https://evil.example/x.png)",
    "inline with title": '![x](https://evil.example/x.png "t")',
    "reference": "![x][r]\n\n[r]: https://evil.example/x.png",
    "collapsed reference": "![r][]\n\n[r]: https://evil.example/x.png",
    "shortcut reference": "![r]\n\n[r]: <https://evil.example/x.png>",
    "autolink": "<https://evil.example/x.png>",
    "data URL": "![x](data:image/png;base64,AAAA)",
    "data URL in raw HTML": '<img src="data:image/svg+xml,<svg/>">',
    "protocol-relative": "![x](//evil.example/x.png)",
    "protocol-relative raw": '<img src="//evil.example/x.png">',
    "backslashes raw": '<img src="\\\\evil.example/x.png">',
    "slash backslash raw": '<img src="/\\evil.example/x.png">',
    "tab between slashes": '<img src="/&#9;/evil.example/x.png">',
    "newline in host": '<img src="//evil.&#10;example/x.png">',
    "leading spaces": '<img src="   https://evil.example/x.png">',
    "uppercase scheme": "![x](HTTPS://EVIL.EXAMPLE/x.png)",
    "uppercase raw tag": '<IMG SRC="HtTp://evil.example/x.png" ALT="x">',
    "encoded scheme": '<img src="&#104;ttps://evil.example/x.png">',
    "scheme without slashes": '<img src="https:evil.example/x.png">',
    "userinfo looks local": "![x](https://rung.test@evil.example/x.png)",
    "backslash before at": '<img src="https://evil.example\\@rung.test/x.png">',
    "wildcard subdomain": "![x](https://a.wildcard.test/x.png)",
    "port on another host": "![x](https://evil.example:8443/x.png)",
    "image inside a link": "[![x](https://evil.example/x.png)](https://ok.example/)",
    "raw image inside a link": '<a href="/q"><img src="https://evil.example/x.png"></a>',
    "in a table": "| a |\n|---|\n| ![x](https://evil.example/x.png) |",
    "in a list and quote": "- > ![x](https://evil.example/x.png)",
    "in a heading": "# ![x](https://evil.example/x.png)",
    "several on many lines": "a\n![x](https://e1.example/1)\n\nb ![y](//e2.example/2)\n"
    '<img src="https://e3.example/3">\n\n' * 3,
}


@pytest.mark.parametrize("markdown", HOSTILE.values(), ids=HOSTILE.keys())
def test_no_form_of_image_loads_from_another_host(markdown: str) -> None:
    """Each hostile form renders without an <img> whose source is elsewhere."""
    assert off_site_images(render_markdown(markdown)) == []


def test_checker_sees_off_site_images() -> None:
    """Guards the tests above against a checker that went blind."""
    assert off_site_images('<img src="//evil.example/x">') == ["//evil.example/x"]
    assert off_site_images('<img src="/\\evil.example/x">') == ["/\\evil.example/x"]
    assert off_site_images('<img src="/media/a.png">') == []


def test_off_site_image_is_a_link_naming_its_host() -> None:
    """The reader sees the alt text and the host, and may follow the link."""
    html = render_markdown("See ![the team's map](https://evil.example/map.png).")
    assert html == (
        '<p>See <a class="external-image" href="https://evil.example/map.png" '
        'rel="nofollow ugc noopener noreferrer">the team&#x27;s map · evil.example</a>.</p>\n'
    )


def test_off_site_image_inside_a_link_is_a_label_not_a_nested_link() -> None:
    html = render_markdown("[![badge](https://evil.example/b.svg)](https://ok.example/)")
    assert html == (
        '<p><a href="https://ok.example/" rel="nofollow ugc noopener noreferrer">'
        '<span class="external-image">badge · evil.example</span></a></p>\n'
    )


def test_alt_text_of_an_off_site_image_is_escaped() -> None:
    links = parse(render_markdown('![<b>"x"</b> & y](https://evil.example/x.png)')).links
    assert links == [
        {
            "class": "external-image",
            "href": "https://evil.example/x.png",
            "rel": "nofollow ugc noopener noreferrer",
        }
    ]
    assert "&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; y · evil.example" in render_markdown(
        '![<b>"x"</b> & y](https://evil.example/x.png)'
    )


@pytest.mark.parametrize(
    ("markdown", "src"),
    [
        ("![x](/media/avatars/a.webp)", "/media/avatars/a.webp"),
        ("![x](diagram.png)", "diagram.png"),
        ("![x](https://rung.test/media/a.png?v=2)", "/media/a.png?v=2"),
        ("![x](HTTP://RUNG.TEST:8000/a.png)", "/a.png"),
        ("![x](//rung.test/a.png)", "/a.png"),
    ],
)
def test_images_on_this_site_stay_images(markdown: str, src: str) -> None:
    """Relative images load as before; this site's own absolute URLs load from its path."""
    assert parse(render_markdown(markdown)).sources == [src]


def test_many_images_are_rewritten_in_one_pass() -> None:
    """Sanitizing 20,000 off-site images (about half a second of CPU) stays far from a hang."""
    html = '<p><img src="https://evil.example/x.png" alt="x">\n' * 20_000
    started = time.process_time()
    clean = sanitize_html(html)
    assert time.process_time() - started < 5
    assert clean.count('class="external-image"') == 20_000


_PIECES = [
    "![",
    "](",
    ")",
    "[",
    "]",
    "]: ",
    "<img src=",
    '"',
    ">",
    "<a href=/x>",
    "</a>",
    "https://evil.example/x.png",
    "//evil.example/y",
    "\\\\evil.example",
    "/\\",
    "HTTPS:",
    "&#9;",
    " ",
    "\n",
    "\n\n",
    "rung.test",
    "@",
    "data:image/png,",
]


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_random_image_markup_never_loads_from_another_host(text: str) -> None:
    assert off_site_images(render_markdown(text)) == []
