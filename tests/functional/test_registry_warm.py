"""pydantic's validators for edits are built after the first frame, in a worker thread, so
neither the first frame nor the first edit in the meeting waits for them (issue 12.7)."""

from __future__ import annotations

import pytest

from startpakke import modeling
from startpakke.session.edit import EDITED_MODELS
from startpakke.tui import app as app_module
from tests.tui_helpers import make_app


async def test_validators_are_built_after_the_first_frame(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(modeling, "_ADAPTERS", {})
    monkeypatch.setattr(app_module, "WARM_AFTER_SECONDS", 0.5)
    app, _, _, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert not set(EDITED_MODELS) & set(modeling._ADAPTERS), "not before the first frame"
        for _ in range(100):  # a loaded machine may take a few seconds
            await pilot.pause(0.1)
            await app.workers.wait_for_complete()
            if set(EDITED_MODELS) <= set(modeling._ADAPTERS):
                break
        assert set(EDITED_MODELS) <= set(modeling._ADAPTERS)
