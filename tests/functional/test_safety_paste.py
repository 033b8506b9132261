"""A text pasted into a field is kept whole: Textual's own paste keeps only its first line,
so a rule copied from Word (shift+Enter is a vertical tab) or an e-mail lost the rest."""

from __future__ import annotations

from textual import events

from tests.tui_helpers import jump_to_phase, make_app


async def test_a_pasted_rule_keeps_every_line() -> None:
    app, session, _clock, _saves = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await jump_to_phase(pilot, app, "steg4", "deling")
        await pilot.press("c")
        assert app.focused is not None
        app.focused.post_message(events.Paste("Vi lyttar\vtil kvarandre\nheile tida\x1b[31m"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert [r.text for r in session.rules] == ["Vi lyttar til kvarandre heile tida[31m"]


async def test_names_from_the_command_line_reach_no_screen_with_escapes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Seen by a tester: `--names "Ev\\x1b[31mil,…"` turned the setup table and the run
    screen's «Neste:» red; a session file opened with `--session` was cleaned already."""
    from startpakke.engine import FakeClock
    from tests.tui_helpers import open_app

    app = open_app(tmp_path / "m.json", FakeClock(), "--names", "Ev\x1b[31mil,Bell\x07e")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.controller is not None
        names = [p.name for p in app.controller.session.participants]
        shown = str(app.screen.query_one("#round").render())
    assert names == ["Ev[31mil", "Belle"]
    assert "\x1b" not in shown and "Ev[31mil" in shown
