"""`e`: the highlighted document is the one that is made (issue 14.1).

↑/↓ choose, Enter (or ctrl+s) makes it; the message names the kind and the path.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from startpakke.engine import FakeClock
from tests.tui_helpers import open_app, start_meeting

SIZE = (120, 40)
NAMES = "Anne,Bjørn,Cecilie"


def _messages(app: object) -> list[str]:
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    return tmp_path / "okt.json"


@pytest.mark.parametrize("key", ["enter", "ctrl+s"])
async def test_down_then_write_makes_the_referat_not_the_contract(
    session_file: Path, tmp_path: Path, key: str
) -> None:
    app = open_app(session_file, FakeClock(), "--names", NAMES)
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        await pilot.press("e", "down", key)
        await pilot.pause()
        written = sorted(p.name for p in tmp_path.glob("*.docx"))
        assert len(written) == 1 and written[0].startswith("referat-"), written
        message = _messages(app)[-1]
        assert "Referat" in message and str(tmp_path / written[0]) in message
        assert not app.screen.query("#export-path"), "the dialog closes after making it"


async def test_every_kind_is_offered_in_the_table_order_and_the_contract_warns(
    session_file: Path, tmp_path: Path
) -> None:
    from startpakke.documents.registry import DOCUMENTS

    app = open_app(session_file, FakeClock(), "--names", NAMES)
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        for index, document in enumerate(DOCUMENTS):
            await pilot.press("e", *["down"] * index)
            path = Path(app.screen.query_one("#export-path", Input).value)
            assert path.name == document.default_filename(app.controller.session)  # type: ignore[union-attr]
            assert path.parent == tmp_path, "beside a session file the user placed"
            await pilot.press("escape")
        # A contract made while a rule is only proposed says that it is left out.
        app.controller.add_rule("Vi holder tiden")  # type: ignore[union-attr]
        await pilot.press("e", "enter")  # the contract: the dialog's first kind
        await pilot.pause()
        (made,) = [p.name for p in tmp_path.glob("*.docx")]
        assert made.startswith("nettverkskontrakt-")
        (notice,) = [n for n in app._notifications if "Nettverkskontrakt laget" in n.message]
        assert notice.severity == "warning"
        assert notice.message.endswith(
            "1 forslag til spilleregel er ikke vedtatt og står ikke i kontrakten."
        )


async def test_a_bad_path_keeps_the_dialog_and_the_choice(
    session_file: Path, tmp_path: Path
) -> None:
    app = open_app(session_file, FakeClock(), "--names", NAMES)
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        await pilot.press("e", "down", "down", "down")  # the run sheet
        field = app.screen.query_one("#export-path", Input)
        field.value = str(tmp_path / "finnes-ikke" / "plan.docx")
        await pilot.press("enter")
        await pilot.pause()
        field = app.screen.query_one("#export-path", Input)
        assert field.value == str(tmp_path / "finnes-ikke" / "plan.docx"), "nothing typed is lost"
        error = str(app.screen.query_one("#export-result").render())
        assert "finnes-ikke" in error
        field.value = str(tmp_path / "plan.docx")
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "plan.docx").exists()
        assert "Kjøreplan" in _messages(app)[-1]


async def test_a_file_that_is_there_is_named_and_replaced_only_on_a_second_enter(
    session_file: Path, tmp_path: Path
) -> None:
    """The contract, signed or edited in Word since it was made, is not replaced unasked."""
    app = open_app(session_file, FakeClock(), "--names", NAMES)
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        await pilot.press("e", "enter")  # the contract
        await pilot.pause()
        (made,) = tmp_path.glob("nettverkskontrakt-*.docx")
        edited = made.stat().st_mtime_ns
        await pilot.press("e", "enter")
        await pilot.pause()
        error = str(app.screen.query_one("#export-result").render())
        assert f"{made.name} finnes fra før" in error and "Enter igjen erstatter" in error
        assert made.stat().st_mtime_ns == edited, "not replaced on the first Enter"
        field = app.screen.query_one("#export-path", Input)
        field.value = str(tmp_path / "kontrakt-ny.docx")  # another name: made at once
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "kontrakt-ny.docx").is_file()
        assert not app.screen.query("#export-path")
        await pilot.press("e", "enter")  # the default name again: told, then Enter replaces
        await pilot.pause()
        assert app.screen.query("#export-path"), "still asking"
        await pilot.press("enter")
        await pilot.pause()
        assert not app.screen.query("#export-path"), "replaced on the second Enter"
        assert made.stat().st_mtime_ns != edited


async def test_leaving_the_warned_file_and_coming_back_warns_again(
    session_file: Path, tmp_path: Path
) -> None:
    """The second Enter replaces only the file the facilitator was just told about.

    ↓ then ↑ (or the name edited away and back) clears the warning; the Enter that follows
    must warn again, not replace the file unasked.
    """
    app = open_app(session_file, FakeClock(), "--names", NAMES)
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        await pilot.press("e", "enter")
        await pilot.pause()
        (made,) = tmp_path.glob("nettverkskontrakt-*.docx")
        edited = made.stat().st_mtime_ns
        await pilot.press("e", "enter")
        await pilot.pause()
        result = app.screen.query_one("#export-result")
        assert "finnes fra før" in str(result.render())
        await pilot.press("down", "up")
        await pilot.pause()
        assert not result.display, "the warning went with the choice"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query("#export-path"), "warned again, not replaced"
        assert "finnes fra før" in str(result.render())
        assert made.stat().st_mtime_ns == edited
        field = app.screen.query_one("#export-path", Input)
        warned = field.value
        field.value = str(tmp_path / "annen.docx")
        await pilot.pause()
        assert not result.display, "the warning named a file the field no longer names"
        field.value = warned
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query("#export-path"), "back on the file: warned again"
        assert made.stat().st_mtime_ns == edited
