"""Every model survives the trip through plain data: `to_data` → `validate` gives back an
equal model, and so does `from_data` (the agenda cache's way back, issue 12.7).

The models are found by looking in the model modules, so a model added later (a typed run
state, a new record) is covered without touching this file. Values are drawn from each
field's own type and markers (`Limits`, `Pattern`, `After`), so what is drawn is what a
valid file could hold; a model whose cross-field checks reject a draw is drawn again.
"""

from __future__ import annotations

import dataclasses
import inspect
import types
import typing
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from startpakke.agenda import model as agenda_model
from startpakke.documents import handouts_model
from startpakke.modeling import After, Limits, Pattern, field_types, from_data, to_data, validate
from startpakke.session import model as session_model

MODULES = [agenda_model, session_model, handouts_model]
LONGEST_LIST = 2
"""Short lists keep nested models (an agenda of parts of phases of steps) quick to draw."""


def models() -> list[type]:
    found: list[type] = []
    for module in MODULES:
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if dataclasses.is_dataclass(cls) and cls.__module__ == module.__name__:
                found.append(cls)
    # A problem found in an agenda, not something kept in a file: it is never validated.
    found.remove(agenda_model.CrossProblem)
    return found


def _text(limits: Limits | None, pattern: Pattern | None) -> st.SearchStrategy[str]:
    low = (limits.min_length if limits else None) or 0
    high = limits.max_length if limits else None
    if pattern is not None:
        drawn = st.from_regex(pattern.regex, fullmatch=True)
        return drawn.filter(lambda s: low <= len(s) <= (high if high is not None else 10**9))
    alphabet = st.characters(exclude_categories=("Cs",))  # no lone surrogates
    return st.text(alphabet, min_size=low, max_size=min(high or 20, 20))


def _number(limits: Limits | None) -> st.SearchStrategy[int]:
    low: int | None = None
    if limits is not None and limits.ge is not None:
        low = limits.ge
    if limits is not None and limits.gt is not None:
        low = limits.gt + 1
    high = limits.le if limits is not None else None
    return st.integers(min_value=low if low is not None else -1000, max_value=high or 10_000)


def _after(function: Any, base: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Values the normaliser keeps, as it keeps them."""

    def normalised(value: Any) -> Any:
        try:
            return function(value)
        except ValueError:
            return _REJECT

    return base.map(normalised).filter(lambda v: v is not _REJECT)


_REJECT = object()
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-1000, 1000) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=5), inner, max_size=2)
    ),
    max_leaves=4,
)


def strategy(tp: Any) -> st.SearchStrategy[Any]:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        base, *markers = typing.get_args(tp)
        limits = next((m for m in markers if isinstance(m, Limits)), None)
        pattern = next((m for m in markers if isinstance(m, Pattern)), None)
        after = next((m for m in markers if isinstance(m, After)), None)
        if base is str:
            drawn: st.SearchStrategy[Any] = _text(limits, pattern)
        elif base is int:
            drawn = _number(limits)
        elif typing.get_origin(base) is list:
            (item,) = typing.get_args(base)
            low = (limits.min_length if limits else None) or 0
            drawn = st.lists(strategy(item), min_size=low, max_size=max(low, LONGEST_LIST))
        else:
            drawn = strategy(base)
        if after is not None:
            time_of_day = st.times().map(lambda t: f"{t.hour}:{t.minute:02d}")
            drawn = _after(after.function, time_of_day if base is str else drawn)
        return drawn
    if origin in (typing.Union, types.UnionType):
        return st.one_of([strategy(option) for option in typing.get_args(tp)])
    if origin is list:
        (item,) = typing.get_args(tp)
        return st.lists(strategy(item), max_size=LONGEST_LIST)
    if origin is dict or tp is Any:
        return st.dictionaries(st.text(max_size=8), _JSON, max_size=3)
    if origin is typing.Literal:
        return st.sampled_from(typing.get_args(tp))
    if tp is type(None):
        return st.none()
    if isinstance(tp, type) and issubclass(tp, Enum):
        return st.sampled_from(list(tp))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return model_strategy(tp)
    if tp is datetime:
        moments = st.datetimes(datetime(1990, 1, 1), datetime(2100, 1, 1))
        return moments | moments.map(lambda d: d.replace(tzinfo=UTC))
    if tp is date:
        return st.dates(date(1990, 1, 1), date(2100, 1, 1))
    if tp is bool:
        return st.booleans()
    if tp is int:
        return st.integers(-1000, 10_000)
    if tp is float:
        return st.floats(-1e6, 1e6, allow_nan=False)
    if tp is str:
        return _text(None, None)
    raise TypeError(f"no strategy for {tp!r}: teach this test the new kind of field")


_MODELS: dict[type, st.SearchStrategy[Any]] = {}


def model_strategy(cls: type) -> st.SearchStrategy[Any]:
    if cls not in _MODELS:
        hints = field_types(cls)
        fields = {f.name: strategy(hints[f.name]) for f in dataclasses.fields(cls) if f.init}

        def build(values: dict[str, Any]) -> Any:
            try:
                return cls(**values)
            except (ValueError, TypeError):  # a check across fields said no
                return _REJECT

        _MODELS[cls] = st.fixed_dictionaries(fields).map(build).filter(lambda m: m is not _REJECT)
    return _MODELS[cls]


def test_the_models_are_found() -> None:
    names = {cls.__name__ for cls in models()}
    assert {"Agenda", "Part", "Phase", "Session", "Participant", "Plan", "Handouts"} <= names


@pytest.mark.parametrize("cls", models(), ids=lambda cls: cls.__name__)
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow],
)
@given(data=st.data())
def test_to_data_then_validate_gives_the_same_model(cls: type, data: st.DataObject) -> None:
    original = data.draw(model_strategy(cls))
    plain = to_data(original)
    assert validate(cls, plain) == original
    assert from_data(cls, plain) == original
    assert to_data(validate(cls, plain)) == plain, "and the data it writes is the same"
