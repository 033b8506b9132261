"""A realistic session (fictional people) for the document tests.

`example_session()` returns `examples/eksempel-okt.json` when it exists (the project's shared
example) and this hand-built one otherwise.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from startpakke.agenda.model import Agenda
from startpakke.session.model import (
    Action,
    Competence,
    CompetenceCategory,
    Contract,
    FocusRound,
    MeetingSlot,
    Network,
    Note,
    Participant,
    Plan,
    Role,
    Rule,
    Session,
)
from startpakke.session.runstate import PartRun, RunState, ShortenedTurns

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "eksempel-okt.json"
OSLO = ZoneInfo("Europe/Oslo")


def build_session() -> Session:
    people = [
        Participant(
            id="p1",
            name="Ingrid Solberg",
            service="Horten barneverntjeneste",
            contact="ingrid.solberg@horten.kommune.no",
        ),
        Participant(
            id="p2",
            name="Jon Are Eriksen",
            service="Holmestrand barneverntjeneste",
            contact="jon.are.eriksen@holmestrand.kommune.no",
        ),
        Participant(
            id="p3",
            name="Mette Lunde Haugen",
            service="Tønsberg barneverntjeneste",
            contact="mette.haugen@tonsberg.kommune.no",
        ),
        Participant(
            id="p4",
            name="Bjørn Aasen",
            service="Færder barneverntjeneste",
            contact="bjorn.aasen@faerder.kommune.no",
            present=False,
        ),
        Participant(
            id="p5",
            name="Siri Åkre",
            service="Sandefjord barneverntjeneste",
            contact="siri.akre@sandefjord.kommune.no",
        ),
        Participant(
            id="p6",
            name="Øystein Dahl",
            service="Larvik barneverntjeneste",
            contact="oystein.dahl@larvik.kommune.no",
        ),
        Participant(
            id="d1",
            name="Hege Brekke",
            service="Færder barneverntjeneste",
            contact="hege.brekke@faerder.kommune.no",
            role=Role.deputy,
        ),
        Participant(
            id="d2",
            name="Tor Erik Vik",
            service="Larvik barneverntjeneste",
            contact="tor.erik.vik@larvik.kommune.no",
            role=Role.deputy,
            present=False,
        ),
    ]
    rules = [
        Rule(
            id="r1",
            text="Det som deles om enkeltsaker og ansatte, blir i rommet.",
            proposed_by="p1",
            agreed=True,
        ),
        Rule(
            id="r2",
            text="Vi møter forberedt og holder av tiden – mobilen ligger nede.",
            proposed_by="p3",
            agreed=True,
        ),
        Rule(
            id="r3",
            text="Vi er uenige med respekt: vi spør før vi argumenterer.",
            proposed_by="p5",
            agreed=True,
        ),
        Rule(
            id="r4",
            text="Vi roterer på å ta med en sak til kollegaveiledning.",
            proposed_by="p6",
            agreed=True,
        ),
        Rule(
            id="r5",
            text="Vi sender referatet til godkjenning innen én uke.",
            proposed_by="p2",
            agreed=False,
        ),
    ]
    C = CompetenceCategory
    competences = [
        Competence(
            participant="p1",
            category=C.teoretisk,
            text="Barnevernsloven 2023",
            top=True,
            chosen=True,
        ),
        Competence(
            participant="p1", category=C.personlig, text="Trygg i krevende samtaler", top=True
        ),
        Competence(
            participant="p2",
            category=C.yrkesspesifikk,
            text="Budsjett og økonomistyring",
            top=True,
            chosen=True,
        ),
        Competence(participant="p2", category=C.teoretisk, text="Forvaltningsrett"),
        Competence(
            participant="p3",
            category=C.yrkesspesifikk,
            text="Implementering av BTI og tverrfaglig samarbeid",
            top=True,
        ),
        Competence(
            participant="p3", category=C.personlig, text="Lytter og oppsummerer", chosen=True
        ),
        Competence(
            participant="p5",
            category=C.teoretisk,
            text="Traumebevisst ledelse",
            top=True,
            chosen=True,
        ),
        Competence(
            participant="p6", category=C.yrkesspesifikk, text="Rekruttering og turnover", top=True
        ),
        Competence(participant="p6", category=C.personlig, text="Humor når det røyner på"),
    ]
    meetings = [
        MeetingSlot(
            id="m1",
            date=date(2025, 3, 11),
            start="09:00",
            end="12:00",
            place="Horten rådhus, møterom Karljohansvern",
            leader="p1",
            secretary="p2",
        ),
        MeetingSlot(
            id="m2", date=date(2025, 5, 13), start="09:00", end="11:30", leader="p2", secretary="p3"
        ),
        MeetingSlot(
            id="m3",
            date=date(2025, 9, 9),
            start="09:00",
            end="12:00",
            place="Larvik kulturhus Bølgen",
            leader="p3",
            secretary="p5",
        ),
        MeetingSlot(
            id="m4",
            date=date(2025, 11, 18),
            start="12:30",
            end="15:00",
            leader="p5",
            secretary="p6",
        ),
    ]
    plan = Plan(
        term="rotating",
        frequency="Hver andre måned, 2,5–3 timer",
        format="both",
        platform="Teams",
        meetings=meetings,
        themes=[
            "Ny barnevernslov i praksis: hva har endret seg i tjenestene?",
            "Rekruttering og å beholde erfarne saksbehandlere",
            "Samarbeid med skole og helsestasjon om tidlig innsats",
            "Økonomistyring og tiltaksbudsjett",
        ],
        everyone_brings_case=True,
    )
    contract = Contract(
        text=(
            "Nettverket er en arena for erfaringsdeling, støtte og veiledning mellom oss som "
            "barnevernledere. Vi prioriterer møtene, gir beskjed i god tid ved forfall, og "
            "sender vara når det er mulig.\n\nVi bruker kollegaveiledning (reflekterende team) "
            "på hvert møte, og alle tar med en problemstilling, stor eller liten."
        ),
        evaluation="Vi evaluerer kontrakten på siste møte før sommeren, og ellers ved behov.",
        review_date=date(2025, 6, 17),
    )
    actions = [
        Action(
            what="Opprette et Teams-team for nettverket og invitere alle",
            who="p2",
            due=date(2025, 1, 24),
        ),
        Action(what="Sende ut møteinnkalling for alle datoene", who="p1", due=date(2025, 1, 31)),
        Action(what="Sende referat til godkjenning", who="p2", due=date(2025, 1, 21), done=True),
    ]
    notes = [
        Note(
            part="steg3", text="Gruppen la merke til at alle trenger tid til å tenke før de svarer."
        ),
        Note(part="steg3", text="Mette vil helst ha skriftlig sakliste på forhånd.", private=True),
        Note(part="steg7", text="Eksterne innledere kan inviteres når temaet krever det."),
    ]
    start = datetime(2025, 1, 14, 9, 2, tzinfo=OSLO)
    durations = [
        (12, None),
        (4, None),
        (22, None),
        (41, 5),
        (31, None),
        (25, None),
        (18, None),
        (19, None),
        (9, None),
    ]
    run_parts = []
    moment = start
    ids = ["innsjekk", "steg1", "steg2", "steg3", "steg4", "steg5", "steg6", "steg7", "utsjekk"]
    planned = [10, 5, 20, 25, 30, 30, 20, 15, 10]
    for part_id, (minutes, shortened), plan_minutes in zip(ids, durations, planned, strict=True):
        end = moment + timedelta(minutes=minutes)
        run_parts.append(
            PartRun(
                id=part_id,
                planned_seconds=plan_minutes * 60.0,
                started_at=moment,
                ended_at=end,
                used_seconds=minutes * 60.0,
                turns=ShortenedTurns(seconds=shortened * 60.0, written_seconds=8 * 60.0)
                if shortened
                else None,
            )
        )
        moment = end
        if part_id == "steg4":
            moment += timedelta(minutes=15)  # the break
    return Session(
        id="oekt-vestfold-1",
        created_at=datetime(2025, 1, 14, 8, 40, tzinfo=OSLO),
        updated_at=datetime(2025, 1, 14, 12, 20, tzinfo=OSLO),
        network=Network(
            name="Barnevernledernettverk Vestfold",
            services=[],
            meeting_date=date(2025, 1, 14),
            place="Tønsberg rådhus, møterom Slottsfjell",
        ),
        participants=people,
        facilitator="p3",
        rules=rules,
        contract=contract,
        competences=competences,
        plan=plan,
        actions=actions,
        notes=notes,
        run=RunState(
            agenda_id="startpakke", started=True, meeting_started_at=start, parts=run_parts
        ),
    )


def build_kollega_session() -> Session:
    session = build_session()
    return replace(
        session,
        **{
            "agenda": "kollegaveiledning",
            "agenda_id": "kollegaveiledning",
            "run": None,
            "focus_rounds": [
                FocusRound(
                    participant="p5",
                    case_title="Ventelister og forsvarlighet",
                    takeaway="Å si tydelig fra til kommunedirektøren tidlig.",
                    share_takeaway=True,
                ),
                FocusRound(
                    participant="p6",
                    case_title="En krevende personalsak",
                    takeaway="Dette er privat og skal ikke i referatet.",
                    share_takeaway=False,
                ),
            ],
        },
    )


def example_session() -> Session:
    """The project's example session (`examples/eksempel-okt.json`), or the one built here."""
    if EXAMPLE.exists():
        from startpakke.session.store import load_session

        return load_session(EXAMPLE)
    return build_session()


