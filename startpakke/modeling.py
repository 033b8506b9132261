"""Plain dataclasses at run time, pydantic at the edges.

The agenda and session models are standard-library dataclasses. pydantic validates them
wherever data comes from outside (a YAML agenda, a session file, a value the facilitator
typed) and writes their JSON Schema, but it is imported only when that first happens.
Starting a new meeting on a known agenda therefore needs neither pydantic nor PyYAML,
which keeps the first frame and the memory close to a bare Textual app (issue 8,
`benchmarks/README.md`).

What pydantic would read from `Field(...)` is written without importing it:
- descriptions are the docstrings under the fields (`use_attribute_docstrings`, read only
  when a JSON Schema is written);
- `Strict`, `Limits`, `Pattern` and `After` below change the core schema when pydantic
  builds it (they import nothing until then);
- checks across fields live in `__post_init__`, which pydantic calls after validating and
  reports as a `value_error` at the model's position.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

from startpakke.i18n import _

T = TypeVar("T")

CONFIG: dict[str, Any] = {"extra": "forbid"}
"""The pydantic config of every model (a `ConfigDict` is a plain dict): unknown keys are
errors, so a typo in a hand-edited file is reported instead of silently dropped.

Every model class holds this very dict, so `json_schema` can switch on the docstrings for
the one validator it builds (see there)."""


# -- markers pydantic reads while building a schema ------------------------------------------


class Strict:
    """No coercion: `"10"` is not a number, `yes` is not a boolean."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema["strict"] = True
        return schema


@dataclasses.dataclass(frozen=True)
class Limits:
    """Bounds on a number (`gt`, `ge`, `le`) or on the length of a text or list."""

    gt: int | None = None
    ge: int | None = None
    le: int | None = None
    min_length: int | None = None
    max_length: int | None = None

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if value is not None:
                schema[field.name] = value
        return schema


@dataclasses.dataclass(frozen=True)
class Pattern:
    """The text must match `regex` (also written into the JSON Schema)."""

    regex: str

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema["pattern"] = self.regex
        return schema


@dataclasses.dataclass(frozen=True)
class After:
    """Run `function` on the validated value: it returns the value to keep (normalised) or
    raises `ValueError` with a Norwegian message."""

    function: Any

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(self.function, handler(source))


# -- validation (imports pydantic on first use) --------------------------------------------


class Invalid(ValueError):
    """Data did not validate. `errors` is pydantic's list of error dicts (`loc`, `type`,
    `msg`, `input`, `ctx`), which the loader and the store word in Norwegian."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(f"{len(errors)} valideringsfeil")
        self.errors = errors


_ADAPTERS: dict[Any, Any] = {}


def _adapter(cls: Any) -> Any:
    # Building a validator takes milliseconds per model: once per model and process.
    if cls not in _ADAPTERS:
        from pydantic import TypeAdapter

        _ADAPTERS[cls] = TypeAdapter(cls)
    return _ADAPTERS[cls]


def warm(*classes: type[Any]) -> None:
    """Build the validators of `classes` now, so their first use does not wait for pydantic
    (about half a second for the session's models on a slow laptop). Safe in a worker
    thread: at worst a validator is built twice, and the last one kept."""
    for cls in classes:
        _adapter(cls)


def validate(cls: type[T], data: Any) -> T:
    """`data` (plain Python: dicts, lists, text, numbers) as a validated `cls`."""
    from pydantic import ValidationError

    try:
        return typing.cast(T, _adapter(cls).validate_python(data))
    except ValidationError as err:
        raise Invalid(typing.cast(list[dict[str, Any]], err.errors(include_url=False))) from None


def json_schema(cls: type[Any]) -> dict[str, Any]:
    """The JSON Schema pydantic derives from `cls`, descriptions on one line each.

    The descriptions are the docstrings under the fields. pydantic finds them by reading
    and parsing each model's source file, which took a quarter of the CPU time of a
    command that opens a session (`startpakke export`): so only the validator built here
    reads them, and the ones that validate data do not.
    """
    from pydantic import TypeAdapter

    CONFIG["use_attribute_docstrings"] = True
    try:
        adapter = TypeAdapter(cls)
    finally:
        del CONFIG["use_attribute_docstrings"]
    return typing.cast(dict[str, Any], _one_line(adapter.json_schema()))


def _one_line(value: Any) -> Any:
    # A docstring wrapped to fit the source keeps its line breaks; editors show one line.
    if isinstance(value, dict):
        return {
            key: " ".join(item.split())
            if key == "description" and isinstance(item, str)
            else _one_line(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_one_line(item) for item in value]
    return value


# -- to and from plain data (no pydantic) -------------------------------------------------


_SCALARS = frozenset({str, int, bool, float, type(None)})
_FIELDS: dict[type, tuple[str, ...]] = {}


def to_data(value: Any) -> Any:
    """A model as JSON-ready data: dataclasses become dicts in field order, enums their
    value, dates ISO text. What `from_data` and `validate` read back.

    Called on every autosave, so the common cases come first.
    """
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list or kind is tuple:
        return [to_data(item) for item in value]
    names = _FIELDS.get(kind)
    if names is None and dataclasses.is_dataclass(kind):
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(kind))
    if names is not None:
        return {name: to_data(getattr(value, name)) for name in names}
    if isinstance(value, dict):
        return {key: to_data(item) for key, item in value.items()}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):  # datetime is a date too
        return value.isoformat()
    return value


def field_names(cls: type[Any]) -> list[str]:
    """The names a model accepts, in order."""
    return [f.name for f in dataclasses.fields(cls)]


_TYPES: dict[Any, dict[str, Any]] = {}


def field_types(cls: Any) -> dict[str, Any]:
    """Each field's resolved type, with its `Annotated` markers (computed once per model)."""
    if cls not in _TYPES:
        _TYPES[cls] = typing.get_type_hints(cls, include_extras=True)
    return _TYPES[cls]


def from_data(cls: type[T], data: Any) -> T:
    """Rebuild a model from data `to_data` wrote earlier, without validating it.

    Only for data this program produced after validating it (the agenda cache): anything
    unexpected raises, and the caller falls back to validating the source.
    """
    return typing.cast(T, _build(cls, data))


def _build(tp: Any, data: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _build(typing.get_args(tp)[0], data)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if data is None:
            return None
        if len(options) != 1:
            raise TypeError(_("kan ikke gjenskape {tp}").format(tp=tp))
        return _build(options[0], data)
    if origin is list:
        (item,) = typing.get_args(tp)
        if not isinstance(data, list):
            raise TypeError(_("ventet liste for {tp}").format(tp=tp))
        return [_build(item, value) for value in data]
    if origin is dict or tp is Any or origin is typing.Literal:
        return data
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(data, dict):
            raise TypeError(_("ventet felt for {name}").format(name=tp.__name__))
        hints = field_types(tp)
        return tp(**{key: _build(hints[key], value) for key, value in data.items()})
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(data)
    if tp is datetime:
        return datetime.fromisoformat(data)
    if tp is date:
        return date.fromisoformat(data)
    if tp in (str, int, bool, float) and type(data) is tp:
        return data
    raise TypeError(_("uventet verdi for {tp}").format(tp=tp))
