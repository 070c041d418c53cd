"""A member's browser as plain HTTP: a cookie jar talking to a running server."""

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from rung.testing.factories import PASSWORD

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


@dataclass
class Reply:
    status: int
    location: str
    html: str = ""
    retry_after: str = ""


class Browser:
    """One member's cookie jar talking HTTP to a running server, as a browser would.

    It does not follow redirects, so a test sees each response's status and Location.
    """

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )
        self.csrf = ""

    def _open(self, path: str, data: dict[str, str] | None = None) -> Reply:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)
        request.add_header("User-Agent", "Mozilla/5.0 (Rung test browser)")
        if data is not None:
            request.add_header("Referer", self.base + path)
        try:
            with self.opener.open(request, timeout=60) as response:
                headers, status, html = response.headers, response.status, response.read()
        except urllib.error.HTTPError as error:
            headers, status, html = error.headers, error.code, error.read()
        return Reply(
            status,
            headers.get("Location", ""),
            html.decode(),
            headers.get("Retry-After", ""),
        )

    def get(self, path: str) -> str:
        reply = self._open(path)
        assert reply.status == 200, (path, reply.status)
        if match := CSRF_INPUT.search(reply.html):
            self.csrf = match.group(1)
        return reply.html

    def log_in(self, username: str, password: str = PASSWORD) -> "Browser":
        self.get(reverse("account_login"))
        reply = self.post(reverse("account_login"), {"login": username, "password": password})
        assert reply.status == 302, f"log-in of {username} answered {reply.status}"
        return self

    def post(self, path: str, data: dict[str, str]) -> Reply:
        return self._open(path, {**data, "csrfmiddlewaretoken": self.csrf})
