"""The session: everything captured during a meeting, and where the run stands.

The session file is the product's memory. It is JSON, versioned by `schema_version`,
and its top-level names (`network`, `participants`, `rules`, `competences`, `plan`,
`actions`) are a public interface: other tools read them.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = 2
"""The session file format this program writes. See `startpakke.session.migrate`."""


def new_id() -> str:
    """A short random id for items the facilitator can edit, reorder and delete."""
    return uuid.uuid4().hex[:12]


class _Model(BaseModel):
    # Unknown keys are kept out: a hand-edited typo is reported, not silently dropped.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Role(StrEnum):
    """Whether a participant is a member (medlem) or a deputy (vara)."""

    member = "member"
    deputy = "deputy"


class CompetenceCategory(StrEnum):
    """The deck's three parts of professional competence, one post-it colour each."""

    teoretisk = "teoretisk"
    """Teoretisk kunnskap — faglig innsikt, modeller og lovverk."""
    yrkesspesifikk = "yrkesspesifikk"
    """Yrkesspesifikke ferdigheter — metoder, verktøy og praksis."""
    personlig = "personlig"
    """Personlig kompetanse — relasjoner, kommunikasjon og samspill."""


CATEGORY_LABELS: dict[CompetenceCategory, str] = {
    CompetenceCategory.teoretisk: "Teoretisk kunnskap",
    CompetenceCategory.yrkesspesifikk: "Yrkesspesifikke ferdigheter",
    CompetenceCategory.personlig: "Personlig kompetanse",
}
CATEGORY_HINTS: dict[CompetenceCategory, str] = {
    CompetenceCategory.teoretisk: "faglig innsikt, modeller og lovverk",
    CompetenceCategory.yrkesspesifikk: "metoder, verktøy og praksis",
    CompetenceCategory.personlig: "relasjoner, kommunikasjon og samspill",
}
# The post-it colour of each category: shown with its name, never as the only signal.
CATEGORY_COLOURS: dict[CompetenceCategory, str] = {
    CompetenceCategory.teoretisk: "gul",
    CompetenceCategory.yrkesspesifikk: "blå",
    CompetenceCategory.personlig: "rosa",
}


class Network(_Model):
    """The network and this meeting's date and place."""

    name: str = Field(default="", description="Nettverkets navn.")
    services: list[str] = Field(
        default_factory=list, description="Kommunene/barneverntjenestene i nettverket."
    )
    meeting_date: date | None = Field(default=None, description="Møtets dato.")
    place: str = Field(default="", description="Sted, f.eks. rådhuset eller Teams.")


class Participant(_Model):
    """A leader taking part in the network."""

    id: str = Field(default_factory=new_id, description="Fast id (navn kan endres).")
    name: str = Field(description="Fullt navn.")
    service: str = Field(default="", description="Kommune/barneverntjeneste/organisasjon.")
    role: Role = Field(default=Role.member, description="Medlem eller vara.")
    contact: str = Field(default="", description="E-post eller telefon (valgfritt).")
    present: bool = Field(default=True, description="Til stede på møtet.")
    brings_case: bool = Field(
        default=False, description="Har lovet å ta med en sak til kollegaveiledning."
    )
    case_title: str = Field(default="", description="Kort om saken personen tar med.")


class Rule(_Model):
    """A proposed spilleregel; `agreed` once the group has reached consensus.

    The rules' order is their order in `Session.rules`.
    """

    id: str = Field(default_factory=new_id, description="Fast id.")
    text: str = Field(description="Regelen slik gruppen formulerte den.")
    proposed_by: str | None = Field(default=None, description="Deltaker-id som foreslo den.")
    agreed: bool = Field(default=False, description="Gruppen er enig om regelen.")


class Competence(_Model):
    """One post-it: what a participant brings, in one of the three categories."""

    id: str = Field(default_factory=new_id, description="Fast id.")
    participant: str = Field(description="Deltaker-id.")
    category: CompetenceCategory = Field(description="Hvilken av de tre kategoriene.")
    text: str = Field(description="Det som står på lappen.")
    top: bool = Field(default=False, description="Blant personens tre viktigste.")
    chosen: bool = Field(default=False, description="Nettverket har valgt å bruke denne.")


