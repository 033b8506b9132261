"""`startpakke run --lang nn` shows its screens in nynorsk (issue 17): a walk through the
setup screen, the run screen, every capture kind, the dialogs (participants, schedule,
documents, oppfølgingspunkt, note, parking, plan, contract), the unsaved and resume
dialogs and the end of the meeting, failing on bokmål marker words on the screen.

What is not read, and why (widen it when those modules are in the catalogue):
- the footer and the run screen's key bar: their words are the key descriptions of
  `tui/bindings.py`, and a Binding's description is made when its module is imported,
  which in a test process is before the language is set;
- text that other modules still write outside the catalogue (`tools/untranslated.py`
  lists it): `FOREIGN` is taken from the scanner, so it shrinks by itself as they are
  translated, and is empty once every module is;
- the contract's purpose field, which quotes Bufdir 2024 in bokmål (a quotation stays in
  the language it was written in).
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest
from textual.widgets import Footer, Select, TextArea

from startpakke import i18n
from startpakke.agenda.model import CaptureKind
from startpakke.session import edit as ops
from startpakke.session.model import AgreementLevel, Language
from startpakke.tui.screens.resume import ResumeScreen
from startpakke.tui.screens.run import RunScreen
from startpakke.tui.screens.setup import SetupScreen
from startpakke.tui.widgets.key_bar import KeyBar
from tests.tui_helpers import MEETING_DAY, make_app

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import untranslated  # noqa: E402

BOKMAL = re.compile(
    r"\b(ikke|hva|hvordan|hvorfor|hvem|hvor|jeg|fra|deltaker|deltakere|lagret|velg|bare|"
    r"uten|flere|hver|ennå|økten|klokken|listen|legger|valgt|tidtaker|navn|sted|stede|"
    r"enighet|innsigelse|mens|dere|noen|også|ble|kjøreplan|åpne|åpent|noe|mye|hvis|kommer|"
    r"gjøre|gjør|skrevet|lukket|stoppet|fortsett|fortsetter|tiden)\b",
    re.IGNORECASE,
)
"""Words of bokmål that nynorsk writes otherwise («ikkje», «kva», «frå», «deltakar» …)."""

MINE = ("tui/", "view/", "projector/", "engine/", "controller.py")
NOT_MINE = {"tui/bindings.py", "tui/capture/area.py", "tui/screens/info.py", "tui/screens/run.py"}


def _ours(module: str) -> bool:
    return module.startswith(MINE) and module not in NOT_MINE


def foreign_texts() -> list[str]:
    """The pieces of the literals other modules still write outside the catalogue."""
    pieces: list[str] = []
    for path in sorted(untranslated.PACKAGE.rglob("*.py")):
        module = path.relative_to(untranslated.PACKAGE).as_posix()
        if _ours(module) or module.startswith("locale"):
            continue
        nodes = list(ast.walk(ast.parse(path.read_text(encoding="utf-8"))))
        skip = (
            untranslated._docstrings(nodes)
            | untranslated._in_catalogue(nodes)
            | untranslated._patterns(nodes)
        )
        for node in nodes:
            if id(node) in skip:
                continue
            if isinstance(node, ast.JoinedStr):
                parts = [
                    p.value
                    for p in node.values
                    if isinstance(p, ast.Constant) and isinstance(p.value, str)
                ]
                skip.update(id(p) for p in node.values)
                if untranslated._reads_norwegian("".join(parts)):
                    pieces.extend(parts)
            elif (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and untranslated._reads_norwegian(node.value)
            ):
                pieces.append(node.value)
    # Only the pieces that hold a marker word: the rest could not fail the test anyway.
    lines = {line.strip() for piece in pieces for line in piece.splitlines()}
    return sorted((line for line in lines if BOKMAL.search(line)), key=len, reverse=True)


FOREIGN = foreign_texts()


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    """What the screen shows, without the key bars' rows and the Bufdir quotation."""
    rows = [strip.text for strip in app.screen._compositor.render_strips()]
    skipped: set[int] = set()
    for screen in app.screen_stack:
        for widget in (*screen.query(Footer), *screen.query(KeyBar)):
            region = widget.region
            skipped.update(range(region.y, region.bottom))
    text = "\n".join(row for y, row in enumerate(rows) if y not in skipped)
    for area in app.screen.query(TextArea):
        if area.id == "contract-purpose":
            for line in area.text.splitlines():
                text = text.replace(line.strip()[:40], " ")
    for piece in FOREIGN:
        text = text.replace(piece, " ")
    return text


