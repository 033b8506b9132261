"""How a validation error reads in Norwegian: one wording for agendas and session files.

pydantic reports what is wrong as error dicts (`loc`, `type`, `input`, `ctx`). `word()`
turns one into a `Wording`: the sentence, the path it is about, and the path a locator
should point at. Where the file is is the caller's business: the agenda loader points at
FILE:LINE:COL, the session store and the edit operations name the field path.

    for error in invalid.errors:
        wording = word(error, Session)
        print(wording.line())   # «participants[0].name: må være tekst, fikk 42 (…)»

Plain Python: imports neither pydantic nor YAML.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import re
import types
import typing
from dataclasses import dataclass
from typing import Any

from startpakke.i18n import N_, _, plural
from startpakke.modeling import field_names, field_types

__all__ = ["Loc", "Wording", "field_path", "show", "word"]

Loc = tuple[int | str, ...]


@dataclass(frozen=True)
class Wording:
    """One problem in words, and where it is."""

    text: str
    """What is wrong, without the path («må være et heltall, fikk «ti»»)."""
    subject: Loc
    """The path the text is about, written before it (empty: the whole file)."""
    at: Loc
    """The path a locator points at (for an unknown field: its key, see `key`)."""
    key: bool = False
    """Point at the key written at `at` rather than its value."""

    def line(self, whole_file: str = "") -> str:
        """«felt.sti: tekst»; `whole_file` names the subject when the path is empty."""
        subject = field_path(self.subject) or whole_file
        return f"{subject}: {self.text}" if subject else self.text


def field_path(loc: Loc) -> str:
    """`("parts", 3, "minutes")` → `parts[3].minutes`."""
    out = ""
    for item in loc:
        if isinstance(item, int):
            out += f"[{item}]"
        else:
            out += f".{item}" if out else str(item)
    return out


def show(value: Any) -> str:
    """A value as the user wrote it, for «fikk …»."""
    if value is None:
        return _("en tom verdi")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return "-.inf" if value < 0 else ".inf"
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:39] + "…"
        return f"«{short}»"
    if isinstance(value, list):
        return _("en liste")
    if isinstance(value, dict):
        return _("en samling felt")
    return repr(value)


_DATES = {
    "date_type": N_("må være en dato, f.eks. 2026-11-16"),
    "date_parsing": N_("må være en dato, f.eks. 2026-11-16"),
    "date_from_datetime_parsing": N_("må være en dato, f.eks. 2026-11-16"),
    "date_from_datetime_inexact": N_("må være en dato uten klokkeslett, f.eks. 2026-11-16"),
    "datetime_type": N_("må være et tidspunkt, f.eks. 2026-11-16 09:00"),
    "datetime_parsing": N_("må være et tidspunkt, f.eks. 2026-11-16 09:00"),
    "datetime_from_date_parsing": N_("må være et tidspunkt, f.eks. 2026-11-16 09:00"),
    "float_type": N_("må være et tall"),
    "float_parsing": N_("må være et tall"),
    "finite_number": N_("må være et endelig tall"),
    "time_type": N_("må være et klokkeslett, f.eks. 09:00"),
    "time_parsing": N_("må være et klokkeslett, f.eks. 09:00"),
}


def word(error: Any, root: type[Any]) -> Wording:
    """pydantic's error dict for data validated as `root`, in Norwegian."""
    loc: Loc = tuple(error.get("loc", ()))
    kind = str(error.get("type", ""))
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        parent, name = loc[:-1], loc[-1]
        return Wording(_("mangler påkrevd felt «{name}»").format(name=name), parent, parent)
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        parent, name = loc[:-1], str(loc[-1])
        *_unused, names = _field_at((*parent, "?"), root)
        unknown = _("ukjent felt «{name}»").format(name=name)
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
        if close:
            unknown += _(" (mente du «{name}»?)").format(name=close[0])
        elif names:
            unknown += _("; gyldige felt: {names}").format(names=", ".join(names))
        return Wording(unknown, parent, loc, key=True)

    field, metadata, _names = _field_at(loc, root)
    bounds = _bounds(metadata)
    got = show(value)
    text: str
    if kind in ("int_type", "int_parsing", "int_from_float"):
        if value is None:
            text = _("mangler verdi (må være {wanted})").format(wanted=_integer_wanted(bounds))
        else:
            text = _("må være {wanted}, fikk {got}").format(wanted=_integer_wanted(bounds), got=got)
            if isinstance(value, str) and re.fullmatch(r"\s*[-+]?\d+\s*", value):
                text += _(" (skriv tallet uten anførselstegn)")
    elif kind in ("greater_than", "greater_than_equal"):
        text = _("må være {wanted}, fikk {got}").format(wanted=_integer_wanted(bounds), got=got)
    elif kind in ("less_than_equal", "less_than"):
        text = _("kan være høyst {most}, fikk {got}").format(
            most=ctx.get("le", ctx.get("lt")), got=got
        )
    elif kind in ("bool_type", "bool_parsing"):
        text = _("må være true eller false, fikk {got}").format(got=got)
    elif kind == "string_type":
        if value is None:
            text = _("mangler verdi (må være tekst)")
        else:
            text = _("må være tekst, fikk {got}").format(got=got)
            if isinstance(value, (int, float, bool)):
                text += _(" (sett anførselstegn rundt teksten)")
    elif kind == "string_too_short":
        text = _("feltet kan ikke være tomt")
    elif kind == "string_too_long":
        text = _("er for lang (høyst {most} tegn)").format(most=ctx.get("max_length"))
    elif kind == "string_pattern_mismatch":
        text = _(
            "{got} er ikke en gyldig id: bruk små bokstaver a–z, tall, - og _ (f.eks. «steg3»)"
        ).format(got=got)
    elif kind in ("enum", "literal_error"):
        text = _("ugyldig verdi {got} for {field}; gyldige: {choices}").format(
            got=got, field=field or _("verdien"), choices=_choices(error)
        )
    elif kind == "list_type":
        text = _("må være en liste, fikk {got}").format(got=got)
    elif kind in (
        "model_type",
        "dict_type",
        "model_attributes_type",
        "dataclass_type",
        "dataclass_args_type",
    ):
        text = _("må være en samling felt (nøkkel: verdi), fikk {got}").format(got=got)
    elif kind == "too_short":
        minimum = ctx.get("min_length", 1)
        text = (
            plural("må ha minst {n} element", "må ha minst {n} elementer", minimum)
            if minimum != 1
            else _("listen kan ikke være tom")
        )
    elif kind == "too_long":
        most = ctx.get("max_length", 0)
        text = plural("kan ha høyst {n} element", "kan ha høyst {n} elementer", most)
    elif kind in _DATES:
        text = _("{wanted}, fikk {got}").format(wanted=_(_DATES[kind]), got=got)
    elif kind == "value_error":
        text = str(error.get("msg", "")).removeprefix("Value error, ")
    else:
        # pydantic's own message is English: the value is named, the rule is not guessed.
        text = _("ugyldig verdi {got}").format(got=got)
    return Wording(text, loc, loc)


