"""Places on a page that apps above the page's own app fill with sections of their own.

The read-side twin of qa's post events. A page owned by a lower app (a member's profile
in accounts, a question in qa) defines a `Slot`; an app above it registers a section in
its `AppConfig.ready()`. The page renders whatever is registered, so it never imports the
apps that fill it, and an app that is not installed simply leaves its section out.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.safestring import SafeString

Section = Callable[[HttpRequest, object], SafeString | str]


@dataclass
class _Entry:
    order: int
    name: str
    render: Section


class Slot[T]:
    """A named place on a page about a `T` (a member, a question)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._entries: dict[str, _Entry] = {}

    def register(
        self, name: str, render: Callable[[HttpRequest, T], SafeString | str], *, order: int = 100
    ) -> None:
        """Add a section; a second registration under one name replaces the first."""
        self._entries[name] = _Entry(order, name, render)  # type: ignore[arg-type]

    def render(self, request: HttpRequest, subject: T) -> list[SafeString]:
        """Return the sections' HTML in order, leaving out those with nothing to show.

        Each section renders its own template, so its HTML is already escaped.
        """
        entries = sorted(self._entries.values(), key=lambda entry: (entry.order, entry.name))
        html = (entry.render(request, subject) for entry in entries)
        return [SafeString(part) for part in html if part and part.strip()]