def bokmal_on(app) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted({m.group(0) for m in BOKMAL.finditer(screen_text(app))})


SAID = {"innsjekk": "Anne er borte", "steg1": "Anne er fasilitator"}
"""What Enter in the part's list says (in nynorsk): the walk reaches the lists."""


@pytest.fixture
def nynorsk() -> None:
    i18n.set_language("nn")  # as `startpakke run --lang nn` does; conftest sets it back


def assert_nynorsk(app, where: str) -> None:  # type: ignore[no-untyped-def]
    found = bokmal_on(app)
    assert found == [], f"bokmål på skjermen ({where}): {found}\n{screen_text(app)}"


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    screen = pilot.app.screen
    if isinstance(screen, RunScreen):
        screen.refresh_state()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_meeting_is_in_nynorsk_from_setup_to_the_end(
    nynorsk: None, size: tuple[int, int]
) -> None:
    app, *_ = make_app("Anne,Bjørn,Cecilie", setup=True)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert "Nytt møte" in screen_text(app)
        assert_nynorsk(app, "oppsett")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RunScreen)
        assert_nynorsk(app, "møtet")
        run = app.screen
        for key, what in [
            ("d", "deltakarar"),
            ("o", "tidsplan"),
            ("e", "dokument"),
            ("h", "oppfølgingspunkt"),
            ("m", "notat"),
            ("s", "parkering"),
        ]:
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is not run, what
            assert_nynorsk(app, what)
            await pilot.press("escape")  # back on the run screen, which the next key reads
            assert app.screen is run, what
        # Every part's capture, phase by phase (a dialog for the contract and the plan),
        # with something in each list, so its marks and words are on the screen too.
        controller = app.controller
        assert controller is not None
        people = [p.id for p in controller.session.participants]
        agreed = controller.add_rule("Vi held tida", people[0], agreed=True)
        objected = controller.add_rule("Telefonen ligg i veska", people[1])
        controller.edit(
            ops.set_rule_agreement,
            objected.id,
            AgreementLevel.objection,
            by=people[2],
            reason="Vakttelefonen",
        )
        controller.add_rule("Vi tek pause kvar time", people[2])
        top = controller.add_competence("teoretisk", "Barnevernlova", people[0])
        controller.edit(ops.toggle_competence_top, top.id)
        controller.edit(ops.add_action, "Sende ut referatet", people[1], MEETING_DAY)
        controller.edit(ops.add_theme, "Samarbeid med skulen")
        assert agreed.agreed
        for index, part in enumerate(controller.agenda.parts):
            controller.jump(index)
            await settle(pilot)
            assert_nynorsk(app, part.id)
            # Enter in a capture already tried in this part (the same kind first in a later
            # phase) showed the same screen again: it is pressed once per kind and part.
            entered: set[CaptureKind] = set()
            phases = part.effective_phases
            for number, _phase in enumerate(phases, start=1):
                if controller.snapshot().part_index != index:
                    break
                if part.all_captures():
                    await pilot.press("c")
                    await settle(pilot)
                    assert_nynorsk(app, f"{part.id}: skriv ned")
                    first = controller.captures_here()[0]
                    if first not in entered:
                        entered.add(first)
                        await pilot.press("enter")  # the first item chosen, or an empty field
                        await settle(pilot)
                        assert_nynorsk(app, f"{part.id}: Enter")
                        if part.id in SAID:
                            assert SAID[part.id] in screen_text(app)
                    # Not drawn after Escape: the next phase (or part) is, and it is read.
                    await pilot.press("escape")
                    if app.screen is not run:
                        await pilot.press("escape")
                controller.next_phase()
                # Drawn for the next phase's capture; after the last one the next part's
                # jump draws, and a phase without a capture is not read.
                if number < len(phases) and part.all_captures():
                    await settle(pilot)
        # The end of the meeting: the banner, the clock and the day line.
        controller.jump(len(controller.agenda.parts) - 1)
        controller.next_part()
        await settle(pilot)
        assert controller.snapshot().finished
        assert "Møtet er ferdig" in screen_text(app)
        assert_nynorsk(app, "slutt")


