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
from tests.tui_helpers import open_app, skip_to_part, start_meeting, until

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
