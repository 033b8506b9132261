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

from startpakke import i18n
from startpakke.documents.base import DocumentWriter, short_date
from startpakke.i18n import N_, _, plural
from startpakke.labels import label
from startpakke.network import history
from startpakke.network.catalog import Meeting, NetworkRecord
from startpakke.session.model import Participant, Role
from startpakke.text import slug

TITLE = N_("Årsrapport")


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
    lang: str | None = None,
    today: date | None = None,
) -> Path:
    """Write the annual report for `year` as .docx to `path` (atomically).

    In `lang` (`--lang` given on the command line), else in the network's målform as its
    latest meeting has it.
    """
    with i18n.using(i18n.normalise(lang) or str(record.latest.session.network.language)):
        return _write(record, year, path, template, anonymous=anonymous, today=today)


def _write(
    record: NetworkRecord,
    year: int,
    path: str | Path,
    template: str | Path | None,
    *,
    anonymous: bool,
    today: date | None,
) -> Path:
    meetings = history.in_year(record, year)
    title = f"{_(TITLE)} {year}"
    writer = DocumentWriter(template, title=title, network=record.name)
    subtitle = record.name + (_(" – anonymisert utgave") if anonymous else "")
    writer.title(title, subtitle)
    people = history.members_first(history.roster(record))
    members = [p for p in people if p.role is Role.member]
    rounds = history.focus_round_count(meetings)
    versions = [v for v in history.contract_versions(record.meetings) if v.day.year <= year]
    writer.key_values(
        [
            (_("Nettverk"), record.name),
            (_("År"), str(year)),
            (_("Møter holdt"), plural("{n} møte", "{n} møter", len(meetings))),
            (_("Medlemmer"), str(len(members))),
            (_("Vara"), str(len(people) - len(members))),
            (_("Kollegaveiledning"), plural("{n} runde", "{n} runder", rounds)),
            (
                _("Kontrakt"),
                _("versjon {version}").format(version=versions[-1].version)
                if versions
                else _("ingen vedtatt"),
            ),
        ]
    )
    _meetings(writer, meetings)
    _attendance(writer, meetings, people, anonymous=anonymous)
    _themes(writer, meetings, rounds, anonymous=anonymous)
    _actions(writer, record, meetings, anonymous=anonymous)
    _contract(writer, versions, anonymous=anonymous)
    writer.small(_("Laget med startpakke {date}.").format(date=short_date(today or date.today())))
    return writer.save(path)


def _meetings(writer: DocumentWriter, meetings: list[Meeting]) -> None:
    writer.heading(_("Møter"))
    if not meetings:
        writer.paragraph(_("Ingen møter dette året."))
        return
    rows = []
    for meeting in meetings:
        present, listed = _present(meeting)
        rows.append(
            [
                short_date(meeting.day),
                _(meeting.kind),
                _place(meeting),
                _("{present} av {total}").format(present=present, total=listed),
            ]
        )
    writer.table([_("Dato"), _("Møte"), _("Sted"), _("Oppmøte")], rows, widths_cm=(3, 5.3, 5, 3))


def _attendance(
    writer: DocumentWriter, meetings: list[Meeting], people: list[Participant], *, anonymous: bool
) -> None:
    writer.heading(_("Oppmøte"))
    rows = history.attendance(meetings, people)
    if anonymous:
        held = sum(r.of for r in rows)
        present = sum(r.present for r in rows)
        share = round(100 * present / held) if held else 0
        always = sum(1 for r in rows if r.of and r.present == r.of)
        writer.paragraph(
            _("Samlet oppmøte: {share} % ({present} av {held} mulige).").format(
                share=share, present=present, held=held
            )
            + " "
            + plural(
                "{n} person var med på alle møtene de var invitert til.",
                "{n} personer var med på alle møtene de var invitert til.",
                always,
            )
        )
        return
    writer.table(
        [_("Navn"), _("Rolle"), _("Kommune/tjeneste"), _("Deltok")],
        [
            [
                r.participant.name,
                label(r.participant.role),
                r.participant.service,
                _("{present} av {total}").format(present=r.present, total=r.of),
            ]
            for r in rows
        ],
        widths_cm=(5, 2.3, 6, 3),
    )


def _themes(
    writer: DocumentWriter, meetings: list[Meeting], rounds: int, *, anonymous: bool
) -> None:
    writer.heading(_("Temaer og kollegaveiledning"))
    themes = history.themes(meetings)
    if anonymous:
        writer.paragraph(
            plural(
                "{n} tema på nettverkets liste.", "{n} temaer på nettverkets liste.", len(themes)
            )
        )
    elif themes:
        writer.bullets(themes)
    else:
        writer.paragraph(_("Ingen temaer er ført opp."))
    held = sum(1 for m in meetings if m.session.agenda_id == "kollegaveiledning")
    writer.paragraph(
        _("{rounds} med kollegaveiledning i {meetings}.").format(
            rounds=plural("{n} runde", "{n} runder", rounds),
            meetings=plural("{n} møte", "{n} møter", held),
        )
        + " "
        + _("Sakene er taushetsbelagte og står ikke her.")
    )


def _actions(
    writer: DocumentWriter, record: NetworkRecord, meetings: list[Meeting], *, anonymous: bool
) -> None:
    writer.heading(_("Oppfølgingspunkter"))
    states = history.actions(record, meetings)
    done = [s for s in states if s.action.done]
    open_ = [s for s in states if not s.action.done]
    writer.paragraph(_("{done} utført, {open} åpne.").format(done=len(done), open=len(open_)))
    if anonymous or not states:
        return
    writer.table(
        [_("Hva"), _("Ansvarlig"), _("Frist"), _("Status"), _("Fra møtet")],
        [
            [
                s.action.what,
                record.latest.session.name_of(s.action.who),
                short_date(s.action.due, "–"),
                _("utført") if s.action.done else _("åpen"),
                short_date(s.decided.day) if s.decided is not None else "–",
            ]
            for s in open_ + done
        ],
        widths_cm=(6, 3.3, 2.4, 1.8, 2.8),
    )


def _contract(
    writer: DocumentWriter, versions: list[history.ContractVersion], *, anonymous: bool
) -> None:
    writer.heading(_("Nettverkskontrakten"))
    if not versions:
        writer.paragraph(_("Ingen kontrakt er vedtatt."))
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
        [_("Versjon"), _("Dato"), _("Vedtatte regler"), _("Endringer")],
        rows,
        widths_cm=(2, 2.8, 3, 8.5),
    )
