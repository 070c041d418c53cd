"""The dispatch behind each app's typed events (rung/qa/events.py, rung/growth/events.py).

An app that announces what happened keeps its own registry, event → [(handler,
in_transaction)], and its own `subscribe` and `publish`, typed on its own base event, so
mypy checks what a subscriber reads. What those functions do is the same everywhere and
lives here:

- `in_transaction=True`: the handler runs at once, inside the writing transaction, so its
  own writes commit or roll back with the write it heard about.
- otherwise (the default): it runs once the transaction commits, and never if it rolls
  back; outside a transaction, at once.
"""

import functools
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django.db import transaction

Subscriber = Callable[[Any], None]
Registry = defaultdict[type, list[tuple[Subscriber, bool]]]


def registry() -> Registry:
    """Return an empty registry of subscribers."""
    return defaultdict(list)


def add(registry: Registry, event_type: type, handler: Subscriber, in_transaction: bool) -> None:
    """Add a subscriber; the same handler added twice to one type is one subscription."""
    entry = (handler, in_transaction)
    if entry not in registry[event_type]:
        registry[event_type].append(entry)


def dispatch(registry: Registry, event: object) -> None:
    """Hand an event to its subscribers: the in-transaction ones now, the rest on commit."""
    for handler, in_transaction in registry[type(event)]:
        if in_transaction:
            handler(event)
        else:
            transaction.on_commit(functools.partial(handler, event), robust=True)