_BUILTIN: dict[Path, Agenda] = {}


def load_builtin_agenda(name: str = "startpakke") -> Agenda:
    """A built-in agenda, in the language the test speaks (see `load_agenda_file`)."""
    from startpakke.resources import resolve_agenda

    return load_agenda_file(resolve_agenda(name))


def load_agenda_file(path: Path) -> Agenda:
    """An agenda file as the loader reads it, a fresh copy for every caller.

    The file is read and validated once per test process: composing the YAML with line
    numbers took 40 ms a time, 8 % of the Pilot tests' CPU. A copy is 1 ms, and a test
    that changes its agenda changes nobody else's. tests/unit/test_loader.py and
    test_agenda_content.py read the files themselves.
    """
    if path not in _BUILTIN:
        from startpakke.agenda.loader import load_agenda

        _BUILTIN[path] = load_agenda(path)
    return copy.deepcopy(_BUILTIN[path])


# -- reading documents back ------------------------------------------------------------------


def paragraphs_text(path: Path) -> list[str]:
    """Every paragraph's text in the body, tables included, in document order."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(path))
    lines = []
    for paragraph in document.element.body.iter(qn("w:p")):
        parts = []
        for node in paragraph.iter(qn("w:t"), qn("w:br"), qn("w:tab")):
            if node.tag == qn("w:t"):
                parts.append(node.text or "")
            elif node.tag == qn("w:tab"):
                parts.append("\t")
            elif node.get(qn("w:type")) in (None, "textWrapping"):
                parts.append("\n")
        lines.append("".join(parts))
    return lines


def all_text(path: Path) -> str:
    return "\n".join(paragraphs_text(path))


def text_in_order(path: Path) -> str:
    """Paragraphs and table cells in the order they stand in the document."""
    import docx
    from docx.table import Table

    lines = []
    for block in docx.Document(str(path)).iter_inner_content():
        if isinstance(block, Table):
            lines += [c.text for row in block.rows for c in row.cells]
        else:
            lines.append(block.text)
    return "\n".join(lines)


def table_rows(path: Path) -> list[list[list[str]]]:
    """Each table as rows of cell texts (top-level tables)."""
    import docx

    document = docx.Document(str(path))
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]


def page_breaks(path: Path) -> int:
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(path))
    return sum(1 for br in document.element.body.iter(qn("w:br")) if br.get(qn("w:type")) == "page")
