"""POST JSON to a translation service with the standard library, mapping every failure."""

import http.client
import json
import logging
import time
import urllib.error
import urllib.request
from email.utils import parsedate_to_datetime
from typing import Any

from rung.languages.providers.base import TranslationUnavailable

logger = logging.getLogger(__name__)

# A translation of the longest post is well under this; a larger reply is not one of ours.
MAX_REPLY_BYTES = 4 * 1024 * 1024


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Treat redirects as failures.

    urllib would follow one with the Authorization header attached, even to another host,
    and would turn the POST into a GET; neither is something a translation API does.
    """

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def retry_after_seconds(value: str | None) -> float | None:
    """Read a Retry-After header: delta seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def _error_message(body: bytes) -> str:
    """Return the service's own words about an error, from {"error": ...} if it sent one."""
    try:
        data = json.loads(body[:10_000])
    except ValueError:
        return body[:200].decode("utf-8", "replace")
    if isinstance(data, dict):
        error = data.get("error")
        if isinstance(error, dict):
            error = error.get("message")
        if isinstance(error, str):
            return error[:200]
    return ""


def post_json(
    url: str, payload: dict[str, Any], *, headers: dict[str, str] | None = None, timeout: float
) -> dict[str, Any]:
    """POST a JSON object and return the JSON object replied; raise TranslationUnavailable."""
    request = urllib.request.Request(
        url,
        data=json.dumps(payload).encode(),
        headers={
            "Content-Type": "application/json",
            "Accept": "application/json",
            **(headers or {}),
        },
        method="POST",
    )
    try:
        with _opener.open(request, timeout=timeout) as response:
            body = response.read(MAX_REPLY_BYTES + 1)
    except urllib.error.HTTPError as error:
        with error:
            detail = _error_message(error.read(10_000))
        retry_after = retry_after_seconds(error.headers.get("Retry-After"))
        # The URL is logged without its query string: keys sometimes travel there.
        logger.warning(
            "Translation service %s answered %s: %s", url.split("?")[0], error.code, detail
        )
        raise TranslationUnavailable(
            f"HTTP {error.code}: {detail}",
            retry_after=retry_after if error.code in {429, 503} else None,
        ) from error
    except TimeoutError as error:
        logger.warning("Translation service %s timed out", url.split("?")[0])
        raise TranslationUnavailable("timed out") from error
    except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
        # URLError wraps refused connections, DNS failures and timeouts while connecting.
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError):
            logger.warning("Translation service %s timed out", url.split("?")[0])
            raise TranslationUnavailable("timed out") from error
        logger.warning("Translation service %s unreachable: %s", url.split("?")[0], reason)
        raise TranslationUnavailable(f"unreachable: {reason}") from error
    if len(body) > MAX_REPLY_BYTES:
        raise TranslationUnavailable("reply too large")
    try:
        data = json.loads(body)
    except ValueError as error:
        logger.warning("Translation service %s sent malformed JSON", url.split("?")[0])
        raise TranslationUnavailable("malformed JSON") from error
    if not isinstance(data, dict):
        raise TranslationUnavailable("reply is not a JSON object")
    return data
