"""Building the facilitator's app for Pilot tests (a fake clock and a session in memory, or
the session file `startpakke run` opens) and the keys that walk it through the meeting."""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from datetime import date
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App
from textual.keys import _character_to_key
from textual.widgets import Digits, Input, Static, TextArea

from startpakke.agenda.model import Agenda
from startpakke.cli import build_parser
from startpakke.commands.run import _prepare, startup_for
from startpakke.engine import FakeClock
from startpakke.session.edit import participants_from_names
from startpakke.session.model import Session
from startpakke.tui.app import StartpakkeApp, Startup
from startpakke.tui.screens.run import RunScreen
from tests.documents_session import load_builtin_agenda

MEETING_DAY = date(2026, 9, 14)


def builtin(name: str = "startpakke") -> Agenda:
    """A fresh copy of a built-in agenda (read once per test process)."""
    return load_builtin_agenda(name)


def make_app(
    names: str = "Anne,Bjørn,Cecilie",
    *,
    agenda: Agenda | None = None,
    projector: bool = False,
    clock: FakeClock | None = None,
    first_run: bool = False,
    setup: bool = False,
) -> tuple[StartpakkeApp, Session, FakeClock, list[Session]]:
    """An app on a fake clock whose saves are recorded in a list (no files).

    It opens in the run screen, as if «Start møtet» had been pressed on the setup screen
    with the session below (`Startup.begin_at_once`): the setup screen costs a Pilot test
    about 150 ms of CPU, and only its own tests look at it. `setup`: open the setup screen
    first, as `startpakke run` does. The agenda counts as run before (its guide does not
    greet each part) unless `first_run` is asked for.
    """
    agenda = agenda or builtin()
    if not first_run:
        from startpakke.session.guide_seen import first_run as remember

        remember(agenda.id)
    session = Session(agenda=agenda.id, agenda_id=agenda.id)
    session.network.name = "Nettverket i Testdal"
    session.network.meeting_date = MEETING_DAY
    session.network.place = "Rådhuset"
    if names:
        session.participants = participants_from_names(names)
    saves: list[Session] = []
    clock = clock or FakeClock()
    startup = Startup(
        agenda=agenda,
        session=session,
        save=lambda s: saves.append(deepcopy(s)),
        projector=projector,
        bell=False,
        begin_at_once=not setup,
    )
    return StartpakkeApp(startup, clock=clock), session, clock, saves


def open_app(path: Path, clock: FakeClock, *extra: str) -> StartpakkeApp:
    """The app as `startpakke run --session PATH --no-bell …` starts it (the command's own
    preparation, saver and lock; no terminal)."""
    args = build_parser().parse_args(["run", "--session", str(path), "--no-bell", *extra])
    return StartpakkeApp(startup_for(args, *_prepare(args)), clock=clock)


async def start_meeting(pilot: Any) -> None:
    """On the setup screen, start the meeting (ctrl+s); in the run screen already, wait
    for its first frame."""
    if not isinstance(pilot.app.screen, RunScreen):
        await pilot.press("ctrl+s")
    await pilot.pause()


async def go_to_part(pilot: Any, app: StartpakkeApp, part_id: str) -> None:
    """`n` until the meeting is in `part_id` (a part later than the current one)."""
    assert app.controller is not None
    for _ in range(len(app.controller.agenda.parts)):
        if app.controller.part.id == part_id:
            return
        await pilot.press("n")
    assert app.controller.part.id == part_id


async def go_to_phase(pilot: Any, app: StartpakkeApp, phase_id: str) -> None:
    """`f` until the current part is in its phase `phase_id`."""
    assert app.controller is not None
    for _ in range(5):
        if app.controller.phase.id == phase_id:
            return
        await pilot.press("f")
    assert app.controller.phase.id == phase_id


def _keys_reach_the_meeting(app: StartpakkeApp) -> RunScreen:
    """The run screen, where `n`/`f` would be meeting keys (no text field has the focus)."""
    screen = app.screen
    assert isinstance(screen, RunScreen)
    assert not isinstance(app.focused, (Input, TextArea)), "a key would be typed, not obeyed"
    return screen


async def skip_to_part(pilot: Any, app: StartpakkeApp, part_id: str) -> None:
    """What `go_to_part` does, with the screen drawn once at the end instead of after each
    `n` (the same action per step): for tests whose subject is not the walk."""
    assert app.controller is not None
    screen = _keys_reach_the_meeting(app)
    for _ in range(len(app.controller.agenda.parts)):
        if app.controller.part.id == part_id:
            break
        screen.action_next_part()
    assert app.controller.part.id == part_id
    await settle(pilot)


async def skip_to_phase(pilot: Any, app: StartpakkeApp, phase_id: str) -> None:
    """What `go_to_phase` does, drawn once at the end (see `skip_to_part`)."""
    assert app.controller is not None
    screen = _keys_reach_the_meeting(app)
    for _ in range(5):
        if app.controller.phase.id == phase_id:
            break
        screen.action_next_phase()
    assert app.controller.phase.id == phase_id
    await settle(pilot)


