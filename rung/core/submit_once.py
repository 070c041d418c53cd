"""Make a repeated submit of a create form create one row: posts, plans, comments alike.

A create form can be sent twice in two ways, and both must make one row.

**The same rendering twice** (a double click, a retry after a timeout, or Back to a page
the browser kept whole). Each create form carries a hidden random `submit_token`
(`SubmitOnceForm`, or the `{% submit_token %}` tag for forms written out by hand), stored
on the row it creates and unique per scope: the author of a post, the owner or goal of a
growth row (`one_row_per_submit`). A second submit with the same token and the same
values gets the row already saved. The same token with other values is the form reused
for a different row (after going back and typing something else): that row is saved too,
without the token, so nothing the member typed is lost.

**A new rendering with the typed text restored** (post, press Back, press Post again).
Rung's pages send no `Cache-Control`, so Chrome and Firefox may keep the form page in the
back/forward cache, or take it from the HTTP cache, and Back then shows it whole, with
its original token: the case above. But a browser may also fetch it again (the cache
dropped it, the page was discarded on a phone, the form was opened in a second tab); it
then restores what was typed into the visible fields, but not the hidden token, whose
value is the new page's own. (`autocomplete="off"` would only stop that restoring.)
Sending `no-store` would make that worse: such pages leave the back/forward cache, so
every Back would fetch a new token. And keeping the token in script would still miss a
second tab or a browser without it. So the guarantee is on the server: a submit that
carries a token, from any rendering, whose values equal a row of the same scope created
within `RUNG_REPOST_WINDOW_SECONDS` (ten minutes by default) gets that row. An identical
post by the same member a few minutes later is the same post sent twice; past the window
it is a new one, saved as usual (a weekly log entry that reads the same, say).

"The same values" are the columns themselves, compared by the database with `=` (then
once more in Python, so a case-blind collation could not merge two texts), never a
digest: there is nothing that could collide. The lookup needs no index of its own: it
first narrows to the scope (an author's or owner's rows, by its foreign-key or
(author, created_at) index) and to the window, which posting limits keep to a handful of
rows, and only compares the text of those. Rows the service marks as gone (`current`,
such as "not deleted") never stand in for a new post. Submits without a token (imports,
the demo content, services called from code) are saved as they come: only a form asks
for this.

Two submits that race past the checks are settled as follows. With one token, by the
unique key inside the database: the second insert waits for the first to commit, then
fails, and gets the first's row on the same terms. With two tokens (two tabs, or Back and
Post at once) no key is shared, so the scope is locked first: on PostgreSQL a transaction
advisory lock named by the scope's table and query, held until commit, makes the second
submit wait and then see the first's committed row (each statement of a READ COMMITTED
transaction reads what has committed before it). It locks only that member's submits to
that one table, not the member's row, so it cannot deadlock with the row locks services
already take. SQLite needs nothing: Rung opens its transactions IMMEDIATE, so writes
already run one at a time.

A row found rather than saved is marked; `is_repeat(row)` tells the view, which takes the
member to it as after a new post, with a note that it was already posted.
"""

import datetime
import hashlib
import uuid
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, connections, models, transaction
from django.http import HttpRequest
from django.utils import timezone

# The column every submit-once table has; a name, so rows of any model can be matched.
TOKEN_FIELD = "submit_token"
# Set on a row that a repeated submit found instead of saving a new one.
_REPEAT_MARK = "_submit_once_repeat"


def submit_token_field() -> models.UUIDField:
    """Return the column that keeps the token of the form that created a row."""
    return models.UUIDField(null=True, blank=True, editable=False)


def one_row_per_submit(scope: str, name: str) -> models.UniqueConstraint:
    """Return the unique key that lets one submit of a form create one row in `scope`."""
    return models.UniqueConstraint(fields=[scope, TOKEN_FIELD], name=name)


