"""Reads of one fixed shape, compiled to SQL once per database and run with new values.

Compiling a query (its columns, joins and value converters) costs Django far more than a
primary-key lookup costs the database. The hottest reads of a member's page always have
the same shape, so they keep the compiled SQL and the converters of their columns and
pass only the new parameters. The query is still written with the ORM, once.
"""

import weakref
from collections.abc import Callable, Sequence
from typing import Any

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models import query as django_query
from django.db.models.query import get_related_populators

from rung.core.plain_models import row_builder

# Values no real parameter takes, so each one's place among the compiled parameters is known.
_MARKERS = (-7_300_000_001, -7_300_000_002, -7_300_000_003)
# PreparedModels takes as many as its shape needs (the replies of a page take one per answer).
_MODEL_MARKERS = tuple(-7_300_100_001 - n for n in range(64))


def _parameter_slots(params: Sequence[Any], markers: Sequence[int]) -> list[Any]:
    """Return, for each compiled parameter, the index of the marker it is or (None, value).

    A marker may appear more than once (a key compared in two places); each must appear.
    """
    slots: list[Any] = []
    for param in params:
        # A text column receives the marker as text.
        at = [n for n, marker in enumerate(markers) if param in (marker, str(marker))]
        slots.append(at[0] if at else (None, param))
    if {s for s in slots if isinstance(s, int)} != set(range(len(markers))):
        raise ValueError("Each parameter must appear in the query.")
    return slots


class PreparedRows:
    """Rows of a `values_list` query whose only varying values are the given parameters.

    `build` receives one marker per parameter and returns the query written with them,
    e.g. `lambda pk: Question.objects.filter(pk=pk).values_list("title")`.
    """

    def __init__(self, build: Callable[..., QuerySet[Any, Any]], parameters: int = 1) -> None:
        if not 0 <= parameters <= len(_MARKERS):
            raise ValueError("A prepared read takes at most three parameters.")
        self._build = build
        self._parameters = parameters
        self._compiled: dict[
            tuple[str, str], tuple[str, list[Any], list[Any], list[int] | None]
        ] = {}

    def _compile(self, using: str) -> tuple[str, list[Any], list[Any], list[int] | None]:
        connection = connections[using]
        key = (using, connection.vendor)
        compiled = self._compiled.get(key)
        if compiled is None:
            markers = _MARKERS[: self._parameters]
            queryset = self._build(*markers)
            query = queryset.query
            compiler = query.get_compiler(using)
            sql, params = compiler.as_sql()
            slots = _parameter_slots(params, markers)
            if sorted(s for s in slots if isinstance(s, int)) != list(range(len(markers))):
                raise ValueError("Each parameter must appear in the query exactly once.")
            columns = [selected[0] for selected in compiler.select[: compiler.col_count]]
            converters = [
                (position, converters, expression)
                for position, (converters, expression) in compiler.get_converters(columns).items()
            ]
            # The columns may come in another order than asked for; put them back as
            # `values_list` itself does.
            names = [*query.extra_select, *query.values_select, *query.annotation_select]
            # modeltranslation's querysets select the columns from a set, keeping the
            # order asked for in `original_fields`.
            fields = list(
                getattr(queryset, "original_fields", None)
                or getattr(queryset, "_fields", None)
                or ()
            )
            if not fields:
                raise ValueError("A prepared read names its columns with values_list.")
            asked = [*fields, *(n for n in query.annotation_select if n not in fields)]
            order = None if asked == names else [names.index(name) for name in asked]
            compiled = (sql, slots, converters, order)
            self._compiled[key] = compiled
        return compiled

    def rows(self, *values: Any, using: str = "default") -> list[tuple[Any, ...]]:
        """Run the read with these parameter values and return its rows."""
        sql, slots, converters, order = self._compile(using)
        rows = _fetch(sql, slots, converters, values, using)
        if order is not None:
            return [tuple(row[index] for index in order) for row in rows]
        return [tuple(row) for row in rows]


def _fetch(
    sql: str, slots: list[Any], converters: list[Any], values: Sequence[Any], using: str
) -> Sequence[tuple[Any, ...]]:
    """Run compiled SQL with the values in their slots; convert columns as the ORM does."""
    params = [values[slot] if isinstance(slot, int) else slot[1] for slot in slots]
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows: Sequence[tuple[Any, ...]] = cursor.fetchall()
    if not converters:
        return rows
    out = []
    for row in rows:
        values_out = list(row)
        for position, functions, expression in converters:
            value = values_out[position]
            for function in functions:
                value = function(value, expression, connection)
            values_out[position] = value
        out.append(tuple(values_out))
    return out