# -- what the model says about the field at a path -----------------------------------------


def _unwrap(annotation: Any) -> tuple[list[Any], list[Any]]:
    """The non-None types inside an annotation, and the metadata of any Annotated layers."""
    metadata: list[Any] = []
    found: list[Any] = []
    stack = [annotation]
    while stack:
        current = stack.pop()
        origin = typing.get_origin(current)
        if origin is typing.Annotated:
            args = typing.get_args(current)
            stack.append(args[0])
            for item in args[1:]:
                metadata.extend(getattr(item, "metadata", None) or [item])
        elif origin in (typing.Union, types.UnionType):
            stack.extend(a for a in typing.get_args(current) if a is not type(None))
        else:
            found.append(current)
    return found, metadata


def _unwrap_all(annotations: list[Any]) -> tuple[list[Any], list[Any]]:
    all_types: list[Any] = []
    all_meta: list[Any] = []
    for annotation in annotations:
        found, meta = _unwrap(annotation)
        all_types.extend(found)
        all_meta.extend(meta)
    return all_types, all_meta


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and dataclasses.is_dataclass(tp)


def _field_at(loc: Loc, root: type[Any]) -> tuple[str | None, list[Any], list[str]]:
    """For a loc: the field name, its constraints (Gt, Le, …), and its model's field names."""
    model: Any = root
    name: str | None = None
    metadata: list[Any] = []
    names: list[str] = field_names(root)
    current: list[Any] = []
    for item in loc:
        if isinstance(item, int):
            inner: list[Any] = []
            for tp in current:
                if typing.get_origin(tp) is list:
                    inner.extend(typing.get_args(tp))
            current, metadata = _unwrap_all(inner)
            model = next((t for t in current if _is_model(t)), None)
            continue
        if model is None:
            return item, [], []
        names = field_names(model)
        info = field_types(model).get(item) if item in names else None
        if info is None:
            return item, [], names
        name = item
        current, metadata = _unwrap_all([info])
        model = next((t for t in current if _is_model(t)), None)
    return name, metadata, names


def _bounds(metadata: list[Any]) -> dict[str, Any]:
    bounds: dict[str, Any] = {}
    for item in metadata:
        for attr in ("gt", "ge", "lt", "le", "min_length", "max_length"):
            value = getattr(item, attr, None)
            if value is not None:
                bounds[attr] = value
    return bounds


def _integer_wanted(bounds: dict[str, Any]) -> str:
    if "gt" in bounds:
        return _("et heltall større enn {least}").format(least=bounds["gt"])
    if "ge" in bounds:
        return _("et heltall fra og med {least}").format(least=bounds["ge"])
    return _("et heltall")


def _choices(error: Any) -> str:
    expected = str((error.get("ctx") or {}).get("expected", ""))
    items = re.split(r",\s*|\s+or\s+", expected)
    return ", ".join(item.strip().strip("'\"") for item in items if item.strip())
