"""The projector app (Pilot) and the room's view of a session, on a fake clock."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widget import Widget
from textual.widgets import Static

from startpakke.controller import MeetingController
from startpakke.engine import FakeClock
from startpakke.projector import blockfont
from startpakke.projector.room import NOT_STARTED, THANKS, Room, RoomError
from startpakke.session.edit import (
    add_competence,
    add_rule,
    participants_from_names,
    set_rule_agreed,
)
from startpakke.session.model import Session
from startpakke.session.store import load_session, save_session
from startpakke.tui.projector_app import BlockClock, Board, PostIt, ProjectorApp
from tests.documents_session import load_builtin_agenda

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
NAMES = "Anne,Bjørn,Cecilie"
RULES = (
    ("Det som blir sagt i rommet, blir i rommet", True),
    ("Mobilen ligger i sekken", False),
)


def make_session_file(
    path: Path,
    part: int | None,
    *,
    clock: FakeClock | None = None,
    agenda_name: str = "startpakke",
    rules: tuple[tuple[str, bool], ...] = RULES,
    competences: bool = False,
) -> MeetingController:
    """A session saved to `path`, the meeting started and standing at `part` (None: not
    started). Saves go through the real atomic `save_session`."""
    agenda = load_builtin_agenda(agenda_name)
    session = Session(agenda=agenda_name, agenda_id=agenda.id)
    session.network.name = "Nettverket i Testdal"
    session.participants = participants_from_names(NAMES)
    controller = MeetingController(
        agenda,
        session,
        lambda s: save_session(s, path),
        **({"clock": clock} if clock else {}),
    )
    if part is not None:
        controller.start()
        if part:
            controller.jump(part)
    people = [p.id for p in session.participants]
    for index, (text, agreed) in enumerate(rules):
        rule = add_rule(session, text, proposed_by=people[index % len(people)])
        if agreed:
            set_rule_agreed(session, rule.id)
    if competences:
        add_competence(session, people[0], "teoretisk", "Barnevernloven")
        add_competence(session, people[1], "yrkesspesifikk", "Tiltaksplaner")
        add_competence(session, people[2], "personlig", "Rolig under press")
    controller.changed()
    return controller


def text_of(app: ProjectorApp, selector: str) -> str:
    return str(app.query_one(selector, Static).render())


def screen_text(app: ProjectorApp) -> str:
    """Everything on the screen as plain text, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


# -- the block-font clock ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("face", "width", "height", "scale"),
    [
        ("00:00", 24, 10, 0),  # too narrow: plain text
        ("00:00", 25, 4, 1),
        ("00:00", 78, 8, 2),
        ("00:00", 200, 40, 8),
        ("+01:05", 78, 8, 2),
        ("1:00:00", 78, 20, 2),
    ],
)
def test_block_clock_scales_to_the_space(face: str, width: int, height: int, scale: int) -> None:
    assert blockfont.fit(face, width, height) == scale
    lines = blockfont.render(face, scale)
    if scale:
        columns, rows = blockfont.size(face, scale)
        assert len(lines) == rows <= height
        assert {len(line) for line in lines} == {columns}
        assert columns <= width


# -- the room's view ------------------------------------------------------------------------


