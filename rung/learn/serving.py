"""Send a lesson's video or poster after its access check, with HTTP Range for seeking.

In production the bytes never pass through Python: with RUNG_MEDIA_ACCEL_PREFIX set, the
response is an empty one carrying `X-Accel-Redirect`, and nginx sends the file from its
internal location (answering Range itself). Embedded, Rung sends the file: a player seeks
by asking for a byte range, so a single range is answered with 206 and exactly those
bytes, read in chunks. django-sendfile2 was considered: its embedded backends do not
answer Range, and its nginx backend is the one header written here.

Several ranges in one request (multipart/byteranges) are answered with the whole file, as
RFC 9110 allows; players never ask for them.
"""

import re
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.db.models.fields.files import FieldFile
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.http import http_date, parse_http_date_safe, quote_etag

CHUNK_BYTES = 256 * 1024
_RANGE_RE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _range(header: str, size: int) -> tuple[int, int] | bool | None:
    """Return (first, last) for one satisfiable range, None to send it all, False if none fits."""
    match = _RANGE_RE.match(header.strip())
    if match is None:
        # Not a single byte range (several, or another unit): the whole file.
        return None
    first_text, last_text = match.groups()
    if not first_text:
        if not last_text:
            return None
        # The last N bytes.
        length = int(last_text)
        if length == 0:
            return False
        return max(size - length, 0), size - 1
    first = int(first_text)
    if first >= size:
        return False
    last = int(last_text) if last_text else size - 1
    if last < first:
        return None
    return first, min(last, size - 1)


def _chunks(path: Path, first: int, length: int) -> Iterator[bytes]:
    with path.open("rb") as handle:
        handle.seek(first)
        left = length
        while left > 0:
            chunk = handle.read(min(CHUNK_BYTES, left))
            if not chunk:
                return
            left -= len(chunk)
            yield chunk


def send_file(
    request: HttpRequest, field: FieldFile, *, content_type: str
) -> HttpResponse | StreamingHttpResponse:
    """Answer with a stored file, its range, or 304; 404 when the file is gone."""
    if not field or not field.name:
        raise Http404
    name: str = field.name
    accel = settings.RUNG_MEDIA_ACCEL_PREFIX
    if accel:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + name.lstrip("/")
        return response
    try:
        path = Path(default_storage.path(name))
        stat = path.stat()
    except (NotImplementedError, OSError) as error:
        raise Http404 from error
    size = stat.st_size
    etag = quote_etag(f"{int(stat.st_mtime_ns):x}-{size:x}")
    modified = http_date(stat.st_mtime)
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponse(status=304)
        response["ETag"] = etag
        return response

    wanted: tuple[int, int] | bool | None = None
    range_header = request.headers.get("Range")
    if range_header:
        if_range = request.headers.get("If-Range")
        # A range is only for the same file the client saw: else the whole (new) file.
        if if_range is None or if_range == etag or _same_date(if_range, stat.st_mtime):
            wanted = _range(range_header, size)
    if wanted is False:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        response["Accept-Ranges"] = "bytes"
        return response
    first, last = wanted if isinstance(wanted, tuple) else (0, size - 1)
    length = max(last - first + 1, 0)
    body = iter(()) if request.method == "HEAD" else _chunks(path, first, length)
    streamed = StreamingHttpResponse(
        body, status=206 if isinstance(wanted, tuple) else 200, content_type=content_type
    )
    streamed["Content-Length"] = str(length)
    if isinstance(wanted, tuple):
        streamed["Content-Range"] = f"bytes {first}-{last}/{size}"
    streamed["Accept-Ranges"] = "bytes"
    streamed["ETag"] = etag
    streamed["Last-Modified"] = modified
    # Private: the address is the same for a lesson before and after it is published.
    streamed["Cache-Control"] = "private, max-age=3600"
    return streamed


def _same_date(header: str, mtime: float) -> bool:
    parsed = parse_http_date_safe(header)
    return parsed is not None and parsed >= int(mtime)