def _from_db(model: type[Model], fetch_mode: Any) -> Callable[..., Any]:
    """Return what builds an instance from a row: as the ORM's iteration gets it, built
    without the constructor where that leaves the same instance (rung/core/plain_models.py)."""
    get = getattr(django_query, "_get_from_db", None)
    orm = get(model, fetch_mode) if get is not None else None
    return row_builder(model, fetch_mode, orm)


def _plain_populators(populators: list[Any], fetch_mode: Any) -> list[Any]:
    """Let `select_related`'s populators build their instances as `_from_db` does."""
    for populator in populators:
        if hasattr(populator, "from_db") and hasattr(populator, "model_cls"):
            populator.from_db = _from_db(populator.model_cls, fetch_mode)
        _plain_populators(getattr(populator, "related_populators", []), fetch_mode)
    return populators


class PreparedModels[M: Model]:
    """Model instances of a query of one fixed shape, `select_related` and annotations too.

    The query is compiled once per database, as `PreparedRows` does, and each run builds
    the instances the way the ORM's own iteration does (`Model.from_db`, the related
    objects' populators, the annotations), so callers get the same objects as from the
    queryset. `build` receives one marker per parameter; a parameter may appear in the
    query more than once, and only as a value compared with a column (never in a LIMIT).
    """

    def __init__(self, build: Callable[..., QuerySet[M]], parameters: int = 1) -> None:
        if not 0 <= parameters <= len(_MODEL_MARKERS):
            raise ValueError(f"A prepared read takes at most {len(_MODEL_MARKERS)} parameters.")
        self._build = build
        self._parameters = parameters
        self._compiled: dict[tuple[str, str], tuple[Any, ...]] = {}

    def _compile(self, using: str) -> tuple[Any, ...]:
        connection = connections[using]
        key = (using, connection.vendor)
        compiled = self._compiled.get(key)
        if compiled is None:
            markers = _MODEL_MARKERS[: self._parameters]
            queryset = self._build(*markers)
            state: Any = queryset  # the queryset's own settings, which its iteration reads
            if state._prefetch_related_lookups or state._known_related_objects:
                raise ValueError("A prepared read of models neither prefetches nor knows objects.")
            compiler = queryset.query.get_compiler(using)
            sql, params = compiler.as_sql()
            slots = _parameter_slots(params, markers)
            select, klass_info = compiler.select, compiler.klass_info
            model = klass_info["model"]
            fields = klass_info["select_fields"]
            start, end = fields[0], fields[-1] + 1
            init_list = [column[0].target.attname for column in select[start:end]]
            fetch_mode = state._fetch_mode
            columns = [selected[0] for selected in select[: compiler.col_count]]
            converters = [
                (position, functions, expression)
                for position, (functions, expression) in compiler.get_converters(columns).items()
            ]
            compiled = (
                sql,
                slots,
                converters,
                _from_db(model, fetch_mode),
                init_list,
                (start, end),
                _plain_populators(
                    get_related_populators(klass_info, select, using, fetch_mode), fetch_mode
                ),
                list(compiler.annotation_col_map.items()),
                fetch_mode.track_peers,
            )
            self._compiled[key] = compiled
        return compiled

    def get(self, *values: Any, using: str = "default") -> list[M]:
        """Run the read with these parameter values and return its instances."""
        if len(values) != self._parameters:
            raise TypeError(f"This read takes {self._parameters} parameters.")
        (
            sql,
            slots,
            converters,
            from_db,
            init_list,
            (start, end),
            populators,
            annotations,
            track_peers,
        ) = self._compile(using)
        rows = _fetch(sql, slots, converters, values, using)
        objects: list[M] = []
        peers: list[Any] = []
        for row in rows:
            obj = from_db(using, init_list, row[start:end])
            if track_peers:
                peers.append(weakref.ref(obj))
                obj._state.peers = peers
            for populator in populators:
                populator.populate(row, obj)
            for name, position in annotations:
                setattr(obj, name, row[position])
            objects.append(obj)
        return objects