class Contract(_Model):
    """The nettverkskontrakt's own text from steg 5."""

    purpose: str = Field(
        default="", description="Nettverkets formål (Bufdir 2024 som utgangspunkt)."
    )
    text: str = Field(default="", description="Kontraktens egen tekst: normer, forpliktelser.")
    evaluation: str = Field(default="", description="Hvordan kontrakten evalueres og revideres.")
    review_date: date | None = Field(default=None, description="Når kontrakten skal evalueres.")
    version: int = Field(default=1, description="Kontraktens versjon (øker ved revisjon).")
    revised_at: date | None = Field(default=None, description="Dato for siste revisjon.")


class Revision(_Model):
    """One entry in the contract's history."""

    version: int = Field(description="Kontraktens versjon etter revisjonen.")
    at: datetime = Field(description="Når revisjonen ble gjort.")
    changes: list[str] = Field(default_factory=list, description="Hva som ble endret.")


class MeetingSlot(_Model):
    """A planned network meeting, with who leads and writes the referat when rotating."""

    id: str = Field(default_factory=new_id, description="Fast id.")
    date: Annotated[date, Field(description="Møtets dato.")]
    start: str = Field(default="09:00", description="Klokkeslett TT:MM.")
    end: str = Field(default="12:00", description="Klokkeslett TT:MM.")
    place: str = Field(default="", description="Sted; tomt = planens plattform.")
    leader: str | None = Field(default=None, description="Deltaker-id som leder møtet.")
    secretary: str | None = Field(default=None, description="Deltaker-id som skriver referat.")

    @field_validator("start", "end")
    @classmethod
    def _clock(cls, value: str) -> str:
        """Accept «9:00» and «09.00» as 09:00; anything else is an error."""
        hours, sep, minutes = value.strip().replace(".", ":").partition(":")
        if (
            sep
            and hours.isascii()
            and hours.isdigit()
            and minutes.isascii()
            and minutes.isdigit()
            and len(minutes) == 2
            and int(hours) < 24
            and int(minutes) < 60
        ):
            return f"{int(hours):02d}:{minutes}"
        raise ValueError("klokkeslett skrives TT:MM, f.eks. 09:00")


class Plan(_Model):
    """Steg 7: how the network will work from now on."""

    leader: str | None = Field(default=None, description="Deltaker-id for nettverkets leder.")
    secretary: str | None = Field(default=None, description="Deltaker-id for sekretæren.")
    term: Literal["year", "rotating", ""] = Field(
        default="", description="Leder/sekretær for ett år (`year`) eller på omgang (`rotating`)."
    )
    frequency: str = Field(default="", description="Hvor ofte nettverket møtes.")
    format: Literal["digital", "physical", "both", ""] = Field(
        default="", description="Digitale, fysiske treff eller begge deler."
    )
    platform: str = Field(default="", description="Plattform for kontakt, f.eks. Teams.")
    meetings: list[MeetingSlot] = Field(default_factory=list, description="Konkrete møtedatoer.")
    themes: list[str] = Field(default_factory=list, description="Bruttoliste over temaer.")
    everyone_brings_case: bool = Field(
        default=True, description="Alle tar med en problemstilling til kollegaveiledning."
    )
    notes: str = Field(default="", description="Annet om planen.")


class Action(_Model):
    """An action item: what, who, by when."""

    id: str = Field(default_factory=new_id, description="Fast id.")
    what: str = Field(description="Hva som skal gjøres.")
    who: str = Field(default="", description="Ansvarlig (navn eller deltaker-id).")
    due: date | None = Field(default=None, description="Frist.")
    done: bool = Field(default=False, description="Utført.")
    from_session: str | None = Field(
        default=None, description="Id for økten tiltaket ble vedtatt i, om det er overført."
    )


