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
from startpakke.text import clean, slug

if TYPE_CHECKING:
    from startpakke.session.model import Session

TITLE = "Nettverkskontrakt"
NO_RULES = "Ingen spilleregler er vedtatt ennå."
DEFAULT_EVALUATION = (
    "Kontrakten er retningsgivende for samarbeidet og for hvilke normer som gjelder i "
    "gruppen. Den brukes til å evaluere og justere det som skjer i nettverket: vi går "
    "gjennom den sammen når vi evaluerer arbeidet, og reviderer den ved behov."
)


def default_filename(session: Session) -> str:
    """nettverkskontrakt-<nettverk>-<YYYY-MM-DD>.docx"""
    day = common.meeting_date(session).isoformat()
    return f"nettverkskontrakt-{slug(session.network.name)}-{day}.docx"


def write_contract(session: Session, path: str | Path, template: str | Path | None = None) -> Path:
    """Write the contract as .docx to `path` (atomically) and return the path."""
    network = common.network_name(session)
    writer = DocumentWriter(template, title=TITLE, network=network)
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
    writer.title(TITLE, network)
    contract = session.contract
    version = f"Versjon {contract.version}"
    if contract.revised_at is not None:
        version += f", revidert {short_date(contract.revised_at)}"
    place = clean(session.network.place).strip()
    when = long_date(common.meeting_date(session)).capitalize()
    services = [clean(s) for s in session.network.services if clean(s).strip()]
    if not services:
        services = list(
            dict.fromkeys(clean(p.service) for p in session.members if clean(p.service).strip())
        )
    rows: list[tuple[str, object]] = [
        ("Nettverk", network),
        ("Vedtatt", f"{when}{', ' + place if place else ''}"),
    ]
    if services:
        # Each service often has a comma of its own («Larvik kommune, barneverntjenesten»).
        rows.append(("Kommuner og tjenester", "; ".join(services)))
    rows.append(("Kontraktens versjon", version))
    writer.key_values(rows)

    writer.heading("Medlemmer", 2)
    members = session.members
    if members:
        writer.table(
            ["Navn", "Kommune / tjeneste"],
            [[p.name, p.service or "–"] for p in members],
            widths_cm=(7.0, 9.3),
        )
    else:
        writer.paragraph("Ingen medlemmer er registrert ennå.")
    deputies = session.deputies
    if deputies:
        writer.heading("Vara", 2)
        writer.table(
            ["Navn", "Kommune / tjeneste"],
            [[p.name, p.service or "–"] for p in deputies],
            widths_cm=(7.0, 9.3),
        )


def _purpose(writer: DocumentWriter, session: Session, number: int) -> bool:
    writer.heading(f"{number}. Nettverkets formål")
    purpose = clean(session.contract.purpose).strip()
    if purpose and not common.is_bufdir_purpose(purpose):
        writer.text_block(purpose)
    else:
        writer.quote(common.BUFDIR_PURPOSE, common.BUFDIR_SOURCE)
    return True


def _rules(writer: DocumentWriter, session: Session, number: int) -> bool:
    writer.heading(f"{number}. Våre spilleregler")
    rules = [r for r in session.agreed_rules if clean(r.text).strip()]
    if not rules:
        writer.paragraph(NO_RULES)
        return True
    writer.paragraph("Dette er spillereglene vi er enige om og forplikter oss til å følge:")
    writer.numbered(clean(rule.text).strip() for rule in rules)
    return True


def _own_text(writer: DocumentWriter, session: Session, number: int) -> bool:
    text = clean(session.contract.text).strip()
    if not text:
        return False
    writer.heading(f"{number}. Slik samarbeider vi")
    writer.text_block(text)
    return True


