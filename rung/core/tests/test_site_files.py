"""The files browsers and crawlers ask for by name: the favicon and robots.txt."""

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_favicon_ico_is_an_icon_not_a_404(client: Client) -> None:
    """Browsers request /favicon.ico on every site; it answers with a cacheable icon."""
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # the ICO file signature
    assert "max-age=86400" in response["Cache-Control"]


def test_every_page_links_the_svg_favicon(client: Client) -> None:
    page = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page


def test_svg_favicon_is_a_static_file() -> None:
    from django.contrib.staticfiles import finders

    path = finders.find("favicon.svg")
    assert path is not None
    with open(path, encoding="utf-8") as svg:
        assert svg.read().startswith("<svg")


def test_robots_txt_allows_public_pages_and_disallows_private_ones(client: Client) -> None:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    disallowed = {line.removeprefix("Disallow: ") for line in lines if line.startswith("Disallow")}
    for private in ("/growth/", "/accounts/", "/moderation/", "/admin/", "/search/", "/ask/"):
        assert private in disallowed
    assert "/members/me/edit/" in disallowed
    # Public pages stay open: no rule covers the home page, topics, questions or profiles.
    for public in ("/topics/mid-level/", "/questions/1/", "/members/alice/", "/glossary/"):
        assert not any(public.startswith(rule) for rule in disallowed), public
    # No sitemap exists, so none is announced.
    assert not any(line.lower().startswith("sitemap") for line in lines)


@pytest.mark.parametrize("path", ["/favicon.ico", "/robots.txt"])
def test_site_files_refuse_posts(client: Client, path: str) -> None:
    assert client.post(path).status_code == 405


def test_the_admin_carries_rungs_name(client: Any) -> None:
    """The admin's log-in page is an operator's first sight of it: Rung's name, not Django's."""
    response = client.get("/admin/login/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Log in | Rung admin</title>" in page
    assert "Rung administration" in page
    assert "Django" not in page.split("<body")[1]