async def open_plan(pilot: Any, app: StartpakkeApp) -> None:
    """Start the meeting, go to steg 7 and open its plan form (`c`)."""
    await start_meeting(pilot)
    await go_to_part(pilot, app, "steg7")
    await pilot.press("c")
    await pilot.pause()


async def jump_to_part(pilot: Any, app: StartpakkeApp, part_id: str) -> None:
    """Put the meeting straight into `part_id` through the controller (as the schedule's
    jump does), for tests whose subject is not the walk there: one redraw instead of a key
    and a redraw per part (`go_to_part`)."""
    assert app.controller is not None
    ids = [part.id for part in app.controller.agenda.parts]
    app.controller.jump(ids.index(part_id))
    await _redraw_state(pilot)
    assert app.controller.part.id == part_id


async def jump_to_phase(pilot: Any, app: StartpakkeApp, part_id: str, phase_id: str) -> None:
    """`jump_to_part`, then the controller's next phase until `phase_id`, drawn once."""
    assert app.controller is not None
    ids = [part.id for part in app.controller.agenda.parts]
    app.controller.jump(ids.index(part_id))
    for _ in range(5):
        if app.controller.phase.id == phase_id:
            break
        app.controller.next_phase()
    await _redraw_state(pilot)
    assert (app.controller.part.id, app.controller.phase.id) == (part_id, phase_id)


async def open_plan_at_once(pilot: Any, app: StartpakkeApp) -> None:
    """`open_plan` without walking: start the meeting, jump to steg 7 and press `c`."""
    await pilot.press("ctrl+s")  # the setup screen: start the meeting (drawn after the jump)
    await jump_to_part(pilot, app, "steg7")
    await pilot.press("c")
    await pilot.pause()


async def _redraw_state(pilot: Any) -> None:
    """The run screen's tick by hand, then one frame: the controller was driven directly
    and nothing else is waiting (the jump helpers; `settle` lets the app catch up first)."""
    if isinstance(pilot.app.screen, RunScreen):
        pilot.app.screen.refresh_state()
    await pilot.pause()


async def settle(pilot: Any) -> None:
    """Let the app catch up, with the run screen's tick done by hand (tests/conftest.py
    slows it down): after the clock moved or the controller was driven directly."""
    await pilot.pause()
    if isinstance(pilot.app.screen, RunScreen):
        pilot.app.screen.refresh_state()
    await pilot.pause()


def put_text(app: StartpakkeApp, typed: str, selector: str | None = None) -> None:
    """What typing `typed` into the focused field does, as one edit.

    For tests whose subject is what the text does, not the typing: a key press per letter
    makes the app react and repaint each time. The field must have the focus, as it must
    for typing (a letter typed elsewhere would be a meeting key); `selector` names the field
    a test has just focused itself (`focus()` takes effect a message later).
    """
    field = app.screen.query_one(selector) if selector else app.focused
    if isinstance(field, TextArea):
        field.replace(typed, *field.selection)
        return
    assert isinstance(field, Input), f"typing needs a focused field, not {field!r}"
    selection = field.selection  # as Input's own key handler: typing replaces a selection
    if selection.is_empty:
        field.insert_text_at_cursor(typed)
    else:
        field.replace(typed, *selection)


def send_together(app: App[Any], keys: list[str]) -> None:
    """Keys that reach the app at once, as when it is busy drawing while they are typed
    (Pilot's `press` waits for each key to be handled before the next)."""
    for key in keys:
        if len(key) == 1:  # a character, named as Pilot names it ("space", "full_stop")
            app.post_message(events.Key(_character_to_key(key), key))
        else:
            app.post_message(events.Key(key, " " if key == "space" else None))


async def until(pilot: Any, condition: Callable[[], bool], what: str, tries: int = 100) -> None:
    """Let the app run until `condition()` holds, e.g. a button's message to its screen is
    handled: under load Pilot's wait for idle can return before the app has caught up,
    and a test that no longer types a while after a click can close the screen first."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause()
    assert condition(), what


def text(app: StartpakkeApp, selector: str) -> str:
    """What the `Static` at `selector` on the current screen shows."""
    return str(app.screen.query_one(selector, Static).render())


def clock_face(app: StartpakkeApp) -> str:
    """The run screen's big clock as it reads."""
    return app.screen.query_one("#clock-digits", Digits).value


def drafts_on_a_full_disk(monkeypatch: Any, full: bool) -> dict[str, bool]:
    """The drafts' writes fail with ENOSPC while `["now"]` of the returned flag is true (the
    session's own saves are not touched): a full disk the test can empty."""
    from startpakke.tui import drafts

    flag = {"now": full}
    real = drafts.save_drafts

    def unless_full(path: Path, fields: dict[str, str]) -> None:
        if flag["now"]:
            raise OSError(28, "No space left on device")
        real(path, fields)

    monkeypatch.setattr(drafts, "save_drafts", unless_full)
    return flag
