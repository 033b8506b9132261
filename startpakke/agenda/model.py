"""The agenda: a meeting written down as data.

An agenda is a list of parts (del/steg); each part has phases (fase); a phase of kind
`round` gives every present participant a turn (tur), and a turn may be split into
timed steps (the kollegaveiledning method, or «del, så spør gruppen» in steg 3).

The models are strict: unknown keys, numbers written as text and booleans for numbers are
errors, so a typo in a hand-written agenda is reported instead of silently ignored.
Every field carries a description: the JSON Schema and editor tooltips come from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Any, Literal

from startpakke.i18n import _
from startpakke.modeling import CONFIG, Limits, Pattern, Strict

# Not model-wide strict (enums would then demand instances); numbers, text and booleans are
# strict through their own types, so "10" or `yes` for minutes is still an error.
Minutes = Annotated[int, Strict(), Limits(gt=0, le=24 * 60)]
Identifier = Annotated[str, Strict(), Pattern(r"^[a-z0-9][a-z0-9_-]*$"), Limits(max_length=60)]
Text = Annotated[str, Strict(), Limits(min_length=1)]
StrictBool = Annotated[bool, Strict()]
ClockTime = Annotated[str, Strict(), Pattern(r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$")]
"""A clock time «11:15» (hours 0–23, minutes 00–59), written as text."""


class PhaseKind(StrEnum):
    """How a phase runs."""

    individual = "individual"
    """Everyone works alone (fills in a handout, writes post-its)."""
    round = "round"
    """One person at a time has the word; the app rotates the turn."""
    plenary = "plenary"
    """The whole group talks together."""
    capture = "capture"
    """The facilitator writes down what the group has agreed."""


class CaptureKind(StrEnum):
    """What the facilitator can write down during a part."""

    attendance = "attendance"
    facilitator = "facilitator"
    rules = "rules"
    agree_rules = "agree_rules"
    contract = "contract"
    competences = "competences"
    chosen_competences = "chosen_competences"
    plan = "plan"
    actions = "actions"
    notes = "notes"
    takeaways = "takeaways"
    focus_persons = "focus_persons"
    rule_review = "rule_review"
    """The revision meeting: each agreed rule kept, adjusted or dropped, with the level."""


class MinutesPer(StrEnum):
    """Whether a round's minutes are for the whole round or for each person."""

    round = "round"
    """`minutes` is the whole round; each turn is the time left shared among those left."""
    person = "person"
    """Each turn is `turn.minutes` long; the round takes as long as the people present need."""


class Speakers(StrEnum):
    """Who gets a turn in a round."""

    present = "present"
    """Every participant who is present."""
    focus = "focus"
    """Only the focus persons chosen for this meeting (kollegaveiledning)."""


@dataclass(frozen=True, kw_only=True)
class TurnStep:
    """One timed step inside a turn (e.g. «fokuspersonen presenterer», 4 min)."""

    __pydantic_config__ = CONFIG

    title: Text
    """Stegets navn, vist stort på skjermen."""
    minutes: Minutes
    """Minutter for steget slik det er skrevet."""
    min_minutes: Minutes | None = None
    """Korteste lengde steget kan kortes ned til når tiden er knapp."""
    prompts: list[Text] = field(default_factory=list)
    """Spørsmål eller instruks."""
    reminder: str | None = None
    """En påminnelse som vises tydelig, f.eks. «kun spørsmål»."""
    focus_listening: StrictBool = False
    """Fokuspersonen har snudd seg bort og bare lytter i dette steget."""

    def __post_init__(self) -> None:
        if self.min_minutes is not None and self.min_minutes > self.minutes:
            raise ValueError(_("min_minutes kan ikke være større enn minutes"))


