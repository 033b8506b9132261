"""The facilitator's run sheet (kjøreplan), before the day and after it.

Before: `write_planned_runsheet` renders a `PlannedRunSheet` (startpakke.agenda.runsheet):
an overview of the day on the clock, the materials, then part by part with its phases, turn
lengths for the group, prompts and the facilitator's notes, and the warnings where the
written phases do not fit.

After: `write_session_runsheet` puts the real participants and, for each part, the planned
start and end beside the actual ones from the engine's saved state (`session.run`).
"""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from startpakke.documents import common
from startpakke.documents.base import (
    DocumentWriter,
    keep_row_together,
    long_date,
    set_cell,
)
from startpakke.i18n import N_, _, ngettext
from startpakke.labels import capitalised
from startpakke.text import clean

if TYPE_CHECKING:
    from startpakke.agenda.model import Agenda
    from startpakke.agenda.runsheet import PlannedPart, PlannedRunSheet
    from startpakke.session.model import Session
    from startpakke.session.runstate import PartRun

TITLE = N_("Kjøreplan")
NOT_RUN = N_("ikke gjennomført")


# -- before the day ------------------------------------------------------------------------


def write_planned_runsheet(
    plan: PlannedRunSheet, path: str | Path, template: str | Path | None = None
) -> Path:
    """The day's run sheet with clock times, for `startpakke agenda -o FILE.docx`."""
    from startpakke.agenda.runsheet import format_clock

    writer = DocumentWriter(template, title=_(TITLE), network=plan.title)
    writer.title(_(TITLE), plan.title)
    end = format_clock(plan.end)
    if plan.slack_minutes:
        end += _(" ({end} med {minutes} min luft/pause)").format(
            end=format_clock(plan.end_with_slack), minutes=plan.slack_minutes
        )
    facts: list[tuple[str, object]] = [
        (_("Start"), format_clock(plan.start)),
        (_("Deltakere"), str(plan.participants)),
        (_("Planlagt tid"), _("{minutes} min").format(minutes=plan.planned_minutes)),
        (_("Planlagt slutt"), end),
    ]
    if plan.end_with_slack != plan.planned_end:
        facts.append(
            (
                _("Agendaen regner med slutt"),
                ngettext(
                    "{end}; med {n} deltaker blir det {later} (se OBS under delene som går over)",
                    "{end}; med {n} deltakere blir det {later} (se OBS under delene som går over)",
                    plan.participants,
                ).format(
                    end=format_clock(plan.planned_end),
                    n=plan.participants,
                    later=format_clock(plan.end_with_slack),
                ),
            )
        )
    if plan.warnings:
        facts.append((_("Advarsler"), ", ".join(label for label, _reason in plan.warnings)))
    writer.key_values(facts, widths_cm=(6.0, 10.3))

    writer.heading(_("Dagen på klokken"))
    _overview(writer, plan)

    if plan.materials:
        writer.heading(_("Materiell"))
        writer.bullets(plan.materials)
    if plan.notes:
        writer.heading(_("Til fasilitatoren"))
        writer.bullets(plan.notes)

    writer.heading(_("Del for del")).paragraph_format.page_break_before = True
    for part in plan.parts:
        _part_details(writer, part)
    return writer.save(path)


def _overview(writer: DocumentWriter, plan: PlannedRunSheet) -> None:
    from startpakke.agenda.runsheet import format_clock

    rows: list[list[object]] = []
    part_rows: list[int] = []
    for part in plan.parts:
        part_rows.append(len(rows))
        rows.append(
            [
                f"{format_clock(part.start)}–{format_clock(part.end)}",
                part.minutes_text,
                part.label,
                part.title_line,
            ]
        )
        for phase in part.phases:
            rows.append(
                [
                    f"  {format_clock(phase.start)}–{format_clock(phase.end)}",
                    _minutes(phase.seconds),
                    "",
                    _phase_text(phase),
                ]
            )
        if part.warning:
            rows.append(["", "", "", [(_("OBS:"), part.warning)]])
    table = writer.table(
        [_("Tid"), _("Minutter"), _("Del"), _("Innhold")],
        rows,
        widths_cm=(2.6, 1.3, 2.6, 9.8),
        banded=False,
    )
    for index in part_rows:
        row = table.rows[index + 1]
        keep_row_together(row)
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.bold = True


