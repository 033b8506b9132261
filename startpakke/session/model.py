"""The session: everything captured during a meeting, and where the run stands.

The session file is the product's memory. It is JSON, versioned by `schema_version`,
and its top-level names (`network`, `participants`, `rules`, `competences`, `plan`,
`actions`) are a public interface: other tools read them.
"""

from __future__ import annotations

import datetime as _dt
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from startpakke.i18n import _
from startpakke.modeling import CONFIG, After
from startpakke.modeling import json_schema as _json_schema
from startpakke.session.runstate import RunState

SCHEMA_VERSION = 3
"""The session file format this program writes. See `startpakke.session.migrate`."""


def new_id() -> str:
    """A short random id for items the facilitator can edit, reorder and delete."""
    return uuid.uuid4().hex[:12]


def _clock(value: str) -> str:
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
    raise ValueError(_("klokkeslett skrives TT:MM, f.eks. 09:00"))


Clock = Annotated[str, After(_clock)]


class Role(StrEnum):
    """Whether a participant is a member (medlem) or a deputy (vara)."""

    member = "member"
    deputy = "deputy"


class Language(StrEnum):
    """The network's målform: the language of its documents (bokmål or nynorsk)."""

    nb = "nb"
    """Bokmål."""
    nn = "nn"
    """Nynorsk."""


class CompetenceCategory(StrEnum):
    """The deck's three parts of professional competence, one post-it colour each."""

    teoretisk = "teoretisk"
    """Teoretisk kunnskap — faglig innsikt, modeller og lovverk."""
    yrkesspesifikk = "yrkesspesifikk"
    """Yrkesspesifikke ferdigheter — metoder, verktøy og praksis."""
    personlig = "personlig"
    """Personlig kompetanse — relasjoner, kommunikasjon og samspill."""


class PlanTerm(StrEnum):
    """How long the leader and the secretary serve (steg 7)."""

    year = "year"
    """For ett år."""
    rotating = "rotating"
    """På omgang: a new leader and secretary for each meeting."""
    unset = ""
    """Not decided yet."""


class MeetingFormat(StrEnum):
    """Whether the network meets digitally, physically or both (steg 7)."""

    digital = "digital"
    physical = "physical"
    both = "both"
    unset = ""
    """Not decided yet."""


class AgreementLevel(StrEnum):
    """How far the group agrees on a proposed rule (consent, as sociocracy has it)."""

    agree = "agree"
    """Enig."""
    accept = "accept"
    """Kan leve med: not my first choice, but I can live with it."""
    objection = "objection"
    """Innsigelse: someone objects, and says why."""


@dataclass(kw_only=True)
class Network:
    """The network and this meeting's date and place."""

    __pydantic_config__ = CONFIG

    id: str = ""
    """Nettverkets faste id: settes ved oppstartsmøtet og følger alle senere møter. Tom i
    filer fra før den fantes; da utledes den (se `startpakke.network.identity`)."""
    name: str = ""
    """Nettverkets navn."""
    services: list[str] = field(default_factory=list)
    """Kommuner/tjenester i nettverket i tillegg til medlemmenes egne (se `Session.services`)."""
    meeting_date: date | None = None
    """Møtets dato."""
    place: str = ""
    """Sted, f.eks. rådhuset eller Teams."""
    leader: str | None = None
    """Deltaker-id for den som leder dette møtet (tom = fasilitatoren)."""
    secretary: str | None = None
    """Deltaker-id for den som skriver referat fra dette møtet."""
    keep_until: date | None = None
    """Når opplysningene om nettverket skal anonymiseres eller slettes (tom = 12 måneder
    etter siste møte)."""
    language: Language = Language.nb
    """Nettverkets målform: nb (bokmål) eller nn (nynorsk). Dokumentene lages på denne
    målformen når `--lang` ikke er gitt. Filer fra før feltet fantes leses som bokmål."""


@dataclass(kw_only=True)
class Participant:
    """A leader taking part in the network."""

    __pydantic_config__ = CONFIG

    id: str = field(default_factory=new_id)
    """Fast id (navn kan endres)."""
    name: str
    """Fullt navn."""
    service: str = ""
    """Kommune/barneverntjeneste/organisasjon."""
    role: Role = Role.member
    """Medlem eller vara."""
    contact: str = ""
    """E-post eller telefon (valgfritt)."""
    present: bool = True
    """Til stede på møtet."""
    brings_case: bool = False
    """Har lovet å ta med en sak til kollegaveiledning."""
    case_title: str = ""
    """Kort om saken personen tar med."""


