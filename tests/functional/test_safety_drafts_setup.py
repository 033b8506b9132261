"""The setup screen's work survives a crash: the people added there, not only the text of
its fields, are kept beside the session until the meeting starts; and a disk that cannot
take them is said on that screen, where no session save would say it.

«The crash» is the keeper stopping without its last look, as under kill -9
(tests/e2e/test_safety_drafts.py kills a real process).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from startpakke.engine import FakeClock
from startpakke.session.drafts import draft_path
from startpakke.tui.screens.run import RunScreen
from startpakke.tui.screens.setup import SetupScreen
from tests.tui_helpers import drafts_on_a_full_disk, open_app, put_text, until

SIZE = (100, 34)


async def _add(pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    """A participant's name in its field, then Enter (what «Legg til» does)."""
    app = pilot.app
    app.screen.query_one("#p-name").focus()
    await pilot.pause()
    put_text(app, name)
    await pilot.press("enter")


def _kept(session: Path) -> dict[str, str]:
    path = draft_path(session)
    return json.loads(path.read_text())["fields"] if path.exists() else {}


async def test_the_people_added_before_the_start_come_back_after_a_crash(tmp_path: Path) -> None:
    session = tmp_path / "møte.json"
    app = open_app(session, FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen) and app._drafts is not None
        app._drafts.sweep()  # the keeper's first look: nobody added yet, nothing to keep
        put_text(app, "Testdal")  # the network's name, where the focus starts
        await _add(pilot, "Kari Nordmann")
        await _add(pilot, "Ola [vara] Hansen")
        app._drafts.sweep()
        kept = json.loads(_kept(session)["SetupScreen/participants"])
        assert [person["name"] for person in kept] == ["Kari Nordmann", "Ola [vara] Hansen"]
        app._drafts.stopped = True  # the process dies here: no last save, no cleanup
    assert not session.exists()  # the meeting never started

    app = open_app(session, FakeClock())
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        await until(pilot, lambda: len(screen.session.participants) == 2, "offered back")
        assert [p.name for p in screen.session.participants] == [
            "Kari Nordmann",
            "Ola [vara] Hansen",
        ]
        assert screen.query_one(DataTable).row_count == 2
        assert screen.query_one("#network-name", Input).value == "Testdal"
        restored = [n.message for n in app._notifications if "Hentet tilbake" in n.message]
        assert restored == [  # one notice for the screen, each draft quoted
            "Hentet tilbake det du skrev, men ikke lagret: "
            "«Kari Nordmann, Ola [vara] Hansen», «Testdal»"
        ]
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, RunScreen), "the meeting starts")
        await until(pilot, lambda: not draft_path(session).exists(), "saved: no longer a draft")
    names = [person["name"] for person in json.loads(session.read_text())["participants"]]
    assert names == ["Kari Nordmann", "Ola [vara] Hansen"]


async def test_a_damaged_list_of_people_is_not_offered(tmp_path: Path) -> None:
    session = tmp_path / "møte.json"
    draft_path(session).write_text(
        json.dumps({"fields": {"SetupScreen/participants": '[{"navn": "Kari"}]'}})
    )
    app = open_app(session, FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app._drafts is not None
        app._drafts.sweep()
        assert isinstance(app.screen, SetupScreen)
        assert app.screen.session.participants == []
        assert not [n for n in app._notifications if "Hentet tilbake" in n.message]


async def test_a_full_disk_before_the_start_is_said_until_it_has_room(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing but the drafts is written before the meeting starts: when they could not be,
    the screen said nothing, and a crash lost the typing without a word."""
    session = tmp_path / "møte.json"
    full = drafts_on_a_full_disk(monkeypatch, True)
    app = open_app(session, FakeClock())
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert app._drafts is not None
        app._drafts.sweep()
        await _add(pilot, "Kari Nordmann")
        app._drafts.sweep()
        app._drafts.sweep()  # said once, not once a sweep
        await pilot.pause()  # a notice is shown a message later
        errors = [n for n in app._notifications if n.severity == "error"]
        assert [n.title for n in errors] == ["IKKE LAGRET"]
        assert f"{draft_path(session)}: disken er full" in errors[0].message
        full["now"] = False  # space freed
        app._drafts.sweep()
        await pilot.pause()
        shown = [n.message for n in app._notifications]
        assert shown == ["Lagret igjen."]
    assert "SetupScreen/participants" in _kept(session)


async def test_a_later_meeting_gets_its_changed_list_back_with_its_leader(tmp_path: Path) -> None:
    """The people come from the network's last meeting; one removed before the start is
    still removed after a crash, and the leader and secretary proposed stay chosen."""
    from textual.widgets import Select
    from textual.widgets.select import InvalidSelectValueError

    from tests.network_fixtures import founding, save_in_data_folder

    save_in_data_folder(founding(day=date(2026, 2, 10)), "2026-02-10-startpakke")
    session = tmp_path / "neste.json"
    args = ("--agenda", "kollegaveiledning", "--network", "vestfold")
    app = open_app(session, FakeClock(), *args)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen) and app._drafts is not None
        app._drafts.sweep()  # the list from the last meeting is no draft
        assert "SetupScreen/participants" not in _kept(session)
        people = [p.name for p in app.screen.session.participants]
        table = app.screen.query_one(DataTable)
        table.focus()  # the row chosen in the list, then ctrl+d
        table.move_cursor(row=people.index("Nils Dahl"))
        await pilot.pause()
        await pilot.press("ctrl+d")
        assert "Nils Dahl" not in [p.name for p in app.screen.session.participants]
        app._drafts.sweep()
        assert "SetupScreen/participants" in _kept(session)
        app._drafts.stopped = True  # the crash

    app = open_app(session, FakeClock(), *args)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app._drafts is not None
        app._drafts.sweep()
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        names = [p.name for p in screen.session.participants]
        assert "Nils Dahl" not in names and len(names) == len(people) - 1
        assert screen.session.timekeeper is None, "Nils was proposed as timekeeper"
        leader = screen.query_one("#leader", Select)
        secretary = screen.query_one("#secretary", Select)
        assert (leader.value, secretary.value) == ("p-kari", "p-ola")
        with pytest.raises(InvalidSelectValueError):  # chosen among the people still there
            leader.value = "p-nils"
