"""The run screen's footer: what is needed now is shown whole, `?` holds the rest (14.13)."""

from __future__ import annotations

import pytest
from rich.text import Text

from startpakke.tui.bindings import APP_BINDINGS, RUN_BINDINGS
from startpakke.tui.screens.help import HelpKeys
from startpakke.tui.screens.run import RunScreen
from tests.tui_helpers import make_app, settle, skip_to_part, skip_to_phase


def footer(app: object) -> str:
    """The footer's text as the facilitator reads it, row by row."""
    bar = app.screen.query_one("#key-bar")  # type: ignore[attr-defined]
    rendered = bar.render()
    assert isinstance(rendered, Text)
    return rendered.plain


def words(app: object) -> list[str]:
    return footer(app).split()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_in_a_round_the_turn_keys_come_first_and_nothing_is_cut(
    size: tuple[int, int],
) -> None:
    app, _, _, _ = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        text = footer(app)
        first_row = text.splitlines()[0]
        assert first_row.split()[:4] == ["t", "Neste", "tur", "a"]
        assert text.rstrip().endswith("? Alle taster"), "the rest is one ? away"
        for row in text.splitlines():
            assert len(row) <= size[0] - 1, "every row fits its window"
        shown = {b.description for b in RUN_BINDINGS if f" {b.description}" in text}
        assert {"Neste tur", "Borte", "Pause", "Neste del"} <= shown
        assert "Neste fase" not in shown, "innsjekk has one phase: f would be n"


async def test_at_120_columns_capture_documents_schedule_and_notes_are_shown() -> None:
    app, _, _, _ = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = footer(app)
        for entry in ["c Skriv ned", "e Dokumenter", "o Tidsplan", "m Notat", "h Oppfølging",
                      "d Deltakere", "? Alle taster"]:  # fmt: skip
            assert entry in text, (entry, text)


async def test_in_a_capture_phase_c_comes_first() -> None:
    app, _, _, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await skip_to_part(pilot, app, "steg4")
        await skip_to_phase(pilot, app, "konsensus")
        assert words(app)[:3] == ["c", "Skriv", "ned"]
        assert "t" not in words(app), "no round here: no turn key"


async def test_after_the_meeting_documents_come_first() -> None:
    app, _, _, _ = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(len(app.controller.agenda.parts)):  # type: ignore[union-attr]
            app.screen.action_next_part()  # what `n` does, drawn once at the end
        await settle(pilot)
        assert app.controller.engine.finished  # type: ignore[union-attr]
        assert words(app)[:2] == ["e", "Dokumenter"]
        assert "Neste" not in footer(app)


async def test_help_and_palette_read_the_same_declaration() -> None:
    app, _, _, _ = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        keys = [b.tooltip for b in [*RUN_BINDINGS, *APP_BINDINGS]]
        assert titles[: len(RUN_BINDINGS)] == keys[: len(RUN_BINDINGS)]
        assert set(keys) <= set(titles)  # then what has no key: «Hva er lagret», the language
        assert len(set(titles)) == len(titles), "each action once (no «Lyst/mørkt» twice)"
        await pilot.press("question_mark")
        await pilot.pause()
        shown = " ".join(text for keys in app.screen.query(HelpKeys) for _, text in keys.rows)
        for binding in RUN_BINDINGS:
            assert binding.tooltip in shown
            assert binding.description.casefold() in binding.tooltip.casefold(), (
                "the help line reads like the footer's word"
            )
