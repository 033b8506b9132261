"""Drafts in the dialogs: what is typed into the contract (or any form) and not yet saved is
written beside the session, and offered back in the same field when it opens again.

Pilot drives the real app on a real session file; «the crash» is the keeper stopping
without its last look, as under kill -9 (the e2e test kills a real process).
"""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import TextArea

from startpakke.engine import FakeClock
from startpakke.session.drafts import draft_path
from startpakke.tui.screens.capture_contract import ContractScreen
from tests.functional.test_tui_capture import NAMES, SIZE, type_text
from tests.tui_helpers import (
    drafts_on_a_full_disk,
    open_app,
    skip_to_part,
    start_meeting,
    until,
)

TYPED = "Vi møtes forberedt, og vi sier fra når vi ikke kan komme."


async def test_contract_text_comes_back_after_a_crash(tmp_path: Path) -> None:
    session = tmp_path / "møte.json"
    clock = FakeClock()
    app = open_app(session, clock, "--names", NAMES)
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        await skip_to_part(pilot, app, "steg5")
        await pilot.press("c")
        assert isinstance(app.screen, ContractScreen)
        await type_text(pilot, TYPED)  # typed: the keeper saw the field empty first
        written = draft_path(session)

        def drafted() -> dict[str, str] | None:
            return json.loads(written.read_text())["fields"] if written.exists() else None

        expected = {"ContractScreen/contract-text": TYPED}
        await until(pilot, lambda: drafted() == expected, "the keeper looks every half second")
        fields = drafted()
        assert fields == {"ContractScreen/contract-text": TYPED}
        assert app._drafts is not None
        app._drafts.stopped = True  # the process dies here: no last save, no cleanup

    app = open_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")  # «Fortsett der klokken stoppet»
        await pilot.pause()
        assert app.controller is not None and app.controller.part.id == "steg5"
        await pilot.press("c")

        def offered() -> bool:
            screen = app.screen
            shown = isinstance(screen, ContractScreen)
            return shown and screen.query_one("#contract-text", TextArea).text == TYPED

        await until(pilot, offered, "the draft is offered back in its field")
        assert isinstance(app.screen, ContractScreen)
        assert app.screen.query_one("#contract-text", TextArea).text == TYPED
        await pilot.press("escape")  # the dialog saves the contract: no longer a draft
        await until(pilot, lambda: not written.exists(), "the saved draft is removed")
        assert app.controller.session.contract.text == TYPED
        assert not draft_path(session).exists()


async def test_a_draft_that_could_not_be_written_on_a_full_disk_is_written_by_retry(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Typed and not entered on a full disk, ctrl+q, space freed, «Prøv igjen»: the session
    was saved and the program closed, but the draft's last write had failed at ctrl+q and
    was never tried again, so the text was gone at the next start."""
    from textual.widgets import Input

    from startpakke.tui.screens.unsaved import UnsavedScreen

    session = tmp_path / "møte.json"
    app = open_app(session, FakeClock(), "--names", NAMES)
    full = drafts_on_a_full_disk(monkeypatch, False)
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        await skip_to_part(pilot, app, "steg4")
        real_save = app._raw_save

        def session_unless_full(value: object) -> None:
            if full["now"]:
                raise OSError(28, "No space left on device")
            real_save(value)

        app._raw_save = session_unless_full
        full["now"] = True  # the disk is full before anything is typed
        await pilot.press("n")  # a change that cannot be saved
        await pilot.press("p", "c")
        field = app.focused
        assert isinstance(field, Input) and app._drafts is not None
        app._drafts.sweep()  # the keeper's half-second look: the field is empty
        field.value = "Utkast på full disk"
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, UnsavedScreen), "what now?")
        full["now"] = False  # space freed
        await pilot.click("#retry")
        await until(pilot, lambda: not app.is_running, "closed after saving")
    assert list(json.loads(draft_path(session).read_text())["fields"].values()) == [
        "Utkast på full disk"
    ]
