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
from tests.tui_helpers import go_to_part, open_app, start_meeting

TYPED = "Vi møtes forberedt, og vi sier fra når vi ikke kan komme."


async def test_contract_text_comes_back_after_a_crash(tmp_path: Path) -> None:
    session = tmp_path / "møte.json"
    clock = FakeClock()
    app = open_app(session, clock, "--names", NAMES)
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        await go_to_part(pilot, app, "steg5")
        await pilot.press("c")
        assert isinstance(app.screen, ContractScreen)
        await type_text(pilot, TYPED)
        await pilot.pause(1.2)  # the keeper looks every half second
        fields = json.loads(draft_path(session).read_text())["fields"]
        assert fields == {"ContractScreen/contract-text": TYPED}
        assert app._drafts is not None
        app._drafts.stopped = True  # the process dies here: no last save, no cleanup

    app = open_app(session, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")  # «Fortsett der klokken stoppet»
        await pilot.pause()
        assert app.controller is not None and app.controller.part.id == "steg5"
        await pilot.press("c")
        await pilot.pause(1.2)
        assert isinstance(app.screen, ContractScreen)
        assert app.screen.query_one("#contract-text", TextArea).text == TYPED
        await pilot.press("escape")  # the dialog saves the contract: no longer a draft
        await pilot.pause(1.2)
        assert app.controller.session.contract.text == TYPED
        assert not draft_path(session).exists()