def is_repeat(row: models.Model) -> bool:
    """Say whether a create service returned a row an earlier submit had already saved."""
    return bool(getattr(row, _REPEAT_MARK, False))


def announce_create(
    request: HttpRequest, row: models.Model, *, already: str, saved: str = ""
) -> None:
    """Tell the member on the next page that a row was saved, or had been already."""
    if is_repeat(row):
        messages.info(request, already)
    elif saved:
        messages.success(request, saved)


def repost_window() -> datetime.timedelta:
    """Return how long an identical submit from another rendering counts as the same one."""
    return datetime.timedelta(seconds=settings.RUNG_REPOST_WINDOW_SECONDS)


class SubmitOnce[M: models.Model]:
    """The rows one form may have created before, and the token this submit carries.

    `rows` is the scope (one member's or one goal's rows of one table); `current` what a
    row must be to stand for a repeat (not deleted, say). A table without a token column
    gets the window alone.
    """

    def __init__(
        self,
        rows: models.QuerySet[M],
        submit_token: uuid.UUID | None,
        *,
        current: models.Q | None = None,
        created_field: str = "created_at",
    ) -> None:
        self.rows = rows
        self.token = submit_token
        self._from_form = submit_token is not None
        self._has_token = any(f.name == TOKEN_FIELD for f in rows.model._meta.concrete_fields)
        self._current = current if current is not None else models.Q()
        self._created_field = created_field
        self._values: dict[str, Any] = {}

    def earlier(self, **values: Any) -> M | None:
        """Return the row an earlier submit of this form saved with these values, if any.

        `values` are the row's own columns as they will be saved (stripped, ids for keys).
        """
        self._values = values
        if not self._from_form:
            return None
        self._lock_scope()
        if self.token is not None and self._has_token:
            row = self.rows.filter(**{TOKEN_FIELD: self.token}).first()
            if row is not None:
                if self._same(row):
                    return _marked(row)
                self.token = None  # a different row typed into a reused form: keep both
        return self._recent_twin()

    def save(self, row: M) -> M:
        """Save a new row built with `submit_token=self.token`, or return a racing submit's."""
        if self.token is None or not self._has_token:
            row.save()
            return row
        try:
            with transaction.atomic():
                row.save()
        except IntegrityError:
            # Two submits with one token raced past `earlier`; the first one's row is in.
            winner = self.rows.get(**{TOKEN_FIELD: self.token})
            if self._same(winner):
                return _marked(winner)
            self.token = None
            setattr(row, TOKEN_FIELD, None)
            row.save()
        return row

    def _recent_twin(self) -> M | None:
        window = repost_window()
        if window <= datetime.timedelta(0):
            return None
        since = timezone.now() - window
        candidates = (
            self.rows.filter(self._current, **{f"{self._created_field}__gte": since})
            .filter(**self._values)
            .order_by(f"-{self._created_field}", "-pk")[:5]
        )
        for row in candidates:
            if self._same(row):
                return _marked(row)
        return None

    def _lock_scope(self) -> None:
        """Make submits to this scope wait for each other until commit (PostgreSQL)."""
        connection = connections[self.rows.db]
        if connection.vendor != "postgresql" or not connection.in_atomic_block:
            return
        sql, params = self.rows.query.sql_with_params()
        digest = hashlib.blake2b(repr((sql, params)).encode(), digest_size=8).digest()
        key = int.from_bytes(digest, "big", signed=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])

    def _same(self, row: M) -> bool:
        return all(getattr(row, name) == value for name, value in self._values.items())


def _marked[R: models.Model](row: R) -> R:
    setattr(row, _REPEAT_MARK, True)
    return row


class SubmitOnceForm(forms.Form):
    """A create form whose every rendering carries a new random `submit_token`.

    Services take the token and hand it to `SubmitOnce`, so a double submit creates one row.
    """

    submit_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound and not self.initial.get(TOKEN_FIELD):
            self.initial[TOKEN_FIELD] = uuid.uuid4()
