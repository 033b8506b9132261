"""The handout sheets as data: `agenda/handouts.yaml`, next to the agendas.

A facilitator edits the questions in that file, not in code. Each sheet has a title, an
introduction and items; an item is a question with lines to write on, a box to write or
draw in (optionally in a post-it colour), a piece of text, or a timed step (the
kollegaveiledning card). Errors name the file, line and field in Norwegian.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from startpakke.errors import UserError

HANDOUTS_FILE = "handouts.yaml"

Identifier = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=60, strict=True)]
Text = Annotated[str, Field(min_length=1, strict=True)]

COLOURS = ("gul", "blå", "rosa", "grønn", "oransje")
# Light tints for printing: the colour is also written as text, never the only signal.
COLOUR_FILLS = {
    "gul": "FFF6BF",
    "blå": "DCEBFA",
    "rosa": "FBE0EA",
    "grønn": "E1F3DF",
    "oransje": "FDE7CF",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HandoutItem(_Strict):
    """One thing on a sheet."""

    kind: Literal["lines", "box", "text", "step"] = Field(
        default="lines",
        description=(
            "`lines`: et spørsmål med linjer å skrive på; `box`: en ramme å skrive eller "
            "tegne i; `text`: bare tekst; `step`: et tidsatt steg (metodekortet)."
        ),
    )
    label: str = Field(default="", description="Spørsmålet, overskriften eller stegets navn.")
    hint: str = Field(default="", description="Liten hjelpetekst under spørsmålet.")
    lines: int = Field(
        default=2,
        ge=0,
        le=30,
        strict=True,
        description="Antall skrivelinjer (lines) eller rammens høyde i linjer (box).",
    )
    colour: Literal["gul", "blå", "rosa", "grønn", "oransje"] | None = Field(
        default=None, description="Post-it-farge for en ramme: gul, blå, rosa, grønn, oransje."
    )
    minutes: int | None = Field(
        default=None, gt=0, le=240, strict=True, description="Minutter for et steg."
    )

    @model_validator(mode="after")
    def _needs_label(self) -> HandoutItem:
        if self.kind in ("lines", "box", "step") and not self.label.strip():
            raise ValueError(f"et punkt av typen «{self.kind}» trenger en label")
        if self.kind == "text" and not (self.label.strip() or self.hint.strip()):
            raise ValueError("et tekstpunkt trenger label eller hint")
        return self


class HandoutSheet(_Strict):
    """One sheet: printed on its own page, with the participant's name at the top."""

    id: Identifier = Field(description="Kort id som agendaens `handouts` viser til.")
    title: Text = Field(description="Arkets tittel, f.eks. «Din vaskeanvisning».")
    subtitle: str = Field(
        default="", description="Undertittel, f.eks. hvilket steg arket hører til."
    )
    intro: str = Field(default="", description="Kort instruks øverst på arket.")
    layout: Literal["questions", "label", "card"] = Field(
        default="questions",
        description=(
            "`questions`: spørsmål med linjer; `label`: en merkelapp (vaskeanvisning) der "
            "hvert spørsmål er en rad; `card`: et metodekort uten navnelinje."
        ),
    )
    items: list[HandoutItem] = Field(min_length=1, description="Innholdet, i rekkefølge.")
    footer: str = Field(default="", description="Liten tekst nederst på arket.")


class Handouts(_Strict):
    """All the sheets, in the order they are printed."""

    schema_: str | None = Field(default=None, alias="$schema")
    sheets: list[HandoutSheet] = Field(min_length=1, description="Arkene, i utskriftsrekkefølge.")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _unique_ids(self) -> Handouts:
        ids = [s.id for s in self.sheets]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"ark-id brukt mer enn én gang: {', '.join(duplicates)}")
        return self

    def sheet(self, sheet_id: str) -> HandoutSheet | None:
        return next((s for s in self.sheets if s.id == sheet_id), None)


class HandoutsError(UserError):
    """handouts.yaml could not be read; one line per problem, FILE:LINE:COL: melding."""


def handouts_path(agenda: str | Path | None = None) -> Path:
    """The handouts file next to `agenda` (a name or a path), else the built-in one."""
    from startpakke.resources import data_dir, resolve_agenda

    if agenda is not None:
        beside = resolve_agenda(str(agenda)).parent / HANDOUTS_FILE
        if beside.is_file():
            return beside
    return data_dir("agenda") / HANDOUTS_FILE


def load_handouts(path: str | Path) -> Handouts:
    import yaml

    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise HandoutsError(f"{name}:1:1: finnes ikke") from None
    except UnicodeDecodeError:
        raise HandoutsError(f"{name}:1:1: er ikke UTF-8-tekst") from None
    except OSError as err:
        raise HandoutsError(f"{name}:1:1: kan ikke leses ({err.strerror or err})") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        raise HandoutsError(f"{name}:{line}:{col}: ugyldig YAML: {err.problem}") from None
    if not isinstance(data, dict):
        raise HandoutsError(f"{name}:1:1: forventet en liste av ark under «sheets:»")
    try:
        return Handouts.model_validate(data)
    except ValidationError as err:
        lines = []
        for error in err.errors():
            loc = tuple(error["loc"])
            line, col = _position(root, loc)
            field = ".".join(str(part) for part in loc) or "fil"
            lines.append(f"{name}:{line}:{col}: {field}: {_message(error)}")
        raise HandoutsError("\n".join(lines)) from None


def _message(error: Any) -> str:
    kind = error.get("type", "")
    if kind == "missing":
        return "mangler"
    if kind == "extra_forbidden":
        return "ukjent felt"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"må være en av {expected}"
    if kind in ("int_type", "int_parsing"):
        return "må være et heltall"
    if kind in ("string_type",):
        return "må være tekst"
    if kind == "string_pattern_mismatch":
        return "bare små bokstaver, tall, - og _"
    if kind == "too_short":
        return "kan ikke være tom"
    message = str(error.get("msg", "ugyldig verdi"))
    return message.removeprefix("Value error, ")


def _position(root: Any, loc: tuple[Any, ...]) -> tuple[int, int]:
    """Line and column of the YAML node at `loc` (or the nearest parent that exists)."""
    import yaml

    node = root
    mark = root.start_mark if root is not None else None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            found = None
            for key_node, value_node in node.value:
                if key_node.value == key:
                    found = value_node
                    break
            if found is None:
                break
            node = found
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
            if key >= len(node.value):
                break
            node = node.value[key]
        else:
            break
        mark = node.start_mark
    if mark is None:
        return 1, 1
    return mark.line + 1, mark.column + 1