AGREED_LEVELS = frozenset({AgreementLevel.agree, AgreementLevel.accept})
"""The levels at which a rule is vedtatt: nobody objects."""


@dataclass(kw_only=True)
class Objection:
    """Someone objects to a proposed rule, and says why."""

    __pydantic_config__ = CONFIG

    by: str | None = None
    """Deltaker-id (eller navn) for den som har innsigelsen."""
    reason: str = ""
    """Hvorfor."""


@dataclass(kw_only=True)
class Rule:
    """A proposed spilleregel, and how far the group agrees on it.

    `agreement` is the level (enig, kan leve med, innsigelse; none yet while it is only
    proposed). `agreed` — a public field other tools read — follows it: true for enig and
    kan leve med; where a file's `agreed` disagrees with its level (a file from before the
    levels, another tool's edit), `agreed` wins: true reads as enig, false as proposed.
    The rules' order is their order in `Session.rules`.
    """

    __pydantic_config__ = CONFIG

    id: str = field(default_factory=new_id)
    """Fast id."""
    text: str
    """Regelen slik gruppen formulerte den."""
    proposed_by: str | None = None
    """Deltaker-id som foreslo den."""
    agreed: bool = False
    """Vedtatt: gruppen er enig eller kan leve med regelen (følger `agreement`)."""
    agreement: AgreementLevel | None = None
    """Enig (agree), kan leve med (accept) eller innsigelse (objection); tom = bare foreslått."""
    objections: list[Objection] = field(default_factory=list)
    """Innsigelsene: hvem og hvorfor (når `agreement` er objection)."""

    def __post_init__(self) -> None:
        level = self.agreement
        if self.agreed != (level in AGREED_LEVELS):
            # `agreed` is what other tools read and write (and all a file from before the
            # levels has): where the two disagree, it wins.
            level = AgreementLevel.agree if self.agreed else None
        self.set_agreement(level)

    def set_agreement(self, level: AgreementLevel | None) -> None:
        """The one place that sets the level; `agreed` follows, and objections are kept
        only while the level is an objection."""
        self.agreement = level
        self.agreed = level in AGREED_LEVELS
        if level is not AgreementLevel.objection:
            self.objections = []


class ReviewDecision(StrEnum):
    """What a revision meeting decides about one rule of the contract it revises."""

    keep = "keep"
    """Beholdes: the rule stands as it is."""
    adjust = "adjust"
    """Endres: the rule gets a new wording (`RuleReview.new_text`)."""
    drop = "drop"
    """Tas ut: the rule leaves the contract."""


@dataclass(kw_only=True)
class RuleReview:
    """The revision meeting's decision on one agreed rule, applied when the meeting closes.

    The rule itself (`Session.rules`) keeps its old wording during the meeting; closing the
    meeting (`startpakke.session.revision.finalize_revision`) applies the decision to the
    new version of the contract and writes it, with its level and why, into the history.
    """

    __pydantic_config__ = CONFIG

    rule_id: str
    """Id for regelen i `rules` som vurderes."""
    decision: ReviewDecision = ReviewDecision.keep
    """Beholdes (keep), endres (adjust) eller tas ut (drop)."""
    new_text: str = ""
    """Den nye formuleringen når regelen endres."""
    level: AgreementLevel | None = None
    """Hvor enig gruppen er i beslutningen: enig, kan leve med eller innsigelse (tom =
    ikke spurt). Ved innsigelse blir regelen ikke vedtatt i den nye versjonen."""
    why: str = ""
    """Hvorfor gruppen bestemte dette (eller hvorfor noen har innsigelse)."""


@dataclass(kw_only=True)
class Competence:
    """One post-it: what a participant brings, in one of the three categories."""

    __pydantic_config__ = CONFIG

    id: str = field(default_factory=new_id)
    """Fast id."""
    participant: str
    """Deltaker-id."""
    category: CompetenceCategory
    """Hvilken av de tre kategoriene."""
    text: str
    """Det som står på lappen."""
    top: bool = False
    """Blant personens tre viktigste."""
    chosen: bool = False
    """Nettverket har valgt å bruke denne."""


