"""The schedule: every part with planned and actual times and the projected end."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from startpakke.controller import MeetingController
from startpakke.view.format import behind_text, clock_time, minutes_text


class ScheduleScreen(ModalScreen[None]):
    """Planned vs actual, ahead/behind, where turns were shortened. Enter jumps to a part."""

    BINDINGS = [
        Binding("escape,o,q", "dismiss", "Lukk", key_display="esc/o"),
        Binding("enter", "jump", "Gå til delen"),
    ]

    def __init__(self, controller: MeetingController) -> None:
        super().__init__()
        self.controller = controller

    def compose(self) -> ComposeResult:
        with Vertical(id="schedule-box", classes="dialog"):
            yield Static("Tidsplan", classes="dialog-title")
            yield DataTable(id="schedule-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="schedule-summary")
            yield Static("Enter: gå til delen  ·  Esc: lukk", classes="dialog-help")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("", "Del", "Plan", "Min", "Faktisk", "Brukt", "Merknad")
        snap = self.controller.snapshot()
        for row in self.controller.engine.schedule():
            actual = "–"
            if row.actual_start is not None:
                end = clock_time(row.actual_end) if row.actual_end else "pågår"
                actual = f"{clock_time(row.actual_start)}–{end}"
            used = minutes_text(row.used_seconds) if row.used_seconds else "–"
            marker = "▶" if row.current else ""
            table.add_row(
                marker,
                Text(f"{row.label}: {row.title}"),
                f"{clock_time(row.planned_start)}–{clock_time(row.planned_end)}",
                str(row.planned_minutes),
                actual,
                used,
                Text(row.shortened or ""),
                key=str(row.index),
            )
        table.move_cursor(row=snap.part_index)
        table.focus()
        summary = (
            f"Beregnet slutt {clock_time(snap.projected_end)} ({behind_text(snap.behind_seconds)})"
            f"  ·  planlagt slutt {clock_time(snap.planned_end)}"
            f"  ·  med pause {clock_time(snap.day_end)}"
            if snap.started
            else f"Møtet er ikke startet. Planlagt slutt med pause {clock_time(snap.day_end)}."
        )
        self.query_one("#schedule-summary", Static).update(summary)

    def action_jump(self) -> None:
        table = self.query_one(DataTable)
        self.controller.jump(table.cursor_row)
        self.dismiss()