def _phase_text(phase: Any) -> str:
    from startpakke.agenda.runsheet import format_duration

    text = f"{phase.kind_label}: {clean(phase.title)}"
    turn = phase.turn
    if turn is not None:
        text += f" — {turn.describe()}"
        steps = turn.describe_steps()
        if steps:
            text += f" ({steps})"
        if turn.per_person and not turn.fits:
            text += _("; delens tid gir bare {time} per tur").format(
                time=format_duration(turn.share_seconds)
            )
        elif turn.per_person and turn.fitted_seconds < turn.seconds:
            text += _("; for å rekke delens tid: {time} per tur").format(
                time=format_duration(turn.fitted_seconds)
            )
    if phase.beyond_part:
        text += _(" (etter delens slutt)")
    return text


def _part_details(writer: DocumentWriter, part: PlannedPart) -> None:
    from startpakke.agenda.runsheet import format_clock

    writer.heading(
        f"{format_clock(part.start)}–{format_clock(part.end)}  {part.label}: {part.title_line} "
        f"({part.minutes} min)",
        2,
    )
    if clean(part.purpose).strip():
        writer.paragraph(part.purpose)
    if part.warning:
        writer.labelled(_("OBS"), part.warning)
    if part.prompts:
        writer.labelled(_("Spørsmål"), "")
        writer.bullets(part.prompts)
    for phase in part.phases:
        writer.labelled(
            f"{format_clock(phase.start)}–{format_clock(phase.end)}", _phase_text(phase)
        )
        if phase.reminder:
            writer.paragraph(_("Husk: {text}").format(text=clean(phase.reminder)), "Liten tekst")
        if phase.prompts:
            writer.bullets(phase.prompts)
        if phase.notes:
            for note in phase.notes:
                writer.small(note)
    if part.notes:
        writer.labelled(_("Til fasilitatoren"), "")
        writer.bullets(part.notes)
    if part.materials:
        writer.labelled(_("Materiell"), ", ".join(clean(m) for m in part.materials))