def test_room_before_during_and_after_the_meeting(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "okt.json"
    controller = make_session_file(path, None, clock=clock)
    room = Room(path, clock=clock)
    room.open()
    view = room.view()
    assert view.stage == "waiting"
    assert view.title == "Nettverket i Testdal"
    assert view.phase == NOT_STARTED

    controller.start()
    controller.jump(4)
    assert room.refresh()
    view = room.view()
    assert (view.part_label, view.title) == ("Steg 4 av 7", "Spilleregler i gruppen")
    assert view.clock == "05:00"
    assert [(r.text, r.agreed) for r in view.rules or ()] == list(RULES)
    assert view.competences is None

    # The countdown runs between saves: the engine restored from the file counts.
    clock.advance(60)
    assert not room.refresh()
    assert room.view().clock == "04:00"

    controller.jump(controller.agenda.part_index("steg6"))
    assert room.refresh()
    view = room.view()
    assert view.title == "Vår kompetanse og kunnskap"
    assert view.rules is None
    assert [c.label for c in view.competences or ()] == [
        "Teoretisk kunnskap",
        "Yrkesspesifikke ferdigheter",
        "Personlig kompetanse",
    ]

    controller.jump(controller.agenda.part_index("utsjekk"))
    controller.next_part()
    room.refresh()
    assert room.view().stage == "finished"
    assert room.view().title == THANKS


def test_room_shows_overtime_and_whose_turn(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "okt.json"
    make_session_file(path, 0, clock=clock)
    room = Room(path, clock=clock)
    room.open()
    view = room.view()
    assert (view.now_speaking, view.next_speaking) == ("Anne", "Bjørn")
    assert view.turn_text == "tur 1 av 3"
    clock.advance(200 + 65)  # a 3 min 20 s turn, and 65 s over
    view = room.view()
    assert view.clock == "+01:05"
    assert view.clock_state == "overtime"
    assert view.clock_status.startswith("OVERTID")


def test_room_says_when_the_facilitators_app_has_closed(tmp_path: Path) -> None:
    """The read-only second window and the projector: the app that held the lock let it go
    (ctrl+q, or killed), so nothing new will come; a room opened before any app held the
    lock is not told so."""
    import subprocess
    import sys

    from startpakke.session.lock import SessionLock, lock_path

    path = tmp_path / "okt.json"
    make_session_file(path, 2)
    room = Room(path, clock=FakeClock())
    room.open()
    assert room.view().problem is None, "no app has held it yet: nothing to say"
    lock = SessionLock.acquire(path)
    room.refresh()
    assert room.view().problem is None
    lock.release()  # ctrl+q in the facilitator's app
    assert room.refresh(), "a change the screen must show"
    problem = room.view().problem
    assert problem is not None and "Møteappen som skrev møtet, er lukket" in problem
    assert "startpakke run --resume" in problem
    # Opened again, then killed: its lock stays behind with a process that is gone.
    script = (
        "import sys; from pathlib import Path; from startpakke.session.lock import SessionLock;"
        "SessionLock.acquire(Path(sys.argv[1]))"
    )
    SessionLock.acquire(path).release()
    room.refresh()
    subprocess.run([sys.executable, "-c", script, str(path)], check=True)
    assert lock_path(path).exists(), "the dead process's lock is still there"
    room.refresh()
    assert "er lukket" in (room.view().problem or "")


def test_the_rooms_clock_stops_while_the_facilitators_app_is_closed(tmp_path: Path) -> None:
    """After ctrl+q the clock on the wall went on counting down into overtime, though the
    meeting stood still until the app was opened again (and asked whether the time counts)."""
    from startpakke.session.lock import SessionLock

    clock = FakeClock()
    path = tmp_path / "okt.json"
    lock = SessionLock.acquire(path)
    controller = make_session_file(path, 0, clock=clock)  # a 3 min 20 s turn, running
    room = Room(path, clock=clock)
    room.open()
    clock.advance(20)
    assert room.view().clock == "03:00", "while the app is open, the clock runs"
    controller.changed()  # ctrl+q saves the last state, then lets the lock go
    lock.release()
    room.refresh()
    clock.advance(600)
    view = room.view()
    assert (view.clock, "er lukket" in (view.problem or "")) == ("03:00", True)
    assert view.clock_state != "overtime"
    lock = SessionLock.acquire(path)  # opened again: it asks first whether the time counts
    room.refresh()
    clock.advance(30)
    view = room.view()
    assert (view.clock, view.problem) == ("03:00", None), "still until the app has saved"
    # «Fortsett der klokken stoppet»: the app continues from the last save, and saves.
    saved = load_session(path)
    resumed = MeetingController.resume(
        load_builtin_agenda("startpakke"),
        saved,
        lambda s: save_session(s, path),
        clock,
        count_closed_time=False,
    )
    resumed.changed()
    room.refresh()
    clock.advance(20)
    assert room.view().clock == "02:40", "and the room's clock runs with it again"
    lock.release()


def test_room_says_when_the_facilitators_app_has_stopped_saving(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "okt.json"
    controller = make_session_file(path, 2, clock=clock)
    room = Room(path, clock=clock)
    room.open()
    clock.advance(15)
    assert room.view().problem is None
    clock.advance(30)
    problem = room.view().problem
    assert problem is not None and "Ingen ny lagring fra møteappen på 45 s" in problem
    controller.heartbeat()  # the app saves again
    room.refresh()
    assert room.view().problem is None
    controller.toggle_pause()  # a paused meeting may sit still for as long as it likes
    clock.advance(600)
    room.refresh()
    assert room.view().problem is None


def test_room_shows_the_listening_banner_in_kollegaveiledning(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "okt.json"
    controller = make_session_file(path, None, clock=clock, agenda_name="kollegaveiledning")
    anne = controller.session.participants[0]
    controller.start()
    controller.choose_focus([anne.id])
    index = next(
        i
        for i, part in enumerate(controller.agenda.parts)
        if any(
            step.focus_listening
            for phase in part.effective_phases
            if phase.turn
            for step in phase.turn.steps
        )
    )
    controller.jump(index)
    while not controller.engine.snapshot().round or not (
        controller.engine.snapshot().round.focus_listening  # type: ignore[union-attr]
    ):
        controller.next_turn()
    room = Room(path, clock=clock)
    room.open()
    view = room.view()
    assert view.listening.startswith("Anne LYTTER")
    assert view.speaker_label == "Fokusperson"


def test_room_refuses_a_file_that_is_not_a_session(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    path.write_text("{ ikke json", encoding="utf-8")
    with pytest.raises(RoomError, match="ufullstendig eller skadet"):
        Room(path).open()
    with pytest.raises(RoomError, match="Finner ikke øktfilen"):
        Room(tmp_path / "mangler.json").open()


# -- the app ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("width", "height"), [(80, 24), (200, 60)])
async def test_projector_app_at_steg_4(tmp_path: Path, width: int, height: int) -> None:
    clock = FakeClock()
    path = tmp_path / "okt.json"
    controller = make_session_file(path, 4, clock=clock)
    room = Room(path, clock=clock)
    room.open()
    app = ProjectorApp(room, tick=0.05)
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.pause()
        screen = screen_text(app)
        ARTIFACTS.mkdir(exist_ok=True)
        app.save_screenshot(str(ARTIFACTS / f"projector-steg4-{width}x{height}.svg"))

        # The title and the label, whole.
        assert "Spilleregler i gruppen" in screen
        assert "Steg 4 av 7" in screen
        title = app.query_one("#title", Static)
        assert title.region.height >= 1 and title.region.right <= width

        # The big clock: a block face at least two pixels a stroke, entirely on screen.
        clock_widget = app.query_one(BlockClock)
        assert clock_widget.face == "05:00"
        region = clock_widget.content_region
        scale = blockfont.fit("05:00", region.width, region.height)
        assert scale >= 2
        columns, rows = blockfont.size("05:00", scale)
        assert columns <= region.width and rows <= region.height
        assert region.bottom <= height and region.right <= width
        face_rows = [line for line in screen.splitlines() if "█" in line]
        assert len(face_rows) >= rows - 1

        # The rules as post-its, agreed ones marked.
        assert "Mobilen ligger i sekken" in screen
        assert "✓ enig" in screen
        assert "Det som blir sagt i rommet" in screen

        # A rule added and one agreed by the facilitator's app (another writer): shown.
        controller.add_rule("Vi starter presis")
        controller.edit(set_rule_agreed, controller.session.rules[1].id)
        for _ in range(50):  # the view follows the file: wait for it, up to 5 s, not a guess
            await pilot.pause(0.1)
            screen = screen_text(app)
            if "Vi starter presis" in screen and "3 forslag, 2 vedtatt" in screen:
                break
        assert "Vi starter presis" in screen
        assert "3 forslag, 2 vedtatt" in screen

        # Time passes: the clock follows the clock.
        clock.advance(30)
        for _ in range(50):  # the next tick shows it
            await pilot.pause(0.1)
            if clock_widget.face == "04:30":
                break
        assert clock_widget.face == "04:30"


@pytest.mark.parametrize(
    ("count", "compact", "hidden"), [(3, False, False), (12, True, False), (40, True, True)]
)
async def test_many_rules_go_compact_and_what_does_not_fit_is_counted(
    tmp_path: Path, count: int, compact: bool, hidden: bool
) -> None:
    clock = FakeClock()
    path = tmp_path / "okt.json"
    rules = tuple((f"Regel {i}", i % 3 == 0) for i in range(1, count + 1))
    make_session_file(path, 4, clock=clock, rules=rules)
    room = Room(path, clock=clock)
    room.open()
    app = ProjectorApp(room, tick=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        notes = list(app.query(PostIt))
        assert len(notes) == count
        assert all(note.has_class("-compact") == compact for note in notes)
        missing = app.query_one(Board).count_hidden()
        heading = text_of(app, ".board-heading")
        assert f"{count} forslag" in heading
        shown = sum(1 for note in notes if note.region and note.region.bottom <= 24)
        assert missing == count - shown
        if hidden:
            assert missing > 0
            assert f"{missing} til får ikke plass" in heading
        else:
            assert missing == 0
            assert "får ikke plass" not in heading
        # The clock keeps its place, smaller but whole.
        clock_widget = app.query_one(BlockClock)
        assert blockfont.fit("05:00", *clock_widget.content_region.size) >= 1


@pytest.mark.parametrize(("width", "height"), [(80, 24), (200, 60)])
async def test_projector_app_shows_the_round(tmp_path: Path, width: int, height: int) -> None:
    clock = FakeClock()
    path = tmp_path / "okt.json"
    controller = make_session_file(path, 0, clock=clock)
    room = Room(path, clock=clock)
    room.open()
    app = ProjectorApp(room, tick=0.05)
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.pause()
        assert "Velkommen og innsjekk" in screen_text(app)
        turn = text_of(app, "#turn")
        assert "Ordet har: Anne" in turn and "Neste: Bjørn" in turn
        assert "Hvordan har du det i dag?" in text_of(app, "#prompts")

        controller.next_turn()
        clock.advance(1)
        await pilot.pause(0.3)
        turn = text_of(app, "#turn")
        assert "Ordet har: Bjørn" in turn and "Neste: Cecilie" in turn


async def test_projector_app_competences_and_the_end(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "okt.json"
    # Part 7 is steg 6 (the break after steg 4 is part 5).
    controller = make_session_file(path, 7, clock=clock, competences=True)
    room = Room(path, clock=clock)
    room.open()
    app = ProjectorApp(room, tick=0.05, dark=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = screen_text(app)
        for label in ("Teoretisk kunnskap (gul)", "Personlig kompetanse (rosa)"):
            assert label in screen
        assert "Tiltaksplaner" in screen
        assert app.theme == "startpakke"

        controller.jump(controller.agenda.part_index("utsjekk"))
        controller.next_part()
        clock.advance(1)
        await pilot.pause(0.3)
        assert THANKS in screen_text(app)


async def test_projector_app_before_the_meeting_and_quit_with_q(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "okt.json"
    make_session_file(path, None, clock=clock)
    room = Room(path, clock=clock)
    room.open()
    app = ProjectorApp(room, tick=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = screen_text(app)
        assert "Nettverket i Testdal" in screen
        assert NOT_STARTED in screen
        assert app.theme == "startpakke-projektor"
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


async def test_projector_app_never_writes_the_session(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "okt.json"
    make_session_file(path, 4, clock=clock)
    before = path.read_bytes(), path.stat().st_mtime_ns
    room = Room(path, clock=clock)
    room.open()
    app = ProjectorApp(room, tick=0.02)
    async with app.run_test(size=(80, 24)) as pilot:
        clock.advance(5)
        await pilot.pause(0.2)
        await pilot.press("n", "space", "c", "enter", "ctrl+q")
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["okt.json", "okt.json.bak"]


async def test_a_second_on_the_projector_redraws_the_clock_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The projector shows a meeting for three hours: each second it draws what changed.

    Every text was set again each second, and each one laid out the whole screen anew.
    """
    clock = FakeClock()
    path = tmp_path / "okt.json"
    make_session_file(path, 4, clock=clock)
    room = Room(path, clock=clock)
    room.open()
    app = ProjectorApp(room, tick=3600)  # the test ticks: `refresh_room` is the tick
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        face = app.query_one(BlockClock).face
        refreshed: list[str] = []
        refresh = Widget.refresh

        def record(self: Widget, *args: Any, **kwargs: Any) -> Widget:
            refreshed.append(f"{type(self).__name__}#{self.id}")
            return refresh(self, *args, **kwargs)

        monkeypatch.setattr(Widget, "refresh", record)
        clock.advance(1)
        app.refresh_room()
        assert set(refreshed) == {"BlockClock#clock"}
        assert app.query_one(BlockClock).face != face
