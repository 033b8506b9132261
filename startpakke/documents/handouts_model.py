"""The handout sheets as data: `agenda/handouts.yaml`, next to the agendas.

A facilitator edits the questions in that file, not in code. Each sheet has a title, an
introduction and items; an item is a question with lines to write on, a box to write or
draw in (optionally in a post-it colour), a piece of text, or a timed step (the
kollegaveiledning card). Errors name the file, line and field in Norwegian.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

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


def handouts_path(agenda: str | Path | None = None) -> Path:
    """The handouts file next to `agenda` (a name or a path), else the built-in one."""
    from startpakke.resources import data_dir, resolve_agenda

    if agenda is not None:
        beside = resolve_agenda(str(agenda)).parent / HANDOUTS_FILE
        if beside.is_file():
            return beside
    return data_dir("agenda") / HANDOUTS_FILE


def load_handouts(path: str | Path) -> Handouts:
    """Read and validate a handouts file; problems are `FILE:LINE:COL: melding` lines
    (an `AgendaError`, a UserError), with the same rules as the agenda files."""
    from startpakke.agenda.loader import load_model

    return load_model(path, Handouts)