@dataclass(kw_only=True)
class Contract:
    """The nettverkskontrakt's own text from steg 5."""

    __pydantic_config__ = CONFIG

    purpose: str = ""
    """Nettverkets formål (Bufdir 2024 som utgangspunkt)."""
    text: str = ""
    """Kontraktens egen tekst: normer, forpliktelser."""
    evaluation: str = ""
    """Hvordan kontrakten evalueres og revideres."""
    review_date: date | None = None
    """Når kontrakten skal evalueres."""
    version: int = 1
    """Kontraktens versjon (øker ved revisjon)."""
    revised_at: date | None = None
    """Dato for siste revisjon."""


@dataclass(kw_only=True)
class Revision:
    """One entry in the contract's history."""

    __pydantic_config__ = CONFIG

    version: int
    """Kontraktens versjon etter revisjonen."""
    at: datetime
    """Når revisjonen ble gjort."""
    changes: list[str] = field(default_factory=list)
    """Hva som ble endret."""


@dataclass(kw_only=True)
class MeetingSlot:
    """A planned network meeting, with who leads and writes the referat when rotating."""

    __pydantic_config__ = CONFIG

    id: str = field(default_factory=new_id)
    """Fast id."""
    date: _dt.date
    """Møtets dato."""
    start: Clock = "09:00"
    """Klokkeslett TT:MM."""
    end: Clock = "12:00"
    """Klokkeslett TT:MM."""
    place: str = ""
    """Sted; tomt = planens plattform."""
    leader: str | None = None
    """Deltaker-id som leder møtet."""
    secretary: str | None = None
    """Deltaker-id som skriver referat."""


@dataclass(kw_only=True)
class Plan:
    """Steg 7: how the network will work from now on."""

    __pydantic_config__ = CONFIG

    leader: str | None = None
    """Deltaker-id for nettverkets leder."""
    secretary: str | None = None
    """Deltaker-id for sekretæren."""
    term: PlanTerm = PlanTerm.unset
    """Leder/sekretær for ett år (`year`) eller på omgang (`rotating`)."""
    frequency: str = ""
    """Hvor ofte nettverket møtes."""
    format: MeetingFormat = MeetingFormat.unset
    """Digitale, fysiske treff eller begge deler."""
    platform: str = ""
    """Plattform for kontakt, f.eks. Teams."""
    meetings: list[MeetingSlot] = field(default_factory=list)
    """Konkrete møtedatoer."""
    themes: list[str] = field(default_factory=list)
    """Bruttoliste over temaer."""
    everyone_brings_case: bool = True
    """Alle tar med en problemstilling til kollegaveiledning."""
    notes: str = ""
    """Annet om planen."""


@dataclass(kw_only=True)
class Action:
    """An action item: what, who, by when."""

    __pydantic_config__ = CONFIG

    id: str = field(default_factory=new_id)
    """Fast id."""
    what: str
    """Hva som skal gjøres."""
    who: str = ""
    """Ansvarlig (navn eller deltaker-id)."""
    due: date | None = None
    """Frist."""
    done: bool = False
    """Utført."""
    from_session: str | None = None
    """Id for økten tiltaket ble vedtatt i, om det er overført."""


@dataclass(kw_only=True)
class Note:
    """A free note, tied to the part it was written in."""

    __pydantic_config__ = CONFIG

    id: str = field(default_factory=new_id)
    """Fast id."""
    part: str
    """Id for delen notatet ble skrevet i (tom = generelt)."""
    text: str
    """Notatet."""
    private: bool = False
    """Holdes utenfor referatet (f.eks. en fokuspersons egne lærdommer)."""
    about: str | None = None
    """Deltaker-id notatet gjelder."""


@dataclass(kw_only=True)
class ParkedTopic:
    """A topic put aside during the meeting («Parkert»), to come back to later."""

    __pydantic_config__ = CONFIG

    id: str = field(default_factory=new_id)
    """Fast id."""
    text: str
    """Temaet."""
    part: str = ""
    """Id for delen temaet ble parkert i."""
    from_session: str | None = None
    """Id for økten temaet ble parkert i, når det er tatt med fra et tidligere møte."""


