"""The referat (minutes) in the network's usual format (the second seed).

Title, Dato and Sted; a table of numbered items — Sak · Agenda/tema · Status/diskusjon ·
Konklusjon/ansvar og tidsfrist — built from the agenda's parts (those run, when the session
has run data) and what was captured in each; «Eventuelt»; attendance tables for members and
deputies with «Deltok på møtet» ja/nei; who wrote it and when it was approved.

Notes marked private, and a focus person's takeaway they did not agree to share, are never
written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from startpakke.documents import common
from startpakke.documents.base import BLANK, DocumentWriter, short_date
from startpakke.i18n import N_, _, ngettext
from startpakke.labels import capitalised, label
from startpakke.session.model import AgreementLevel
from startpakke.text import clean

if TYPE_CHECKING:
    from collections.abc import Sequence

    from startpakke.agenda.model import Agenda, Part
    from startpakke.session.model import Participant, Session

# Shown through `_()` where they are written, in the document's language.
HEADERS = [
    N_("Sak"),
    N_("Agenda/tema"),
    N_("Status/diskusjon"),
    N_("Konklusjon / ansvar og tidsfrist"),
]
ATTENDANCE_HEADERS = [
    N_("Navn"),
    N_("Kontaktinformasjon"),
    N_("Kommune / tjeneste"),
    N_("Deltok på møtet"),
]
MEETING_NAMES = {
    "etablering": N_("oppstartsmøte"),
    "kollegaveiledning": N_("nettverksmøte med kollegaveiledning"),
    "nettverksmote": N_("nettverksmøte"),
}

Cell = list[object]


@dataclass
class Item:
    """One numbered item (sak) in the referat."""

    theme: str
    status: Cell = field(default_factory=list)
    conclusion: Cell = field(default_factory=list)


NOTHING_NOTED = N_("Ingen merknader.")


def meeting_name(session: Session, agenda: Agenda) -> str:
    kind = agenda.kind
    if kind == "nettverksmote" and agenda.id == "startpakke":
        kind = "etablering"
    return _(MEETING_NAMES.get(kind, "nettverksmøte"))


def referat_title(session: Session, agenda: Agenda) -> str:
    return _("Referat fra {meeting} – {network}").format(
        meeting=meeting_name(session, agenda), network=common.network_name(session)
    )


def write_referat(
    session: Session,
    agenda: Agenda,
    path: str | Path,
    template: str | Path | None = None,
    *,
    written_on: date | None = None,
) -> Path:
    """Write the referat as .docx to `path` (atomically) and return the path."""
    from docx.shared import Pt

    network = common.network_name(session)
    title = referat_title(session, agenda)
    writer = DocumentWriter(template, title=_("Referat"), network=network)
    writer.title(title)
    meta = writer.styled("Normal")
    meta.add_run(_("Dato") + ": ").bold = True
    meta.add_run(short_date(common.meeting_date(session)))
    place = clean(session.network.place).strip() or clean(session.plan.platform).strip()
    meta.add_run("\u2003\u2003" + _("Sted") + ": ").bold = True
    meta.add_run(place or BLANK)
    facilitator = common.name(session, session.facilitator)
    if facilitator:
        writer.labelled(_("Fasilitator"), facilitator)

    items = build_items(session, agenda)
    rows = [
        [f"{number}.", [(item.theme, "")], item.status or ["–"], item.conclusion or ["–"]]
        for number, item in enumerate(items, start=1)
    ]
    writer.table([_(h) for h in HEADERS], rows, widths_cm=(1.0, 3.3, 6.6, 5.5), banded=False)

    last = _attendance(writer, session)
    # The signature lines never stand alone on a page: they keep with what comes before.
    # They are one paragraph (two lines) with its own space above: LibreOffice keeps a
    # paragraph with the next one, but not a chain of them (the last two went on alone).
    _keep_with_next(last)
    signed = writer.labelled(
        _("Referat skrevet av"),
        _("{name} den: {date}").format(
            name=_writer_name(session) or BLANK, date=short_date(written_on or date.today())
        ),
        "Normal",
        (_("Referat godkjent av møtedeltakerne den"), BLANK),
    )
    signed.paragraph_format.keep_together = True
    signed.paragraph_format.space_before = Pt(12)
    return writer.save(path)


def _keep_with_next(block: object) -> None:
    """A table (every row whole, every line kept with the next) or a paragraph."""
    from docx.table import Table

    from startpakke.documents.base import keep_row_together

    if isinstance(block, Table):
        for row in block.rows:
            keep_row_together(row)
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
    else:
        block.paragraph_format.keep_with_next = True  # type: ignore[attr-defined]


# -- the items ---------------------------------------------------------------------------------


def parts_to_report(session: Session, agenda: Agenda) -> list[Part]:
    """The parts that were run, when the session has run data; otherwise all of them.
    A break is no sak to report."""
    parts = [part for part in agenda.parts if not part.is_break]
    started = {part.id for part in session.run.parts_run} if session.run else set()
    if not started:
        return parts
    return [part for part in parts if part.id in started]


def build_items(session: Session, agenda: Agenda) -> list[Item]:
    """The numbered items, in agenda order, ending with follow-up and «Eventuelt»."""
    builder = _Items(session, agenda)
    return builder.build()


class _Items:
    def __init__(self, session: Session, agenda: Agenda) -> None:
        self.session = session
        self.agenda = agenda
        self.done: set[str] = set()  # content already written (rules, plan ...)
        self.kollega = agenda.kind == "kollegaveiledning"

    def build(self) -> list[Item]:
        items: list[Item] = []
        for part in parts_to_report(self.session, self.agenda):
            if self._is_focus_part(part):
                items.extend(self._focus_items(part))
            else:
                items.append(self._part_item(part))
        if "actions" not in self.done and self.session.actions:
            items.append(self._actions_item())
        if self.session.parked:
            items.append(self._parked_item())
        items.append(self._eventuelt())
        return items

    # -- helpers --

    def name(self, participant_id: str | None, blank: str = "") -> str:
        return common.name(self.session, participant_id, blank)

    def _notes(self, part_id: str) -> Cell:
        return [
            clean(n.text)
            for n in self.session.notes
            if n.part == part_id and not n.private and clean(n.text).strip()
        ]

    def _is_focus_part(self, part: Part) -> bool:
        from startpakke.agenda.model import CaptureKind, Speakers

        if not self.session.focus_rounds:
            return False
        captures = part.all_captures()
        return CaptureKind.takeaways in captures or any(
            phase.is_round and phase.speakers is Speakers.focus for phase in part.phases
        )

    def _part_item(self, part: Part) -> Item:
        from startpakke.agenda.model import CaptureKind as K

        item = Item(theme=clean(part.title))
        handlers = {
            K.attendance: self._attendance,
            K.facilitator: self._facilitator,
            K.rules: self._rules,
            K.agree_rules: self._rules,
            K.contract: self._contract,
            K.competences: self._competences,
            K.chosen_competences: self._chosen,
            K.plan: self._plan,
            K.actions: self._actions,
            K.focus_persons: self._focus_persons,
        }
        for capture in part.all_captures():
            handler = handlers.get(capture)
            if handler is not None:
                handler(item)
        notes = self._notes(part.id)
        item.status.extend(notes)
        if not item.status:
            # Where nothing was noted, say so: the agenda's own text speaks to the group,
            # not to the reader of the minutes.
            item.status.append(_(NOTHING_NOTED))
        return item

    def _once(self, key: str) -> bool:
        if key in self.done:
            return False
        self.done.add(key)
        return True

    # -- what was captured --

    def _attendance(self, item: Item) -> None:
        if not self._once("attendance"):
            return
        session = self.session
        present = [p for p in session.members if p.present]
        absent = [p for p in session.members if not p.present]
        deputies = [p for p in session.deputies if p.present]
        if present:
            item.status.append((_("Til stede:"), _names(present)))
        if deputies:
            item.status.append((_("Vara til stede:"), _names(deputies)))
        if absent:
            item.status.append((_("Forfall:"), _names(absent)))
        if not session.participants:
            item.status.append(_("Ingen deltakere er registrert."))

    def _facilitator(self, item: Item) -> None:
        if not self._once("facilitator"):
            return
        facilitator = self.name(self.session.facilitator)
        timekeeper = self.name(self.session.timekeeper)
        if facilitator:
            item.status.append(
                _(
                    "Fasilitatoren holder flyt, tid og struktur, sikrer at alle kommer til orde "
                    "og oppsummerer underveis."
                )
            )
            item.conclusion.append((_("Fasilitator:"), facilitator))
        else:
            item.conclusion.append(_("Ingen fasilitator er registrert."))
        if timekeeper:
            item.conclusion.append((_("Tidtaker:"), timekeeper))

    def _rules(self, item: Item) -> None:
        if not self._once("rules"):
            return
        proposed = [r for r in self.session.rules if clean(r.text).strip()]
        agreed = [r for r in proposed if r.agreed]
        if not proposed:
            item.status.append(_("Ingen spilleregler er foreslått."))
        elif not agreed:
            item.status.append(
                ngettext(
                    "Gruppen drøftet {n} forslag til spilleregler, men vedtok ingen ennå.",
                    "Gruppen drøftet {n} forslag til spilleregler, men vedtok ingen ennå.",
                    len(proposed),
                ).format(n=len(proposed))
            )
        else:
            item.status.append(
                ngettext(
                    "Gruppen drøftet {n} forslag til spilleregler og vedtok {agreed}.",
                    "Gruppen drøftet {n} forslag til spilleregler og vedtok {agreed}.",
                    len(proposed),
                ).format(n=len(proposed), agreed=len(agreed))
            )
        if agreed:
            item.conclusion.append((_("Vedtatte spilleregler:"), ""))
            item.conclusion.extend(
                f"{number}. {clean(rule.text)}"
                + (f" ({label(rule.agreement)})" if rule.agreement is AgreementLevel.accept else "")
                for number, rule in enumerate(agreed, 1)
            )
        else:
            item.conclusion.append(_("Ingen spilleregler er vedtatt ennå."))
        objected = [r for r in proposed if r.agreement is AgreementLevel.objection]
        if objected:
            item.status.append((_("Innsigelser (ikke vedtatt):"), ""))
            for rule in objected:
                reasons = "; ".join(
                    f"{common.name(self.session, o.by, _('uten navn'))}: {clean(o.reason)}"
                    for o in rule.objections
                )
                item.status.append(f"«{clean(rule.text)}» – {reasons or _('uten begrunnelse')}")

    def _contract(self, item: Item) -> None:
        if not self._once("contract"):
            return
        contract = self.session.contract
        item.status.append(
            _(
                "Spillereglene ble formalisert i en nettverkskontrakt med formål, spilleregler, "
                "kompetanse, plan og evaluering."
            )
        )
        if self.session.agreed_rules or clean(contract.text).strip():
            text = _(
                "Nettverkskontrakten (versjon {version}) ble vedtatt og signeres av medlemmene."
            ).format(version=contract.version)
            item.conclusion.append(text)
        else:
            item.conclusion.append(_("Kontrakten er ikke ferdig."))
        if contract.review_date is not None:
            item.conclusion.append((_("Evalueres:"), short_date(contract.review_date)))

    def _competences(self, item: Item) -> None:
        if not self._once("competences"):
            return
        from startpakke.labels import category_colour
        from startpakke.session.model import CompetenceCategory

        items = [c for c in self.session.competences if clean(c.text).strip()]
        if not items:
            item.status.append(_("Ingen kompetanse er registrert."))
            return
        for category in CompetenceCategory:
            mine = [c for c in items if c.category is category]
            if not mine:
                continue
            label = f"{capitalised(category)} ({category_colour(category)}):"
            text = "; ".join(f"{clean(c.text)} ({self.name(c.participant)})" for c in mine)
            item.status.append((label, text))
        for person, mine in common.top_three(self.session):
            item.status.append(
                (_("Topp 3 – {person}:").format(person=person), common.top_text(mine))
            )
        self._chosen(item)

    def _chosen(self, item: Item) -> None:
        if not self._once("chosen"):
            return
        chosen = [c for c in self.session.competences if c.chosen and clean(c.text).strip()]
        if chosen:
            item.conclusion.append((_("Kompetanse nettverket vil bruke:"), ""))
            item.conclusion.extend(
                f"– {clean(c.text)} ({self.name(c.participant)})" for c in chosen
            )

    def _plan(self, item: Item) -> None:
        if not self._once("plan"):
            return
        session = self.session
        plan = session.plan
        item.status.append((_("Leder:"), common.leader_text(session)))
        item.status.append((_("Sekretær:"), common.secretary_text(session)))
        if clean(plan.frequency).strip():
            item.status.append((_("Hvor ofte:"), clean(plan.frequency)))
        if plan.format:
            item.status.append((_("Form:"), capitalised(plan.format)))
        if clean(plan.platform).strip():
            item.status.append((_("Plattform:"), clean(plan.platform)))
        themes = [clean(t) for t in plan.themes if clean(t).strip()]
        if themes:
            item.status.append((_("Temaer:"), "; ".join(themes)))
        if clean(plan.notes).strip():
            item.status.append(clean(plan.notes))
        rotating = common.is_rotating(session)
        if plan.meetings:
            item.conclusion.append((_("Møtedatoer:"), ""))
            for slot in sorted(plan.meetings, key=lambda s: (s.date, s.start)):
                line = _("– {date} kl. {time}, ").format(
                    date=short_date(slot.date), time=common.slot_when(slot)
                )
                line += common.slot_place(session, slot)
                if rotating and (slot.leader or slot.secretary):
                    line += _(" (leder: {leader}, sekretær: {secretary})").format(
                        leader=self.name(slot.leader, "–"), secretary=self.name(slot.secretary, "–")
                    )
                item.conclusion.append(line)
        else:
            item.conclusion.append(_("Møtedatoene er ikke satt opp ennå."))
        if plan.everyone_brings_case:
            item.conclusion.append(_(common.CASE_TEXT))

    def _actions(self, item: Item) -> None:
        if not self._once("actions"):
            return
        item.conclusion.extend(self._action_lines())

    def _action_lines(self) -> Cell:
        lines: Cell = []
        open_actions = [a for a in self.session.actions if not a.done]
        done = [a for a in self.session.actions if a.done]
        if open_actions:
            lines.append((_("Oppfølgingspunkter:"), ""))
            lines.extend(self._action_text(a) for a in open_actions)
        if done:
            lines.append((_("Utført:"), ""))
            lines.extend(self._action_text(a) for a in done)
        return lines

    def _action_text(self, action: object) -> str:
        from startpakke.session.model import Action

        assert isinstance(action, Action)
        text = "– " + clean(action.what)
        who = self.name(action.who) if action.who else ""
        if who:
            text += _(" – ansvar: {who}").format(who=who)
        if action.due is not None:
            text += _(", frist {date}").format(date=short_date(action.due))
        if action.from_session:
            text += _(" (fra tidligere møte)")
        return text

    def _actions_item(self) -> Item:
        self.done.add("actions")
        return Item(
            theme=_("Oppfølgingspunkter"),
            status=[_("Oppfølgingspunkter som ble avtalt og fulgt opp i møtet.")],
            conclusion=self._action_lines(),
        )

    def _focus_persons(self, item: Item) -> None:
        if not self._once("focus_persons"):
            return
        from startpakke.session.focus_roles import case_label, round_timekeepers

        rounds = self.session.focus_rounds
        if rounds:
            keepers = round_timekeepers(self.session, [r.participant for r in rounds])
            item.conclusion.append((_("Fokuspersoner:"), ""))
            for number, (r, keeper) in enumerate(zip(rounds, keepers, strict=True), 1):
                line = f"– {self.name(r.participant)}: {clean(case_label(self.session, r, number))}"
                if keeper:
                    line += _(" (tidtaker: {name})").format(name=self.name(keeper))
                item.conclusion.append(line)

    def _focus_items(self, part: Part) -> list[Item]:
        from startpakke.session.focus_roles import case_label, round_timekeepers

        items = []
        rounds = self.session.focus_rounds
        keepers = round_timekeepers(self.session, [r.participant for r in rounds])
        for number, (focus, keeper) in enumerate(zip(rounds, keepers, strict=True), 1):
            case = clean(case_label(self.session, focus, number))
            item = Item(theme=f"{clean(part.title)}: {case}")
            item.status.append((_("Fokusperson:"), self.name(focus.participant)))
            if keeper:
                item.status.append((_("Tidtaker:"), self.name(keeper)))
            item.status.append(
                _(
                    "Problemstillingen ble presentert og drøftet etter metoden for "
                    "kollegaveiledning (reflekterende team)."
                )
            )
            if focus.share_takeaway and clean(focus.takeaway).strip():
                item.conclusion.append((_("Tar med seg:"), clean(focus.takeaway)))
            else:
                item.conclusion.append(_("Fokuspersonen tar med seg refleksjonene fra gruppen."))
            items.append(item)
        notes = self._notes(part.id)
        if notes and items:
            items[-1].status.extend(notes)
        return items

    def _parked_item(self) -> Item:
        """The parking lot: topics put aside, and which became themes for later meetings."""
        themes = {" ".join(t.split()).casefold() for t in self.session.plan.themes}
        item = Item(theme=_("Parkerte temaer"))
        for topic in self.session.parked:
            line = f"– {clean(topic.text)}"
            if topic.from_session:
                line += _(" (fra forrige møte)")
            item.status.append(line)
            if " ".join(topic.text.split()).casefold() in themes:
                item.conclusion.append(
                    _("– {topic}: tema for et senere møte").format(topic=clean(topic.text))
                )
        if not item.conclusion:
            item.conclusion.append(_("Tas opp igjen i neste møte."))
        return item

    def _eventuelt(self) -> Item:
        notes = self._notes("eventuelt")
        return Item(theme=_("Eventuelt"), status=notes or [_("Ingen saker.")])


def _names(people: Sequence[Participant]) -> str:
    from startpakke.documents.base import join_names

    return join_names(p.name for p in people)


# -- attendance and signature ------------------------------------------------------------------


def _attendance(writer: DocumentWriter, session: Session) -> object:
    """The members' and deputies' tables; returns the last block written."""
    writer.heading(_("Medlemmer"), 2)
    _attendance_table(writer, session.members, _("Ingen medlemmer er registrert."))
    writer.heading(_("Vara for medlemmene"), 2)
    return _attendance_table(writer, session.deputies, _("Ingen vara er registrert."))


def _attendance_table(writer: DocumentWriter, people: Sequence[Participant], empty: str) -> object:
    rows: list[list[object]] = []
    for person in people:
        rows.append(
            [
                person.name,
                person.contact or "–",
                person.service or "–",
                _("ja") if person.present else _("nei"),
            ]
        )
    if not rows:
        return writer.paragraph(empty)
    return writer.table([_(h) for h in ATTENDANCE_HEADERS], rows, widths_cm=(3.9, 6.3, 4.1, 2.1))


def _writer_name(session: Session) -> str:
    """Who writes this referat: the meeting's referent, else the secretary or facilitator."""
    day = common.meeting_date(session)
    for slot in session.plan.meetings:
        if slot.date == day and slot.secretary:
            return common.name(session, slot.secretary)
    if session.plan.term == "year" and session.plan.secretary:
        return common.name(session, session.plan.secretary)
    return common.name(session, session.facilitator)