def _competences(writer: DocumentWriter, session: Session, number: int) -> bool:
    from startpakke.session.model import CATEGORY_COLOURS, CATEGORY_LABELS, CompetenceCategory

    writer.heading(f"{number}. Vår kompetanse")
    writer.paragraph(
        "Profesjonell kompetanse består av tre deler som henger sammen: teoretisk kunnskap "
        "(faglig innsikt, modeller og lovverk), yrkesspesifikke ferdigheter (metoder, verktøy "
        "og praksis) og personlig kompetanse (relasjoner, kommunikasjon og samspill)."
    )
    items = [c for c in session.competences if clean(c.text).strip()]
    if not items:
        writer.paragraph("Ingen kompetanse er registrert ennå.")
        return True
    categories = list(CompetenceCategory)
    headers = ["Hvem"] + [f"{CATEGORY_LABELS[c]} ({CATEGORY_COLOURS[c]} lapp)" for c in categories]
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
            row.append([clean(c.text) + (" (valgt)" if c.chosen else "") for c in mine] or ["–"])
        rows.append(row)
    writer.table(headers, rows, widths_cm=(3.4, 4.3, 4.3, 4.3), first_column=True)
    if any(c.chosen for c in items):
        writer.small("(valgt) = kompetanse nettverket har valgt å bruke.")
    writer.heading("Hver deltakers topp 3", 2)
    tops = common.top_three(session)
    if tops:
        writer.key_values(
            [
                (person, [f"{clean(c.text)} ({c.category.value})" for c in mine])
                for person, mine in tops
            ]
        )
    else:
        writer.paragraph("Ingen har valgt sine tre viktigste kompetanser ennå.")
    chosen = [c for c in items if c.chosen]
    writer.heading("Kompetanse nettverket vil bruke", 2)
    if chosen:
        writer.bullets(common.competence_label(session, c) for c in chosen)
    else:
        writer.paragraph("Nettverket har ikke valgt ut kompetanser ennå.")
    return True


def _plan(writer: DocumentWriter, session: Session, number: int) -> bool:
    plan = session.plan
    writer.heading(f"{number}. Plan for videre arbeid")
    rotating = common.is_rotating(session)
    rows: list[tuple[str, object]] = [
        ("Leder", common.leader_text(session)),
        ("Sekretær / referent", common.secretary_text(session)),
        ("Hvor ofte vi møtes", clean(plan.frequency).strip() or "Ikke bestemt"),
        ("Form", common.FORMATS.get(plan.format, plan.format)),
        ("Plattform", clean(plan.platform).strip() or "Ikke bestemt"),
    ]
    if plan.everyone_brings_case:
        rows.append(("Kollegaveiledning", common.CASE_TEXT))
    writer.key_values(rows)

    writer.heading("Møtedatoer", 2)
    if plan.meetings:
        headers, slot_rows = common.slot_rows(session, rotating)
        widths = (4.6, 2.4, 3.3, 3.0, 3.0) if rotating else (6.0, 3.0, 7.3)
        writer.table(headers, slot_rows, widths_cm=widths)
        if rotating:
            writer.small("Leder og referent går på omgang.")
    else:
        writer.paragraph("Møtedatoene er ikke satt opp ennå.")

    writer.heading("Temaer for de neste møtene", 2)
    themes = [clean(t).strip() for t in plan.themes if clean(t).strip()]
    if themes:
        writer.bullets(themes)
    else:
        writer.paragraph("Ingen temaer er satt opp ennå.")
    if clean(plan.notes).strip():
        writer.heading("Annet", 2)
        writer.text_block(plan.notes)
    return True


def _evaluation(writer: DocumentWriter, session: Session, number: int) -> bool:
    contract = session.contract
    writer.heading(f"{number}. Evaluering og revisjon")
    writer.text_block(clean(contract.evaluation).strip() or DEFAULT_EVALUATION)
    if contract.review_date is not None:
        writer.labelled("Kontrakten evalueres", long_date(contract.review_date))
    else:
        writer.labelled("Kontrakten evalueres", "dato er ikke satt ennå")
    version = f"{contract.version}"
    if contract.revised_at is not None:
        version += f", sist revidert {short_date(contract.revised_at)}"
    writer.labelled("Versjon", version)
    if session.revisions:
        writer.heading("Endringer", 2)
        writer.table(
            ["Versjon", "Dato", "Hva ble endret"],
            [
                [str(r.version), short_date(r.at), [clean(c) for c in r.changes] or ["–"]]
                for r in sorted(session.revisions, key=lambda r: r.version)
            ],
            widths_cm=(2.2, 2.8, 11.3),
        )
    return True


def _signatures(writer: DocumentWriter, session: Session, number: int) -> None:
    heading = writer.heading(f"{number}. Underskrifter")
    heading.paragraph_format.page_break_before = True  # the signatures stay on one page
    writer.paragraph(
        "Vi har vært med på å utarbeide denne kontrakten og forplikter oss til å følge den."
    )
    members = session.members
    people = [(clean(p.name), clean(p.service)) for p in members] or [("", "")] * 6
    table = writer.table(
        ["Navn", "Sted og dato", "Signatur"],
        [["", "", ""] for _ in people],
        widths_cm=(5.6, 4.4, 6.3),
        style="Startpakke skjema",
        banded=False,
    )
    for row, (person, service) in zip(table.rows[1:], people, strict=True):
        set_row_height(row, 1.5)
        keep_row_together(row)
        set_cell(row.cells[0], [(person, ""), service] if service else [(person, "")])