def _minutes(seconds: float) -> str:
    from startpakke.agenda.runsheet import format_duration

    if round(seconds) % 60 == 0:
        return str(round(seconds) // 60)
    return format_duration(seconds)


# -- after the day -------------------------------------------------------------------------


def actual_parts(session: Session) -> dict[str, PartRun]:
    """The run's record of each part, by part id (empty before the meeting has run)."""
    return {} if session.run is None else {part.id: part for part in session.run.parts}


def write_session_runsheet(
    session: Session,
    agenda: Agenda,
    path: str | Path,
    template: str | Path | None = None,
) -> Path:
    """The run sheet after the meeting: planned beside actual, per part."""
    from startpakke.agenda.runsheet import format_clock, plan_runsheet

    network = common.network_name(session)
    writer = DocumentWriter(template, title=_(TITLE), network=network)
    writer.title(_("Kjøreplan – slik gikk møtet"), f"{network} · {clean(agenda.title)}")

    actual = actual_parts(session)
    started = (session.run.meeting_started_at if session.run else None) or next(
        (a.started_at for a in actual.values() if a.started_at is not None), None
    )
    present = [p for p in session.participants if p.present]
    start_clock = started.time().replace(second=0, microsecond=0) if started else time(9, 0)
    plan = plan_runsheet(agenda, start_clock, max(1, len(present)))

    ended = max((a.ended_at for a in actual.values() if a.ended_at is not None), default=None)
    used_total = sum(actual[p.id].used_seconds for p in agenda.parts if p.id in actual)
    place = clean(session.network.place).strip()
    facts: list[tuple[str, object]] = [
        (_("Dato"), long_date(common.meeting_date(session)).capitalize()),
    ]
    if place:
        facts.append((_("Sted"), place))
    facts += [
        (
            _("Deltakere til stede"),
            _("{present} av {total}").format(present=len(present), total=len(session.participants)),
        ),
        (_("Planlagt"), f"{format_clock(plan.start)}–{format_clock(plan.end_with_slack)}"),
        (
            _("Faktisk"),
            f"{_clock(started)}–{_clock(ended)}"
            if started
            else _("Møtet er ikke gjennomført ennå."),
        ),
        (
            _("Brukt tid i delene"),
            _("{used} av {planned} min").format(
                used=round(used_total / 60), planned=plan.planned_minutes
            ),
        ),
    ]
    writer.key_values(facts)

    writer.heading(_("Deltakere"))
    if session.participants:
        writer.table(
            [_("Navn"), _("Kommune / tjeneste"), _("Rolle"), _("Til stede")],
            [
                [
                    p.name,
                    p.service or "–",
                    capitalised(p.role),
                    _("ja") if p.present else _("nei"),
                ]
                for p in session.participants
            ],
            widths_cm=(5.0, 6.6, 2.4, 2.3),
        )
    else:
        writer.paragraph(_("Ingen deltakere er registrert."))

    writer.heading(_("Planlagt og faktisk tid"))
    rows: list[list[object]] = []
    for planned in plan.parts:
        state = actual.get(planned.part.id)
        rows.append(_compare_row(planned, state))
    table = writer.table(
        [
            _("Del"),
            _("Planlagt"),
            _("Faktisk"),
            _("Planlagt (min)"),
            _("Brukt (min)"),
            _("Merknad"),
        ],
        rows,
        widths_cm=(4.4, 2.4, 2.4, 1.6, 1.7, 3.8),
    )
    for row in table.rows:
        keep_row_together(row)
    writer.small(
        _(
            "Planlagt: delene etter hverandre fra møtets faktiske start, uten opphold "
            "mellom dem. Brukt (min): tiden delen faktisk gikk, uten tiden klokken sto på "
            "pause."
        )
    )
    return writer.save(path)


def _compare_row(planned: PlannedPart, state: PartRun | None) -> list[object]:
    from startpakke.agenda.runsheet import format_clock
    from startpakke.agenda.timing import shortened_text

    label: list[object] = [(planned.label, ""), clean(planned.title)]
    planned_range = f"{format_clock(planned.start)}–{format_clock(planned.end)}"
    if state is None or not state.was_run:
        return [
            label,
            planned_range,
            _(NOT_RUN),
            str(planned.minutes),
            "–",
            _(NOT_RUN).capitalize(),
        ]
    used_minutes = state.used_seconds / 60
    actual_range = f"{_clock(state.started_at)}–{_clock(state.ended_at)}"
    notes = []
    difference = round(used_minutes - planned.minutes)
    if difference > 0:
        notes.append(_("{minutes} min over").format(minutes=difference))
    elif difference < 0:
        notes.append(_("{minutes} min under").format(minutes=-difference))
    if state.turns is not None:
        notes.append(shortened_text(state.turns.seconds, state.turns.written_seconds))
    if state.ended_at is None:
        notes.append(_("ikke avsluttet"))
    return [
        label,
        planned_range,
        actual_range,
        str(planned.minutes),
        f"{used_minutes:.0f}",
        "; ".join(notes) or _("som planlagt"),
    ]


def _clock(value: datetime | None) -> str:
    return value.strftime("%H:%M") if value is not None else "–"


__all__ = [
    "actual_parts",
    "set_cell",
    "write_planned_runsheet",
    "write_session_runsheet",
]
