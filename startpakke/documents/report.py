"""The network's annual report (årsrapport): what a network reports to its coordinator.

    write_report(record, 2027, Path("arsrapport.docx"), anonymous=False)

On the project's template, like every document. It holds the meetings held (date, kind,
place, attendance), attendance per member, the themes, the number of kollegaveiledning
rounds — never their cases —, the actions done and open, and the contract's versions.
The `anonymous` variant, for sharing outside the network, has counts only: no names, no
action texts, no change descriptions (they can name people), no themes (only how many).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from startpakke.documents.base import DocumentWriter, short_date
from startpakke.i18n import plural
from startpakke.labels import label
from startpakke.network import history
from startpakke.network.catalog import Meeting, NetworkRecord
from startpakke.session.model import Participant, Role
from startpakke.text import slug

TITLE = "Årsrapport"


def default_filename(record: NetworkRecord, year: int, *, anonymous: bool = False) -> str:
    suffix = "-anonym" if anonymous else ""
    return f"arsrapport-{slug(record.name)}-{year}{suffix}.docx"


def default_year(record: NetworkRecord) -> int:
    """The year of the network's latest meeting."""
    return record.latest.day.year


def _place(meeting: Meeting) -> str:
    session = meeting.session
    return session.network.place or session.plan.platform or "–"


def _present(meeting: Meeting) -> tuple[int, int]:
    people = meeting.session.participants
    return sum(1 for p in people if p.present), len(people)


def write_report(
    record: NetworkRecord,
    year: int,
    path: str | Path,
    template: str | Path | None = None,
    *,
    anonymous: bool = False,
    lang: str = "nb",
    today: date | None = None,
) -> Path:
    """Write the annual report for `year` as .docx to `path` (atomically)."""
    meetings = history.in_year(record, year)
    writer = DocumentWriter(template, title=f"{TITLE} {year}", network=record.name)
    if lang == "nn":
        writer.document.core_properties.language = "nn-NO"
    subtitle = record.name + (" – anonymisert utgave" if anonymous else "")
    writer.title(f"{TITLE} {year}", subtitle)
    people = history.members_first(history.roster(record))
    members = [p for p in people if p.role is Role.member]
    rounds = history.focus_round_count(meetings)
    versions = [v for v in history.contract_versions(record.meetings) if v.day.year <= year]
    writer.key_values(
        [
            ("Nettverk", record.name),
            ("År", str(year)),
            ("Møter holdt", plural("{n} møte", "{n} møter", len(meetings))),
            ("Medlemmer", str(len(members))),
            ("Vara", str(len(people) - len(members))),
            ("Kollegaveiledning", plural("{n} runde", "{n} runder", rounds)),
            ("Kontrakt", f"versjon {versions[-1].version}" if versions else "ingen vedtatt"),
        ]
    )
    _meetings(writer, meetings)
    _attendance(writer, meetings, people, anonymous=anonymous)
    _themes(writer, meetings, rounds, anonymous=anonymous)
    _actions(writer, record, meetings, anonymous=anonymous)
    _contract(writer, versions, anonymous=anonymous)
    writer.small(f"Laget med startpakke {short_date(today or date.today())}.")
    return writer.save(path)


def _meetings(writer: DocumentWriter, meetings: list[Meeting]) -> None:
    writer.heading("Møter")
    if not meetings:
        writer.paragraph("Ingen møter dette året.")
        return
    rows = []
    for meeting in meetings:
        present, listed = _present(meeting)
        rows.append(
            [short_date(meeting.day), meeting.kind, _place(meeting), f"{present} av {listed}"]
        )
    writer.table(["Dato", "Møte", "Sted", "Oppmøte"], rows, widths_cm=(3, 5.3, 5, 3))


def _attendance(
    writer: DocumentWriter, meetings: list[Meeting], people: list[Participant], *, anonymous: bool
) -> None:
    writer.heading("Oppmøte")
    rows = history.attendance(meetings, people)
    if anonymous:
        held = sum(r.of for r in rows)
        present = sum(r.present for r in rows)
        share = round(100 * present / held) if held else 0
        always = sum(1 for r in rows if r.of and r.present == r.of)
        writer.paragraph(
            f"Samlet oppmøte: {share} % ({present} av {held} mulige). "
            f"{plural('{n} person', '{n} personer', always)} "
            "var med på alle møtene de var invitert til."
        )
        return
    writer.table(
        ["Navn", "Rolle", "Kommune/tjeneste", "Deltok"],
        [
            [
                r.participant.name,
                label(r.participant.role),
                r.participant.service,
                f"{r.present} av {r.of}",
            ]
            for r in rows
        ],
        widths_cm=(5, 2.3, 6, 3),
    )


def _themes(
    writer: DocumentWriter, meetings: list[Meeting], rounds: int, *, anonymous: bool
) -> None:
    writer.heading("Temaer og kollegaveiledning")
    themes = history.themes(meetings)
    if anonymous:
        writer.paragraph(f"{plural('{n} tema', '{n} temaer', len(themes))} på nettverkets liste.")
    elif themes:
        writer.bullets(themes)
    else:
        writer.paragraph("Ingen temaer er ført opp.")
    held = sum(1 for m in meetings if m.session.agenda_id == "kollegaveiledning")
    writer.paragraph(
        f"{plural('{n} runde', '{n} runder', rounds)} med kollegaveiledning i "
        f"{plural('{n} møte', '{n} møter', held)}. Sakene er taushetsbelagte og står ikke her."
    )


def _actions(
    writer: DocumentWriter, record: NetworkRecord, meetings: list[Meeting], *, anonymous: bool
) -> None:
    writer.heading("Oppfølgingspunkter")
    states = history.actions(record, meetings)
    done = [s for s in states if s.action.done]
    open_ = [s for s in states if not s.action.done]
    writer.paragraph(f"{len(done)} utført, {len(open_)} åpne.")
    if anonymous or not states:
        return
    writer.table(
        ["Hva", "Ansvarlig", "Frist", "Status", "Fra møtet"],
        [
            [
                s.action.what,
                record.latest.session.name_of(s.action.who),
                short_date(s.action.due, "–"),
                "utført" if s.action.done else "åpen",
                short_date(s.decided.day) if s.decided is not None else "–",
            ]
            for s in open_ + done
        ],
        widths_cm=(6, 3.3, 2.4, 1.8, 2.8),
    )


def _contract(
    writer: DocumentWriter, versions: list[history.ContractVersion], *, anonymous: bool
) -> None:
    writer.heading("Nettverkskontrakten")
    if not versions:
        writer.paragraph("Ingen kontrakt er vedtatt.")
        return
    rows = []
    for version in versions:
        changes = (
            plural("{n} endring", "{n} endringer", len(version.changes))
            if anonymous
            else "\n".join(version.changes) or "–"
        )
        rows.append([str(version.version), short_date(version.day), str(version.rules), changes])
    writer.table(
        ["Versjon", "Dato", "Vedtatte regler", "Endringer"], rows, widths_cm=(2, 2.8, 3, 8.5)
    )
