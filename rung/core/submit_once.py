"""Make a double submit of a create form create one row: posts, plans, comments alike.

Each create form carries a hidden random `submit_token` (`SubmitOnceForm`, or the
`{% submit_token %}` tag for forms written out by hand), stored on the row it creates and
unique per scope: the author of a post, the owner or goal of a growth row
(`one_row_per_submit`). A second submit with the same token and the same values (a double
click, or a retry after a timeout) gets the row already saved. The same token with other
values is the form reused for a different row (after going back, say): that row is saved
too, without the token, so nothing the member typed is lost.

Two submits that race past the check are settled by the unique key inside the database:
the second insert waits for the first to commit, then fails, and gets the first's row,
on the same terms.
"""

import uuid
from typing import Any

from django import forms
from django.db import IntegrityError, models, transaction

# The column every submit-once table has; a name, so rows of any model can be matched.
TOKEN_FIELD = "submit_token"


def submit_token_field() -> models.UUIDField:
    """Return the column that keeps the token of the form that created a row."""
    return models.UUIDField(null=True, blank=True, editable=False)


def one_row_per_submit(scope: str, name: str) -> models.UniqueConstraint:
    """Return the unique key that lets one submit of a form create one row in `scope`."""
    return models.UniqueConstraint(fields=[scope, TOKEN_FIELD], name=name)


class SubmitOnce[M: models.Model]:
    """The rows one form may have created before, and the token this submit carries."""

    def __init__(self, rows: models.QuerySet[M], submit_token: uuid.UUID | None) -> None:
        self.rows = rows
        self.token = submit_token
        self._values: dict[str, Any] = {}

    def earlier(self, **values: Any) -> M | None:
        """Return the row an earlier submit of this form saved with these values, if any."""
        self._values = values
        if self.token is None:
            return None
        row = self.rows.filter(**{TOKEN_FIELD: self.token}).first()
        if row is None:
            return None
        if self._same(row):
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
            # Two submits with one token raced past `earlier`; the first one's row is in.
            winner = self.rows.get(**{TOKEN_FIELD: self.token})
            if self._same(winner):
                return winner
            self.token = None
            setattr(row, TOKEN_FIELD, None)
            row.save()
        return row

    def _same(self, row: M) -> bool:
        return all(getattr(row, name) == value for name, value in self._values.items())


class SubmitOnceForm(forms.Form):
    """A create form whose every rendering carries a new random `submit_token`.

    Services take the token and hand it to `SubmitOnce`, so a double click creates one row.
    """

    submit_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound and not self.initial.get(TOKEN_FIELD):
            self.initial[TOKEN_FIELD] = uuid.uuid4()