@dataclass(frozen=True, kw_only=True)
class Turn:
    """How long one person's turn in a round is, and its steps."""

    __pydantic_config__ = CONFIG

    minutes: Minutes | None = None
    """Minutter per tur slik det er skrevet (summen av stegene om de finnes)."""
    min_minutes: Minutes | None = None
    """Korteste tur når turene må kortes ned for å rekke tiden."""
    steps: list[TurnStep] = field(default_factory=list)
    """Tidsatte steg innen hver tur, i rekkefølge."""

    def __post_init__(self) -> None:
        if self.steps and self.minutes is not None:
            total = sum(step.minutes for step in self.steps)
            if total != self.minutes:
                raise ValueError(
                    _("minutes ({minutes}) stemmer ikke med summen av leddene ({total})").format(
                        minutes=self.minutes, total=total
                    )
                )
        if (
            self.min_minutes is not None
            and self.written_minutes is not None
            and self.min_minutes > self.written_minutes
        ):
            raise ValueError(_("min_minutes kan ikke være større enn minutes"))

    @property
    def written_minutes(self) -> int | None:
        """The turn length as written: `minutes`, or the sum of the steps."""
        if self.minutes is not None:
            return self.minutes
        if self.steps:
            return sum(step.minutes for step in self.steps)
        return None

    @property
    def floor_minutes(self) -> int | None:
        """The shortest a turn may become: `min_minutes`, or the steps' own floors."""
        if self.min_minutes is not None:
            return self.min_minutes
        if self.steps and all(step.min_minutes is not None for step in self.steps):
            return sum(step.min_minutes or 0 for step in self.steps)
        return None


@dataclass(frozen=True, kw_only=True)
class Phase:
    """A phase (fase) of a part: individual work, a round, plenary talk or capture."""

    __pydantic_config__ = CONFIG

    id: Identifier | None = None
    """Kort id, unik innen delen."""
    title: Text
    """Fasens navn, f.eks. «Individuell refleksjon»."""
    kind: PhaseKind
    """Hvordan fasen gjennomføres."""
    minutes: Minutes | None = None
    """Minutter for fasen. Mangler den, får fasen resten av delens tid (høyst én slik fase
    per del). For en runde: se minutes_per."""
    minutes_per: MinutesPer | None = None
    """Bare for runder, og påkrevd der: `round` = minutes gjelder hele runden, `person` =
    hver tur er turn.minutes lang."""
    turn: Turn | None = None
    """Turlengde og steg i en runde."""
    speakers: Speakers = Speakers.present
    """Hvem som får tur i runden."""
    prompts: list[Text] = field(default_factory=list)
    """Spørsmålene som vises for gruppen, ordrett."""
    notes: list[Text] = field(default_factory=list)
    """Notater til fasilitatoren."""
    reminder: str | None = None
    """En påminnelse som vises tydelig."""
    captures: list[CaptureKind] = field(default_factory=list)
    """Hva fasilitatoren skriver ned i denne fasen."""

    def __post_init__(self) -> None:
        if self.kind is PhaseKind.round:
            if self.minutes_per is None:
                raise ValueError(
                    _(
                        "en runde må si om minuttene gjelder hele runden eller hver person "
                        "(minutes_per: round eller person)"
                    )
                )
            if self.minutes_per is MinutesPer.person and (
                self.turn is None or self.turn.written_minutes is None
            ):
                raise ValueError(_("minutes_per: person krever turn.minutes eller turn.steps"))
        else:
            if self.minutes_per is not None:
                raise ValueError(_("minutes_per gjelder bare faser med kind: round"))
            if self.turn is not None:
                raise ValueError(_("turn gjelder bare faser med kind: round"))

    @property
    def is_round(self) -> bool:
        return self.kind is PhaseKind.round

    @property
    def open_ended(self) -> bool:
        """The phase takes what is left of the part (no minutes, not a per-person round)."""
        return self.minutes is None and self.minutes_per is not MinutesPer.person


class PartKind(StrEnum):
    """Where a part sits in the meeting; decides how it is named on screen."""

    innsjekk = "innsjekk"
    steg = "steg"
    utsjekk = "utsjekk"
    pause = "pause"


@dataclass(frozen=True, kw_only=True)
class Pitfall:
    """Something that often goes wrong in a part, and what the facilitator can say then."""

    __pydantic_config__ = CONFIG

    what: Text
    """Hva som ofte går galt."""
    say: Text
    """Hva fasilitatoren kan si da."""


@dataclass(frozen=True, kw_only=True)
class Guide:
    """For a first-time facilitator: why the part exists, how to run it, what goes wrong.

    Shown only to the facilitator (never on the projector): on the first run of an agenda
    when the part begins, and with `i` at any time.
    """

    __pydantic_config__ = CONFIG

    why: str = ""
    """Hvorfor delen finnes."""
    how: list[Text] = field(default_factory=list)
    """Slik leder du delen, punkt for punkt."""
    pitfalls: list[Pitfall] = field(default_factory=list)
    """Det som ofte går galt, og hva du kan si da."""


