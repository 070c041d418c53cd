"""The browser tests' Watch: a server error it sees comes with the server's own account."""

from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse
from django.urls import path

from rung.testing.browser import Watch

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("the watch is being tested")


urlpatterns = [path("broken/", _broken)]


def test_a_watch_reports_a_500_with_the_servers_traceback(
    live_server: Any, chromium: Any, settings: Any
) -> None:
    settings.ROOT_URLCONF = __name__
    watch = Watch()
    page = watch.attach(chromium.new_context()).new_page()
    page.goto(f"{live_server.url}/broken/")
    with pytest.raises(AssertionError) as failed:
        watch.assert_clean()
    assert f"500 GET {live_server.url}/broken/" in str(failed.value)
    assert "RuntimeError: the watch is being tested" in str(failed.value)
    assert "_broken" in str(failed.value)


def test_a_watch_that_saw_no_error_is_clean(live_server: Any, chromium: Any) -> None:
    watch = Watch()
    page = watch.attach(chromium.new_context()).new_page()
    page.goto(f"{live_server.url}/")
    watch.assert_clean()
