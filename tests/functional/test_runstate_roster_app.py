"""One roster: a member added during the meeting is in the contract's «Kommuner og
tjenester» (issue 14.6), because the network's services are derived from its members."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from startpakke.documents.contract import write_contract
from startpakke.session import edit as ops
from startpakke.tui.screens.run import RunScreen
from tests.tui_helpers import make_app


def services_row(path: Path) -> str:
    for table in Document(str(path)).tables:
        for row in table.rows:
            cells = [c.text for c in row.cells]
            if cells and cells[0] == "Kommuner og tjenester":
                return cells[1]
    raise AssertionError("the contract has no «Kommuner og tjenester»")


async def test_a_member_added_after_setup_is_in_the_contract(tmp_path: Path) -> None:
    app, session, _, _ = make_app("Anne,Bjørn")
    session.participants[0].service = "Larvik kommune"
    session.participants[1].service = "Sandefjord kommune"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        app.controller.edit_roster(ops.add_participant, "Cecilie", "Tønsberg kommune")
        app.controller.edit_roster(ops.add_participant, "Dag", "Færder kommune", "deputy")
        await pilot.pause()
    row = services_row(write_contract(session, tmp_path / "kontrakt.docx"))
    assert row == "Larvik kommune; Sandefjord kommune; Tønsberg kommune"
