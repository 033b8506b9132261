"""Issue 14.17: a message never covers «✓ enig»; `i` and `m` read differently; `-` says it
shortens the part too; the palette has one entry for the theme."""

from __future__ import annotations

from textual.geometry import Region
from textual.widgets import OptionList
from textual.widgets._toast import Toast

from startpakke.tui.bindings import RUN_BINDINGS
from tests.tui_helpers import jump_to_phase, make_app


async def test_toast_leaves_the_agreed_mark_visible() -> None:
    app, session, _clock, _saves = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        assert app.controller is not None
        await jump_to_phase(pilot, app, "steg4", "konsensus")
        app.controller.add_rule("Det som sies her, blir her, også når det er vanskelig")
        app.controller.add_rule("Vi starter presis")
        await pilot.press("c")
        await pilot.press("enter", "down", "enter")  # both agreed: two toasts
        await pilot.pause()
        assert all(r.agreed for r in session.rules)
        lst = app.screen.query_one("#capture-list", OptionList)
        prompts = [str(o.prompt) for o in lst.options]
        assert all(p.startswith("✓ enig") for p in prompts), prompts
        # A long message that stays (the real ones go after 3 s, too soon on a slow machine).
        app.notify("Enig: Det som sies her, blir her, også når det er vanskelig", timeout=60)
        await pilot.pause()
        await pilot.pause()
        toasts = list(app.screen.query(Toast))
        assert toasts, "the messages are shown"
        content = lst.content_region
        for row in range(2):
            mark = Region(content.x, content.y + row, len("✓ enig"), 1)
            for toast in toasts:
                assert not toast.region.overlaps(mark), (toast.region, mark)


async def test_keys_read_differently_and_the_palette_has_one_theme_entry() -> None:
    described = {b.id: b.description for b in RUN_BINDINGS}
    assert described["info"] != described["note"]
    assert "Notat" not in described["info"]
    helped = {b.id: b.tooltip for b in RUN_BINDINGS}  # the help screen's and palette's line
    assert "delen" in helped["shorten"]  # `-` shortens the part too: it says so
    app, _session, _clock, _saves = make_app()
    async with app.run_test(size=(80, 24)):
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert sum("Lyst/mørkt" in t for t in titles) == 1, titles