@dataclass(frozen=True, kw_only=True)
class Part:
    """A part (del/steg) of the meeting, with its own time budget."""

    __pydantic_config__ = CONFIG

    id: Identifier
    """Kort id, unik i agendaen, f.eks. `steg3`."""
    kind: PartKind = PartKind.steg
    """innsjekk, steg, utsjekk, pause."""
    title: Text
    """Delens tittel slik gruppen ser den."""
    minutes: Minutes
    """Minutter delen har i planen."""
    until: ClockTime | None = None
    """Klokkeslett delen slutter, f.eks. `"11:15"` («Pause – tilbake kl. 11:15»). Klokken
    teller ned til klokkeslettet; er det alt passert når delen begynner, får delen sine
    minutter. En pause uten `until` varer i `minutes` fra den begynner."""
    purpose: str = ""
    """Hensikten med delen, kort."""
    prompts: list[Text] = field(default_factory=list)
    """Spørsmål for hele delen."""
    notes: list[Text] = field(default_factory=list)
    """Notater til fasilitatoren."""
    materials: list[Text] = field(default_factory=list)
    """Materiell delen trenger."""
    handouts: list[Identifier] = field(default_factory=list)
    """Id-er for arkene i handouts.yaml som brukes her."""
    context: list[Identifier] = field(default_factory=list)
    """Id-er for kontekst-tekster som hører til delen."""
    captures: list[CaptureKind] = field(default_factory=list)
    """Hva som skrives ned i delen (i alle faser)."""
    phases: list[Phase] = field(default_factory=list)
    """Fasene i rekkefølge. Tom liste = én plenumsfase over hele delen."""
    guide: Guide | None = None
    """Veiledning for den som fasiliterer delen for første gang (vises bare for fasilitatoren)."""

    def __post_init__(self) -> None:
        open_ended = [p for p in self.phases if p.open_ended]
        if len(open_ended) > 1:
            raise ValueError(
                _("høyst én fase per del kan mangle minutes (den får resten av tiden)")
            )

    @property
    def is_break(self) -> bool:
        return self.kind is PartKind.pause

    @property
    def counts_to_clock(self) -> bool:
        """The part ends at a clock time: a break, or a part with `until`."""
        return self.is_break or self.until is not None

    @property
    def effective_phases(self) -> list[Phase]:
        """The phases to run: a part written without phases is one plenary phase."""
        if self.phases:
            return list(self.phases)
        return [Phase(title=self.title, kind=PhaseKind.plenary, minutes=self.minutes)]

    def all_captures(self) -> list[CaptureKind]:
        """Every capture kind used in the part, part-level first, without repeats."""
        seen: dict[CaptureKind, None] = dict.fromkeys(self.captures)
        for phase in self.phases:
            seen.update(dict.fromkeys(phase.captures))
        return list(seen)


@dataclass(frozen=True, kw_only=True)
class ContextText:
    """A text worth showing at the right moment (a quote, a poem, a rationale)."""

    __pydantic_config__ = CONFIG

    id: Identifier
    """Kort id som delene viser til."""
    title: Text
    """Overskrift."""
    text: Text
    """Teksten, ordrett."""
    source: str | None = None
    """Kilde, f.eks. «Bufdir 2024»."""


@dataclass(frozen=True, kw_only=True)
class Agenda:
    """A whole meeting: its parts in order and what it needs."""

    __pydantic_config__ = CONFIG

    id: Identifier
    """Kort id for agendaen, f.eks. `startpakke`."""
    title: Text
    """Møtets tittel."""
    subtitle: str = ""
    """Undertittel."""
    total_minutes: Minutes | None = None
    """Hele møtets lengde; det som ikke er brukt av delene er luft (en pause skrives helst
    som en egen del med `kind: pause`)."""
    max_participants: Annotated[int, Strict(), Limits(gt=0)] | None = None
    """Anbefalt største gruppe."""
    kind: Literal["etablering", "kollegaveiledning", "nettverksmote", "revisjon"] = "nettverksmote"
    """Hva slags møte agendaen er for (styrer referatet)."""
    materials: list[Text] = field(default_factory=list)
    """Utstyr og materiell."""
    notes: list[Text] = field(default_factory=list)
    """Notater til fasilitatoren."""
    context: list[ContextText] = field(default_factory=list)
    """Kontekst-tekster delene kan vise."""
    parts: Annotated[list[Part], Limits(min_length=1)]
    """Delene i rekkefølge."""

    def __post_init__(self) -> None:
        problems = cross_problems(self)
        if problems:
            raise ValueError(problems[0].line())

    @property
    def planned_minutes(self) -> int:
        """The sum of the parts' minutes."""
        return sum(part.minutes for part in self.parts)

    @property
    def slack_minutes(self) -> int:
        """Time in `total_minutes` not given to any part (a break, a buffer)."""
        if self.total_minutes is None:
            return 0
        return max(0, self.total_minutes - self.planned_minutes)

    def part_index(self, part_id: str) -> int:
        for index, part in enumerate(self.parts):
            if part.id == part_id:
                return index
        raise KeyError(part_id)

    def context_text(self, context_id: str) -> ContextText | None:
        return next((c for c in self.context if c.id == context_id), None)

    def part_label(self, index: int) -> str:
        """How a part is named on screen: «Innsjekk», «Steg 3 av 7», «Utsjekk»."""
        part = self.parts[index]
        if part.kind is PartKind.innsjekk:
            return _("Innsjekk")
        if part.kind is PartKind.utsjekk:
            return _("Utsjekk")
        if part.kind is PartKind.pause:
            return _("Pause")
        steps = [p for p in self.parts if p.kind is PartKind.steg]
        number = steps.index(part) + 1
        return _("Steg {number} av {total}").format(number=number, total=len(steps))