async def test_the_unsaved_and_resume_dialogs_are_in_nynorsk(nynorsk: None) -> None:
    app, *_ = make_app("Anne,Bjørn")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        app.save_problem = "Disken er full"
        app._ask_about_unsaved()
        await pilot.pause()
        assert "Økta er ikkje lagra" in screen_text(app)
        assert_nynorsk(app, "ulagra")
        await pilot.press("escape")
        await settle(pilot)
        for variant in ({"crashed": True}, {"crashed": False}, {"suspended": True}):
            for paused in (False, True):
                app.push_screen(ResumeScreen(600, paused, "Steg 1 av 7: Val", **variant))
                await pilot.pause()
                assert "Hald fram med møtet" in screen_text(app)
                assert_nynorsk(app, f"halde fram {variant} {paused}")
                app.pop_screen()
                await pilot.pause()


@pytest.mark.parametrize(
    ("meeting", "offered"),
    [
        ("new", Language.nn),  # a new network gets the program's language
        ("saved", Language.nb),  # a session saved before keeps its own målform
        ("goes on", Language.nb),  # a later meeting's målform is the network's
    ],
)
async def test_the_målform_offered_on_the_setup_screen(
    nynorsk: None, tmp_path: Path, meeting: str, offered: Language
) -> None:
    """The program runs in nynorsk; the session's målform is bokmål (the default)."""
    app, session, _clock, _saves = make_app("Anne", setup=True)
    app.startup.session_path = tmp_path / "okt.json"
    if meeting == "saved":
        app.startup.session_path.write_text("{}", encoding="utf-8")  # saved before
    elif meeting == "goes on":
        session.previous_session = "forrige-okt"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#language", Select).value == offered.value
        app.screen.action_start()
        await pilot.pause()
    assert session.network.language is offered


async def test_in_bokmål_a_new_network_is_bokmål(tmp_path: Path) -> None:
    app, *_ = make_app("Anne", setup=True)
    app.startup.session_path = tmp_path / "okt.json"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#language", Select).value == "nb"


@pytest.mark.parametrize("part", [None, 0, 4, 7, 9])
async def test_the_projector_is_in_nynorsk(nynorsk: None, tmp_path: Path, part: int | None) -> None:
    """The room's window: waiting, a round, the rules board, the competence board, the end."""
    from startpakke.engine import FakeClock
    from startpakke.projector.room import Room
    from startpakke.tui.projector_app import ProjectorApp
    from tests.functional.test_projector_app import make_session_file

    clock = FakeClock()
    path = tmp_path / "okt.json"
    controller = make_session_file(path, part, clock=clock, competences=True)
    if part == 9:
        controller.next_part()  # past the last part: the meeting is over
        controller.changed()
    room = Room(path, clock=clock)
    room.open()
    app = ProjectorApp(room, tick=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        if part is None:
            assert "Møtet har ikkje starta" in shown
        if part == 9:
            assert "Takk for i dag" in shown
        assert_nynorsk(app, f"projektor, del {part}")