class Note(_Model):
    """A free note, tied to the part it was written in."""

    id: str = Field(default_factory=new_id, description="Fast id.")
    part: str = Field(description="Id for delen notatet ble skrevet i (tom = generelt).")
    text: str = Field(description="Notatet.")
    private: bool = Field(
        default=False,
        description="Holdes utenfor referatet (f.eks. en fokuspersons egne lærdommer).",
    )
    about: str | None = Field(default=None, description="Deltaker-id notatet gjelder.")


class FocusRound(_Model):
    """Kollegaveiledning: a focus person and their case in this meeting."""

    participant: str = Field(description="Deltaker-id for fokuspersonen.")
    case_title: str = Field(default="", description="Kort om saken.")
    takeaway: str = Field(default="", description="Hva fokuspersonen tar med seg.")
    share_takeaway: bool = Field(
        default=False, description="Fokuspersonen har sagt ja til at dette står i referatet."
    )


class Session(_Model):
    """A meeting's whole record. Saved atomically after every change."""

    schema_version: int = Field(default=SCHEMA_VERSION, description="Filformatets versjon.")
    id: str = Field(default_factory=new_id, description="Øktens id.")
    created_at: datetime = Field(
        default_factory=lambda: datetime.now().astimezone(), description="Når økten ble opprettet."
    )
    updated_at: datetime = Field(
        default_factory=lambda: datetime.now().astimezone(), description="Sist lagret."
    )
    agenda: str = Field(default="startpakke", description="Agendaens navn eller sti.")
    agenda_id: str = Field(default="startpakke", description="Agendaens id.")
    network: Network = Field(default_factory=Network, description="Nettverket og møtet.")
    participants: list[Participant] = Field(
        default_factory=list, description="Deltakerne (medlemmer og vara), i runde-rekkefølge."
    )
    facilitator: str | None = Field(default=None, description="Deltaker-id for fasilitatoren.")
    timekeeper: str | None = Field(default=None, description="Deltaker-id for tidtakeren.")
    rules: list[Rule] = Field(
        default_factory=list, description="Foreslåtte spilleregler, i gruppens rekkefølge."
    )
    contract: Contract = Field(default_factory=Contract, description="Nettverkskontrakten.")
    revisions: list[Revision] = Field(default_factory=list, description="Kontraktens historikk.")
    competences: list[Competence] = Field(
        default_factory=list, description="Kompetanselappene, per deltaker og kategori."
    )
    plan: Plan = Field(default_factory=Plan, description="Plan for videre arbeid (steg 7).")
    actions: list[Action] = Field(default_factory=list, description="Oppfølgingspunkter.")
    notes: list[Note] = Field(default_factory=list, description="Frie notater per del.")
    focus_rounds: list[FocusRound] = Field(
        default_factory=list, description="Kollegaveiledning: fokuspersoner og saker."
    )
    previous_session: str | None = Field(
        default=None, description="Sti til økten dette møtet bygger på (--from)."
    )
    run: dict[str, Any] | None = Field(
        default=None, description="Kjøremotorens tilstand, for å fortsette der man slapp."
    )

    # -- lookups used by the app and the documents -------------------------------------

    def participant(self, participant_id: str | None) -> Participant | None:
        if participant_id is None:
            return None
        return next((p for p in self.participants if p.id == participant_id), None)

    def name_of(self, participant_id: str | None, default: str = "") -> str:
        """A participant's name by id; free text (a name typed in) is returned as is."""
        person = self.participant(participant_id)
        if person is not None:
            return person.name
        return participant_id or default

    @property
    def members(self) -> list[Participant]:
        return [p for p in self.participants if p.role is Role.member]

    @property
    def deputies(self) -> list[Participant]:
        return [p for p in self.participants if p.role is Role.deputy]

    @property
    def agreed_rules(self) -> list[Rule]:
        return [r for r in self.rules if r.agreed]

    def touch(self) -> None:
        self.updated_at = datetime.now().astimezone()


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the session file (`schema/session.schema.json`)."""
    schema = Session.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://startpakke.invalid/schema/session.schema.json",
        "title": "startpakke øktfil",
        **{key: value for key, value in schema.items() if key != "title"},
    }


if __name__ == "__main__":  # pragma: no cover - `python -m startpakke.session.model`
    import json
    import sys

    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
