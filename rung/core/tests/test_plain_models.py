"""Instances built from a row without the constructor are the ones the constructor builds."""

from typing import Any

import pytest
from django.apps import apps
from django.db import models
from django.db.models.fetch_modes import FETCH_ONE
from django.db.models.signals import post_init, pre_init
from django.test.utils import isolate_apps

from rung.accounts.models import User
from rung.core.plain_models import builds_plainly, row_builder
from rung.ladder.models import Level
from rung.qa.models import Answer


def _row(model: type[models.Model]) -> list[Any]:
    # A distinct value per column: the constructor does not check them, and each must
    # land under its own name.
    return [f"value of {field.attname}" for field in model._meta.concrete_fields]


def _built_both_ways(model: type[models.Model]) -> tuple[Any, Any]:
    names = [field.attname for field in model._meta.concrete_fields]
    values = _row(model)
    orm = model.from_db("default", names, values, fetch_mode=FETCH_ONE)
    plain = row_builder(model, FETCH_ONE)("default", names, values)
    return plain, orm


@pytest.mark.parametrize(
    "model", apps.get_models(), ids=lambda model: f"{model._meta.app_label}.{model.__name__}"
)
def test_every_model_comes_out_as_its_constructor_leaves_it(model: type[models.Model]) -> None:
    plain, orm = _built_both_ways(model)
    assert type(plain) is type(orm)
    assert {k: v for k, v in plain.__dict__.items() if k != "_state"} == {
        k: v for k, v in orm.__dict__.items() if k != "_state"
    }
    assert list(plain.__dict__) == list(orm.__dict__)
    assert (plain._state.adding, plain._state.db, plain._state.fetch_mode) == (
        orm._state.adding,
        orm._state.db,
        orm._state.fetch_mode,
    )


def test_the_models_pages_read_most_are_built_plainly() -> None:
    # Translated (Level) and with an image (User) included.
    assert builds_plainly(Answer) and builds_plainly(User) and builds_plainly(Level)


@pytest.mark.parametrize("signal", [pre_init, post_init])
def test_a_model_with_a_receiver_is_built_by_its_constructor(signal: Any) -> None:
    seen: list[Any] = []

    def receiver(sender: Any, **kwargs: Any) -> None:
        seen.append(kwargs)

    signal.connect(receiver, sender=Answer)
    try:
        assert not builds_plainly(Answer)
        _built_both_ways(Answer)
        # Once for the ORM's build and once for the builder's, which is the ORM's too.
        assert len(seen) == 2
    finally:
        signal.disconnect(receiver, sender=Answer)
    assert builds_plainly(Answer)


@pytest.mark.parametrize("model", [Answer, User, Level])
def test_a_row_of_some_columns_gets_those_as_the_orm_gives_them(model: Any) -> None:
    # Named out of the model's order: the values still come in the model's order.
    names = [field.attname for field in model._meta.concrete_fields][::3][::-1]
    values = [f"value {n}" for n in range(len(names))]
    plain = row_builder(model, FETCH_ONE)("default", names, values)
    orm = model.from_db("default", names, values, fetch_mode=FETCH_ONE)
    assert list(plain.__dict__) == list(orm.__dict__)
    assert {k: v for k, v in plain.__dict__.items() if k != "_state"} == {
        k: v for k, v in orm.__dict__.items() if k != "_state"
    }
    assert plain.get_deferred_fields() == orm.get_deferred_fields()


@isolate_apps("rung.core")
def test_a_model_with_its_own_assignment_is_built_by_its_constructor() -> None:
    class Watched(models.Model):
        title = models.CharField(max_length=10)

        class Meta:
            app_label = "core"

        def __str__(self) -> str:
            return self.title

        def __setattr__(self, name: str, value: Any) -> None:
            super().__setattr__(name, value)

    assert not builds_plainly(Watched)
