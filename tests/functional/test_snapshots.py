"""Snapshot tests of the screens a facilitator sees, at a laptop size and a large size,
in both themes. Update after a deliberate change with `pytest --snapshot-update`."""

from __future__ import annotations

import tempfile

import pytest

from tests.tui_helpers import make_app

SIZES = [(80, 24), (160, 50)]
THEMES = [False, True]  # projector theme off / on


def _ids(value: object) -> str:
    if isinstance(value, tuple):
        return f"{value[0]}x{value[1]}"
    return "projektor" if value else "mork"


def _app(projector: bool, setup: bool = False):  # type: ignore[no-untyped-def]
    app, _, clock, _ = make_app(
        "Anne Aas,Bjørn Berg,Cecilie Dahl", projector=projector, setup=setup
    )
    return app, clock


@pytest.mark.parametrize("size", SIZES, ids=_ids)
@pytest.mark.parametrize("projector", THEMES, ids=_ids)
def test_setup_screen(snap_compare, size, projector) -> None:  # type: ignore[no-untyped-def]
    app, _ = _app(projector, setup=True)
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=_ids)
@pytest.mark.parametrize("projector", THEMES, ids=_ids)
def test_run_screen_in_a_round(snap_compare, size, projector) -> None:  # type: ignore[no-untyped-def]
    app, clock = _app(projector)

    async def before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("t")
        clock.advance(75)
        await pilot.pause()
        app.screen.refresh_state()

    assert snap_compare(app, terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=_ids)
@pytest.mark.parametrize("projector", THEMES, ids=_ids)
def test_run_screen_in_overtime(snap_compare, size, projector) -> None:  # type: ignore[no-untyped-def]
    app, clock = _app(projector)

    async def before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("n", "n")
        clock.advance(4 * 60 + 5)
        await pilot.pause()
        app.screen.refresh_state()  # 5 s over: the time-up flash (2 s) has ended

    assert snap_compare(app, terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=_ids)
@pytest.mark.parametrize("projector", THEMES, ids=_ids)
def test_schedule_screen(snap_compare, size, projector) -> None:  # type: ignore[no-untyped-def]
    app, clock = _app(projector)

    async def before(pilot) -> None:  # type: ignore[no-untyped-def]
        clock.advance(12 * 60)
        await pilot.press("n")
        clock.advance(3 * 60)
        await pilot.press("n", "o")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=_ids)
@pytest.mark.parametrize("projector", THEMES, ids=_ids)
def test_help_screen(snap_compare, size, projector) -> None:  # type: ignore[no-untyped-def]
    app, _ = _app(projector)
    assert snap_compare(app, terminal_size=size, press=["question_mark"])


@pytest.mark.parametrize("projector", THEMES, ids=_ids)
def test_run_screen_big_clock_at_120x40(snap_compare, projector) -> None:  # type: ignore[no-untyped-def]
    """A mirrored projector: the clock in block digits, the speaker and the next beside it."""
    app, clock = _app(projector)

    async def before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("t")
        clock.advance(75)
        await pilot.pause()
        app.screen.refresh_state()

    assert snap_compare(app, terminal_size=(120, 40), run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=_ids)
@pytest.mark.parametrize("projector", THEMES, ids=_ids)
def test_export_dialog(snap_compare, size, projector, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`e`, then ↓: the referat is highlighted, and its file name is suggested."""
    # The suggestion is in the current folder: the same one wherever the tests run.
    monkeypatch.chdir(tempfile.gettempdir())
    app, _ = _app(projector)
    assert snap_compare(app, terminal_size=size, press=["e", "down"])
