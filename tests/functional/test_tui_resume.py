"""Resuming a saved run mid-turn: the dialog, both choices, and a paused run staying paused.

The saved run is made by the controller on a fake clock (exactly as the app saves it); then
the clock moves on by the time the program was «closed», and a new app opens the file the
way `startpakke run --session FILE` does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, Static

from startpakke.controller import MeetingController
from startpakke.engine import FakeClock, Snapshot
from startpakke.session.edit import participants_from_names
from startpakke.session.model import Session
from startpakke.session.store import SessionStore, load_session
from startpakke.tui.screens.resume import ResumeScreen
from tests.documents_session import load_builtin_agenda
from tests.functional.test_tui_capture import NAMES, SIZE
from tests.tui_helpers import open_app

CLOSED_SECONDS = 25 * 60


def save_mid_turn(path: Path, clock: FakeClock, *, paused: bool = False) -> Snapshot:
    """A meeting in steg 4's round, the second speaker 70 s into their turn, saved."""
    agenda = load_builtin_agenda("startpakke")
    session = Session(agenda="startpakke", agenda_id=agenda.id)
    session.participants = participants_from_names(NAMES)
    store = SessionStore.create(path, session)
    controller = MeetingController(agenda, session, lambda _s: store.save(), clock)
    controller.start()
    controller.jump(4)
    controller.next_phase()
    assert controller.phase.id == "deling"
    clock.advance(40)
    controller.next_turn()
    clock.advance(70)
    if paused:
        controller.toggle_pause()
    controller.add_rule("Vi starter presis")
    controller.changed()
    return controller.snapshot()


def resume_text(app: object) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ResumeScreen)
    return str(screen.query_one("#resume-text", Static).content)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.mark.parametrize(
    ("key", "lost"),
    [
        pytest.param("t", CLOSED_SECONDS, id="tell-med-tiden"),
        pytest.param("f", 0, id="fortsett-der-klokken-stoppet"),
    ],
)
async def test_resume_mid_turn_offers_both_choices(
    tmp_path: Path, clock: FakeClock, key: str, lost: int
) -> None:
    path = tmp_path / "mote.json"
    before = save_mid_turn(path, clock)
    assert before.round is not None and before.round.current is not None
    clock.advance(CLOSED_SECONDS)  # the program was closed for 25 minutes

    app = open_app(path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = resume_text(app)
        # No lock was left behind (the file was closed, not killed): `run`'s own wording.
        assert "Programmet ble avsluttet for 25 min siden" in text
        assert f"{before.round.current.name} har ordet" in text
        buttons = {str(b.label) for b in app.screen.query(Button)}
        assert buttons == {"Tell med tiden (t)", "Fortsett der klokken stoppet (f)"}
        await pilot.press(key)
        await pilot.pause()
        assert app.controller is not None
        after = app.controller.snapshot()
        assert (after.part_index, after.phase_index) == (before.part_index, before.phase_index)
        assert after.round is not None and after.round.current == before.round.current
        assert after.main.remaining == pytest.approx(before.main.remaining - lost, abs=1e-6)
        assert after.part_timer.remaining == pytest.approx(
            before.part_timer.remaining - lost, abs=1e-6
        )
        assert not after.paused
        shown = str(app.screen.query_one("#round", Static).content)
        assert f"Nå: {before.round.current.name}" in shown
        clock.advance(10)  # and the timer runs on
        assert app.controller.snapshot().main.remaining == pytest.approx(
            before.main.remaining - lost - 10, abs=1e-6
        )
    assert [r.text for r in load_session(path).rules] == ["Vi starter presis"]


async def test_a_paused_run_stays_paused(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "mote.json"
    before = save_mid_turn(path, clock, paused=True)
    clock.advance(CLOSED_SECONDS)

    app = open_app(path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = resume_text(app)
        assert "lukket i 25 min" in text and "pause" in text
        assert [str(b.label) for b in app.screen.query(Button)] == ["OK"]
        await pilot.press("t")  # even «tell med tiden» cannot take time from a paused run
        await pilot.pause()
        assert app.controller is not None
        after = app.controller.snapshot()
        assert after.paused
        assert after.main.remaining == pytest.approx(before.main.remaining, abs=1e-6)
        clock.advance(120)
        assert app.controller.snapshot().main.remaining == pytest.approx(
            before.main.remaining, abs=1e-6
        )
        await pilot.press("space")  # the facilitator resumes the clock
        clock.advance(5)
        assert app.controller.snapshot().main.remaining == pytest.approx(
            before.main.remaining - 5, abs=1e-6
        )


@pytest.mark.parametrize("paused", [False, True])
async def test_a_part_title_that_ends_in_an_ellipsis_gets_no_full_stop_after_it(
    paused: bool,
) -> None:
    """«Møtet fortsetter ved Steg 7 av 7: Før vi går ….» – a tester's resume dialog."""
    from tests.tui_helpers import make_app

    app, *_ = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ResumeScreen(600, paused, "Steg 7 av 7: Før vi går …"))
        await pilot.pause()
        text = str(app.screen.query_one("#resume-text", Static).render())
        assert "Før vi går …\n" in text and "…." not in text


@pytest.mark.parametrize(
    "variant", [{}, {"crashed": True}, {"suspended": True}], ids=["quit", "crash", "slept"]
)
async def test_a_part_title_that_is_a_question_keeps_its_question_mark(
    variant: dict[str, bool],
) -> None:
    """«ved Steg 5 av 7: Hva gjør vi nå?.»: a title that ends its own sentence gets no
    full stop after it, where the sentence ends a line and where another follows it."""
    from tests.tui_helpers import make_app

    app, *_ = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ResumeScreen(600, False, "Steg 5 av 7: Hva gjør vi nå?", **variant))
        await pilot.pause()
        text = str(app.screen.query_one("#resume-text", Static).render())
        assert "Hva gjør vi nå? " in text or "Hva gjør vi nå?\n" in text, text
        assert "?." not in text