# -- rules across fields, once for the model and the loader ------------------------------------


@dataclass(frozen=True)
class CrossProblem:
    """A rule across fields that an agenda breaks, and where (`at`, a field path)."""

    at: tuple[int | str, ...]
    text: str
    """What is wrong, without the path."""
    first: tuple[int | str, ...] | None = None
    """For a repeated id: where it was first used (the loader adds that line)."""

    def sentence(self, first_line: int | None = None) -> str:
        if self.first is None:
            return self.text
        where = _path(self.first)
        if first_line:
            where += _(", linje {line}").format(line=first_line)
        return f"{self.text} ({where})"

    def line(self) -> str:
        return f"{_path(self.at)}: {self.sentence()}"


def cross_problems(agenda: Any) -> list[CrossProblem]:
    """Repeated part ids, repeated phase ids within a part, unknown context texts.

    Reads an `Agenda` or the plain data of one as written (dicts and lists, whatever their
    shape), so the loader can report these with every other problem of the file at once,
    and the model refuses the same things when built any other way.
    """
    parts = _get(agenda, "parts")
    if not isinstance(parts, list):
        return []
    problems: list[CrossProblem] = []
    contexts = _get(agenda, "context")
    known = (
        {i for c in contexts if isinstance(i := _get(c, "id"), str)}
        if isinstance(contexts, list)
        else None
    )
    seen_parts: dict[str, int] = {}
    for index, part in enumerate(parts):
        part_id = _get(part, "id")
        if isinstance(part_id, str):
            if part_id in seen_parts:
                problems.append(
                    CrossProblem(
                        ("parts", index, "id"),
                        _("del-id-en «{id}» er allerede brukt").format(id=part_id),
                        ("parts", seen_parts[part_id], "id"),
                    )
                )
            else:
                seen_parts[part_id] = index
        phases = _get(part, "phases")
        seen_phases: dict[str, int] = {}
        for p_index, phase in enumerate(phases if isinstance(phases, list) else []):
            phase_id = _get(phase, "id")
            if not isinstance(phase_id, str):
                continue
            if phase_id in seen_phases:
                problems.append(
                    CrossProblem(
                        ("parts", index, "phases", p_index, "id"),
                        _(
                            "fase-id-en «{id}» er allerede brukt i samme del (phases[{first}])"
                        ).format(id=phase_id, first=seen_phases[phase_id]),
                    )
                )
            else:
                seen_phases[phase_id] = p_index
        refs = _get(part, "context")
        for r_index, ref in enumerate(refs if isinstance(refs, list) else []):
            if not isinstance(ref, str) or (known is not None and ref in known):
                continue
            if known is None and contexts is not None:
                continue  # the context list itself is malformed: that is its own problem
            defined = (
                _("definert i context: {ids}").format(
                    ids=", ".join(sorted(known)) or _("ingen er definert")
                )
                if known is not None
                else _("agendaen har ingen context-liste")
            )
            problems.append(
                CrossProblem(
                    ("parts", index, "context", r_index),
                    _("ukjent kontekst-tekst «{ref}»; {defined}").format(ref=ref, defined=defined),
                )
            )
    return problems


def _get(value: Any, key: str) -> Any:
    if isinstance(value, dict):
        return value.get(key)
    return getattr(value, key, None)


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for item in loc:
        out += f"[{item}]" if isinstance(item, int) else (f".{item}" if out else str(item))
    return out
