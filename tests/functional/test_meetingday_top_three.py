"""Issue 14.8: each member's top three and the network's chosen competences, marked in
the app, are in the contract and the referat (read back with python-docx)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from startpakke.documents.contract import write_contract
from startpakke.documents.referat import write_referat
from tests.documents_session import text_in_order
from tests.tui_helpers import builtin, jump_to_phase, make_app, settle


async def test_top_three_and_chosen_competences_reach_both_documents(tmp_path: Path) -> None:
    app, session, _clock, _saves = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.controller is not None
        await jump_to_phase(pilot, app, "steg6", "runder")
        speaker = app.controller.current_speaker()
        assert speaker is not None
        await pilot.press("c")
        for text in ("Barnevernloven", "Veiledning", "Lytter godt", "Excel"):
            field = app.focused  # each note is put in the field (typing is not the subject)
            assert isinstance(field, Input)
            field.value = text
            await pilot.press("enter", "down")
        await pilot.press("tab")  # the list: Enter marks «topp 3»
        await pilot.press("enter", "down", "enter", "down", "enter")
        await pilot.press("escape")
        app.controller.next_phase()  # to «felles»
        await settle(pilot)
        assert app.controller.phase.id == "felles"
        await pilot.press("c", "enter", "escape")  # the first (a top one) is chosen
        await pilot.pause()

    tops = [c.text for c in session.competences if c.top]
    assert len(tops) == 3
    (other,) = [c.text for c in session.competences if not c.top]
    chosen = [c.text for c in session.competences if c.chosen]
    assert len(chosen) == 1

    contract = text_in_order(write_contract(session, tmp_path / "kontrakt.docx"))
    assert "Hver deltakers topp 3" in contract
    top_part = contract.split("Hver deltakers topp 3")[1].split("Kompetanse nettverket")[0]
    assert "Barnevernloven (teoretisk)" in top_part and speaker.name in top_part
    assert all(top in top_part for top in tops) and other not in top_part
    referat = text_in_order(write_referat(session, builtin(), tmp_path / "referat.docx"))
    assert f"Topp 3 – {speaker.name}:" in referat
    line = next(t for t in referat.splitlines() if t.startswith("Topp 3"))
    assert all(top in line for top in tops) and other not in line
    assert "Kompetanse nettverket vil bruke" in contract and chosen[0] in contract
    assert "Kompetanse nettverket vil bruke" in referat
