"""The schedule: every part with planned and actual times and the projected end."""

from __future__ import annotations

import re

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from startpakke.controller import MeetingController
from startpakke.i18n import _
from startpakke.tui.screens.dialog import Dialog
from startpakke.view.format import behind_text, clock_time, minutes_text

NARROW = 100
"""Below this many columns the schedule drops «Min» and cuts long texts to fit."""
SHORT_LABEL = re.compile(r" av \d+$")
CELL_PADDING = 2
DIALOG_FRAME = 4
PART, MINUTES, REMARK = 1, 3, 6
"""The columns `_fit` works on, by place (their headers are in the language of the moment)."""


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _fit(
    headers: list[str], rows: list[list[str]], screen_width: int
) -> tuple[list[str], list[list[str]]]:
    """Drop «Min» (the plan's range says it) and cut «Del» and «Merknad» to the width."""
    keep = [i for i in range(len(headers)) if i != MINUTES]
    headers = [headers[i] for i in keep]
    rows = [[row[i] for i in keep] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    part, remark = keep.index(PART), keep.index(REMARK)
    fixed = sum(w for i, w in enumerate(widths) if i not in (part, remark))
    room = screen_width - DIALOG_FRAME - CELL_PADDING * len(headers) - fixed
    remark_width = min(widths[remark], max(len(headers[remark]), room // 3))
    part_width = max(len(headers[part]), room - remark_width)
    for row in rows:
        row[part] = _cut(row[part], part_width)
        row[remark] = _cut(row[remark], remark_width)
    return headers, rows


class ScheduleScreen(Dialog[None]):
    """Planned vs actual, ahead/behind, where turns were shortened. Enter jumps to a part."""

    BINDINGS = [
        Binding("escape,o,q", "dismiss", _("Lukk"), key_display="esc/o"),
        Binding("enter", "jump", _("Gå til delen")),
    ]

    def __init__(self, controller: MeetingController) -> None:
        super().__init__()
        self.controller = controller

    def compose(self) -> ComposeResult:
        with Vertical(id="schedule-box", classes="dialog"):
            yield Static(_("Tidsplan"), classes="dialog-title")
            yield DataTable(id="schedule-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="schedule-note")
            yield Static(id="schedule-summary")
            yield Static(_("Enter: gå til delen  ·  Esc: lukk"), classes="dialog-help")

    def on_mount(self) -> None:
        # At 80 columns every column must show: the dialog takes the whole width, the part's
        # title and the remark are cut to what is left (the remark is shown whole below).
        narrow = self.app.size.width < NARROW
        self.query_one("#schedule-box").set_class(narrow, "-narrow")
        table = self.query_one(DataTable)
        rows = self.controller.engine.schedule()
        self._remarks = [row.shortened or row.clock_note or "" for row in rows]
        cells = []
        for row in rows:
            actual = "–"
            if row.actual_start is not None:
                end = clock_time(row.actual_end) if row.actual_end else _("pågår")
                actual = f"{clock_time(row.actual_start)}–{end}"
            used = minutes_text(row.used_seconds) if row.used_seconds else "–"
            label = SHORT_LABEL.sub("", row.label) if narrow else row.label
            cells.append(
                [
                    "▶" if row.current else "",
                    label if row.title == row.label else f"{label}: {row.title}",
                    f"{clock_time(row.planned_start)}–{clock_time(row.planned_end)}",
                    str(row.planned_minutes),
                    actual,
                    used,
                    row.shortened or row.clock_note or "",
                ]
            )
        headers = ["", _("Del"), _("Plan"), _("Min"), _("Faktisk"), _("Brukt"), _("Merknad")]
        if narrow:
            headers, cells = _fit(headers, cells, self.app.size.width)
        table.add_columns(*headers)
        for index, values in enumerate(cells):
            table.add_row(*(Text(v) for v in values), key=str(index))
        snap = self.controller.snapshot()
        table.move_cursor(row=snap.part_index)
        table.focus()
        summary = (
            _(
                "Beregnet slutt {end} ({behind})  ·  planlagt slutt {planned}"
                "  ·  med pause {day_end}"
            ).format(
                end=clock_time(snap.projected_end),
                behind=behind_text(snap.behind_seconds),
                planned=clock_time(snap.planned_end),
                day_end=clock_time(snap.day_end),
            )
            if snap.started
            else _("Møtet er ikke startet. Planlagt slutt med pause {end}.").format(
                end=clock_time(snap.day_end)
            )
        )
        self.query_one("#schedule-summary", Static).update(summary)
        self._show_remark(snap.part_index)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_remark(event.cursor_row)

    def _show_remark(self, index: int) -> None:
        remarks = getattr(self, "_remarks", [])
        remark = remarks[index] if 0 <= index < len(remarks) else ""
        note = self.query_one("#schedule-note", Static)
        note.update(Text(_("Merknad: {remark}").format(remark=remark)) if remark else "")
        note.display = bool(remark)

    def action_jump(self) -> None:
        table = self.query_one(DataTable)
        self.controller.jump(table.cursor_row)
        self.dismiss()
