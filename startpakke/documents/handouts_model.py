"""The handout sheets as data: `agenda/handouts.yaml`, next to the agendas.

A facilitator edits the questions in that file, not in code. Each sheet has a title, an
introduction and items; an item is a question with lines to write on, a box to write or
draw in (optionally in a post-it colour), a piece of text, or a timed step (the
kollegaveiledning card). Errors name the file, line and field in Norwegian.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from startpakke.agenda.model import Identifier, Text
from startpakke.i18n import _
from startpakke.modeling import CONFIG, Limits, Strict

HANDOUTS_FILE = "handouts.yaml"

# The colours' keys as written in handouts.yaml (the same in both målformer).
COLOURS = ("gul", "blå", "rosa", "grønn", "oransje")  # i18n: not text
# Light tints for printing: the colour is also written as text, never the only signal.
COLOUR_FILLS = {  # i18n: not text
    "gul": "FFF6BF",
    "blå": "DCEBFA",
    "rosa": "FBE0EA",
    "grønn": "E1F3DF",
    "oransje": "FDE7CF",
}


@dataclass(frozen=True, kw_only=True)
class HandoutItem:
    """One thing on a sheet."""

    __pydantic_config__ = CONFIG

    kind: Literal["lines", "box", "text", "step"] = "lines"
    """`lines`: et spørsmål med linjer å skrive på; `box`: en ramme å skrive eller tegne i;
    `text`: bare tekst; `step`: et tidsatt steg (metodekortet)."""
    label: str = ""
    """Spørsmålet, overskriften eller stegets navn."""
    hint: str = ""
    """Liten hjelpetekst under spørsmålet."""
    lines: Annotated[int, Strict(), Limits(ge=0, le=30)] = 2
    """Antall skrivelinjer (lines) eller rammens høyde i linjer (box)."""
    colour: Literal["gul", "blå", "rosa", "grønn", "oransje"] | None = None  # i18n: not text
    """Post-it-farge for en ramme: gul, blå, rosa, grønn, oransje."""
    minutes: Annotated[int, Strict(), Limits(gt=0, le=240)] | None = None
    """Minutter for et steg."""

    def __post_init__(self) -> None:
        if self.kind in ("lines", "box", "step") and not self.label.strip():
            raise ValueError(
                _("et punkt av typen «{kind}» trenger en overskrift").format(kind=self.kind)
            )
        if self.kind == "text" and not (self.label.strip() or self.hint.strip()):
            raise ValueError(_("et tekstpunkt trenger en overskrift eller en forklaring"))


@dataclass(frozen=True, kw_only=True)
class HandoutSheet:
    """One sheet: printed on its own page, with the participant's name at the top."""

    __pydantic_config__ = CONFIG

    id: Identifier
    """Kort id som agendaens `handouts` viser til."""
    title: Text
    """Arkets tittel, f.eks. «Din vaskeanvisning»."""
    subtitle: str = ""
    """Undertittel, f.eks. hvilket steg arket hører til."""
    intro: str = ""
    """Kort instruks øverst på arket."""
    layout: Literal["questions", "label", "card"] = "questions"
    """`questions`: spørsmål med linjer; `label`: en merkelapp (vaskeanvisning) der hvert
    spørsmål er en rad; `card`: et metodekort uten navnelinje."""
    items: Annotated[list[HandoutItem], Limits(min_length=1)]
    """Innholdet, i rekkefølge."""
    footer: str = ""
    """Liten tekst nederst på arket."""


@dataclass(frozen=True, kw_only=True)
class Handouts:
    """All the sheets, in the order they are printed."""

    __pydantic_config__ = CONFIG

    sheets: Annotated[list[HandoutSheet], Limits(min_length=1)]
    """Arkene, i utskriftsrekkefølge."""

    def __post_init__(self) -> None:
        ids = [s.id for s in self.sheets]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(
                _("ark-id brukt mer enn én gang: {ids}").format(ids=", ".join(duplicates))
            )

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
