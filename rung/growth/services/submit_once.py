"""Make a double submit of a create form create one row, as rung/qa/services.py does for posts.

Each create form carries a hidden random `submit_token`, stored on the row it creates and
unique per owner (see rung/growth/models.py). A second submit with the same token and the
same values (a double click, or a retry after a timeout) gets the row already saved. The
same token with other values is the form reused for a different row (after going back,
say): that row is saved too, without the token, so nothing the member typed is lost.
"""

import uuid
from typing import Any

from django.db import IntegrityError, models, transaction


class SubmitOnce[M: models.Model]:
    """The rows one form may have created before, and the token this submit carries."""

    def __init__(self, rows: models.QuerySet[M], submit_token: uuid.UUID | None) -> None:
        self.rows = rows
        self.token = submit_token

    def earlier(self, **values: Any) -> M | None:
        """Return the row an earlier submit of this form saved with these values, if any."""
        if self.token is None:
            return None
        row = self.rows.filter(submit_token=self.token).first()
        if row is None:
            return None
        if all(getattr(row, name) == value for name, value in values.items()):
            return row
        self.token = None  # a different row typed into a reused form: keep both
        return None

    def save(self, row: M) -> M:
        """Save a new row built with `submit_token=self.token`, or return a racing submit's."""
        if self.token is None:
            row.save()
            return row
        try:
            with transaction.atomic():
                row.save()
        except IntegrityError:
            # Two submits with one token raced past `earlier`; the first one won.
            return self.rows.get(submit_token=self.token)
        return row
