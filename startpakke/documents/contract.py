"""The nettverkskontrakt: what the network agreed on in its first meeting, to be signed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from startpakke.documents import common
from startpakke.documents.base import (
    DocumentWriter,
    keep_row_together,
    long_date,
    set_cell,
    set_row_height,
    short_date,
)
from startpakke.i18n import N_, _
from startpakke.labels import capitalised, category_colour
from startpakke.text import clean

if TYPE_CHECKING:
    from startpakke.session.model import Session

# Catalogue messages: show them through `_()`, in the language the document is written in.
TITLE = N_("Nettverkskontrakt")
NO_RULES = N_("Ingen spilleregler er vedtatt ennå.")
DEFAULT_EVALUATION = N_(
    "Kontrakten er retningsgivende for samarbeidet og for hvilke normer som gjelder i "
    "gruppen. Den brukes til å evaluere og justere det som skjer i nettverket: vi går "
    "gjennom den sammen når vi evaluerer arbeidet, og reviderer den ved behov."
)


def write_contract(session: Session, path: str | Path, template: str | Path | None = None) -> Path:
    """Write the contract as .docx to `path` (atomically) and return the path."""
    network = common.network_name(session)
    writer = DocumentWriter(template, title=_(TITLE), network=network)
    _front(writer, session, network)
    sections = [
        _purpose,
        _rules,
        _own_text,
        _competences,
        _plan,
        _evaluation,
    ]
    number = 0
    for section in sections:
        heading = section(writer, session, number + 1)
        if heading:
            number += 1
    _signatures(writer, session, number + 1)
    return writer.save(path)


def _front(writer: DocumentWriter, session: Session, network: str) -> None:
    writer.title(_(TITLE), network)
    contract = session.contract
    version = _("Versjon {version}").format(version=contract.version)
    if contract.revised_at is not None:
        version += _(", revidert {date}").format(date=short_date(contract.revised_at))
    place = clean(session.network.place).strip()
    when = long_date(common.meeting_date(session)).capitalize()
    services = [clean(s) for s in session.services]
    rows: list[tuple[str, object]] = [
        (_("Nettverk"), network),
        (_("Vedtatt"), f"{when}{', ' + place if place else ''}"),
    ]
    if services:
        # Each service often has a comma of its own («Larvik kommune, barneverntjenesten»).
        rows.append((_("Kommuner og tjenester"), "; ".join(services)))
    rows.append((_("Kontraktens versjon"), version))
    writer.key_values(rows)

    writer.heading(_("Medlemmer"), 2)
    members = session.members
    if members:
        writer.table(
            [_("Navn"), _("Kommune / tjeneste")],
            [[p.name, p.service or "–"] for p in members],
            widths_cm=(7.0, 9.3),
        )
    else:
        writer.paragraph(_("Ingen medlemmer er registrert ennå."))
    deputies = session.deputies
    if deputies:
        writer.heading(_("Vara"), 2)
        writer.table(
            [_("Navn"), _("Kommune / tjeneste")],
            [[p.name, p.service or "–"] for p in deputies],
            widths_cm=(7.0, 9.3),
        )


def _purpose(writer: DocumentWriter, session: Session, number: int) -> bool:
    writer.heading(f"{number}. " + _("Nettverkets formål"))
    purpose = clean(session.contract.purpose).strip()
    if purpose and not common.is_bufdir_purpose(purpose):
        writer.text_block(purpose)
    else:
        writer.quote(common.BUFDIR_PURPOSE, common.BUFDIR_SOURCE)
    return True


def _rules(writer: DocumentWriter, session: Session, number: int) -> bool:
    writer.heading(f"{number}. " + _("Våre spilleregler"))
    rules = [r for r in session.agreed_rules if clean(r.text).strip()]
    if not rules:
        writer.paragraph(_(NO_RULES))
        return True
    writer.paragraph(_("Dette er spillereglene vi er enige om og forplikter oss til å følge:"))
    writer.numbered(clean(rule.text).strip() for rule in rules)
    return True


def _own_text(writer: DocumentWriter, session: Session, number: int) -> bool:
    text = clean(session.contract.text).strip()
    if not text:
        return False
    writer.heading(f"{number}. " + _("Slik samarbeider vi"))
    writer.text_block(text)
    return True


def _competences(writer: DocumentWriter, session: Session, number: int) -> bool:
    from startpakke.session.model import CompetenceCategory

    writer.heading(f"{number}. " + _("Vår kompetanse"))
    writer.paragraph(
        _(
            "Profesjonell kompetanse består av tre deler som henger sammen: teoretisk kunnskap "
            "(faglig innsikt, modeller og lovverk), yrkesspesifikke ferdigheter (metoder, "
            "verktøy og praksis) og personlig kompetanse (relasjoner, kommunikasjon og samspill)."
        )
    )
    items = [c for c in session.competences if clean(c.text).strip()]
    if not items:
        writer.paragraph(_("Ingen kompetanse er registrert ennå."))
        return True
    categories = list(CompetenceCategory)
    headers = [_("Hvem")] + [
        _("{category} ({colour} lapp)").format(category=capitalised(c), colour=category_colour(c))
        for c in categories
    ]
    order = [p.id for p in session.participants]
    people = sorted(
        {c.participant for c in items},
        key=lambda pid: (order.index(pid) if pid in order else len(order), pid),
    )
    rows: list[list[object]] = []
    for pid in people:
        row: list[object] = [common.name(session, pid)]
        for category in categories:
            mine = [c for c in items if c.participant == pid and c.category is category]
            mine.sort(key=lambda c: (not c.top, not c.chosen))
            row.append([clean(c.text) + (_(" (valgt)") if c.chosen else "") for c in mine] or ["–"])
        rows.append(row)
    writer.table(headers, rows, widths_cm=(3.4, 4.3, 4.3, 4.3), first_column=True)
    if any(c.chosen for c in items):
        writer.small(_("(valgt) = kompetanse nettverket har valgt å bruke."))
    writer.heading(_("Hver deltakers topp 3"), 2)
    tops = common.top_three(session)
    if tops:
        writer.key_values(
            [
                (person, [f"{clean(c.text)} ({_(c.category.value)})" for c in mine])
                for person, mine in tops
            ]
        )
    else:
        writer.paragraph(_("Ingen har valgt sine tre viktigste kompetanser ennå."))
    chosen = [c for c in items if c.chosen]
    writer.heading(_("Kompetanse nettverket vil bruke"), 2)
    if chosen:
        writer.bullets(common.competence_label(session, c) for c in chosen)
    else:
        writer.paragraph(_("Nettverket har ikke valgt ut kompetanser ennå."))
    return True


def _plan(writer: DocumentWriter, session: Session, number: int) -> bool:
    plan = session.plan
    writer.heading(f"{number}. " + _("Plan for videre arbeid"))
    rotating = common.is_rotating(session)
    rows: list[tuple[str, object]] = [
        (_("Leder"), common.leader_text(session)),
        (_("Sekretær"), common.secretary_text(session)),
        (_("Hvor ofte vi møtes"), clean(plan.frequency).strip() or _("Ikke bestemt")),
        (_("Form"), capitalised(plan.format)),
        (_("Plattform"), clean(plan.platform).strip() or _("Ikke bestemt")),
    ]
    if plan.everyone_brings_case:
        rows.append((_("Kollegaveiledning"), _(common.CASE_TEXT)))
    writer.key_values(rows)

    writer.heading(_("Møtedatoer"), 2)
    if plan.meetings:
        headers, slot_rows = common.slot_rows(session, rotating)
        widths = (4.6, 2.4, 3.3, 3.0, 3.0) if rotating else (6.0, 3.0, 7.3)
        writer.table(headers, slot_rows, widths_cm=widths)
        if rotating:
            writer.small(_("Leder og sekretær går på omgang."))
    else:
        writer.paragraph(_("Møtedatoene er ikke satt opp ennå."))

    writer.heading(_("Temaer for de neste møtene"), 2)
    themes = [clean(t).strip() for t in plan.themes if clean(t).strip()]
    if themes:
        writer.bullets(themes)
    else:
        writer.paragraph(_("Ingen temaer er satt opp ennå."))
    if clean(plan.notes).strip():
        writer.heading(_("Annet"), 2)
        writer.text_block(plan.notes)
    return True


def _evaluation(writer: DocumentWriter, session: Session, number: int) -> bool:
    contract = session.contract
    writer.heading(f"{number}. " + _("Evaluering og revisjon"))
    writer.text_block(clean(contract.evaluation).strip() or _(DEFAULT_EVALUATION))
    if contract.review_date is not None:
        writer.labelled(_("Kontrakten evalueres"), long_date(contract.review_date))
    else:
        writer.labelled(_("Kontrakten evalueres"), _("dato er ikke satt ennå"))
    version = f"{contract.version}"
    if contract.revised_at is not None:
        version += _(", sist revidert {date}").format(date=short_date(contract.revised_at))
    writer.labelled(_("Versjon"), version)
    if session.revisions:
        writer.heading(_("Endringer"), 2)
        writer.table(
            [_("Versjon"), _("Dato"), _("Hva ble endret")],
            [
                [str(r.version), short_date(r.at), [clean(c) for c in r.changes] or ["–"]]
                for r in sorted(session.revisions, key=lambda r: r.version)
            ],
            widths_cm=(2.2, 2.8, 11.3),
        )
    return True


def _signatures(writer: DocumentWriter, session: Session, number: int) -> None:
    heading = writer.heading(f"{number}. " + _("Underskrifter"))
    heading.paragraph_format.page_break_before = True  # the signatures stay on one page
    writer.paragraph(
        _("Vi har vært med på å utarbeide denne kontrakten og forplikter oss til å følge den.")
    )
    members = session.members
    people = [(clean(p.name), clean(p.service)) for p in members] or [("", "")] * 6
    table = writer.table(
        [_("Navn"), _("Sted og dato"), _("Signatur")],
        [["", "", ""] for _ in people],
        widths_cm=(5.6, 4.4, 6.3),
        style="Startpakke skjema",
        banded=False,
    )
    for row, (person, service) in zip(table.rows[1:], people, strict=True):
        set_row_height(row, 1.5)
        keep_row_together(row)
        set_cell(row.cells[0], [(person, ""), service] if service else [(person, "")])
