"""The size limit on video uploads, enforced before and while the body is read.

A request that declares a body over RUNG_LEARN_MAX_UPLOAD_BYTES is answered 413 before a
byte of it is read (`refuse_oversized`). A body that goes on past the limit anyway is cut
off by the upload handler as it arrives, so the limit holds whatever the headers said.
Video goes to a temporary file on disk, never into memory.
"""

from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import StopUpload, TemporaryFileUploadHandler
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _


def too_large_message() -> str:
    """Return the words an uploader sees for a file over the limit."""
    limit = settings.RUNG_LEARN_MAX_UPLOAD_BYTES
    if limit >= 1024**3:
        size = _("%(count)s GB") % {"count": round(limit / 1024**3, 1)}
    else:
        size = _("%(count)s MB") % {"count": round(limit / 1024**2, 1)}
    return _("The file is too large: a video may be at most %(size)s.") % {"size": size}


def declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def refuse_oversized(request: HttpRequest) -> HttpResponse | None:
    """Return a 413 answer if the request declares a body over the limit, else None."""
    if declared_length(request) <= settings.RUNG_LEARN_MAX_UPLOAD_BYTES:
        return None
    response = HttpResponse(
        render_to_string("learn/studio/too_large.html", {"message": too_large_message()}, request),
        status=413,
    )
    # The body is left unread: the client should not keep the connection to send it.
    response["Connection"] = "close"
    return response


class LimitedUploadHandler(TemporaryFileUploadHandler):
    """Write uploaded files to disk, and stop reading once they pass the size limit."""

    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.received = 0
        self.too_large = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> Any:
        self.received += len(raw_data)
        if self.received > settings.RUNG_LEARN_MAX_UPLOAD_BYTES:
            self.too_large = True
            # connection_reset: the parser stops reading instead of draining the rest.
            raise StopUpload(connection_reset=True)
        return super().receive_data_chunk(raw_data, start)


def limit_uploads(request: HttpRequest) -> LimitedUploadHandler:
    """Make the request's uploads go through the limited handler; return the handler."""
    handler = LimitedUploadHandler(request)
    request.upload_handlers = [handler]
    return handler