@dataclass(kw_only=True)
class FocusRound:
    """Kollegaveiledning: a focus person and their case in this meeting."""

    __pydantic_config__ = CONFIG

    participant: str
    """Deltaker-id for fokuspersonen."""
    case_title: str = ""
    """Kort om saken."""
    takeaway: str = ""
    """Hva fokuspersonen tar med seg."""
    share_takeaway: bool = False
    """Fokuspersonen har sagt ja til at dette står i referatet."""
    chosen: bool = False
    """Valgt som fokusperson i dagens runde (i listens rekkefølge)."""


@dataclass(kw_only=True)
class Session:
    """A meeting's whole record. Saved atomically after every change."""

    __pydantic_config__ = CONFIG

    schema_version: int = SCHEMA_VERSION
    """Filformatets versjon."""
    id: str = field(default_factory=new_id)
    """Øktens id."""
    created_at: datetime = field(default_factory=lambda: datetime.now().astimezone())
    """Når økten ble opprettet."""
    updated_at: datetime = field(default_factory=lambda: datetime.now().astimezone())
    """Sist lagret."""
    agenda: str = "startpakke"
    """Agendaens navn eller sti."""
    agenda_id: str = "startpakke"
    """Agendaens id."""
    network: Network = field(default_factory=Network)
    """Nettverket og møtet."""
    participants: list[Participant] = field(default_factory=list)
    """Deltakerne (medlemmer og vara), i runde-rekkefølge."""
    facilitator: str | None = None
    """Deltaker-id for fasilitatoren."""
    timekeeper: str | None = None
    """Deltaker-id for tidtakeren."""
    rules: list[Rule] = field(default_factory=list)
    """Foreslåtte spilleregler, i gruppens rekkefølge."""
    contract: Contract = field(default_factory=Contract)
    """Nettverkskontrakten."""
    revisions: list[Revision] = field(default_factory=list)
    """Kontraktens historikk."""
    rule_reviews: list[RuleReview] = field(default_factory=list)
    """Revisjonsmøtet: beslutningen om hver vedtatt regel (beholdes, endres, tas ut)."""
    competences: list[Competence] = field(default_factory=list)
    """Kompetanselappene, per deltaker og kategori."""
    plan: Plan = field(default_factory=Plan)
    """Plan for videre arbeid (steg 7)."""
    actions: list[Action] = field(default_factory=list)
    """Oppfølgingspunkter."""
    notes: list[Note] = field(default_factory=list)
    """Frie notater per del."""
    focus_rounds: list[FocusRound] = field(default_factory=list)
    """Kollegaveiledning: fokuspersoner og saker."""
    parked: list[ParkedTopic] = field(default_factory=list)
    """Parkerte temaer: satt til side i møtet, foreslått som temaer for de neste møtene."""
    previous_session: str | None = None
    """Sti til økten dette møtet bygger på (--from)."""
    run: RunState | None = None
    """Kjøremotorens tilstand, for å fortsette der man slapp."""
    room_blank: bool = False
    """Skjermen rommet ser er blanket (tasten b): projektorvisningene viser bare
    nettverkets navn og klokken."""

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

    # -- the roster the run engine asks (`startpakke.engine.Roster`) ----------------------

    def speaker_ids(self) -> list[str]:
        """Everyone on the list, in round order."""
        return [p.id for p in self.participants]

    def is_present(self, participant_id: str) -> bool:
        """On the list and at the meeting."""
        person = self.participant(participant_id)
        return person is not None and person.present

    def focus_ids(self) -> list[str]:
        """The focus persons chosen for today's rounds, in order."""
        return [r.participant for r in self.focus_rounds if r.chosen]

    @property
    def services(self) -> list[str]:
        """The network's municipalities and services: the members' own, in round order,
        then any the facilitator added (`network.services`); each once. Derived, so a
        member added later is in the contract too."""
        found = [p.service.strip() for p in self.members] + [
            s.strip() for s in self.network.services
        ]
        return list(dict.fromkeys(s for s in found if s))

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
    schema = _json_schema(Session)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://startpakke.invalid/schema/session.schema.json",
        "title": "startpakke øktfil",  # i18n: not text (the schema has one language)
        **{key: value for key, value in schema.items() if key != "title"},
    }


if __name__ == "__main__":  # pragma: no cover - `python -m startpakke.session.model`
    import json
    import sys

    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
