"""Model instances built from a database row without `Model.__init__`, where that is the same.

Building an instance from a row, Django's `Model.__init__` sends `pre_init` and
`post_init`, and assigns each column through the class's descriptors (a foreign key's
clears a cache the new instance does not have yet). For a model none of that changes,
the instance it leaves is its state object and one attribute per column. The pages read
hundreds of such rows when nothing is cached (a question's answers with their authors'
bylines), where the assigning cost more than the reading. `row_builder(model)` returns
what builds that instance directly, or Django's own `from_db` for a model where it
could differ:

- a receiver of `pre_init`, or of `post_init` other than modeltranslation's, which only
  removes the flag its constructor sets;
- its own `from_db`, or a constructor other than Django's or modeltranslation's (which
  rewrites keyword arguments; a row has none);
- its own `__setattr__`, or a column whose class attribute stores anything but the value
  under the column's name (Django's deferred attributes, foreign keys' and files' do).

A row that holds some columns (`only()`) gets those, as `from_db` gives them. The test
in rung/core/tests/test_plain_models.py builds every model of the project both ways.
"""

import inspect
from collections.abc import Callable
from functools import partial
from typing import Any

from django.db.models import Model
from django.db.models.base import ModelState
from django.db.models.fields.files import FileDescriptor, ImageFileDescriptor
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.query_utils import DeferredAttribute
from django.db.models.signals import post_init, pre_init

try:
    from modeltranslation import translator as _translator
    from modeltranslation.fields import TranslationFieldDescriptor
except ImportError:  # pragma: no cover - modeltranslation is a dependency
    _translator = None  # type: ignore[assignment]
    TranslationFieldDescriptor = None  # type: ignore[assignment,misc]

# Descriptors whose assignment on a fresh instance stores the value under the column's name
# (an image's also updates its dimension fields, but only when it replaces a value).
_PLAIN_DESCRIPTORS: tuple[type, ...] = (
    DeferredAttribute,
    ForeignKeyDeferredAttribute,
    FileDescriptor,
    ImageFileDescriptor,
)

RowBuilder = Callable[..., Any]


def _translated(model: type[Model]) -> bool:
    if _translator is None:
        return False
    try:
        _translator.translator.get_options_for_model(model)
    except _translator.NotRegistered:
        return False
    return True


def _receivers(signal: Any, model: type[Model]) -> list[Any] | None:
    """Return the live receivers of a signal for a model, or None when they cannot be told."""
    try:
        sync, asynchronous = signal._live_receivers(model)
    except (AttributeError, TypeError, ValueError):
        return None
    return [*sync, *asynchronous]


def builds_plainly(model: type[Model]) -> bool:
    """Whether `Model.__init__` leaves a row's instance as its state and one value a column."""
    if model.from_db.__func__ is not Model.from_db.__func__:  # type: ignore[attr-defined]
        return False
    translated = _translated(model)
    init = model.__init__
    if init is not Model.__init__ and not (
        translated and getattr(init, "__qualname__", "") == "patch_constructor.<locals>.new_init"
    ):
        return False
    if getattr(model, "__setattr__", object.__setattr__) is not object.__setattr__:
        return False
    if _receivers(pre_init, model) != []:
        return False
    after = _receivers(post_init, model)
    if after is None:
        return False
    if after and not (
        translated
        and _translator is not None
        and all(receiver is _translator.delete_mt_init for receiver in after)
    ):
        return False
    for field in model._meta.concrete_fields:
        descriptor = inspect.getattr_static(model, field.attname, None)
        if descriptor is None:
            continue
        if TranslationFieldDescriptor is not None and isinstance(
            descriptor, TranslationFieldDescriptor
        ):
            # It stores the value under the field's name while the constructor runs.
            if field.name != field.attname:
                return False
            continue
        if type(descriptor) not in _PLAIN_DESCRIPTORS:
            return False
    return True


def _plain_builder(model: type[Model], fetch_mode: Any, fallback: RowBuilder) -> RowBuilder:
    attnames = tuple(field.attname for field in model._meta.concrete_fields)
    count = len(attnames)
    new = model.__new__

    # A row of some columns (`only()`, `defer()`) fills them in the model's order, as
    # `Model.from_db` does; which ones is worked out once per list of names.
    partial_names: dict[tuple[str, ...], tuple[str, ...]] = {}

    def build(db: str, field_names: Any, values: Any) -> Any:
        names = attnames
        if len(values) != count:
            key = tuple(field_names)
            names = partial_names.get(key)  # type: ignore[assignment]
            if names is None:
                wanted = set(key)
                names = partial_names[key] = tuple(n for n in attnames if n in wanted)
            if len(names) != len(values):
                return fallback(db, field_names, values)
        state = ModelState()
        state.adding = False
        state.db = db
        if fetch_mode is not None:
            state.fetch_mode = fetch_mode
        instance = new(model)
        fields = instance.__dict__
        fields["_state"] = state
        fields.update(zip(names, values, strict=True))
        return instance

    return build


def row_builder(
    model: type[Model], fetch_mode: Any, fallback: RowBuilder | None = None
) -> RowBuilder:
    """Return what builds an instance of `model` from a row: `(db, field_names, values)`.

    `fallback` is the ORM's own builder for the model (its `from_db` with the fetch mode).
    """
    fallback = fallback or partial(model.from_db, fetch_mode=fetch_mode)
    if not builds_plainly(model):
        return fallback
    return _plain_builder(model, fetch_mode, fallback)
